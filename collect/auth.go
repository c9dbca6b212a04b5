package collect

import (
	"errors"
	"fmt"
	"net"
	"os"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// Auth is how slcheck logs in. The password and passphrase come from the
// environment or a prompt without echo, never from a flag, so they never
// appear in a process list.
type Auth struct {
	User     string
	Password string
	// IdentityFile is a private key; Passphrase decrypts it if encrypted.
	IdentityFile string
	Passphrase   string
	// AgentSocket is SSH_AUTH_SOCK; "" means no agent.
	AgentSocket string
}

// ErrPassphraseNeeded is returned by LoadIdentity for an encrypted key
// when no passphrase was given, so the caller can prompt for one.
var ErrPassphraseNeeded = errors.New("the identity file is encrypted: a passphrase is needed")

// LoadIdentity reads a private key, decrypting it with passphrase when it
// is encrypted (scrapligo v1.4.3 cannot use encrypted keys itself).
func LoadIdentity(path, passphrase string) (ssh.Signer, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	key, err := ssh.ParseRawPrivateKey(pem)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) {
		if passphrase == "" {
			return nil, ErrPassphraseNeeded
		}
		key, err = ssh.ParseRawPrivateKeyWithPassphrase(pem, []byte(passphrase))
	}
	if err != nil {
		return nil, fmt.Errorf("identity %s: %w", path, err)
	}
	return ssh.NewSignerFromKey(key)
}

// methods are the x/crypto auth methods for the default transport, in the
// order OpenSSH tries them: keys (file, then agent), then password and
// keyboard-interactive (NX-OS offers either, depending on its AAA set-up).
// The returned closer releases the agent connection.
func (a Auth) methods() ([]ssh.AuthMethod, func(), error) {
	var out []ssh.AuthMethod
	closer := func() {}
	var signers []ssh.Signer
	if a.IdentityFile != "" {
		s, err := LoadIdentity(a.IdentityFile, a.Passphrase)
		if err != nil {
			return nil, closer, err
		}
		signers = append(signers, s)
	}
	if a.AgentSocket != "" {
		conn, err := net.Dial("unix", a.AgentSocket)
		if err == nil {
			closer = func() { conn.Close() }
			ag := agent.NewClient(conn)
			out = append(out, ssh.PublicKeysCallback(func() ([]ssh.Signer, error) {
				ss, err := ag.Signers()
				return append(append([]ssh.Signer{}, signers...), ss...), err
			}))
			signers = nil
		}
	}
	if len(signers) > 0 {
		out = append(out, ssh.PublicKeys(signers...))
	}
	if a.Password != "" {
		pw := a.Password
		out = append(out, ssh.Password(pw),
			ssh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
				ans := make([]string, len(qs))
				for i := range qs {
					ans[i] = pw
				}
				return ans, nil
			}))
	}
	return out, closer, nil
}
