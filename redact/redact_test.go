package redact

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"username hash", "username admin password 5 $5$KDIGmHhO$Lx0.S1 role network-admin",
			"username admin password 5 <redacted> role network-admin"},
		{"username cleartext", "username bob password Sup3rS3cret role priv-15",
			"username bob password <redacted> role priv-15"},
		{"typed password", "    password 3 5e2d6b1c0a9f", "    password 3 <redacted>"},
		// A secret ending a JSON string keeps the quote and comma that close
		// it; a marker there is left alone (the Writer after Value).
		{"json line end", `      "text": "    password 3 5e2d6b1c0a9f",`, `      "text": "    password 3 <redacted>",`},
		{"json last field", `      "text": "snmp-server community pub1ic"`, `      "text": "snmp-server community <redacted>"`},
		{"json escaped quotes", `      "text": "tacacs-server key 7 \"fewhg123\"",`, `      "text": "tacacs-server key 7 <redacted>",`},
		{"json marker", `      "source": "a\\x0apassword 7 <redacted>",`, `      "source": "a\\x0apassword 7 <redacted>",`},
		{"trailing comma is the secret's", "password 7 abc,", "password 7 <redacted>"},
		{"password line", "  password s3cr3t", "  password <redacted>"},
		{"prose password kept", "--password-stdin reads the password from stdin", "--password-stdin reads the password from stdin"},
		{"tacacs global", `tacacs-server key 7 "fewhg123"`, `tacacs-server key 7 "<redacted>"`},
		{"tacacs host", `tacacs-server host 10.1.1.5 key 7 "wxyz" port 49`, `tacacs-server host 10.1.1.5 key 7 "<redacted>" port 49`},
		{"radius host", `radius-server host 10.1.1.6 key 7 "abcd" authentication accounting`, `radius-server host 10.1.1.6 key 7 "<redacted>" authentication accounting`},
		{"radius key 0", "radius-server key 0 plainkey", "radius-server key 0 <redacted>"},
		{"ntp", "ntp authentication-key 1 md5 ntpsecret 7", "ntp authentication-key 1 md5 <redacted> 7"},
		{"ospf auth", "  ip ospf authentication-key 3 9b4f", "  ip ospf authentication-key 3 <redacted>"},
		{"ospf md5", "  ip ospf message-digest-key 1 md5 3 9b4f", "  ip ospf message-digest-key 1 md5 3 <redacted>"},
		{"key-string", "    key-string 7 070c2e", "    key-string 7 <redacted>"},
		{"hsrp text", "    authentication text hsrppw", "    authentication text <redacted>"},
		{"hsrp md5", "    authentication md5 key-string 7 abc", "    authentication md5 key-string 7 <redacted>"},
		{"quoted key", `  key "quoted secret"`, `  key "<redacted>"`},
		{"snmp community", "snmp-server community s3cret group network-operator", "snmp-server community <redacted> group network-operator"},
		{"snmp host v2c", "snmp-server host 10.9.9.9 traps version 2c trapcomm udp-port 162", "snmp-server host 10.9.9.9 traps version 2c <redacted> udp-port 162"},
		{"snmp host no version", "snmp-server host 10.9.9.9 traps trapcomm", "snmp-server host 10.9.9.9 traps <redacted>"},
		{"snmp user", "snmp-server user admin network-admin auth md5 0x1a2b3c priv aes-128 0x4d5e6f localizedkey",
			"snmp-server user admin network-admin auth md5 <redacted> priv aes-128 <redacted> localizedkey"},
		{"idtoken register", "license smart register idtoken ODRlOTM5MjItOTQzMS00YjY0LWJm force",
			"license smart register idtoken <redacted> force"},
		{"idtoken trust", "license smart trust idtoken NjAxMmQ4ZTAtMmQ5 local",
			"license smart trust idtoken <redacted> local"},
		{"idtoken placeholder kept", "license smart register idtoken <token-from-CSSM>", "license smart register idtoken <token-from-CSSM>"},
		{"token shape", "token was ZTI0ZWM5YmYtMTE1%0AMjMzOTc0NjA3 in the log", "token was <redacted> in the log"},
		{"url credentials", "transport http proxy server http://proxyuser:pr0xyPass@proxy.example.com",
			"transport http proxy server http://proxyuser:<redacted>@proxy.example.com"},
		{"one-line private key", `"text": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"`,
			`"text": "-----BEGIN RSA PRIVATE KEY-----<redacted>-----END RSA PRIVATE KEY-----"`},
		{"email contact", "  email-contact noc@example.com", "  email-contact <redacted contact>"},
		{"email in evidence", "cap.txt:12: email-contact noc@example.com", "cap.txt:12: email-contact <redacted contact>"},
		{"phone", "  phone-contact +1-408-555-0100", "  phone-contact <redacted contact>"},
		{"phone masked", "  phone-contact +919XXXXXXXXXX", "  phone-contact <redacted contact>"},
		{"phone in evidence", "cap.txt:9: phone-contact +919XXXXXXXXXX", "cap.txt:9: phone-contact <redacted contact>"},
		{"street", `  streetaddress 170 West Tasman Drive, San Jose`, `  streetaddress <redacted contact>`},
		{"customer id", "  customer-id ACME-42", "  customer-id <redacted contact>"},
		{"snmp contact", "snmp-server contact Jane Doe x5555", "snmp-server contact <redacted contact>"},
		{"cisco address kept", "  email-contact sch-smart-licensing@cisco.com", "  email-contact sch-smart-licensing@cisco.com"},
		{"ssh algorithms kept", "server offers aes128-gcm@openssh.com, chacha20-poly1305@openssh.com, curve25519-sha256@libssh.org, rijndael-cbc@lysator.liu.se, ssh-ed25519-cert-v01@openssh.com",
			"server offers aes128-gcm@openssh.com, chacha20-poly1305@openssh.com, curve25519-sha256@libssh.org, rijndael-cbc@lysator.liu.se, ssh-ed25519-cert-v01@openssh.com"},
		{"person at openssh.com", "mail djm@openssh.com", "mail <redacted contact>"},
		{"bare email", "send to jane.doe@example.org please", "send to <redacted contact> please"},
		{"prose kept", "CH005 fails: add an email-contact line under callhome", "CH005 fails: add an email-contact line under callhome"},
		{"no secret", "destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService",
			"destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService"},
		{"key chain id kept", "  key 1", "  key 1"},
		// A report's Markdown escapes the markers: written through the
		// layer again, they stay as they are.
		{"markdown marker kept", `fail key 7 \<redacted\> http://u:\<redacted\>\@h`, `fail key 7 \<redacted\> http://u:\<redacted\>\@h`},
		{"marker before punctuation kept", `key 7 \<redacted\>; password 3 <redacted>, x`, `key 7 \<redacted\>; password 3 <redacted>, x`},
		{"markdown contact kept", `| Note | email-contact \<redacted contact\> |`, `| Note | email-contact \<redacted contact\> |`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Policy{}.Line(tt.in)
			if got != tt.want {
				t.Errorf("Line(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := (Policy{}).Line(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestShowContacts(t *testing.T) {
	p := Policy{ShowContacts: true}
	for _, in := range []string{"  email-contact noc@example.com", "  phone-contact +1-408-555-0100", "  streetaddress 1 Main St"} {
		if got := p.Line(in); got != in {
			t.Errorf("ShowContacts: %q became %q", in, got)
		}
	}
	if got := p.Line("snmp-server community s3cret"); strings.Contains(got, "s3cret") {
		t.Errorf("ShowContacts must still hide secrets: %q", got)
	}
}

const pemKey = `crypto key
-----BEGIN RSA PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
MIIEowIBAAKCAQEAsecretbody1secretbody1secretbody1secretbody1abcd
bm90IGEgcmVhbCBrZXkgYnV0IHNoYXBlZCBsaWtlIG9uZSBmb3IgdGhlIHRlc3Qx
bm90IGEgcmVhbCBrZXk=
-----END RSA PRIVATE KEY-----
hostname n9k`

const pemWant = `crypto key
-----BEGIN RSA PRIVATE KEY-----
<redacted>
<redacted>
<redacted>
<redacted>
-----END RSA PRIVATE KEY-----
hostname n9k`

func TestTextPrivateKey(t *testing.T) {
	if got := (Policy{}).Text(pemKey); got != pemWant {
		t.Errorf("Text:\n%s\nwant:\n%s", got, pemWant)
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, &Policy{})
	// Split writes in the middle of secrets and lines.
	in := "snmp-server comm" + "unity s3cr" + "et\n" + pemKey[:40] + pemKey[40:] + "\nlast tacacs-server key 7 \"tail\""
	for _, part := range []string{in[:10], in[10:33], in[33:70], in[70:]} {
		if _, err := w.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "snmp-server community <redacted>\n" + pemWant + "\nlast tacacs-server key 7 \"<redacted>\""
	if buf.String() != want {
		t.Errorf("Writer:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestWriterPolicyReadAtWrite(t *testing.T) {
	var buf bytes.Buffer
	pol := &Policy{}
	w := NewWriter(&buf, pol)
	pol.ShowContacts = true // as a flag parsed after the writer was made
	w.Write([]byte("  email-contact noc@example.com\n"))
	if !strings.Contains(buf.String(), "noc@example.com") {
		t.Errorf("policy change not seen: %q", buf.String())
	}
}

type inner struct {
	Text  string
	Lines []string
}

type outer struct {
	Msg   string
	Ptr   *inner
	Items []inner
	Map   map[string]string
	Any   any
	note  string
}

func TestValue(t *testing.T) {
	v := outer{
		Msg:   "snmp-server community s3cret",
		Ptr:   &inner{Text: "username a password 5 $5$x"},
		Items: []inner{{Lines: []string{"-----BEGIN PRIVATE KEY-----", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=", "-----END PRIVATE KEY-----"}}},
		Map:   map[string]string{"k": "key 7 \"m\""},
		Any:   "radius-server key 7 \"i\"",
		note:  "snmp-server community unexported",
	}
	Policy{}.Value(&v)
	checks := map[string]string{
		"Msg":   v.Msg,
		"Ptr":   v.Ptr.Text,
		"Items": v.Items[0].Lines[1],
		"Map":   v.Map["k"],
		"Any":   v.Any.(string),
	}
	for name, got := range checks {
		if !strings.Contains(got, Marker) {
			t.Errorf("%s not redacted: %q", name, got)
		}
	}
	if v.note != "snmp-server community unexported" {
		t.Errorf("unexported field touched: %q", v.note)
	}
}

// FuzzLine: redaction never panics and is idempotent, which lets the
// document pass and the writer pass stack.
func FuzzLine(f *testing.F) {
	for _, s := range []string{
		"username admin password 5 $5$abc role network-admin",
		`tacacs-server host 1.1.1.1 key 7 "x"`,
		`"text": "  streetaddress 1 Main St",`,
		"-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----",
		"http://u:p@h snmp-server community c email-contact a@b.co",
		"host\x1b]0;PWNED\x07 \u202e \xc2\x9b \x9b end",
		"Community            Group / Access      context    acl_filter", " \tCommunity  Access", "-----BEGIN RSA PRIVATE KEY-----",
		"x -----BEGIN PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----", "Access", "community access",
		`        "text": "  snmp-server user admin auth md5 0x1 priv 0x2",`, "    \t\x1b[31m", "  \n x", "\t \xc3\xa9", "   @",
		// Quoted, named and folded forms (TestEveryRuleEmbedded).
		`reason: "  key \"S3\""`, `x: "password\u00a0S3"; y`, `"m": "a: \\"password\\\\x20S3\\""`, "a.zip!sys contact: X.txt: skipped",
		"dir/streetaddress elm road.txt", "HTTP error, streetaddress 12 Elm", "add an email-contact line", "\u212aey-string 7 x", "\u017fnmp-server location X",
		"cmd=configure terminal ; password S3 (SUCCESS)", "ntp authentication-key 1 md5 k 7",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plain(s) != plainSlow(s) {
			t.Errorf("plain(%q) = %v, the slow way says otherwise", s, plain(s))
		}
		for _, s := range []string{s, "  \t " + s, "\t" + s} {
			if got, want := unchangedLine(s), unchangedLineWhole(s); got != want {
				t.Errorf("unchangedLine(%q) = %v, with plain of the whole line %v", s, got, want)
			}
			if got, want := unchangedLine([]byte(s)), unchangedLineWhole(s); got != want {
				t.Errorf("unchangedLine([]byte(%q)) = %v, with plain of the whole line %v", s, got, want)
			}
		}
		for _, p := range []Policy{{}, {ShowContacts: true}} {
			// Line's shortcut: what it passes as it is, the full way
			// would leave as it is too, starting no block.
			if st := p.Stream(); unchangedLine(s) {
				if out := st.line(s); out != s || st.block != (blockState{}) {
					t.Errorf("unchangedLine(%q), but the full way gives %q and block %+v", s, out, st.block)
				}
			}
			if got, want := p.Line(s), lineEveryRule(p, s); got != want {
				t.Errorf("hints skipped a rule that applies:\n%q\n%q\n%q", s, got, want)
			}
			once := p.Line(s)
			if twice := p.Line(once); twice != once {
				t.Errorf("not idempotent:\n%q\n%q\n%q", s, once, twice)
			}
			if i := unsafeAt(once, false); i >= 0 {
				t.Errorf("Line(%q) = %q: unescaped byte at %d", s, once, i)
			}
		}
	})
}

// TestUnchangedLineAsWhole compares unchangedLine with its reference on
// every line of every file under the repository's testdata (captures,
// and reports indented as JSON, Markdown and text).
func TestUnchangedLineAsWhole(t *testing.T) {
	lines := 0
	filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(body), "\n") {
			lines++
			if got, want := unchangedLine(l), unchangedLineWhole(l); got != want {
				t.Errorf("%s: unchangedLine(%q) = %v, with plain of the whole line %v", path, l, got, want)
			}
		}
		return nil
	})
	if lines < 10000 {
		t.Fatalf("%d lines: testdata not found", lines)
	}
}

// unchangedLineWhole is unchangedLine as it was, plain looking at the
// blanks and tabs a line starts with too: the reference it must agree
// with.
func unchangedLineWhole(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return !hasPrefix(s[i:], "Community") && plain(s)
}

// countWriter counts the writes it gets.
type countWriter struct {
	buf    bytes.Buffer
	writes int
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.buf.Write(p)
}

func (c *countWriter) String() string { return c.buf.String() }

// TestWriterOneWritePerWrite: the complete lines of one Write reach the
// underlying writer in one write (a report is not one system call a line).
func TestWriterOneWritePerWrite(t *testing.T) {
	var c countWriter
	w := NewWriter(&c, &Policy{})
	w.Write([]byte("a\nsnmp-server community s3cret\nc\npartial"))
	if c.writes != 1 || c.String() != "a\nsnmp-server community <redacted>\nc\n" {
		t.Errorf("%d writes of %q, want 1", c.writes, c.String())
	}
	w.Write([]byte(" line"))
	if c.writes != 1 {
		t.Errorf("a write without a newline wrote %d times", c.writes-1)
	}
	w.Close()
	if c.writes != 2 || !strings.HasSuffix(c.String(), "partial line") {
		t.Errorf("after Close: %d writes of %q", c.writes, c.String())
	}
}

// plainSlow is plain's definition: ASCII without controls, and no root in
// the lower-cased line.
func plainSlow(s string) bool {
	if !isASCII(s) || Escape(s) != s {
		return false
	}
	lower := strings.ToLower(s)
	for _, r := range roots {
		if strings.Contains(lower, r) {
			return false
		}
	}
	return true
}

// lineEveryRule is Line without its shortcuts: every rule tried on every
// line and on its parts between escapes, then the escaping, and the rules
// again if it escaped something. The hints and plain must never change the
// result.
func lineEveryRule(p Policy, s string) string {
	every := func(s string) string {
		for i := range rules {
			ru := &rules[i]
			if ru.Contact && p.ShowContacts {
				continue
			}
			s = ru.apply(s, readAs(s))
		}
		return s
	}
	r := betweenEscapes(s, every)
	if out := Escape(r); out != r {
		return betweenEscapes(out, every)
	}
	return r
}

// TestHintsSound runs every line of every scenario capture and golden
// report, and the secrets of this file's tests, through Line and through
// every rule: the shortcuts must not change a single line.
func TestHintsSound(t *testing.T) {
	files, err := filepath.Glob("../testdata/showoutputs/*/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files: %v", err)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	lines = append(lines,
		"SNMP-SERVER COMMUNITY Public123 group network-operator",
		"snmp-server host 192.0.2.1 traps version 2c S3cret",
		"ſnmp-server community NotAscii group network-operator",
		"tacacs-server host 1.1.1.1 Key 7 \"Kelvin\"",
		"FTP://USER:Pa55@HOST/",
	)
	// Every rule's example, and with tabs or two spaces where it has one
	// space: a hint must not hold a space the pattern takes as any \s.
	for _, ru := range rules {
		lines = append(lines, ru.Example, strings.ReplaceAll(ru.Example, " ", "\t"), strings.ReplaceAll(ru.Example, " ", "  "))
	}
	changed := 0
	for _, p := range []Policy{{}, {ShowContacts: true}} {
		for _, l := range lines {
			got := p.Line(l)
			if want := lineEveryRule(p, l); got != want {
				t.Errorf("policy %+v: Line(%q) = %q, every rule gives %q", p, l, got, want)
			}
			if got != l {
				changed++
			}
		}
	}
	if changed == 0 {
		t.Fatal("no line was redacted: the test proves nothing")
	}
	t.Logf("%d lines, %d redactions", len(lines), changed)
}

// TestCleanLines: the lines line remembers are exactly those it left as
// they are, per policy and colour mode, never one that held a secret, and
// the set stays bounded.
func TestCleanLines(t *testing.T) {
	contact := "  email-contact noc@example.org"
	for _, tc := range []struct {
		p          Policy
		line, want string
		kept       bool
	}{
		// Kept for --show-contacts first: the default policy must still
		// hide it afterwards.
		{Policy{ShowContacts: true}, contact, contact, true},
		{Policy{}, contact, "  email-contact " + ContactMarker, false},
		{Policy{}, "Run `license smart register idtoken <ID-token-from-CSSM> force`", "Run `license smart register idtoken <ID-token-from-CSSM> force`", true},
		{Policy{}, "snmp-server community S3cr3t group network-operator", "snmp-server community " + Marker + " group network-operator", false},
		{Policy{}, "Ethernet1/1 is up", "Ethernet1/1 is up", false}, // plain: never looked up
		{Policy{}, "key word " + strings.Repeat("x", cleanLineMax), "key word " + strings.Repeat("x", cleanLineMax), false},
	} {
		for range 2 { // the second time through the set, if kept
			if got := tc.p.Line(tc.line); got != tc.want {
				t.Errorf("%+v: Line(%q) = %q, want %q", tc.p, tc.line, got, tc.want)
			}
			if got := clean.has(tc.p, false, tc.line); got != tc.kept {
				t.Errorf("%+v: %q kept = %v, want %v", tc.p, tc.line, got, tc.kept)
			}
			if clean.has(tc.p, true, tc.line) {
				t.Errorf("%+v: %q kept for the colour mode too", tc.p, tc.line)
			}
		}
	}
	for i := range cleanMax + 10 {
		Policy{}.Line(fmt.Sprintf("key word %d", i))
	}
	clean.mu.Lock()
	n := len(clean.m)
	clean.mu.Unlock()
	if n == 0 || n > cleanMax {
		t.Errorf("%d lines kept, want 1 to %d", n, cleanMax)
	}
}
