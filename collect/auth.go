package collect

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/scrapli/scrapligo/util"
	"golang.org/x/crypto/ssh"
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
	// AskPassword and AskPassphrase ask the user on the terminal (nil
	// without one): the password when a switch wants one that was not
	// given, an identity file's passphrase when a switch accepts its key.
	// Each is asked once per run, for every switch.
	AskPassword   func() (string, error)
	AskPassphrase func(path string) (string, error)
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

// login is one connection's authentication (to the switch or a ProxyJump
// host): its keys one at a time, in OpenSSH's order, then the password
// (password, then keyboard-interactive: NX-OS offers either, depending on
// its AAA set-up). It remembers what it offered, to say so on a refusal.
type login struct {
	r     *keyring
	e     endpoint
	pause func() func()

	listed  bool
	keys    []ssh.Signer
	offered []string
	allowed []string
	// gavePassword: the password was typed (and refused, if it comes to
	// explain).
	gavePassword bool
}

// config fills a client configuration's authentication.
func (l *login) config(cfg *ssh.ClientConfig) {
	ask := func() (string, error) {
		pw, err := l.r.password(l.pause)
		l.gavePassword = l.gavePassword || err == nil
		return pw, err
	}
	cfg.Auth = []ssh.AuthMethod{ssh.PasswordCallback(ask),
		ssh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			ans := make([]string, len(qs))
			if len(qs) == 0 {
				return ans, nil
			}
			pw, err := ask()
			if err != nil {
				return nil, err
			}
			for i := range qs {
				ans[i] = pw
			}
			return ans, nil
		})}
	cfg.AuthCallback = l.next
}

// next is the next key to offer while the server takes keys; nil hands
// over to the password methods.
func (l *login) next(ctx *ssh.ClientAuthContext) (ssh.AuthMethod, error) {
	l.allowed = ctx.AllowedMethods
	if !slices.Contains(ctx.AllowedMethods, "publickey") {
		return nil, nil
	}
	if !l.listed {
		l.listed, l.keys = true, l.r.signers(l.e, l.pause)
	}
	for len(l.keys) > 0 {
		k := l.keys[0]
		l.keys = l.keys[1:]
		// The agent's key by its type and fingerprint, as `ssh-add -l`
		// lists it.
		name := "the ssh-agent's " + k.PublicKey().Type() + " key " + ssh.FingerprintSHA256(k.PublicKey())
		if f, ok := k.(*fileSigner); ok {
			if !f.resolve() {
				continue
			}
			name = f.id.path
		}
		l.offered = append(l.offered, name)
		return ssh.PublicKeys(k), nil
	}
	return nil, nil
}

// explain words an authentication refusal: as whom, what was offered,
// and what the switch would take.
func (l *login) explain(err error) error {
	noPassword := errors.Is(err, errNoPassword)
	if !noPassword && !strings.Contains(err.Error(), "unable to authenticate") {
		return err
	}
	what := "no key was offered (none from --identity, the ssh configuration's IdentityFile, ~/.ssh/id_* or ssh-agent)"
	if len(l.offered) > 0 {
		what = "the switch refused the keys offered (" + strings.Join(l.offered, ", ") + ")"
	}
	switch {
	case noPassword:
		what += "; it then asked for a password and none was given (set SLCHECK_PASSWORD, or run slcheck on a terminal to be asked)"
	case l.gavePassword:
		what += " and the password"
	}
	return fmt.Errorf("%w: as %s: %s; it accepts %s", util.ErrAuthError, l.e.user, what, strings.Join(l.allowed, ", "))
}
