package par

import (
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Group is a sync.WaitGroup whose goroutines' panics reach Wait.
// The zero Group is ready to use.
type Group struct {
	wg    sync.WaitGroup
	first atomic.Pointer[Panic]
}

// Panic is a panic caught on one of a Group's goroutines, with the stack
// where it happened: the stack of Wait's panic would not show it.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprint(p.Value) }

// Go runs f on a new goroutine. A panic in f ends f and is kept for Wait.
func (g *Group) Go(f func()) {
	g.wg.Go(func() { g.Do(f) })
}

// Do runs f on this goroutine, keeping a panic in f for Wait as Go does.
// A worker that takes items from a channel runs each item with Do: a panic
// ends the item, not the worker, so whoever sends the items is never left
// waiting for a worker that is gone.
func (g *Group) Do(f func()) {
	defer func() {
		if r := recover(); r != nil {
			g.first.CompareAndSwap(nil, Caught(r))
		}
	}()
	f()
}

// Panicked reports whether a goroutine or function of the group has
// panicked since the last Wait: a worker stops taking items then, as
// their work would be thrown away.
func (g *Group) Panicked() bool { return g.first.Load() != nil }

// Wait waits for the goroutines started by Go. If any of them, or of the
// functions run by Do, panicked, Wait panics with the first such *Panic.
func (g *Group) Wait() {
	g.wg.Wait()
	if p := g.first.Swap(nil); p != nil {
		panic(p)
	}
}

// Caught is the *Panic for r, a value recovered here: r itself if it is
// one (from a Wait, with the stack where it happened), else r with this
// goroutine's stack. Call it in the deferred function that recovered r:
//
//	defer func() {
//		if r := recover(); r != nil {
//			err = par.Caught(r)
//		}
//	}()
func Caught(r any) *Panic {
	if p, ok := r.(*Panic); ok {
		return p
	}
	return &Panic{Value: r, Stack: debug.Stack()}
}
