package serve

import (
	"context"
	"fmt"
	"testing"
	"time"

	"bulletin/internal/build"
)

// runDebounce starts debounce and returns its input and a channel of the
// batches it fired.
func runDebounce(t *testing.T, quiet, limit time.Duration) (chan<- change, <-chan build.Changes) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan change)
	out := make(chan build.Changes, 100)
	done := make(chan struct{})
	go func() {
		defer close(done)
		debounce(ctx, in, quiet, limit, func(ch build.Changes) { out <- ch })
	}()
	t.Cleanup(func() { cancel(); <-done })
	return in, out
}

func TestDebounceMergesABurst(t *testing.T) {
	in, out := runDebounce(t, 50*time.Millisecond, 2*time.Second)
	for i := range 1000 {
		in <- change{path: fmt.Sprintf("content/articles/a%03d.md", i%500)}
	}
	select {
	case b := <-out:
		if n := len(b.Paths()); n != 500 || b.All {
			t.Errorf("batch has %d paths (all=%v), want 500 distinct", n, b.All)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
	}
	select {
	case b := <-out:
		t.Fatalf("a second batch: %v", b.Paths())
	case <-time.After(200 * time.Millisecond):
	}
}

// A batch fires only once the events have been quiet for the quiet time:
// measured from the last event the debouncer took before it fired, so a
// slow machine that delays the sender cannot fail the test.
func TestDebounceWaitsForQuiet(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan change)
	fires := make(chan time.Time, 10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		debounce(ctx, in, 80*time.Millisecond, 5*time.Second, func(build.Changes) { fires <- time.Now() })
	}()
	t.Cleanup(func() { cancel(); <-done })
	var sent []time.Time
	for i := range 5 {
		if i > 0 {
			time.Sleep(30 * time.Millisecond)
		}
		in <- change{path: "content/a.md"} // unbuffered: taken when this returns
		sent = append(sent, time.Now())
	}
	fired := <-fires
	var last time.Time
	for _, s := range sent {
		if s.Before(fired) {
			last = s
		}
	}
	if d := fired.Sub(last); d < 75*time.Millisecond {
		t.Errorf("fired %v after the last event it took, before the burst was quiet for 80ms", d)
	}
}

func TestDebounceCapsAnEndlessStream(t *testing.T) {
	in, out := runDebounce(t, 50*time.Millisecond, 200*time.Millisecond)
	stop := time.After(700 * time.Millisecond)
	n := 0
loop:
	for {
		select {
		case in <- change{path: "content/a.md"}:
			time.Sleep(10 * time.Millisecond)
		case <-out:
			n++
		case <-stop:
			break loop
		}
	}
	if n < 2 {
		t.Errorf("%d batches during 700ms of constant writes, want the cap to fire at least twice", n)
	}
}

// Lost events make the batch a rescan; paths are sorted by kind.
func TestDebounceSortsChangesByKind(t *testing.T) {
	in, out := runDebounce(t, 20*time.Millisecond, time.Second)
	for _, c := range []change{{path: "site.yaml"}, {path: "layouts/base.html"}, {path: "static/css/a.css"},
		{path: "content/articles/a.md"}, {lost: true}} {
		in <- c
	}
	b := <-out
	if !b.All || !b.Config || len(b.Layouts) != 1 || len(b.Static) != 1 || len(b.Content) != 1 {
		t.Errorf("batch %+v", b)
	}
}
