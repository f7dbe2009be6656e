package par

import (
	"context"
	"runtime"
	"sync"
)

// Each runs f(worker, i) for i in 0..n-1 on up to GOMAXPROCS goroutines
// and returns the error of the lowest i that failed, so the error does not
// depend on scheduling; worker numbers the goroutine (0, 1, …), for state
// of its own. Once ctx is done no further item starts, and Each returns
// ctx's error. A panic in f panics again in Each, as in Group.Wait, and
// no further item starts after it.
func Each(ctx context.Context, n int, f func(worker, i int) error) error {
	errs := make([]error, n)
	var next int
	var mu sync.Mutex
	var g Group
	for w := range Workers(n) {
		g.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n || ctx.Err() != nil || g.Panicked() {
					return
				}
				errs[i] = f(w, i)
			}
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Workers is how many goroutines Each runs for n items: one per processor,
// no more than the items, and at least one.
func Workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }
