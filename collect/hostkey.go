package collect

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
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
	// (File:Line); otherwise the host is unknown. KnownType is the type of
	// that key when the switch presented a key of another type.
	Changed   bool
	KnownType string
	File      string
	Line      int
	// Revoked: the key is marked @revoked (File:Line when found); for a
	// host certificate, RevokedCA says it is the CA that is.
	Revoked   bool
	RevokedCA bool
	// Jump: the host is a ProxyJump bastion on the way to the switch.
	Jump bool
	// Certificate is why a host certificate was not trusted (x/crypto's
	// words: no @cert-authority line for the host, a principal or validity
	// refused); CA is the fingerprint of the key that signed it. KeyType
	// and Fingerprint are then those of the certified key.
	// NoAuthority says no @cert-authority line of the host holds the CA;
	// otherwise the certificate itself was refused.
	Certificate string
	CA          string
	NoAuthority bool
}

func (e *HostKeyError) Error() string {
	host, port, err := net.SplitHostPort(e.Addr)
	if err != nil {
		host, port = e.Addr, "22"
	}
	what := "the switch"
	if e.Jump {
		what = "the ProxyJump host " + e.Addr
	}
	at := ""
	if e.File != "" {
		at = fmt.Sprintf(" (%s:%d)", e.File, e.Line)
	}
	scan := fmt.Sprintf("ssh-keyscan -p %s %s | ssh-keygen -lf -", port, host)
	switch {
	case e.Revoked && e.Certificate != "":
		which := "key"
		if e.RevokedCA {
			which = "CA"
		}
		return fmt.Sprintf("host certificate REVOKED: %s presented a certificate of its %s key %s, signed by CA %s, "+
			"and known_hosts marks the %s @revoked%s. Do not add or accept this key or this CA: find out why it was "+
			"revoked, and have the switch's key and certificate regenerated if it was compromised. Nothing was sent "+
			"to the switch.", what, e.KeyType, e.Fingerprint, e.CA, which, at)
	case e.Revoked:
		return fmt.Sprintf("host key REVOKED: %s presented %s %s, which known_hosts marks @revoked%s. "+
			"Do not add or accept this key: find out why it was revoked, and have the switch's key regenerated "+
			"if it was compromised. Nothing was sent to the switch.", what, e.KeyType, e.Fingerprint, at)
	case e.Changed && e.KnownType != "":
		return fmt.Sprintf("host key type differs: %s presented %s %s, but %s:%d holds a %s key for it and the switch "+
			"no longer offers that type (its keys were regenerated, or someone may be intercepting the connection). "+
			"Compare the fingerprint with `show ssh key` on the switch console, and only then add the new key "+
			"(ssh-keyscan -t %s -p %s %s >> %s). Nothing was sent to the switch.",
			what, e.KeyType, e.Fingerprint, e.File, e.Line, e.KnownType, keyscanType(e.KeyType), port, host, e.File)
	case e.Changed:
		return fmt.Sprintf("host key CHANGED: %s presented %s %s, but %s:%d holds another key for it. "+
			"Someone may be intercepting the connection, or the switch was replaced or its key regenerated. "+
			"Compare the fingerprint with `show ssh key` on the switch console, and only then replace the old line "+
			"(ssh-keygen -R '%s' -f %s, then add the new key). Nothing was sent to the switch.",
			what, e.KeyType, e.Fingerprint, e.File, e.Line, knownhosts.Normalize(e.Addr), e.File)
	case e.Certificate != "" && !e.NoAuthority:
		return fmt.Sprintf("host certificate refused: %s presented a certificate of its %s key %s, signed by CA %s, "+
			"and the certificate itself is not valid for it (%s). Have the switch's host certificate reissued "+
			"(for the name or address slcheck connects to, valid now), or verify the switch's own key out of band "+
			"and add it (ssh-keyscan -p %s %s >> ~/.ssh/known_hosts). Nothing was sent to the switch.",
			what, e.KeyType, e.Fingerprint, e.CA, e.Certificate, port, host)
	case e.Certificate != "":
		return fmt.Sprintf("host certificate not trusted: %s presented a certificate of its %s key %s, signed by "+
			"CA %s, which known_hosts does not vouch for (%s). Verify the CA and the key out of band, then add "+
			"a @cert-authority line for the CA, or the switch's own key (ssh-keyscan -p %s %s >> ~/.ssh/known_hosts), "+
			"or pass --known-hosts FILE. Nothing was sent to the switch.",
			what, e.KeyType, e.Fingerprint, e.CA, e.Certificate, port, host)
	case e.Jump:
		return fmt.Sprintf("host key unknown: %s presented %s %s, which is not in known_hosts, and OpenSSH asked "+
			"whether to trust it; slcheck does not answer such a question. Verify the fingerprint with the bastion's "+
			"administrator, then log in to it once with ssh to add it. Nothing was sent to the switch.",
			what, e.KeyType, e.Fingerprint)
	}
	return fmt.Sprintf("host key unknown: %s presented %s %s, which is not in known_hosts. "+
		"Verify it out of band (`show ssh key` on the switch console, or `%s` from a trusted network), "+
		"then add it (ssh-keyscan -p %s %s >> ~/.ssh/known_hosts), or pass --known-hosts FILE; "+
		"--insecure-ignore-host-key skips the check. Nothing was sent to the switch.",
		what, e.KeyType, e.Fingerprint, scan, port, host)
}

