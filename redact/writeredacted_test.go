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
