package serve

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"
)

// bulletin serve outlives a bug of its own met on some input. The build's
// panics come back from the Builder as errors (an internal error shown as
// a problem); a panic in what runs around it, on a goroutine of the
// server's, would end the process, and the editor's preview with it: the
// report of a build to the terminal (OnBuild, which quotes the editor's
// files), the build event, the watcher, the debouncer, the build loop.
// Each is run here instead, the panic written to the error log with its
// stack. Requests need nothing: net/http recovers a handler's panic.

// safely runs f and reports whether it returned; a panic in f is logged as
// an internal error in what.
func (s *Server) safely(what string, f func()) (returned bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.errorLog(), "serve: internal error in the %s: %v (please report this)\n%s", what, r, debug.Stack())
		}
	}()
	f()
	return true
}

// restartPause keeps a goroutine that panics as soon as it starts from
// taking a processor.
const restartPause = 100 * time.Millisecond

// guard runs f, a goroutine of the server, until it returns or ctx is
// done, starting it again after a panic. lost, when not nil, is told of
// each panic before f starts again: what f held (an event, a batch of
// changes) is gone with it.
func (s *Server) guard(ctx context.Context, what string, f func(), lost func()) {
	for !s.safely(what, f) {
		select {
		case <-ctx.Done():
			return
		case <-time.After(restartPause):
		}
		if lost != nil {
			lost()
		}
	}
}