// keyscanType is ssh-keyscan's -t name of a key type.
func keyscanType(t string) string {
	switch {
	case t == ssh.KeyAlgoRSA:
		return "rsa"
	case t == ssh.KeyAlgoED25519:
		return "ed25519"
	case strings.HasPrefix(t, "ecdsa-"):
		return "ecdsa"
	}
	return t
}

// HostKeys says how host keys are checked.
type HostKeys struct {
	// Files are known_hosts files; a missing file knows no host.
	Files []string
	// Insecure accepts any key: the explicit way out.
	Insecure bool
	// Default says Files are the default ones (~/.ssh/known_hosts), which
	// an ssh configuration's UserKnownHostsFile replaces for its hosts.
	Default bool
}

// hostKeyChecker checks host keys for the default transport against
// known_hosts as OpenSSH does.
type hostKeyChecker struct {
	insecure bool
	check    ssh.HostKeyCallback // x/crypto's known_hosts callback, or nil
}

// checker reads the known_hosts files once for the whole fleet.
func (h HostKeys) checker() (*hostKeyChecker, error) {
	if h.Insecure {
		return &hostKeyChecker{insecure: true}, nil
	}
	var files []string
	for _, f := range h.Files {
		if _, err := os.Stat(f); err == nil {
			files = append(files, f)
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("known hosts %s: %w", f, err)
		}
	}
	hc := &hostKeyChecker{}
	if len(files) > 0 {
		cb, err := knownhosts.New(files...)
		if err != nil {
			return nil, fmt.Errorf("known hosts: %w", err)
		}
		hc.check = cb
	}
	return hc, nil
}

// probeKey is a key no host has: asking known_hosts about it lists the
// keys it does hold for a host.
var probeKey = func() ssh.PublicKey {
	k, _ := ssh.NewPublicKey(ed25519.PublicKey(make([]byte, ed25519.PublicKeySize)))
	return k
}()

// hostLookup is what known_hosts holds for one address, asked once per
// dial: the host key algorithms to offer it come from the answer, and the
// check of the key it presents reuses it, so x/crypto's known_hosts
// callback, which reads every line of the files for every question, reads
// them once per host instead of twice (a fleet's known_hosts has a line
// per switch, so each read grows with the fleet).
type hostLookup struct {
	hc   *hostKeyChecker
	addr string // host:port, as given to ssh.NewClientConn
	// keys are those of the lines that match addr, in file order; complete
	// says they are all of them (x/crypto's callback answered the probe
	// key with a KeyError listing them).
	keys     []knownhosts.KnownKey
	complete bool
}

