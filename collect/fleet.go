package collect

import (
	"context"
	"sync"
)

// Fleet collects from every target with at most concurrency sessions at
// once, each worker owning its own scrapligo driver (a driver is not safe
// for concurrent use). Results come back in the order of targets; done is
// called after each host, from the worker that finished it.
func (c *Collector) Fleet(ctx context.Context, targets []Target, concurrency int, done func(*Result)) []*Result {
	if concurrency < 1 {
		concurrency = 1
	}
	out := make([]*Result, len(targets))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(concurrency, len(targets)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = c.Collect(ctx, targets[i])
				if done != nil {
					done(out[i])
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
