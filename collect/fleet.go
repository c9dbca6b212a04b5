package collect

import (
	"context"
	"sync"
	"time"
)

// startSpacing is how far apart the workers of a fleet start their first
// host, and startSpread the most the spacing adds up to. Sessions started
// together stay in step: the same commands, answered after about the same
// delay, so their SSH handshakes and then each command's work arrive in
// bursts that queue for the CPU while between bursts it idles (bench/
// README.md, "Fleets of 2000"). Started apart, the workers stay apart,
// since their hosts take about as long. The cost is the spread itself: the
// last workers start later and so end later, about half of startSpread
// and up to it. Half a second keeps them apart (at 5 ms, 100 workers; 200
// at 2.5 ms) and measured faster than a whole one in 11 of 13 alternating
// pairs at 2000 hosts (bench/README.md). A fleet of one round (no more
// targets than workers), which has no later round to keep apart, starts
// at once.
const (
	startSpacing = 5 * time.Millisecond
	startSpread  = 500 * time.Millisecond
)

// Fleet collects from every target with at most concurrency sessions at
// once, each worker owning its own scrapligo driver (a driver is not safe
// for concurrent use). The workers start startSpacing apart (at most
// startSpread in all). Results come back in the order of targets; done is
// called after each host, from the worker that finished it, with the
// host's index in targets.
func (c *Collector) Fleet(ctx context.Context, targets []Target, concurrency int, done func(int, *Result)) []*Result {
	if concurrency < 1 {
		concurrency = 1
	}
	out := make([]*Result, len(targets))
	jobs := make(chan int)
	workers := min(concurrency, len(targets))
	spacing := startSpacing
	switch {
	case len(targets) <= workers:
		spacing = 0
	case workers > 1:
		spacing = min(spacing, startSpread/time.Duration(workers-1))
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A cancelled run still gives every target its (failed) result.
			start := time.NewTimer(time.Duration(w) * spacing)
			select {
			case <-start.C:
			case <-ctx.Done():
				start.Stop()
			}
			for i := range jobs {
				out[i] = c.Collect(ctx, targets[i])
				if done != nil {
					done(i, out[i])
				}
			}
		}()
	}
	for i := range targets {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}
