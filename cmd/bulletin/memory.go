package main

import (
	"os"
	"runtime/debug"
)

// limitMemory sets a soft memory limit for a one-off build, in proportion
// to the site's content (contentBytes, as the build reports it once loaded,
// before the pages are made). A build allocates many times its live data
// as it renders (1.8 GB for 10,000 articles); with Go's default pacing the
// heap may grow to twice the live data before a collection, and the peak
// is that. The live data peaks at about two and a half times the
// content's bytes on disk (109 MB for 44 MB of Markdown: the model, the
// bodies' HTML packed, the partials rendered once for the lists), and the heap's
// unused and free spans add a third of it again. Four times leaves the
// collector room. Measured on that site, 4 interleaved cold builds each,
// when the build allocated 2.2 GB: 6x took 13.4 s (25.4 s of CPU) at
// 259 MB, 4.5x 13.8 s (26.3 s) at 196 MB, 4x 15.3 s (29.2 s) at 175 MB.
// Since it allocates 1.8 GB (frontmatter read without copies, fewer
// lookups through reflection) and its live heap peaks at 109 MB, the
// collector's own CPU, summed from GODEBUG=gctrace=1 over a cold build,
// is 2.2-3.0 s at 4.5x (57 collections), 3.8-4.5 s at 4x (79-82), what
// 4.5x cost before (3.4 s, 86), and 6.1-6.2 s at 3.8x (99-101); the peak
// RSS is 177-180 MiB at 4x against 192-198 at 4.5x, an eighth of Hugo's
// on that site (1,430-1,680 MiB), where 4.5x was not. That close to the
// limit the collector is sensitive to the live heap's shape, not only its
// size: an entry kept for each body growing from 144 to 168 bytes (the
// next size class) took the heap goal during the render from 148 to
// 133 MB, and the build from 90 collections to 112 and a sixth more CPU
// (GODEBUG=gctrace=1 shows the goal; watch it when adding to what the
// build holds for every article).
//
// A rebuild over an output a build wrote (rebuild) holds more: each
// page's key, the old site's manifest, the store's values. At 4.5 times
// its live heap stayed within 10-25 MB of the limit's goal, and the
// collector ran all along: the first rebuild of that site after one new
// article took 22.5 s (35.9 s of CPU, 138 collections) at 209 MB, against
// 13.0 s (21.7 s, 52 collections) at 392 MB with a limit of 400 MiB. A
// rebuild gets nine times the content: its memory is still a quarter of
// what Hugo's build of that site takes. A GOMEMLIMIT set by the user
// wins.
func limitMemory(contentBytes int64, rebuild bool) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	const floor = 128 << 20
	limit := contentBytes * 4
	if rebuild {
		limit = contentBytes * 9
	}
	debug.SetMemoryLimit(max(floor, limit))
}
