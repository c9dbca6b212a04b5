package redact

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestEveryRule: every rule hides the secret of its example (and shows a
// contact with ShowContacts), names its source, and is idempotent.
func TestEveryRule(t *testing.T) {
	seen := map[string]bool{}
	for _, ru := range Rules() {
		t.Run(ru.Keyword, func(t *testing.T) {
			if ru.Source == "" || ru.Example == "" || ru.Secret == "" || !strings.Contains(ru.Example, ru.Secret) {
				t.Fatalf("incomplete rule: %+v", ru)
			}
			if seen[ru.Example] {
				t.Errorf("example shared with another rule: %q", ru.Example)
			}
			seen[ru.Example] = true
			got := Policy{}.Line(ru.Example)
			if strings.Contains(got, ru.Secret) || !strings.Contains(got, Marker) && !strings.Contains(got, ContactMarker) {
				t.Errorf("Line(%q) = %q", ru.Example, got)
			}
			if again := (Policy{}).Line(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
			shown := Policy{ShowContacts: true}.Line(ru.Example)
			if ru.Contact != strings.Contains(shown, ru.Secret) {
				t.Errorf("ShowContacts: Line(%q) = %q", ru.Example, shown)
			}
		})
	}
}

// The gaps found by trying slcheck as an attacker would: each line held a
// secret that reached the output.
func TestRedactionGaps(t *testing.T) {
	tests := []struct{ in, secret string }{
		{"    key-octet-string 7 075e701e1c5a4a5143475e5a527d7c7c706a6c724306170103555a5c57510b051e47080a0c7007 cryptographic-algorithm AES_256_CMAC", "075e701e1c5a"},
		{"ip msdp password 10.1.1.2 3 9125d59c18a9b015", "9125d59c18a9b015"},
		{"  ospfv3 authentication ipsec spi 256 sha1 3 7b4c2e1f9a0d", "7b4c2e1f9a0d"},
		{"  bfd authentication keyed-sha1 keyid 1 hex-key 3 0a1b2c3d4e5f", "0a1b2c3d4e5f"},
		{"snmp-server user ops network-admin auth sha 0x11aa priv aes-256 PrivKey256 localizedkey", "PrivKey256"},
		{"ntp authentication-key 1 sha1 NtpSha1Key 7", "NtpSha1Key"},
		{"nxapi certificate httpskey keyfile bootflash:key.pem password NxApiPass", "NxApiPass"},
		{"username u role network-operator password Cl34rP4ss", "Cl34rP4ss"},
		{"key config-key ascii M4sterK3y", "M4sterK3y"},
		{"crypto ca import TP pkcs12 bootflash:tp.pfx Pkcs12Pass", "Pkcs12Pass"},
		{"transport http proxy server http://:EmptyUserPass@proxy.example.com", "EmptyUserPass"},
		{"transport http proxy server http://user:p@ssw0rd@proxy.example.com", "p@ssw0rd"},
		{"transport http proxy server http://user:pa/ss@proxy.example.com", "pa/ss"},
		{"copy scp://ops:Sl@sh/pw@192.0.2.5/cfg.txt bootflash:", "Sl@sh/pw"},
		{"snmp-server community <redacted>RealCommunity group network-operator", "RealCommunity"},
		{"snmp-server community <redacted-looking group network-operator", "<redacted-looking"},
		// Found by the b12 attack: NX-OS forms the table missed.
		{"  area 0.0.0.1 virtual-link 192.0.2.1 authentication-key 3 VlinkKey1", "VlinkKey1"},
		{"    authentication-key 0 VlinkKey2", "VlinkKey2"},
		{"enable secret Cl34rEnable", "Cl34rEnable"},
		{"snmp-server mib community-map MapComm context vrf1", "MapComm"},
		{"snmp-server host 192.0.2.1 BareComm udp-port 162", "BareComm"},
		{"vtp password VtpPass1", "VtpPass1"},
		// Found by the second b12 attack.
		{"    pre-shared-key local LocalPsk1", "LocalPsk1"},
		{"    pre-shared-key remote 6 RemotePsk2", "RemotePsk2"},
		{"    pre-shared-key hex 0a0b0c0d", "0a0b0c0d"},
		{"crypto isakmp key 6 IsakmpKey1 address 192.0.2.12", "IsakmpKey1"},
		{"key config-key ascii 7 TypedMaster", "TypedMaster"},
		{"crypto pki import TP pkcs12 tftp://192.0.2.5/tp.p12 password PkiPass1", "PkiPass1"},
		{"crypto key import rsa label k1 pkcs12 bootflash:k.p12 KeyImport1", "KeyImport1"},
		{"  ospfv3 encryption ipsec spi 300 esp aes-cbc EspKey1 authentication sha1 3 EspAuth1", "EspKey1"},
		{"  ospfv3 encryption ipsec spi 300 esp aes-cbc EspKey1 authentication sha1 3 EspAuth1", "EspAuth1"},
		{"  encryption ipsec spi 301 esp null authentication md5 EspAuth2", "EspAuth2"},
		{"copy sftp://SftpTok3n@192.0.2.5/f bootflash:", "SftpTok3n"},
		{"  transport http proxy server http://a@b@proxy.example.com", "a@b"},
	}
	for _, tt := range tests {
		for _, p := range []Policy{{}, {ShowContacts: true}} {
			got := p.Line(tt.in)
			if strings.Contains(got, tt.secret) {
				t.Errorf("%+v: Line(%q) = %q keeps %q", p, tt.in, got, tt.secret)
			}
		}
	}
	// Contact details as show snmp, show callhome and other platforms'
	// call-home print them.
	for _, tt := range []struct{ in, contact string }{
		{"contact person name(sysContact):Jane Q Public", "Jane Q Public"},
		{"contact person's email:jqp@corp.example", "jqp@corp.example"},
		{"    contact person's phone number: +1-555-0143", "555-0143"},
		{"street addr:1234 Picaboo Street, Any city", "Picaboo"},
		{"    street address: 99 Elm Road", "99 Elm Road"},
		{"site id:Site1Manhattan", "Site1Manhattan"},
		{"    contract ID: Cisco1234", "Cisco1234"},
		{`      "text": "customer id:Customer99",`, "Customer99"},
		{"sys contact: Jane Roe", "Jane Roe"},
		{"snmp-server location Bldg 7, Row 3", "Row 3"},
		{"cap.txt:41: snmp-server location Hall B", "Hall B"},
		{"sys location: 4 Oak Lane", "Oak Lane"},
		{`      "text": "sys location:Hall C",`, "Hall C"},
		{"  street-address 5 Oak Lane", "Oak Lane"},
		{"  phone-number +1-555-0144", "555-0144"},
		{"  contact-name Joan Poe", "Joan Poe"},
	} {
		if got := (Policy{}).Line(tt.in); strings.Contains(got, tt.contact) || !strings.Contains(got, ContactMarker) {
			t.Errorf("Line(%q) = %q", tt.in, got)
		}
		if got := (Policy{ShowContacts: true}).Line(tt.in); got != tt.in {
			t.Errorf("ShowContacts: Line(%q) = %q", tt.in, got)
		}
	}
	// Keywords after a key ID or a host are not secrets.
	for _, kept := range []string{
		"ntp server 192.0.2.123 key 1 use-vrf management",
		"ntp server 192.0.2.123 key 2 prefer",
		"snmp-server host 192.0.2.1 use-vrf management",
		"snmp-server host 192.0.2.1 filter-vrf management",
		"snmp-server host 192.0.2.1 source-interface mgmt0",
		"snmp-server host 192.0.2.1 traps version 3 priv ops",
		"    contact person's email address: Not yet set up",
		"    street address: Not yet set up",
		"    site ID: Not yet set up",
	} {
		if got := (Policy{}).Line(kept); got != kept {
			t.Errorf("Line(%q) = %q", kept, got)
		}
	}
	// The user of a URL stays, only the password goes.
	if got := (Policy{}).Line("http://user:p@ss@proxy.example.com:3128"); got != "http://user:<redacted>@proxy.example.com:3128" {
		t.Errorf("got %q", got)
	}
	// A userinfo without a colon (a user or a token) goes whole, and the
	// proxy host stays (the e-mail rule took it as part of an address).
	for _, p := range []Policy{{}, {ShowContacts: true}} {
		if got := p.Line("http://Tok3n@proxy.example.com:3128"); got != "http://<redacted>@proxy.example.com:3128" {
			t.Errorf("%+v: got %q", p, got)
		}
	}
}

// An unterminated private key block ends at the first line that is not
// PEM-shaped: the configuration after it stays readable (a live run and
// its saved capture must see the callhome block).
func TestUnterminatedKey(t *testing.T) {
	in := strings.Join([]string{
		"-----BEGIN RSA PRIVATE KEY-----",
		"MIIEowIBAAKCAQEAsecretbody1secretbody1secretbody1secretbody1abcd",
		"c2Vjb25kIGxpbmUgb2YgdGhlIGtleSBib2R5IHNoYXBlZCBhcyBQRU0gd291bGQ",
		"callhome",
		"  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService",
		"  enable",
		"-----BEGIN RSA PRIVATE KEY-----",
		"callhome",
		"enable",
	}, "\n")
	want := strings.Join([]string{
		"-----BEGIN RSA PRIVATE KEY-----",
		"<redacted>",
		"<redacted>",
		"callhome",
		"  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService",
		"  enable",
		"-----BEGIN RSA PRIVATE KEY-----",
		"callhome",
		"enable",
	}, "\n")
	if got := (Policy{}).Text(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A body on one line (a key whose lines were joined) is hidden whole,
	// however long.
	long := strings.Repeat("TG9uZ0JvZHk", 40)
	if got := (Policy{}).Text("-----BEGIN PRIVATE KEY-----\n" + long + "\n-----END PRIVATE KEY-----"); strings.Contains(got, "TG9uZ0JvZHk") {
		t.Errorf("a long body line shows: %s", got)
	}
	// The end of one text ends the block: the next text starts outside.
	p := Policy{}
	p.Text("-----BEGIN RSA PRIVATE KEY-----")
	if got := p.Text("MIIEowIBAAKCAQEAsecretbody1secretbody1"); got == Marker {
		t.Errorf("key mode carried over into another text")
	}
}

// Text escaped before it is redacted (a file name the capture reader
// escapes, an error message that quotes a device line) holds a keyword
// right after an escape, where \b and ^ do not see one: every rule's
// secret is still hidden after each escape form, Escape's and Go's
// quoting.
func TestEveryRuleAfterAnEscape(t *testing.T) {
	for _, ru := range Rules() {
		for _, before := range []string{"\n", "\x1b", "\u202e", "\U000e0001"} {
			in := Escape("name" + before + ru.Example)
			if got := (Policy{}).Line(in); strings.Contains(got, ru.Secret) {
				t.Errorf("Line(%q) = %q", in, got)
			}
		}
		for _, in := range []string{`"name\n` + ru.Example + `"`, `name\t` + ru.Example} {
			if got := (Policy{}).Line(in); strings.Contains(got, ru.Secret) {
				t.Errorf("Line(%q) = %q", in, got)
			}
		}
	}
	// A secret holding a backslash is still hidden whole.
	if got := (Policy{}).Line(`password 7 ab\x41cd`); got != "password 7 "+Marker {
		t.Errorf("got %q", got)
	}
}

// The SNMP community table of show snmp and show snmp community: a row
// starts with a community and holds no keyword, so the Stream hides the
// first column of every row after the header, until a line that is not a
// row (a blank line, a prompt, a command).
func TestSNMPCommunityTable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Community            Group / Access      context    acl_filter\n" +
			"---------            --------------      -------    ----------\n" +
			"Publ1cComm           network-operator\n" +
			"Pr1vComm  network-admin   ctx1   acl1\n" +
			"\n" +
			"Pr1vComm  network-admin",
			"Community            Group / Access      context    acl_filter\n" +
				"---------            --------------      -------    ----------\n" +
				"<redacted>           network-operator\n" +
				"<redacted>  network-admin   ctx1   acl1\n" +
				"\n" +
				"Pr1vComm  network-admin"},
		// The older header; a prompt ends the table and is kept.
		{"  Community                         Access\n  OldC0mm    ro\nn9k# show snmp user\nuser  network-admin",
			"  Community                         Access\n  <redacted>    ro\nn9k# show snmp user\nuser  network-admin"},
		// A row's other columns are redacted and escaped as any line.
		{"Community  Group / Access\nEsc4pe  network-operator \x1b]0;x\x07",
			"Community  Group / Access\n<redacted>  network-operator \\x1b]0;x\\x07"},
	}
	for _, tt := range tests {
		got := (Policy{}).Text(tt.in)
		if got != tt.want {
			t.Errorf("Text(%q) =\n%s\nwant\n%s", tt.in, got, tt.want)
		}
		if again := (Policy{}).Text(got); again != got {
			t.Errorf("not idempotent: %q", again)
		}
		// The same through a Writer, one byte a Write.
		var b strings.Builder
		w := Policy{}.NewWriter(&b)
		for i := 0; i < len(tt.in); i++ {
			w.Write([]byte{tt.in[i]})
		}
		w.Close()
		if b.String() != tt.want {
			t.Errorf("Writer: %q", b.String())
		}
	}
	// A Writer inside the table does not pass text redacted ahead of time
	// (from outside a block) as it is: its first line is a row.
	var b strings.Builder
	w := Policy{}.NewWriter(&b)
	w.Write([]byte("Community  Group / Access\n"))
	w.WriteRedacted(Policy{}.Redacted([]byte("Pr3Comm  network-admin\n")))
	if strings.Contains(b.String(), "Pr3Comm") {
		t.Errorf("WriteRedacted in the table: %q", b.String())
	}
}