// lookup asks known_hosts about addr (host:port) once.
func (hc *hostKeyChecker) lookup(addr string) *hostLookup {
	l := &hostLookup{hc: hc, addr: addr}
	if hc.check == nil || addr == "" {
		return l
	}
	var ke *knownhosts.KeyError
	if err := hc.check(addr, &net.TCPAddr{}, probeKey); errors.As(err, &ke) {
		l.keys, l.complete = ke.Want, true
	}
	return l
}

// algorithms are the host key algorithms to offer, as OpenSSH orders
// them: those of the key types known_hosts holds for the address first, so
// a switch with ed25519, ecdsa and rsa keys presents the one recorded
// (OpenSSH records only the one it negotiated). nil means x/crypto's
// defaults.
func (l *hostLookup) algorithms() []string {
	if len(l.keys) == 0 {
		return nil
	}
	var first []string
	for _, k := range l.keys {
		for _, a := range algorithmsFor(k.Key.Type()) {
			if !slices.Contains(first, a) {
				first = append(first, a)
			}
		}
	}
	out := slices.Clone(first)
	for _, a := range ssh.SupportedAlgorithms().HostKeys {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return append(out, ssh.KeyAlgoRSA)
}

// check is x/crypto's known_hosts callback for the key the host presented,
// answered from the lookup when it can be: a plain key (not a
// certificate, which goes to the @cert-authority lines) presented under
// the address looked up. The callback first looks the key up among the
// @revoked ones, then reads the lines of the address: it is still asked
// the first, with a remote address without a port, at which it stops
// before reading any line; the second is the lookup's lines, accepted when
// one holds the key, a KeyError listing them otherwise, as the callback
// answers.
func (l *hostLookup) check(hostname string, remote net.Addr, key ssh.PublicKey) error {
	if _, cert := key.(*ssh.Certificate); cert || !l.complete || hostname != l.addr {
		return l.hc.check(hostname, remote, key)
	}
	var re *knownhosts.RevokedError
	var ke *knownhosts.KeyError
	switch err := l.hc.check(hostname, noPort{}, key); {
	case errors.As(err, &re), err == nil, errors.As(err, &ke):
		return err // revoked; or a callback that read the lines after all
	}
	b := key.Marshal()
	for _, k := range l.keys {
		if bytes.Equal(k.Key.Marshal(), b) {
			return nil
		}
	}
	return &knownhosts.KeyError{Want: l.keys}
}

// noPort is a remote address x/crypto's known_hosts callback cannot split
// into host and port.
type noPort struct{}

func (noPort) Network() string { return "tcp" }
func (noPort) String() string  { return "no-port" }

// algorithmsFor are the signature algorithms of a key type.
func algorithmsFor(keyType string) []string {
	if keyType == ssh.KeyAlgoRSA {
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	}
	return []string{keyType}
}

// callback checks the key the host presented (ssh.HostKeyCallback).
func (l *hostLookup) callback(hostname string, remote net.Addr, key ssh.PublicKey) error {
	hc := l.hc
	if hc.insecure {
		return nil
	}
	var err error = &knownhosts.KeyError{}
	if hc.check != nil {
		err = l.check(hostname, remote, key)
		if _, cert := key.(*ssh.Certificate); cert && err != nil {
			// A @cert-authority line names hosts, not ports: OpenSSH
			// accepts `@cert-authority 10.1.1.2 ...` (or `*`) for the
			// switch on any port, x/crypto only on port 22.
			// Refused there too, it says why once past the authority.
			if h, p, e := net.SplitHostPort(hostname); e == nil && p != "22" {
				e22 := hc.check(net.JoinHostPort(h, "22"), remote, key)
				if e22 == nil {
					return nil
				}
				if !noAuthority(e22) {
					err = e22
				}
			}
		}
	}
	if err == nil {
		return nil
	}
	he := &HostKeyError{Addr: hostname, KeyType: key.Type(), Fingerprint: ssh.FingerprintSHA256(key)}
	var ke *knownhosts.KeyError
	var re *knownhosts.RevokedError
	switch {
	case errors.As(err, &re):
		he.Revoked, he.File, he.Line = true, re.Revoked.Filename, re.Revoked.Line
	case errors.As(err, &ke):
		// x/crypto lists the @cert-authority lines of the host too: a CA
		// is not a key the host had, so they alone leave it unknown.
		want := slices.DeleteFunc(slices.Clone(ke.Want), func(k knownhosts.KnownKey) bool {
			return hc.isCALine(hostname, k)
		})
		if len(want) == 0 {
			break
		}
		he.Changed, he.File, he.Line = true, want[0].Filename, want[0].Line
		same := false
		for _, w := range want {
			same = same || w.Key.Type() == key.Type()
		}
		if !same {
			he.KnownType = want[0].Key.Type()
		}
	default:
		c, ok := key.(*ssh.Certificate)
		if !ok {
			return err
		}
		he.KeyType, he.Fingerprint = c.Key.Type(), ssh.FingerprintSHA256(c.Key)
		he.CA, he.Certificate = ssh.FingerprintSHA256(c.SignatureKey), err.Error()
		he.NoAuthority = noAuthority(err)
		// x/crypto tests revocation after the authority: a revoked key or
		// CA is said to be one whatever else is wrong.
		if r := hc.revoked(hostname, c.Key); r != nil {
			he.Revoked, he.File, he.Line = true, r.Filename, r.Line
		} else if r := hc.revoked(hostname, c.SignatureKey); r != nil {
			he.Revoked, he.RevokedCA, he.File, he.Line = true, true, r.Filename, r.Line
		}
	}
	return he
}

// noAuthority reports whether x/crypto refused a host certificate for
// want of a @cert-authority line holding its CA for the host (its words).
func noAuthority(err error) bool {
	return strings.HasPrefix(err.Error(), "ssh: no authorities for hostname")
}

// isCALine reports whether a known_hosts line listed for addr is a
// @cert-authority line. KnownKey does not say: the line is read again,
// and when it is not the same line any more (a file read once, such as a
// pipe) x/crypto is asked whether the key is a CA of addr, with a
// certificate that fails on its principal before its signature is read.
func (hc *hostKeyChecker) isCALine(addr string, k knownhosts.KnownKey) bool {
	if b, err := os.ReadFile(k.Filename); err == nil {
		lines := strings.Split(string(b), "\n")
		if k.Line >= 1 && k.Line <= len(lines) {
			marker, _, key, _, _, err := ssh.ParseKnownHosts([]byte(lines[k.Line-1]))
			if err == nil && bytes.Equal(key.Marshal(), k.Key.Marshal()) {
				return marker == "cert-authority"
			}
		}
	}
	probe := &ssh.Certificate{Key: probeKey, CertType: ssh.HostCert, SignatureKey: k.Key, ValidPrincipals: []string{""}}
	err := hc.check(addr, noPort{}, probe)
	return err != nil && !noAuthority(err)
}

// revoked is the @revoked line of key, nil when it has none: x/crypto's
// callback looks a key up among those before it reads the remote address.
func (hc *hostKeyChecker) revoked(addr string, key ssh.PublicKey) *knownhosts.KnownKey {
	var re *knownhosts.RevokedError
	if errors.As(hc.check(addr, noPort{}, key), &re) {
		return &re.Revoked
	}
	return nil
}

// revokedLine finds the @revoked line of a key in known_hosts files.
func revokedLine(files []string, fingerprint string) (string, int) {
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for i, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "@revoked") {
				continue
			}
			_, _, key, _, _, err := ssh.ParseKnownHosts([]byte(l))
			if err == nil && ssh.FingerprintSHA256(key) == fingerprint {
				return f, i + 1
			}
		}
	}
	return "", 0
}

// expandHome turns OpenSSH's ~/ into the home directory.
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
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
	if len(h.Files) > 0 && !h.Default {
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
