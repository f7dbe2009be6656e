package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// The limit: at least the floor, four times the content's bytes
// (nine times for a rebuild over an output a build wrote), and never over
// the user's own GOMEMLIMIT.
func TestLimitMemoryFollowsTheContent(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	t.Setenv("GOMEMLIMIT", "")
	limitMemory(1<<10, false)
	if got := debug.SetMemoryLimit(-1); got != 128<<20 {
		t.Errorf("a small site: limit %d, want the 128 MiB floor", got)
	}
	limitMemory(40<<20, false)
	if got := debug.SetMemoryLimit(-1); got != 160<<20 {
		t.Errorf("40 MiB of content: limit %d, want 4 times it", got)
	}
	limitMemory(30<<20, true)
	if got := debug.SetMemoryLimit(-1); got != 270<<20 {
		t.Errorf("30 MiB of content, a rebuild: limit %d, want 9 times it", got)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	limitMemory(30<<20, true)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the limit was changed to %d", got)
	}
}
