package parsers

import (
	"github.com/slcheck/slcheck/capture"
	"time"
)

// Certificate is one certificate of `show crypto ca certificates`.
type Certificate struct {
	Trustpoint string
	Subject    string
	Issuer     string
	Serial     string
	NotAfter   time.Time
	Ref        capture.Ref
	// NotBefore is the start of validity; zero when not printed.
	NotBefore time.Time
	// NotAfterRef is the "notAfter=" line.
	NotAfterRef capture.Ref
}

// TrustStore is `show crypto ca certificates` / `show crypto ca trustpoints`.
type TrustStore struct {
	Trustpoints  []string
	Certificates []Certificate
	Ref          capture.Ref
}
