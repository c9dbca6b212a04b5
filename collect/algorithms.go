package collect

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/crypto/ssh"
)

// Older switches (NX-OS 7.x, N7K 6.x/8.x, N3K 7.x) offer only SHA-1
// Diffie-Hellman groups, CBC ciphers, hmac-sha1 and an ssh-rsa host key,
// which neither x/crypto nor OpenSSH offers by default any more. Both are
// only enabled on request (--legacy-algorithms): they are weaker, and the
// better fix is on the switch (`ssh kexalgos`, `ssh ciphers`, or a newer
// release).

// legacyConfig is x/crypto's default algorithms followed by the legacy
// ones it implements (it has aes128-cbc and 3des-cbc, not aes256-cbc).
func legacyConfig() ssh.Config {
	sup, old := ssh.SupportedAlgorithms(), ssh.InsecureAlgorithms()
	pick := func(names []string, keep ...string) []string {
		var out []string
		for _, n := range names {
			if slices.Contains(keep, n) {
				out = append(out, n)
			}
		}
		return out
	}
	return ssh.Config{
		KeyExchanges: append(sup.KeyExchanges, pick(old.KeyExchanges, ssh.InsecureKeyExchangeDH14SHA1,
			ssh.InsecureKeyExchangeDH1SHA1, ssh.InsecureKeyExchangeDHGEXSHA1)...),
		Ciphers: append(sup.Ciphers, pick(old.Ciphers, ssh.InsecureCipherAES128CBC, ssh.InsecureCipherTripleDESCBC)...),
		MACs:    append(sup.MACs, old.MACs...),
	}
}

// legacySystemArgs are OpenSSH's options appending the same legacy
// algorithms (OpenSSH also has aes192-cbc and aes256-cbc).
var legacySystemArgs = []string{
	"-o", "KexAlgorithms=+diffie-hellman-group14-sha1,diffie-hellman-group1-sha1,diffie-hellman-group-exchange-sha1",
	"-o", "Ciphers=+aes128-cbc,aes192-cbc,aes256-cbc,3des-cbc",
	"-o", "MACs=+hmac-sha1,hmac-sha1-96",
	"-o", "HostKeyAlgorithms=+ssh-rsa",
	"-o", "PubkeyAcceptedAlgorithms=+ssh-rsa",
}

// algorithmWords names what failed to negotiate as OpenSSH's
// configuration does.
var algorithmWords = map[string]string{
	"key exchange": "KexAlgorithms", "host key": "HostKeyAlgorithms",
	"client to server cipher": "Ciphers", "server to client cipher": "Ciphers",
	"client to server MAC": "MACs", "server to client MAC": "MACs",
	"cipher": "Ciphers", "MAC": "MACs",
}

// realAlgorithms leaves out the names that only signal an extension in a
// key exchange offer (ext-info-c, kex-strict-s-v00@openssh.com).
func realAlgorithms(names []string) []string {
	var out []string
	for _, n := range names {
		if !strings.HasPrefix(n, "ext-info-") && !strings.HasPrefix(n, "kex-strict-") {
			out = append(out, n)
		}
	}
	return out
}

// mismatchMessage words an algorithm mismatch: both sides' offers and the
// ways out. ours is "" when slcheck does not know its own offer.
func mismatchMessage(what string, theirs, ours []string, legacy bool) string {
	what = strings.TrimSuffix(strings.TrimSuffix(what, " method"), " type")
	theirs, ours = realAlgorithms(theirs), realAlgorithms(ours)
	kw := algorithmWords[what]
	if kw == "" {
		kw = "KexAlgorithms/Ciphers/MACs/HostKeyAlgorithms"
	}
	msg := fmt.Sprintf("algorithm mismatch: the switch and slcheck share no %s algorithm; the switch offers %s",
		what, strings.Join(theirs, ", "))
	if len(ours) > 0 {
		msg += "; slcheck offers " + strings.Join(ours, ", ")
	}
	if legacy {
		return msg + ". Even --legacy-algorithms has none of the switch's: enable a newer one on the switch " +
			"(`ssh kexalgos`, `ssh ciphers`, `ssh macs` on NX-OS 9.x and later, or a newer release)"
	}
	return msg + fmt.Sprintf(". The switch is an older release: --legacy-algorithms also offers SHA-1 key exchanges, "+
		"CBC ciphers and hmac-sha1-96 (weaker: prefer enabling newer algorithms on the switch), "+
		"or --transport system with `%s +%s` for that Host in ~/.ssh/config", kw, theirs[0])
}

// systemOffers is what OpenSSH offers the switch, from `ssh -G`, to
// complete an algorithm mismatch that OpenSSH words with the switch's
// offer only.
func (c *Collector) systemOffers(t Target) string {
	cfg := c.systemConfig(t)
	var parts []string
	for _, k := range []string{"kexalgorithms", "ciphers", "macs", "hostkeyalgorithms"} {
		if v := realAlgorithms(strings.Split(cfg[k], ",")); len(v) > 0 && v[0] != "" {
			parts = append(parts, k+" "+strings.Join(v, ", "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (OpenSSH offers: " + strings.Join(parts, "; ") + ")"
}
