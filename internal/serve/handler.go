package serve

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/diag"
)

var zeroTime time.Time // no Last-Modified: the ETag is what revalidates

// eventsPath is reserved for the live-reload stream, and helloPath for a
// tab's one question whether its page is stale: the site's files live
// elsewhere, and no build writes under /_bulletin/.
const (
	eventsPath = "/_bulletin/events"
	helloPath  = "/_bulletin/hello"
)

// ServeHTTP serves the latest good build from memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.loopback.Load() && !loopbackHost(r.Host) {
		http.Error(w, "this preview answers only to localhost and 127.0.0.1", http.StatusForbidden)
		return
	}
	if r.URL.Path == editPath || strings.HasPrefix(r.URL.Path, editPath+"/") {
		s.serveEdit(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case helloPath:
		s.serveHello(w, r)
		return
	}
	if _, ok := fileName(r.URL.Path); !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// Until the first build is done there is nothing true to show: wait
	// rather than answer 404.
	select {
	case <-s.ready:
	case <-r.Context().Done():
		return
	case <-s.closing:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	st := s.cur.Load()
	f := s.resolve(st, r.URL.Path)
	switch {
	case f.redirect != "":
		target := f.redirect
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		// 302, not 301: a browser keeps a permanent redirect for ever,
		// and a preview's folders come and go.
		http.Redirect(w, r, target, http.StatusFound)
	case f.status == http.StatusInternalServerError:
		s.serveErrorPage(w, r, st, f)
	case f.data == nil:
		http.Error(w, "404 page not found", http.StatusNotFound)
	default:
		s.serveFile(w, r, f)
	}
}

// found is what a URL resolves to in one build.
type found struct {
	name     string // the file served, e.g. "2018/08/a/index.html" or "404.html"
	data     []byte
	status   int
	redirect string
	// problems tell why a layout failed on the page: data then holds
	// the bytes it was last served with, if any.
	problems diag.List
	err      error  // a failure that is not the site's (a static file unreadable)
	source   string // an article page's content file, for its "Sửa bài này" link
}

// resolve maps a request path to a file of the build, made from the
// snapshot now: "/x/" to "x/index.html", "/x" to a redirect when
// "x/index.html" exists, anything else missing to the site's 404.html.
func (s *Server) resolve(st *state, urlPath string) found {
	if st.site == nil {
		return found{status: http.StatusInternalServerError}
	}
	name, ok := fileName(urlPath)
	if !ok {
		return found{status: http.StatusBadRequest}
	}
	if st.site.Has(name) {
		return s.make(st, name, http.StatusOK)
	}
	if !strings.HasSuffix(urlPath, "/") && st.site.Has(name+"/index.html") {
		return found{redirect: escapePath(urlPath + "/")}
	}
	return s.make(st, "404.html", http.StatusNotFound)
}

// make makes one file of the snapshot, remembering the last bytes of each
// page that a layout did not fail on.
func (s *Server) make(st *state, name string, status int) found {
	var source string
	if p := st.site.Page(name); p != nil && p.Article != nil {
		source = p.Article.Path
	}
	data, _, err := st.site.File(name)
	if err == nil {
		if isHTML(name) {
			s.lastGood.Store(name, data)
		}
		return found{name: name, data: data, status: status, source: source}
	}
	f := found{name: name, status: http.StatusInternalServerError, problems: diag.AsList(err), err: err, source: source}
	if f.problems != nil && s.cfg.OnPageFailed != nil {
		if prev, told := s.failedTold.Swap(name, st.report.Gen); !told || prev.(uint64) != st.report.Gen {
			s.cfg.OnPageFailed(name, f.problems)
		}
	}
	if prev, ok := s.lastGood.Load(name); ok && f.problems != nil {
		f.data, f.status = prev.([]byte), status
	}
	return f
}

// served is the hash a page carries when served as f: its bytes' and its
// source file's. A page a layout now fails on is served as it last was,
// so an open tab is not stale and only shows the problems; the error page
// of a page never shown changes with every build, so its tab reloads after
// each.
func served(f found, gen uint64) string {
	switch {
	case f.status == http.StatusInternalServerError:
		return fmt.Sprintf("error-%d", gen)
	case f.data == nil:
		return ""
	}
	// The source is the file the page's "Sửa bài này" link names (added
	// as the page is sent): a file renamed leaves its page's bytes alone.
	return hash(f.data, []byte(f.source))
}

// fileName turns a decoded request path into the name of a file of the
// built site, refusing anything that could mean another place: ".." or "."
// segments however they were encoded (%2e%2e), backslashes (%5c), NUL,
// empty segments ("//etc/passwd", "a//b"). The site lives in memory, so
// there is no disk to escape to; the check keeps it so if that changes.
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	rest := p[1:]
	segs := strings.Split(rest, "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i < len(segs)-1) {
			return "", false
		}
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	return rest, true
}

// serveFile writes one file with its type, an ETag of the bytes sent and
// no caching beyond revalidation: a preview must never show a stale page.
// HTML gets the live-reload script.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, f found) {
	body := f.data
	if isHTML(f.name) {
		if s.editor.Load() != nil {
			body = editLinks(body, f.source)
		}
		body = s.inject(body, f.name, served(f, 0))
	}
	h := w.Header()
	h.Set("Content-Type", contentType(f.name))
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+hash(body)+`"`)
	if f.status == http.StatusOK && f.problems == nil {
		// ServeContent answers HEAD, If-None-Match (304) and ranges.
		http.ServeContent(w, r, f.name, zeroTime, bytes.NewReader(body))
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(f.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// hash identifies a file's bytes, for ETags and for a page to tell whether
// it is still current (with more that it shows: served).
func hash(parts ...[]byte) string {
	h := fnv.New64a()
	for _, b := range parts {
		h.Write(b)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// escapePath percent-encodes a path for a Location header or a URL list.
func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '_' || c == '.' || c == '~' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// fileURL is the URL at which a file of the build is seen:
// "x/index.html" → "/x/", "index.html" → "/", "css/a.css" → "/css/a.css".
func fileURL(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return escapePath("/" + dir + "/")
	}
	return escapePath("/" + name)
}

// loopbackHost reports whether a Host header names this machine:
// localhost and names under it (which browsers resolve to loopback
// themselves, RFC 6761), with or without the root's dot, and loopback
// addresses.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
