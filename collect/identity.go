package collect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// The default transport logs in as `ssh` does (OpenSSH 9.2's
// sshconnect2.c, pubkey_prepare): the identity files are --identity, then
// the IdentityFiles of the ssh configuration for the host, else OpenSSH's
// default files that exist; the agent's keys come first, those that match
// an identity file before the others (left out with IdentitiesOnly yes),
// then the files' own keys. An encrypted key is decrypted only when a
// switch accepts its public key, with SLCHECK_PASSPHRASE or by asking on
// the terminal; the password is asked only when a switch wants one after
// the keys. Whatever is asked is asked once per run, for every switch.

// defaultIdentityFiles are OpenSSH's IdentityFile defaults, in its order
// (`ssh -G` of OpenSSH 9.2). x/crypto cannot use the security-key and XMSS
// ones: they are skipped like a file that does not exist.
var defaultIdentityFiles = []string{"id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa"}

// DefaultIdentityFiles are the paths of OpenSSH's default identity files
// in the user's ~/.ssh, whether they exist or not.
func DefaultIdentityFiles() []string {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	out := make([]string, len(defaultIdentityFiles))
	for i, f := range defaultIdentityFiles {
		out[i] = filepath.Join(home, ".ssh", f)
	}
	return out
}

// keyring is what logs in, for a whole run: the identity files, each read
// once; the agent; the password.
type keyring struct {
	auth Auth

	agentOnce sync.Once
	agent     agent.ExtendedAgent // nil without an agent
	agentConn net.Conn

	mu    sync.Mutex
	files map[string]*identity

	// askMu keeps two questions off the terminal at once.
	askMu   sync.Mutex
	pwMu    sync.Mutex
	pwAsked bool
	pw      string
	pwErr   error
}

// identity is one identity file.
type identity struct {
	path string
	// pub is its public key: from the file (OpenSSH's format keeps it in
	// clear) or from path.pub; nil when neither tells it.
	pub ssh.PublicKey
	pem []byte // the encrypted key, until it is decrypted

	mu     sync.Mutex
	signer ssh.Signer // once usable
	err    error      // why it cannot be used
}

func newKeyring(a Auth) *keyring {
	r := &keyring{auth: a, files: map[string]*identity{}}
	if a.IdentityFile != "" {
		// Checked and decrypted up front by the caller (LoadIdentity).
		id := &identity{path: a.IdentityFile}
		if id.signer, id.err = LoadIdentity(a.IdentityFile, a.Passphrase); id.signer != nil {
			id.pub = id.signer.PublicKey()
		}
		r.files[a.IdentityFile] = id
	}
	return r
}

// agentKeys are the keys the agent holds now; it is dialled once per run.
func (r *keyring) agentKeys() []ssh.Signer {
	r.agentOnce.Do(func() {
		if r.auth.AgentSocket == "" {
			return
		}
		if conn, err := net.Dial("unix", r.auth.AgentSocket); err == nil {
			r.agentConn, r.agent = conn, agent.NewClient(conn)
		}
	})
	if r.agent == nil {
		return nil
	}
	keys, _ := r.agent.Signers()
	return keys
}

// close releases the agent connection.
func (r *keyring) close() {
	r.agentOnce.Do(func() {})
	if r.agentConn != nil {
		r.agentConn.Close()
	}
}

// identity reads an identity file once; nil when it does not exist.
func (r *keyring) identity(path string) *identity {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id, ok := r.files[path]; ok {
		return id
	}
	id := readIdentity(path)
	r.files[path] = id
	return id
}

func readIdentity(path string) *identity {
	b, err := os.ReadFile(path)
	if err != nil {
		// OpenSSH skips a file it cannot read, named or default.
		return nil
	}
	id := &identity{path: path}
	key, err := ssh.ParseRawPrivateKey(b)
	var missing *ssh.PassphraseMissingError
	switch {
	case errors.As(err, &missing):
		id.pem, id.pub = b, missing.PublicKey
		if id.pub == nil {
			if pb, err := os.ReadFile(path + ".pub"); err == nil {
				id.pub, _, _, _, _ = ssh.ParseAuthorizedKey(pb)
			}
		}
	case err != nil:
		id.err = fmt.Errorf("identity %s: %w", path, err)
	default:
		if id.signer, id.err = ssh.NewSignerFromKey(key); id.signer != nil {
			id.pub = id.signer.PublicKey()
		}
	}
	return id
}

// signers are the keys to offer an endpoint, in OpenSSH's order. pause
// stops the endpoint's deadline while the user is asked for a passphrase.
// A file's key whose public half is unknown until it is decrypted is a
// *fileSigner with no pub: resolve it when its turn comes.
func (r *keyring) signers(e endpoint, pause func() func()) []ssh.Signer {
	var files []*identity
	for _, p := range e.identities {
		if id := r.identity(p); id != nil && id.err == nil && !slices.Contains(files, id) {
			files = append(files, id)
		}
	}
	var matched, others []ssh.Signer
	for _, s := range r.agentKeys() {
		i := indexOfKey(files, s.PublicKey())
		switch {
		case i >= 0:
			matched = append(matched, s)
			files = slices.Delete(files, i, i+1)
		case !e.identitiesOnly:
			others = append(others, s)
		}
	}
	out := append(matched, others...)
	for _, id := range files {
		out = append(out, &fileSigner{id: id, r: r, pause: pause})
	}
	return out
}

