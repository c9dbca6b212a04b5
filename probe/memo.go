package probe

import (
	"context"
	"sync"
)

// Memo shares what the probes saw between the devices of one run: a
// fleet whose switches use the same name servers and endpoint asks each
// server once and opens one TLS connection, instead of paying a silent
// server's timeout once per switch. Safe for concurrent use; a nil *Memo
// shares nothing.
type Memo struct {
	mu sync.Mutex
	m  map[string]*memoEntry
}

type memoEntry struct {
	done chan struct{}
	v    any
}

// NewMemo returns an empty memo for one run.
func NewMemo() *Memo { return &Memo{m: map[string]*memoEntry{}} }

// memoDo returns the value stored under key, running f to compute it when
// no caller has yet. A caller that waits for another's f gives up when its
// own ctx ends (ok false), so every Run keeps its budget.
func memoDo[T any](ctx context.Context, m *Memo, key string, f func() T) (v T, ok bool) {
	if m == nil {
		return f(), true
	}
	m.mu.Lock()
	e, found := m.m[key]
	if !found {
		e = &memoEntry{done: make(chan struct{})}
		m.m[key] = e
	}
	m.mu.Unlock()
	if !found {
		e.v = f()
		close(e.done)
		return e.v.(T), true
	}
	select {
	case <-e.done:
		return e.v.(T), true
	case <-ctx.Done():
		return v, false
	}
}
