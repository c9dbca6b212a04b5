package collect

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// HostKeyError stops a host whose key is not the one known_hosts holds,
// before anything is typed on it. It carries what an operator needs to
// verify the key out of band.
type HostKeyError struct {
	Addr        string // host:port
	KeyType     string // "ssh-ed25519", ...
	Fingerprint string // "SHA256:..."
	// Changed is set when known_hosts holds another key for the host
	// (File:Line); otherwise the host is unknown.
	Changed bool
	File    string
	Line    int
}

func (e *HostKeyError) Error() string {
	host, port, _ := net.SplitHostPort(e.Addr)
	scan := fmt.Sprintf("ssh-keyscan -p %s %s | ssh-keygen -lf -", port, host)
	if e.Changed {
		return fmt.Sprintf("host key CHANGED: the switch presented %s %s, but %s:%d holds another key for it. "+
			"Someone may be intercepting the connection, or the switch was replaced or its key regenerated. "+
			"Compare the fingerprint with `show ssh key` on the switch console, and only then replace the old line "+
			"(ssh-keygen -R '%s' -f %s, then add the new key). Nothing was sent to the switch.",
			e.KeyType, e.Fingerprint, e.File, e.Line, knownhosts.Normalize(e.Addr), e.File)
	}
	return fmt.Sprintf("host key unknown: the switch presented %s %s, which is not in known_hosts. "+
		"Verify it out of band (`show ssh key` on the switch console, or `%s` from a trusted network), "+
		"then add it (ssh-keyscan -p %s %s >> ~/.ssh/known_hosts), or pass --known-hosts FILE; "+
		"--insecure-ignore-host-key skips the check. Nothing was sent to the switch.",
		e.KeyType, e.Fingerprint, scan, port, host)
}

// HostKeys says how host keys are checked.
type HostKeys struct {
	// Files are known_hosts files; a missing file knows no host.
	Files []string
	// Insecure accepts any key: the explicit way out.
	Insecure bool
}

// Callback builds the host key callback for the default transport.
func (h HostKeys) Callback() (ssh.HostKeyCallback, error) {
	if h.Insecure {
		return ssh.InsecureIgnoreHostKey(), nil
	}
	var files []string
	for _, f := range h.Files {
		if _, err := os.Stat(f); err == nil {
			files = append(files, f)
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("known hosts %s: %w", f, err)
		}
	}
	var check ssh.HostKeyCallback
	if len(files) > 0 {
		cb, err := knownhosts.New(files...)
		if err != nil {
			return nil, fmt.Errorf("known hosts: %w", err)
		}
		check = cb
	}
	return func(hostname string, remote net.Addr, key ssh.PublicKey) error {
		var err error = &knownhosts.KeyError{}
		if check != nil {
			err = check(hostname, remote, key)
		}
		var ke *knownhosts.KeyError
		if err == nil || !errors.As(err, &ke) {
			return err
		}
		he := &HostKeyError{Addr: hostname, KeyType: key.Type(), Fingerprint: ssh.FingerprintSHA256(key)}
		if len(ke.Want) > 0 {
			he.Changed, he.File, he.Line = true, ke.Want[0].Filename, ke.Want[0].Line
		}
		return he
	}, nil
}

// KnownHostsLine is the known_hosts line for a key at addr, for users and
// tests that add a verified key.
func KnownHostsLine(addr string, key ssh.PublicKey) string {
	return knownhosts.Line([]string{knownhosts.Normalize(addr)}, key)
}

// systemHostKeyArgs are OpenSSH's options for the same policy.
func (h HostKeys) systemArgs() []string {
	if h.Insecure {
		return []string{"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"}
	}
	args := []string{"-o", "StrictHostKeyChecking=yes"}
	if len(h.Files) > 0 {
		args = append(args, "-o", "UserKnownHostsFile="+strings.Join(quoteAll(h.Files), " "))
	}
	return args
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}