// resolve makes a file's key ready to offer when its public half is only
// known once decrypted (an encrypted PEM key with no .pub beside it: OpenSSH
// asks its passphrase when its turn comes, and so does slcheck); false when
// it cannot be used.
func (s *fileSigner) resolve() bool {
	if s.id.pub != nil {
		return true
	}
	k, err := s.r.usable(s.id, s.pause)
	return err == nil && k != nil
}

func indexOfKey(ids []*identity, k ssh.PublicKey) int {
	for i, id := range ids {
		if id.pub != nil && bytes.Equal(id.pub.Marshal(), k.Marshal()) {
			return i
		}
	}
	return -1
}

// passphraseTries is how often a passphrase is asked before the key is
// given up (OpenSSH's NumberOfPasswordPrompts).
const passphraseTries = 3

// usable decrypts id if needed: with SLCHECK_PASSPHRASE, else by asking
// on the terminal. A key that cannot be decrypted is given up for the run.
func (r *keyring) usable(id *identity, pause func() func()) (ssh.Signer, error) {
	resume := pause()
	defer resume()
	id.mu.Lock()
	defer id.mu.Unlock()
	if id.signer != nil || id.err != nil {
		return id.signer, id.err
	}
	try := func(pp string) bool {
		key, err := ssh.ParseRawPrivateKeyWithPassphrase(id.pem, []byte(pp))
		if err == nil {
			id.signer, id.err = ssh.NewSignerFromKey(key)
		}
		return err == nil
	}
	if r.auth.Passphrase != "" && try(r.auth.Passphrase) {
		return id.signer, id.err
	}
	if r.auth.AskPassphrase == nil {
		id.err = fmt.Errorf("%s is encrypted and there is no terminal to ask its passphrase on (SLCHECK_PASSPHRASE, or add it to ssh-agent)", id.path)
		return nil, id.err
	}
	r.askMu.Lock()
	defer r.askMu.Unlock()
	for range passphraseTries {
		pp, err := r.auth.AskPassphrase(id.path)
		if err != nil {
			id.err = fmt.Errorf("%s: passphrase: %w", id.path, err)
			return nil, id.err
		}
		if try(pp) {
			return id.signer, id.err
		}
	}
	id.err = fmt.Errorf("%s: wrong passphrase %d times", id.path, passphraseTries)
	return nil, id.err
}

// password is the password to give, asked at most once per run.
func (r *keyring) password(pause func() func()) (string, error) {
	if r.auth.Password != "" {
		return r.auth.Password, nil
	}
	resume := pause()
	defer resume()
	r.pwMu.Lock()
	defer r.pwMu.Unlock()
	if !r.pwAsked {
		r.pwAsked = true
		if r.auth.AskPassword == nil {
			r.pwErr = errNoPassword
		} else {
			r.askMu.Lock()
			r.pw, r.pwErr = r.auth.AskPassword()
			r.askMu.Unlock()
		}
	}
	return r.pw, r.pwErr
}

// errNoPassword: the switch wants a password and none can be had.
var errNoPassword = errors.New("no password")

// fileSigner signs with an identity file's key, decrypting it on first use:
// x/crypto asks it to sign only once the switch has accepted its public key.
type fileSigner struct {
	id    *identity
	r     *keyring
	pause func() func()
}

// PublicKey is the key's public half; resolve has made it known.
func (s *fileSigner) PublicKey() ssh.PublicKey {
	if s.id.pub != nil {
		return s.id.pub
	}
	return s.id.signer.PublicKey()
}

func (s *fileSigner) Sign(rand io.Reader, data []byte) (*ssh.Signature, error) {
	k, err := s.r.usable(s.id, s.pause)
	if err != nil {
		return nil, err
	}
	return k.Sign(rand, data)
}

func (s *fileSigner) SignWithAlgorithm(rand io.Reader, data []byte, algorithm string) (*ssh.Signature, error) {
	k, err := s.r.usable(s.id, s.pause)
	if err != nil {
		return nil, err
	}
	as, ok := k.(ssh.AlgorithmSigner)
	if !ok {
		return nil, fmt.Errorf("%s: cannot sign with %s", s.id.path, algorithm)
	}
	return as.SignWithAlgorithm(rand, data, algorithm)
}

// Algorithms are the signature algorithms of the key's type, known before
// it is decrypted.
func (s *fileSigner) Algorithms() []string {
	t := s.PublicKey().Type()
	if t == ssh.KeyAlgoRSA {
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	}
	return []string{t}
}