// A capture pasted through a mail or a web page holds no-break and other
// Unicode spaces where the switch printed spaces: every rule's secret is
// still hidden.
func TestEveryRuleUnicodeSpaces(t *testing.T) {
	for _, space := range []string{"\u00a0", "\u2003", "\u202f"} {
		for _, ru := range Rules() {
			in := strings.ReplaceAll(ru.Example, " ", space)
			secret := strings.ReplaceAll(ru.Secret, " ", space)
			if got := (Policy{}).Line(in); strings.Contains(got, secret) {
				t.Errorf("Line(%q) = %q", in, got)
			}
		}
	}
}

// A line quoted with Go's %q (a message quoting a device line, such as a
// license failure reason) holds its tabs as \t: a rule hides its secret in
// such a line whenever it hides it in the line quoted with spaces, and an
// escaped backslash before a t is not taken for a tab.
func TestEveryRuleWithQuotedTabs(t *testing.T) {
	for _, ru := range Rules() {
		if strings.Contains(ru.Example, "-----BEGIN") {
			continue // a PEM line holds no tab
		}
		spaced := strconv.Quote(ru.Example)
		tabbed := strconv.Quote(strings.ReplaceAll(ru.Example, " ", "\t"))
		hidden := !strings.Contains((Policy{}).Line(spaced), ru.Secret)
		if got := (Policy{}).Line(tabbed); hidden && strings.Contains(got, ru.Secret) {
			t.Errorf("Line(%q) = %q, but Line(%q) hides it", tabbed, got, spaced)
		}
	}
	tests := []struct{ in, want string }{
		{`failure "password\t7\tS3cret"`, `failure "password\t7\t` + Marker + `"`},
		{`reason: "snmp-server\tcommunity\tPubl1c\tgroup\tnetwork-operator"`, `reason: "snmp-server\tcommunity\t` + Marker + `\tgroup\tnetwork-operator"`},
		{`reason: "tacacs-server\thost\t10.1.1.1\tkey\t7\tTac1"`, `reason: "tacacs-server\thost\t10.1.1.1\tkey\t7\t` + Marker + `"`},
		{`reason: "snmp-server\tcontact\tJane Roe"`, `reason: "snmp-server\tcontact\t` + ContactMarker + `"`},
	}
	for _, tt := range tests {
		if got := (Policy{}).Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A message quotes a device line with %q: each blank becomes an escape
// there (\u00a0, \v; a capture's literal \x20 becomes \\x20), and a
// report may quote that message again (JSON). Every rule that hides its
// example so quoted with spaces hides it with any of those blanks.
func TestEveryRuleWithQuotedBlanks(t *testing.T) {
	// quoted is s quoted n times, without the outer quotes when bare.
	quoted := func(s string, n int, bare bool) string {
		for range n {
			s = strconv.Quote(s)
			if bare {
				s = s[1 : len(s)-1]
			}
		}
		return s
	}
	for _, tt := range []struct {
		name, blank string
		quotes      int
	}{
		{"no-break space", "\u00a0", 1},
		{"em space", "\u2003", 1},
		{"vertical tab", "\v", 1},
		{"form feed", "\f", 1},
		{"Latin-1 no-break", "\xa0", 1},
		{"a capture's literal \\x20", `\x20`, 1},
		{"a capture's literal \\u00a0", `\u00a0`, 1},
		{"tab, quoted twice", "\t", 2},
		{"no-break space, quoted twice", "\u00a0", 2},
	} {
		for _, ru := range Rules() {
			if strings.Contains(ru.Example, "-----BEGIN") {
				continue // a PEM line holds no blank but its spaces
			}
			spaced := quoted(ru.Example, tt.quotes, false)
			if strings.Contains((Policy{}).Line(spaced), ru.Secret) {
				continue
			}
			in := quoted(strings.ReplaceAll(ru.Example, " ", tt.blank), tt.quotes, false)
			secret := quoted(strings.ReplaceAll(ru.Secret, " ", tt.blank), tt.quotes, true)
			if got := (Policy{}).Line(in); strings.Contains(got, secret) {
				t.Errorf("%s: Line(%q) = %q, but Line(%q) hides it", tt.name, in, got, spaced)
			}
		}
	}
}

// The Kelvin sign and the long s are k and s to Unicode case folding: a
// keyword written with them (by a device, or to slip past a filter) is
// still the keyword, in a line and quoted in a message, wherever the rule
// hides it written with k and s.
func TestEveryRuleFoldedLetters(t *testing.T) {
	for _, ru := range Rules() {
		i := strings.Index(ru.Example, ru.Secret)
		before, after := ru.Example[:i], ru.Example[i+len(ru.Secret):]
		for _, fold := range []*strings.Replacer{
			strings.NewReplacer("k", "\u212a", "K", "\u212a"),
			strings.NewReplacer("s", "\u017f", "S", "\u017f"),
		} {
			in := fold.Replace(before) + ru.Secret + fold.Replace(after)
			if in == ru.Example {
				continue
			}
			for _, quote := range []func(string) string{
				func(s string) string { return s },
				func(s string) string { return "reason: " + strconv.Quote(s) },
			} {
				if strings.Contains((Policy{}).Line(quote(ru.Example)), ru.Secret) {
					continue // not hidden with k and s either
				}
				if got := (Policy{}).Line(quote(in)); strings.Contains(got, ru.Secret) {
					t.Errorf("Line(%q) = %q", quote(in), got)
				}
			}
		}
	}
}

// A rule's line is hidden wherever a message, a report or a file name
// puts it: quoted with %q at the start of a failure reason, that message in
// JSON, an archive member's or a path's name, the commands of an
// accounting log line, or after other words (a failure reason's own).
func TestEveryRuleEmbedded(t *testing.T) {
	embed := map[string]func(string) string{
		"quoted reason": func(s string) string {
			return "FAILED on 2022-08-31 17:02 UTC: " + strconv.Quote(s) + "; slcheck does not know this failure text"
		},
		"quoted reason in JSON": func(s string) string {
			return `          "message": ` + strconv.Quote("FAILED on 2022-08-31 17:02 UTC: "+strconv.Quote(s)+"; see below") + ","
		},
		"quoted after a word": func(s string) string { return "reason: server said " + strconv.Quote("error "+s) },
		"member name":         func(s string) string { return "slcheck: names/a.zip!" + s + ".txt: skipped: binary data" },
		"member name in JSON": func(s string) string { return `  "source": ` + strconv.Quote("names/a.zip!"+s+".txt") + "," },
		"path":                func(s string) string { return "open captures/" + s + ".txt: permission denied" },
		"accounting log":      func(s string) string { return "cmd=configure terminal ; " + s + " (SUCCESS)" },
		"after a comma":       func(s string) string { return "Failure reason: HTTP error, " + s },
		"after Latin-1 words": func(s string) string { return "Failure reason: Échec de la connexion " + s },
		"after a long prefix": func(s string) string { return strings.Repeat("x", 600) + " " + s },
	}
	for _, ru := range Rules() {
		if strings.Contains(ru.Example, "-----BEGIN") {
			continue // a key's line is its own (TestTextPrivateKey)
		}
		ex := strings.TrimSpace(ru.Example)
		for name, f := range embed {
			in := f(ex)
			if got := (Policy{}).Line(in); strings.Contains(got, ru.Secret) {
				t.Errorf("%s: Line(%q) = %q", name, in, got)
			}
		}
	}
}

// The leaks embedded forms had, and prose that names a keyword, which stays.
func TestEmbeddedLines(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// A word value takes the quote and semicolon after it, as before
		// in any rule: it cannot tell them from a secret's last bytes.
		{`FAILED on 2022-08-31 17:02 UTC: "password S3cr3tLine"; slcheck does not know`, `FAILED on 2022-08-31 17:02 UTC: "password <redacted> slcheck does not know`},
		{`"message": "FAILED: \"password S3cr3tLine\"; slcheck does not know",`, `"message": "FAILED: \"password <redacted> slcheck does not know",`},
		{`reason: "  key \"S3cr3tQuoted\""`, `reason: "  key <redacted>"`},
		{`"text": "  key \"two words\"",`, `"text": "  key <redacted>",`},
		{"slcheck: names/a.zip!sys contact: Binary Bob.bin: skipped: binary data", "slcheck: names/a.zip!sys contact: <redacted contact>"},
		{`"source": "names/a.zip!dir/streetaddress 12 Elm Road.txt",`, `"source": "names/a.zip!dir/streetaddress <redacted contact>",`},
		{"names/a.zip!log password S3cr3tName.txt:60: x", "names/a.zip!log password <redacted> x"},
		{"Failure reason: HTTP error, sys contact: Jane Roe x5555", "Failure reason: HTTP error, sys contact: <redacted contact>"},
		{"Failure reason: Échec streetaddress 12 Elm Road", "Failure reason: Échec streetaddress <redacted contact>"},
		{"cmd=configure terminal ; callhome ; streetaddress 12 Elm Road (SUCCESS)", "cmd=configure terminal ; callhome ; streetaddress <redacted contact>"},
		{"cmd=configure terminal ; neighbor 192.0.2.1 ; password S3cr3tBgp (SUCCESS)", "cmd=configure terminal ; neighbor 192.0.2.1 ; password <redacted> (SUCCESS)"},
		{"the callhome phone-contact +15550100 is set", "the callhome phone-contact <redacted contact>"},
		{"area 0 authentication-key 3 S3cr3tArea", "area 0 authentication-key 3 <redacted>"},
		// Prose, and slcheck's own code spans, stay.
		{"CH005 fails: add an email-contact line under callhome", "CH005 fails: add an email-contact line under callhome"},
		{"callhome has no `email-contact`", "callhome has no `email-contact`"},
		{"Add `email-contact <address>` under callhome.", "Add `email-contact <address>` under callhome."},
		{"it then asked for a password and none was given", "it then asked for a password and none was given"},
		{"sshd: Failed password for admin from 192.0.2.1 port 22", "sshd: Failed password for admin from 192.0.2.1 port 22"},
		{"ntp authentication-key 1 md5 <redacted> 7", "ntp authentication-key 1 md5 <redacted> 7"},
	} {
		got := (Policy{}).Line(tt.in)
		if got != tt.want {
			t.Errorf("Line(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if again := (Policy{}).Line(got); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	}
}

// TestReadAs: the blanks' escapes, with the backslashes before them, read
// as blanks of their length; the Kelvin sign and ſ read as k and s, each
// byte mapped back to its place in the line.
func TestReadAs(t *testing.T) {
	tests := []struct {
		in, want string
		at       []int // nil: the same offsets
	}{
		{`no tab`, `no tab`, nil},
		{`a\tb`, `a  b`, nil},
		{`a\\tb`, `a   b`, nil},   // a literal \t, quoted again
		{`a\\\tb`, `a    b`, nil}, // an escaped backslash, then a tab
		{`\t\v\x09\x20\xa0\u00a0\u2003\U00003000.`, strings.Repeat(" ", 38) + ".", nil},
		{`\x41\u0041\U00000041\a\b\\`, `\x41\u0041\U00000041\a\b\\`, nil},     // not blanks
		{`\n\r\x0a\x85\u2028\U00002029`, `\n\r\x0a\x85\u2028\U00002029`, nil}, // line ends
		{`\u00zz \x2 \U0000200`, `\u00zz \x2 \U0000200`, nil},                 // not escapes
		{`end\`, `end\`, nil},
		{"\u212aey-string", "key-string", []int{0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{"\u017fnmp\\t\u212a", "snmp  k", []int{0, 2, 3, 4, 5, 6, 7, 10}},
	}
	for _, tt := range tests {
		got := readAs(tt.in)
		if got.text != tt.want || !slices.Equal(got.at, tt.at) {
			t.Errorf("readAs(%q) = %q %v, want %q %v", tt.in, got.text, got.at, tt.want, tt.at)
		}
		if got.at == nil && len(got.text) != len(tt.in) {
			t.Errorf("readAs(%q): %d bytes for %d, unmapped", tt.in, len(got.text), len(tt.in))
		}
	}
}
