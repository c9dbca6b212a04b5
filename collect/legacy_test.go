package collect

import (
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// legacyRSA is an RSA host key that signs with ssh-rsa (SHA-1) only, as
// older NX-OS releases do.
func legacyRSA(t *testing.T) ssh.Signer {
	t.Helper()
	as, err := ssh.NewSignerWithAlgorithms(rsaKey(t).(ssh.AlgorithmSigner), []string{ssh.KeyAlgoRSA})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// An older switch (SHA-1 key exchange, a CBC cipher, hmac-sha1, an
// ssh-rsa host key) fails with an algorithm mismatch naming both sides'
// offers and the way out, and is collected with --legacy-algorithms:
// through both transports against the fake switch, and through both
// against OpenSSH's own server configured alike.
func TestLegacyAlgorithms(t *testing.T) {
	old := &ssh.Config{KeyExchanges: []string{ssh.InsecureKeyExchangeDH1SHA1},
		Ciphers: []string{ssh.InsecureCipherAES128CBC}, MACs: []string{ssh.HMACSHA1}}
	for _, tr := range transports(t) {
		t.Run("nxsim/"+tr, func(t *testing.T) {
			key := legacyRSA(t)
			d := start(t, nxsim.Config{HostKey: key, Algorithms: old})
			opt := testOptions(t, d, tr)
			res := collectOne(t, d, opt)
			assertMismatch(t, res, tr, "diffie-hellman-group1-sha1", map[string]string{"default": "mlkem768x25519-sha256",
				"system": "kexalgorithms "}[tr])
			if len(d.Received()) > 0 {
				t.Errorf("device received %v", d.Received())
			}
			opt.LegacyAlgorithms = true
			if res := collectOne(t, d, opt); res.Failure != nil {
				t.Fatalf("with --legacy-algorithms: %s: %v", res.Failure.Kind, res.Failure)
			}
		})
	}
	for _, tr := range transports(t) {
		t.Run("openssh-server/"+tr, func(t *testing.T) {
			s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: outputs}, HostKeyTypes: []string{"rsa"},
				Options: []string{"KexAlgorithms diffie-hellman-group14-sha1", "Ciphers aes128-cbc",
					"MACs hmac-sha1", "HostKeyAlgorithms ssh-rsa"}})
			opt := sshdOptions(t, s)
			opt.Transport = tr
			res := collectFrom(t, opt, sshdTarget(s))
			// x/crypto still offers diffie-hellman-group14-sha1: only the
			// cipher fails there.
			theirs := map[string]string{"default": "aes128-cbc", "system": "diffie-hellman-group14-sha1"}[tr]
			assertMismatch(t, res, tr, theirs, map[string]string{"default": "aes128-gcm@openssh.com",
				"system": "kexalgorithms "}[tr])
			opt.LegacyAlgorithms = true
			if res := collectFrom(t, opt, sshdTarget(s)); res.Failure != nil {
				t.Fatalf("with --legacy-algorithms: %s: %v", res.Failure.Kind, res.Failure)
			}
		})
	}
}

// assertMismatch checks an algorithm mismatch: its kind, the switch's
// offer, slcheck's own (for the system transport, OpenSSH's from ssh -G)
// and the ways out.
func assertMismatch(t *testing.T, res *Result, tr, theirs, oursSample string) {
	t.Helper()
	if res.Failure == nil || res.Failure.Kind != KindAlgorithm {
		t.Fatalf("got %+v, want %s", res.Failure, KindAlgorithm)
	}
	msg := res.Failure.Msg
	ours := map[string]string{"default": "slcheck offers ", "system": "OpenSSH offers: "}[tr]
	for _, want := range []string{"the switch offers " + theirs, ours + oursSample, "--legacy-algorithms",
		"--transport system", "~/.ssh/config"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%s: message lacks %q: %s", tr, want, msg)
		}
	}
	if strings.Contains(msg, "kex-strict") {
		t.Errorf("message lists protocol markers as algorithms: %s", msg)
	}
}

// Against a switch whose only host key algorithm is ssh-rsa, OpenSSH
// refuses to negotiate: every run says so, quoting OpenSSH, never a bare
// connection error (scrapligo's channel lost that message in 3 to 5 runs
// of 12).
func TestSystemTransportQuotesOpenSSH(t *testing.T) {
	if len(transports(t)) < 2 {
		t.Skip("no ssh client")
	}
	d := start(t, nxsim.Config{HostKey: legacyRSA(t)})
	opt := testOptions(t, d, "system")
	for range 6 {
		res := collectOne(t, d, opt)
		if res.Failure == nil || res.Failure.Kind != KindAlgorithm || !strings.Contains(res.Failure.Msg, "ssh-rsa") {
			t.Fatalf("got %+v, want an algorithm mismatch naming ssh-rsa", res.Failure)
		}
	}
}

// A wrong password on a server that offers only the password method:
// an authentication failure quoting OpenSSH's "Permission denied", after
// one attempt only (the switch's AAA counts each).
func TestSystemTransportPermissionDenied(t *testing.T) {
	if len(transports(t)) < 2 {
		t.Skip("no ssh client")
	}
	t.Run("nxsim", func(t *testing.T) {
		d := start(t, nxsim.Config{PasswordOnly: true})
		opt := testOptions(t, d, "system")
		opt.Auth.Password = "wrong-" + testPass
		res := collectOne(t, d, opt)
		if res.Failure == nil || res.Failure.Kind != KindAuth {
			t.Fatalf("got %+v, want %s", res.Failure, KindAuth)
		}
		if !strings.Contains(res.Failure.Msg, "Permission denied") {
			t.Errorf("message does not quote OpenSSH: %s", res.Failure.Msg)
		}
		if n := d.FailedLogins(); n != 1 {
			t.Errorf("%d failed logins, want 1", n)
		}
	})
	t.Run("openssh-server", func(t *testing.T) {
		s := sshdtest.Start(t, sshdtest.Config{Password: true})
		opt := sshdOptions(t, s)
		// An account the server does not have: OpenSSH's server still asks
		// for its password, then refuses it.
		opt.Auth = Auth{User: "nosuchuser", Password: "wrong"}
		res := collectFrom(t, opt, sshdTarget(s))
		if res.Failure == nil || res.Failure.Kind != KindAuth || !strings.Contains(res.Failure.Msg, "Permission denied") {
			t.Fatalf("got %+v, want %s quoting Permission denied", res.Failure, KindAuth)
		}
		t.Log(res.Failure.Msg)
	})
}
