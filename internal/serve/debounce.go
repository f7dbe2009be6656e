package serve

import (
	"context"
	"time"

	"bulletin/internal/build"
)

// Editors do not save in one event. Writing a temporary file and renaming
// it, vim's backup dance, delete-then-write and a git checkout of a
// thousand files all arrive as bursts of events a few microseconds to a
// few hundred milliseconds apart. The debouncer waits until the watched
// folders have been quiet for a moment, so a burst becomes one rebuild
// that sees the finished files; a cap keeps a never-ending stream (a
// program writing in a loop) from postponing the rebuild for ever. The
// events of one save (a write and a rename, vim's backup dance) come
// within a few milliseconds: 15 ms of quiet gathers them and costs little
// of the time from save to reload. A batch that has grown past what one
// save makes is a checkout or a copy of many files, whose writes may pause
// longer: it waits burstQuiet, so it still becomes one build.
const (
	defaultQuiet    = 15 * time.Millisecond
	defaultMaxDelay = 2 * time.Second
	burstQuiet      = 75 * time.Millisecond
	saveEvents      = 8 // paths one save may touch: the file, its temporary, vim's backup and probe
)

// debounce reads changes from in and calls fire with the batch once quiet
// has passed with no new change, or limit after the first change of the
// batch, whichever comes first. It returns when ctx is done or in closes.
// fire runs on debounce's goroutine: it should hand the batch over, not
// build.
func debounce(ctx context.Context, in <-chan change, quiet, limit time.Duration, fire func(build.Changes)) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var (
		batch build.Changes
		n     int // paths in batch
		first time.Time
	)
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case p, ok := <-in:
			if !ok {
				timer.Stop()
				return
			}
			now := time.Now()
			if batch.Empty() {
				first = now
			}
			if p.lost {
				batch.All = true
			} else {
				batch.Add(p.path)
				n++
			}
			wait := quiet
			if n > saveEvents {
				wait = max(quiet, burstQuiet)
			}
			if left := limit - now.Sub(first); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			if !batch.Empty() {
				fire(batch)
			}
			batch, n = build.Changes{}, 0
		}
	}
}
