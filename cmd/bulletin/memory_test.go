package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

func TestLimitMemoryFollowsTheContent(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	t.Setenv("GOMEMLIMIT", "")

	small := writeSite(t, map[string]string{"content/articles/a.md": article})
	limitMemory(small)
	if got := debug.SetMemoryLimit(-1); got != 128<<20 {
		t.Errorf("a small site: limit %d, want the 128 MiB floor", got)
	}
	big := writeSite(t, map[string]string{"content/articles/a.md": strings.Repeat("x", 30<<20)})
	limitMemory(big)
	if got := debug.SetMemoryLimit(-1); got != 6*(30<<20) {
		t.Errorf("30 MiB of content: limit %d, want six times it", got)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	limitMemory(big)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the limit was changed to %d", got)
	}
}
