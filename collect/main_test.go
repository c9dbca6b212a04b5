package collect

import (
	"os"
	"testing"

	"github.com/slcheck/slcheck/internal/sshdtest"
)

// TestMain lets the test binary be the NX-OS login shell of the real
// sshd some tests run (sshdtest).
func TestMain(m *testing.M) {
	sshdtest.Main()
	os.Exit(m.Run())
}
