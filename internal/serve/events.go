package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"

	"bulletin/internal/diag"
)

// Open pages listen on an EventSource. After each build the server sends
// one "build" event: whether it succeeded (or its problems), and the
// static files whose bytes changed, which a page swaps in place. Each
// page then asks /_bulletin/hello whether it is stale: the server makes
// the page from the new build and compares the hash of its bytes with the
// hash the page was served with. Only a page whose bytes changed is shown anew,
// and no page that changed can be missed, whatever its layout shows. On
// (re)connecting a page gets "hello" at once, which tells it the same: it
// may also be stale because the server restarted since it was served.

// writeTimeout bounds each write to an event stream. The kernel's buffer
// takes an event at once; only a page that has stopped reading blocks.
const writeTimeout = 2 * time.Second

// maxURLs bounds a build event: past it (a static folder replaced whole)
// the event says "many" and every page reloads.
const maxURLs = 5000

// message is the data of an event, as JSON.
type message struct {
	Boot     string      `json:"boot,omitempty"`
	Gen      uint64      `json:"gen"`
	OK       bool        `json:"ok"`
	Stale    bool        `json:"stale,omitempty"`
	URLs     []string    `json:"urls,omitempty"`
	Many     bool        `json:"many,omitempty"`
	Problems []diag.JSON `json:"problems,omitempty"`
}

// problemsOf lists what made a build fail: its content problems, or the
// error itself when the failure was not the content's.
func problemsOf(r Report) []diag.JSON {
	if r.OK() {
		return nil
	}
	if len(r.Problems) == 0 {
		return []diag.JSON{(&diag.Problem{Code: diag.Failed, Message: r.Err.Error()}).JSON()}
	}
	out := make([]diag.JSON, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.JSON()
	}
	return out
}

func buildMessage(r Report) []byte {
	m := message{Gen: r.Gen, OK: r.OK(), Problems: problemsOf(r)}
	if r.Snapshot != nil {
		if len(r.Snapshot.Static) > maxURLs {
			m.Many = true
		} else {
			for _, name := range r.Snapshot.Static {
				m.URLs = append(m.URLs, fileURL(name))
			}
			sort.Strings(m.URLs)
		}
	}
	return event("build", m)
}

func event(name string, m message) []byte {
	data, _ := json.Marshal(m)
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", name, data)
}

// hub fans build events out to the open pages.
type hub struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

func (h *hub) subscribe() chan []byte {
	c := make(chan []byte, 16)
	h.mu.Lock()
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	return c
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	if _, ok := h.subs[c]; ok {
		delete(h.subs, c)
		close(c)
	}
	h.mu.Unlock()
}

// publish never waits for a slow page: one that has fallen 16 events
// behind is dropped, reconnects, and learns from "hello" whether it is
// stale.
func (h *hub) publish(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- msg:
		default:
			delete(h.subs, c)
			close(c)
		}
	}
}

// serveEvents is the EventSource stream. The page passes the path it shows
// and the hash of the file it was served, so a reconnecting page can be
// told that it is out of date.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	c := s.events.subscribe()
	defer s.events.unsubscribe(c)
	select {
	case <-s.ready:
	case <-r.Context().Done():
		return
	case <-s.closing:
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	// retry: reconnect quickly after a restart (the default is ~3 s).
	fmt.Fprint(w, "retry: 500\n\n")
	w.Write(s.hello(r))
	if rc.Flush() != nil {
		return
	}
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		var msg []byte
		select {
		case m, ok := <-c:
			if !ok {
				return
			}
			msg = m
		case <-ping.C:
			msg = []byte(": ping\n\n") // finds dead connections
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
		// A page that stops reading (a frozen tab, a stalled client)
		// must not hold this handler, nor the server's shutdown, for ever.
		rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(msg); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// hello describes the current build to a page that has just connected.
func (s *Server) hello(r *http.Request) []byte { return event("hello", s.helloMessage(r)) }

// helloMessage tells a page whether it is stale, and what problems to
// show over it: the build's, or those of a layout failing on this page.
// The page sends its location.pathname, which the browser keeps
// percent-encoded ("/t%C3%A0i li%E1%BB%87u/"); the build's files are named
// decoded.
func (s *Server) helloMessage(r *http.Request) message {
	st := s.cur.Load()
	q := r.URL.Query()
	m := message{Boot: s.boot, Gen: st.report.Gen, OK: st.report.OK(), Problems: problemsOf(st.report)}
	if q.Get("boot") != s.boot {
		m.Stale = true
	} else if path := q.Get("path"); path != "" {
		if p, err := url.PathUnescape(path); err == nil {
			path = p
		}
		f := s.resolve(st, path)
		m.Stale = q.Get("hash") != served(f, st.report.Gen)
		if m.OK {
			m.Problems = pageProblems(f)
		}
	}
	return m
}

// pageProblems lists why a page could not be made: a layout failing on
// it, or a file that could not be read.
func pageProblems(f found) []diag.JSON {
	if f.problems == nil && f.err == nil {
		return nil
	}
	return problemsOf(Report{Problems: f.problems, Err: f.err})
}

// serveHello answers the hello of a tab that hears of builds from another
// tab rather than from its own stream (see live.js), as JSON.
func (s *Server) serveHello(w http.ResponseWriter, r *http.Request) {
	select {
	case <-s.ready:
	case <-r.Context().Done():
		return
	case <-s.closing:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	data, _ := json.Marshal(s.helloMessage(r))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}
