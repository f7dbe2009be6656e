package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/editor"
)

// Config is what a Server previews and how.
type Config struct {
	Source string       // the site folder: site.yaml, content/, layouts/, static/
	Drafts bool         // show drafts (the theme marks them)
	Future bool         // show articles dated after now (marked too)
	Theme  *build.Theme // nil: the theme built into the binary
	Now    time.Time    // zero: the clock at each build
	// PhotoCache is the folder resized photos are kept in; "": the
	// default (build.Options.PhotoCache).
	PhotoCache string

	// OnBuild, when set, is told of every build once it is served: the
	// command prints a summary or the problems. It runs on the build
	// goroutine, so the next build waits for it.
	OnBuild func(Report)
	// OnPageFailed, when set, is told once for each page and build of a
	// layout failing on a page a browser asked for (name, "2018/08/a/
	// index.html"): the preview makes pages as they are asked for, so
	// the build's report cannot hold it, and the terminal said nothing.
	// It runs on the request's goroutine.
	OnPageFailed func(name string, problems diag.List)
	// ErrorLog receives failures that are not the site's (a folder that
	// cannot be watched); nil: discarded.
	ErrorLog io.Writer

	Quiet    time.Duration // debounce: quiet time after the last change; 0: 75ms
	MaxDelay time.Duration // debounce: at most this long after the first; 0: 2s
}

// Report tells how one build went.
type Report struct {
	Gen      uint64          // 1 for the first build, counting failed ones
	Snapshot *build.Snapshot // the site built; nil when the build failed
	Problems diag.List       // what is wrong with the site, when it failed on its content
	Err      error           // why it failed; nil when it succeeded
	Changes  build.Changes   // what changed in the site folder; All for the first build
	Time     time.Duration
}

// OK reports whether the build succeeded and is being served.
func (r Report) OK() bool { return r.Err == nil }

// state is what requests read: swapped whole after each build, so a
// request sees one build from start to end.
type state struct {
	site   *build.Snapshot // the last good build; nil until one succeeds
	report Report          // the latest build, good or not
}

// Server previews one site folder.
type Server struct {
	cfg     Config
	boot    string // differs for each Server: pages from before a restart reload
	builder *build.Builder
	cur     atomic.Pointer[state]
	events  hub

	// lastGood holds, by output file, the bytes last served of each page
	// a browser asked for: a page a layout now fails on is shown as it
	// was, under the problems.
	lastGood sync.Map
	// failedTold holds, by output file, the build (Gen) OnPageFailed was
	// last told of it for.
	failedTold sync.Map

	mu      sync.Mutex
	built   chan struct{} // closed and replaced after each build: Wait
	ready   chan struct{} // closed after the first build, good or not
	closing chan struct{} // closed when Serve begins to stop: ends event streams
	served  bool

	// loopback is set when the listener is on a loopback address: requests
	// must then name a loopback host, so a web page elsewhere cannot reach
	// the preview (drafts included) through DNS rebinding.
	loopback atomic.Bool
	// editor is the editor in the browser, set when the listener is on a
	// loopback address (edit.go).
	editor atomic.Pointer[editor.Editor]
}

// New checks the configuration and returns a Server that has not built or
// listened yet.
func New(cfg Config) (*Server, error) {
	fi, err := os.Stat(cfg.Source)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", cfg.Source)
	}
	if cfg.Quiet <= 0 {
		cfg.Quiet = defaultQuiet
	}
	if cfg.MaxDelay <= 0 {
		cfg.MaxDelay = defaultMaxDelay
	}
	var b [6]byte
	rand.Read(b[:])
	s := &Server{
		cfg:     cfg,
		boot:    hex.EncodeToString(b[:]),
		builder: build.NewBuilder(),
		built:   make(chan struct{}),
		ready:   make(chan struct{}),
		closing: make(chan struct{}),
	}
	s.cur.Store(&state{})
	s.events.subs = map[chan []byte]struct{}{}
	return s, nil
}

// Serve builds the site, watches its folder and answers HTTP on ln until
// ctx is done; then it stops listening, ends the event streams, lets
// requests in flight finish and returns nil. Pages requested before the
// first build has finished wait for it.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.mu.Lock()
	if s.served {
		s.mu.Unlock()
		return errors.New("serve: Serve called twice")
	}
	s.served = true
	s.mu.Unlock()
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
		s.loopback.Store(true)
		s.editor.Store(s.newEditor())
	}

	// Watch before the first build, so a save during it is not lost.
	w, err := newWatcher(s.cfg.Source, s.logError)
	if err != nil {
		return fmt.Errorf("watching %s: %w", s.cfg.Source, err)
	}
	defer w.close()
	w.failing = func() bool {
		st := s.cur.Load()
		return st != nil && !st.report.OK()
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	changes := make(chan change, 4096)
	q := newQueue()
	// After a panic (survive.go), the changes the watcher or the debouncer
	// held are lost: the next build reads everything. The loop starts
	// again without a build: the Builder is whole (Prepare recovers its
	// own panics), and the next change builds.
	wg.Go(func() {
		s.guard(ctx, "file watcher", func() { w.run(ctx, changes) }, func() {
			select {
			case changes <- change{lost: true}:
			case <-ctx.Done():
			}
		})
	})
	wg.Go(func() {
		s.guard(ctx, "debouncer", func() { debounce(ctx, changes, s.cfg.Quiet, s.cfg.MaxDelay, q.put) },
			func() { q.put(build.Everything) })
	})
	wg.Go(func() {
		s.safely("first build", func() { s.rebuild(ctx, build.Everything) })
		s.guard(ctx, "build loop", func() { s.loop(ctx, q) }, nil)
	})

	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(s.errorLog(), "serve: ", 0),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	// Event streams never end by themselves: end them first, or Shutdown
	// would wait for them until its deadline.
	close(s.closing)
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	cancel()
	wg.Wait()
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return nil
}

