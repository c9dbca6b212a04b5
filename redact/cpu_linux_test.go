package redact

import (
	"runtime"
	"syscall"
	"testing"
)

// cpuPerOp starts counting the CPU time of the benchmark's thread; the
// function it returns reports it as cpu-ns/op. Unlike ns/op, it does not
// count the time the thread waited for a CPU that other work held.
func cpuPerOp(b *testing.B) func() {
	runtime.LockOSThread() // the same thread from start to end
	c0 := threadCPU()
	return func() {
		b.ReportMetric(float64(threadCPU()-c0)/float64(b.N), "cpu-ns/op")
		runtime.UnlockOSThread()
	}
}

func threadCPU() int64 {
	var r syscall.Rusage
	syscall.Getrusage(1, &r) // RUSAGE_THREAD
	return r.Utime.Nano() + r.Stime.Nano()
}
