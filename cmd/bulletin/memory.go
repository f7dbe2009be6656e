package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
)

// limitMemory sets a soft memory limit for a one-off build, in proportion
// to the site's content. A build allocates several times its live data as
// it renders; with Go's default pacing the heap may grow to twice the live
// data before a collection, and the peak is that. Most of the live data
// is the content itself (bodies, their HTML, the pages written), about
// four times its bytes on disk, so six times leaves the collector room
// without running it all the time. A GOMEMLIMIT set by the user wins.
func limitMemory(site string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	filepath.WalkDir(filepath.Join(site, "content"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	const floor = 128 << 20
	debug.SetMemoryLimit(max(floor, 6*size))
}
