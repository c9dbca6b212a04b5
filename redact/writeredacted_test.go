package redact

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWriteRedactedSameBytes: text redacted ahead of time and written with
// WriteRedacted gives the bytes Write gives, whatever the writer's state
// (a partial line held, inside a private key block, another policy).
func TestWriteRedactedSameBytes(t *testing.T) {
	part := []byte("  snmp-server community s3cret ro\n  email-contact a@b.example\n" +
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEabc+/=\n")
	after := []byte("MIIEdef\n-----END RSA PRIVATE KEY-----\npassword 7 xyz\n")
	befores := []string{"", "head\n", "partial ", "-----BEGIN PRIVATE KEY-----\n"}
	policies := []Policy{{}, {ShowContacts: true}}
	for _, before := range befores {
		for _, wp := range policies {
			for _, pp := range policies {
				var want, got bytes.Buffer
				p := wp
				w := NewWriter(&want, &p)
				w.Write([]byte(before))
				w.Write(part)
				w.Write(after)
				w.Close()
				w = NewWriter(&got, &p)
				w.Write([]byte(before))
				if n, err := w.WriteRedacted(pp.Redacted(part)); n != len(part) || err != nil {
					t.Fatalf("WriteRedacted: %d, %v", n, err)
				}
				w.Write(after)
				w.Close()
				if got.String() != want.String() {
					t.Errorf("before %q, writer %+v, part %+v:\n got %q\nwant %q", before, wp, pp, got.String(), want.String())
				}
			}
		}
	}
}

// Redacted keeps the text it is given, not a copy, and passes it on as it
// is when redaction changes nothing (a fleet's report holds one part per
// switch until it is written); what it passes on is what a Writer writes,
// after a partial line too.
func TestRedactedKeepsText(t *testing.T) {
	for _, text := range []string{"  description uplink\n", "  snmp-server community s3cret ro\n"} {
		for _, before := range []string{"", "partial "} {
			var want, got bytes.Buffer
			p := Policy{}
			w := NewWriter(&want, &p)
			w.Write([]byte(before + text))
			w.Close()
			buf := []byte(text)
			r := p.Redacted(buf)
			if &r.raw[0] != &buf[0] {
				t.Errorf("%q: Redacted copied the text", text)
			}
			if unchanged := string(r.out) == text; unchanged != (&r.out[0] == &buf[0]) {
				t.Errorf("%q: redacted text shares the text's bytes: %v, unchanged: %v", text, !unchanged, unchanged)
			}
			w = NewWriter(&got, &p)
			w.Write([]byte(before))
			w.WriteRedacted(r)
			w.Close()
			if got.String() != want.String() {
				t.Errorf("%q after %q: got %q, want %q", text, before, got.String(), want.String())
			}
		}
	}
}

// Redacted passes a line that Line would leave as it is without
// converting it (Stream.unchanged): the bytes and the stream's state after
// the text are Line's, line by line, for every scenario capture and for
// private key blocks and SNMP community tables.
func TestRedactedIsLineByLine(t *testing.T) {
	files, err := filepath.Glob("../testdata/showoutputs/*/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files: %v", err)
	}
	texts := []string{
		"a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabcdefghijklmnop\nMIIE=\nplain after\n",
		"Community            Group / Access      context    acl_filter\n---------            --------------      -------    ----------\nS3cret               network-operator\nplain after\n",
		"no newline at the end",
		// Lines that name a keyword but hold no secret, before a changed
		// line, and alone.
		"register idtoken <ID-token-from-CSSM>\nsnmp-server community S3cret\nplain after\n",
		"register idtoken <ID-token-from-CSSM>\n  email-contact <redacted contact>\n",
		"-----BEGIN PRIVATE KEY-----\nMIIEabcdefghijklmnop\n-----END PRIVATE KEY-----\n",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		sameLineByLine(t, text)
	}
}

// FuzzRedactedIsLineByLine: Redacted, a Writer and Stream.Text redact any
// text as Line does line by line (whatever words that start a block it holds, and
// where).
func FuzzRedactedIsLineByLine(f *testing.F) {
	for _, s := range []string{
		"a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE=\nplain after\n",
		"x\nCommunity            Group / Access      context    acl_filter\nS3cret               network-operator\n",
		"register idtoken <ID-token-from-CSSM>\n  email-contact <redacted contact>\n", "plain\nAccess\n-----BEGIN",
	} {
		f.Add(s)
	}
	f.Fuzz(sameLineByLine)
}

// sameLineByLine reports where Redacted, a Writer or Stream.Text redacts
// text otherwise than Line line by line.
func sameLineByLine(t *testing.T, text string) {
	t.Helper()
	for _, p := range []Policy{{}, {ShowContacts: true}} {
		st := p.Stream()
		lines := strings.SplitAfter(text, "\n")
		var want strings.Builder
		for _, l := range lines {
			if l, ok := strings.CutSuffix(l, "\n"); ok {
				want.WriteString(st.Line(l) + "\n")
			} else if l != "" {
				want.WriteString(st.Line(l))
			}
		}
		// Text, as lines split at each newline, joined again.
		parts := strings.Split(text, "\n")
		byLine := p.Stream()
		for i, l := range parts {
			parts[i] = byLine.Line(l)
		}
		whole := p.Stream()
		if got, want := whole.Text(text), strings.Join(parts, "\n"); got != want || whole.block != byLine.block {
			t.Errorf("policy %+v: Text differs from Line line by line: %s", p, firstDiffLine(want, got))
		}
		r := p.Redacted([]byte(text))
		if string(r.out) != want.String() || r.block != st.block {
			t.Errorf("policy %+v: Redacted differs from Line line by line: %s", p, firstDiffLine(want.String(), string(r.out)))
		}
		var b strings.Builder
		w := p.NewWriter(&b)
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want.String() {
			t.Errorf("policy %+v: Writer differs from Line line by line: %s", p, firstDiffLine(want.String(), b.String()))
		}
	}
}

func firstDiffLine(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + strconv.Quote(g[i]) + ", want " + strconv.Quote(w[i])
		}
	}
	return "lengths " + strconv.Itoa(len(g)) + " and " + strconv.Itoa(len(w))
}
