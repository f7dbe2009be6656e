package par

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A panic on a goroutine of the group reaches the goroutine that waits,
// with the stack of the goroutine that panicked; the others finish.
func TestPanicOnAGoroutineReachesWait(t *testing.T) {
	var g Group
	var done atomic.Int32
	for i := range 4 {
		g.Go(func() {
			if i == 2 {
				var m map[string]int
				m["x"] = 1 // a bug: assignment to a nil map
			}
			done.Add(1)
		})
	}
	var got any
	func() {
		defer func() { got = recover() }()
		g.Wait()
	}()
	p, ok := got.(*Panic)
	if !ok {
		t.Fatalf("Wait panicked with %#v, want a *Panic", got)
	}
	if !strings.Contains(p.Error(), "nil map") || !strings.Contains(string(p.Stack), "TestPanicOnAGoroutineReachesWait.func") {
		t.Errorf("panic %q, stack:\n%s", p.Error(), p.Stack)
	}
	if done.Load() != 3 {
		t.Errorf("%d goroutines finished, want the 3 that did not panic", done.Load())
	}
	g.Wait() // caught once: the group can be used again
}

// Workers fed by a channel run each item with Do: items that panic do not
// stop the workers, so the sender is never left blocked.
func TestWorkersGoOnAfterAnItemPanics(t *testing.T) {
	var g Group
	work := make(chan int)
	var done atomic.Int32
	for range 2 {
		g.Go(func() {
			for i := range work {
				g.Do(func() {
					if i%3 == 0 {
						panic("item " + string(rune('0'+i)))
					}
					done.Add(1)
				})
			}
		})
	}
	for i := range 9 {
		work <- i
	}
	close(work)
	var err error
	func() {
		defer func() { err = Caught(recover()) }()
		g.Wait()
	}()
	var p *Panic
	if !errors.As(err, &p) || !strings.HasPrefix(p.Error(), "item ") {
		t.Fatalf("err = %v, want the panic of an item", err)
	}
	if done.Load() != 6 {
		t.Errorf("%d items done, want 6", done.Load())
	}
}

// Caught keeps the stack of a panic that came through a Wait, where the
// stack of the goroutine that waits would not show where it happened.
func TestCaughtKeepsTheStackOfTheGoroutine(t *testing.T) {
	var g Group
	g.Go(func() { panic(errors.New("boom")) })
	var p *Panic
	func() {
		defer func() { p = Caught(recover()) }()
		g.Wait()
	}()
	if p.Error() != "boom" || !strings.Contains(string(p.Stack), "TestCaughtKeepsTheStackOfTheGoroutine.func1") {
		t.Errorf("panic %q, stack:\n%s", p.Error(), p.Stack)
	}
	if p := Caught("plain"); p.Value != "plain" || !strings.Contains(string(p.Stack), "TestCaughtKeepsTheStackOfTheGoroutine") {
		t.Errorf("Caught(plain) = %#v", p)
	}
}

// After an item panics, Each starts no further item: a build that has met
// a bug does not render the rest of the site before saying so.
func TestEachStopsAfterAPanic(t *testing.T) {
	var ran atomic.Int32
	var got any
	func() {
		defer func() { got = recover() }()
		Each(context.Background(), 1000, func(_, i int) error {
			ran.Add(1)
			if i == 0 {
				panic("a bug")
			}
			time.Sleep(time.Millisecond)
			return nil
		})
	}()
	if p, ok := got.(*Panic); !ok || p.Value != "a bug" {
		t.Fatalf("Each panicked with %#v", got)
	}
	if n := ran.Load(); n > 100 {
		t.Errorf("%d of 1000 items ran after the first panicked", n)
	}
}
