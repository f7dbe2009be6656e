package par

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
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