// loop is the only goroutine that builds, after the first build: one
// build at a time, one per batch of changes.
func (s *Server) loop(ctx context.Context, q *queue) {
	idle := time.NewTimer(idleGC)
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-q.ready:
			s.rebuild(ctx, q.take())
			idle.Reset(idleGC)
		case <-idle.C:
			// The editor has paused: collect the garbage of the builds
			// now, so that the next save's build does not share the
			// processors with a collection (on 10,000 articles, one
			// in five saves did, 100 ms longer).
			go runtime.GC()
		}
	}
}

// idleGC is how long after a build the server collects garbage, if no
// build has started since.
const idleGC = 150 * time.Millisecond

// rebuild prepares a new snapshot of the site and, if that succeeds,
// swaps it in before telling anyone: a page told to reload finds the new
// site. A failed build leaves the last good site in place. No page is
// rendered here: each is made from the snapshot when a browser asks for
// it, or asks whether it changed, so what is served is what the layouts
// make of the site as it is now, whatever they show.
func (s *Server) rebuild(ctx context.Context, ch build.Changes) {
	start := time.Now()
	snap, err := s.builder.Prepare(ctx, build.Options{
		Source:     os.DirFS(s.cfg.Source),
		Theme:      s.cfg.Theme,
		Drafts:     s.cfg.Drafts,
		Future:     s.cfg.Future,
		Now:        s.cfg.Now,
		PhotoCache: s.cfg.PhotoCache,
	}, ch)
	if ctx.Err() != nil {
		return // stopping: this build was cut short, not failed
	}
	prev := s.cur.Load()
	next := &state{site: prev.site, report: Report{
		Gen:     prev.report.Gen + 1,
		Changes: ch,
		Time:    time.Since(start),
	}}
	if err != nil {
		next.report.Err = err
		next.report.Problems = diag.AsList(err)
	} else {
		next.site = snap
		next.report.Snapshot = snap
	}
	s.cur.Store(next)
	// The event and the report quote the problems, the editor's text:
	// whatever a bug in them does, the build is counted (below) and the
	// server goes on.
	s.safely("build event", func() { s.events.publish(buildMessage(next.report)) })

	s.mu.Lock()
	close(s.built)
	s.built = make(chan struct{})
	if next.report.Gen == 1 {
		close(s.ready)
	}
	s.mu.Unlock()
	if s.cfg.OnBuild != nil {
		s.safely("build report", func() { s.cfg.OnBuild(next.report) })
	}
}

// Last returns the report of the latest build; its Gen is 0 before the
// first build has finished.
func (s *Server) Last() Report { return s.cur.Load().report }

// Wait blocks until a build later than generation after has finished, and
// returns its report. Wait(ctx, 0) waits for the first build.
func (s *Server) Wait(ctx context.Context, after uint64) (Report, error) {
	for {
		s.mu.Lock()
		built := s.built
		s.mu.Unlock()
		if r := s.cur.Load().report; r.Gen > after {
			return r, nil
		}
		select {
		case <-built:
		case <-ctx.Done():
			return Report{}, ctx.Err()
		}
	}
}

func (s *Server) logError(err error) {
	fmt.Fprintln(s.errorLog(), "serve:", err)
}

func (s *Server) errorLog() io.Writer {
	if s.cfg.ErrorLog == nil {
		return io.Discard
	}
	return s.cfg.ErrorLog
}

// URL is the address to give the editor for a listener's address: the
// loopback name rather than 0.0.0.0 or [::], which browsers reach only by
// accident.
func URL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// queue hands batches of changes from the debouncer to the build loop.
// Batches that arrive while a build runs are merged, so however many
// bursts happen during one build, one more build follows it.
type queue struct {
	mu      sync.Mutex
	changes build.Changes
	ready   chan struct{}
}

func newQueue() *queue { return &queue{ready: make(chan struct{}, 1)} }

func (q *queue) put(ch build.Changes) {
	q.mu.Lock()
	q.changes.Merge(ch)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

func (q *queue) take() build.Changes {
	q.mu.Lock()
	defer q.mu.Unlock()
	ch := q.changes
	q.changes = build.Changes{}
	return ch
}
