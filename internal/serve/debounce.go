package serve

import (
	"context"
	"sort"
	"time"
)

// Editors do not save in one event. Writing a temporary file and renaming
// it, vim's backup dance, delete-then-write and a git checkout of a
// thousand files all arrive as bursts of events a few microseconds to a
// few hundred milliseconds apart. The debouncer waits until the watched
// folders have been quiet for a moment, so a burst becomes one rebuild
// that sees the finished files; a cap keeps a never-ending stream (a
// program writing in a loop) from postponing the rebuild for ever.
const (
	defaultQuiet    = 75 * time.Millisecond
	defaultMaxDelay = 2 * time.Second
)

// debounce reads changed paths from in and calls fire with the batch once
// quiet has passed with no new path, or limit after the first path of the
// batch, whichever comes first. It returns when ctx is done or in closes.
// fire runs on debounce's goroutine: it should hand the batch over, not
// build.
func debounce(ctx context.Context, in <-chan string, quiet, limit time.Duration, fire func([]string)) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var (
		batch = map[string]bool{}
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
			if len(batch) == 0 {
				first = now
			}
			batch[p] = true
			wait := quiet
			if left := limit - now.Sub(first); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			paths := make([]string, 0, len(batch))
			for p := range batch {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			batch = map[string]bool{}
			fire(paths)
		}
	}
}
