package main

import (
	"os"
	"runtime/debug"
	"syscall"
)

// limitMemory sets a soft memory limit for a one-off build, in proportion
// to the site's content (contentBytes, as the build reports it once loaded,
// before the pages are made). A build allocates several times its live
// data as it renders; with Go's default pacing the heap may grow to twice
// the live data before a collection, and the peak is that. Most of the live
// data is the content itself (bodies, their HTML, the pages written), about
// four times its bytes on disk, so six times leaves the collector room
// without running it all the time. A GOMEMLIMIT set by the user wins.
func limitMemory(contentBytes int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	const floor = 128 << 20
	debug.SetMemoryLimit(max(floor, 6*contentBytes))
}

// peakRSS is the most memory the process has held in RAM, in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}
