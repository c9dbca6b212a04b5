package redact

import (
	"bytes"
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

// Redacted keeps its own copy of the text, whether redaction changed it
// or not: the caller may reuse its buffer (a fleet's report holds one
// part per switch until it is written).
func TestRedactedOwnsText(t *testing.T) {
	for _, text := range []string{"  description uplink\n", "  snmp-server community s3cret ro\n"} {
		for _, before := range []string{"", "partial "} {
			var want, got bytes.Buffer
			p := Policy{}
			w := NewWriter(&want, &p)
			w.Write([]byte(before + text))
			w.Close()
			buf := []byte(text)
			r := p.Redacted(buf)
			for i := range buf {
				buf[i] = 'X'
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
