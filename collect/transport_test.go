package collect

import (
	"io"
	"runtime"
	"testing"
)

// A session's read buffer goes back for the next session when its reads
// end: at Close between reads (scrapligo's read loop may stop without
// another read), and when a read that Close interrupted returns.
func TestReadBufferGivenBack(t *testing.T) {
	for _, tt := range []struct {
		name string
		// closeDuring closes while a read waits; otherwise between reads.
		closeDuring bool
	}{{"close between reads", false}, {"close during a read", true}} {
		t.Run(tt.name, func(t *testing.T) {
			r, w := io.Pipe()
			tr := &sshTransport{stdout: r}
			go w.Write([]byte("switch# "))
			if b, err := tr.Read(readSize); err != nil || string(b) != "switch# " {
				t.Fatalf("Read = %q, %v", b, err)
			}
			if tr.rbuf == nil {
				t.Fatal("no buffer kept between reads")
			}
			if !tt.closeDuring {
				tr.Close()
				if tr.rbuf != nil {
					t.Error("Close kept the buffer")
				}
				return
			}
			done := make(chan error)
			go func() {
				_, err := tr.Read(readSize)
				done <- err
			}()
			// The read is waiting on the pipe once it holds the buffer.
			for {
				tr.mu.Lock()
				reading := tr.reading
				tr.mu.Unlock()
				if reading {
					break
				}
				runtime.Gosched()
			}
			tr.Close()
			tr.mu.Lock()
			kept := tr.rbuf != nil
			tr.mu.Unlock()
			if !kept {
				t.Fatal("Close gave back the buffer a read was using")
			}
			w.CloseWithError(io.ErrClosedPipe) // what closing the SSH session does to the read
			if err := <-done; err == nil {
				t.Fatal("the read after Close succeeded")
			}
			if tr.rbuf != nil {
				t.Error("the read that ended kept the buffer")
			}
		})
	}
}
