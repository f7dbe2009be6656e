package editor

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"crypto/rand"
	"encoding/hex"

	"bulletin/internal/build"
	"bulletin/internal/model"
)

// Prefix is where the editor lives in the preview: no build writes a
// file under /_bulletin/.
const Prefix = "/_bulletin/edit/"

// Config is what the editor needs of the preview it lives in.
type Config struct {
	Source string // the site folder
	// Look is the preview Builder's Look, with drafts and future
	// articles: the site as the preview holds it, with the file at path
	// (under the site folder) read from data.
	Look func(ctx context.Context, path string, data []byte) (*build.Look, error)
	// Site is the site the preview serves now, or nil before a build has
	// succeeded: its settings (the time zone) and the list's suggestions.
	Site func() *model.Site
	// Saved waits, for a few seconds at most, until the preview has built
	// the site with the file at path as it was just saved, so that the
	// page shown after a save shows it.
	Saved func(ctx context.Context, path string)
	Now   func() time.Time // nil: the clock
}

// Editor serves the list, the forms and their saves.
type Editor struct {
	cfg   Config
	token string
}

// New returns an editor with a token of its own: each run of the server
// makes one, and every POST must carry it.
func New(cfg Config) *Editor {
	var b [32]byte
	rand.Read(b[:])
	return &Editor{cfg: cfg, token: hex.EncodeToString(b[:])}
}

// csp keeps the editor's pages to their own script and styles; the
// preview frame (srcdoc) inherits it, so a page's own scripts never run
// in it. Images may come from anywhere, as an article's may.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; " +
	"frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

// ServeHTTP serves everything under Prefix.
func (e *Editor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", csp)
	h.Set("Cross-Origin-Opener-Policy", "same-origin") // see guard.go
	// A bug met on some input (in the check rules the form's review runs,
	// say) is the page's answer, as the build's own are: without this,
	// net/http would drop the connection and the editor see a blank page.
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			e.fail(w, http.StatusInternalServerError, fmt.Errorf("internal error: %v (please report this)", v))
		}
	}()
	rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		http.Redirect(w, r, Prefix, http.StatusFound)
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		e.get(w, r, rest)
	case http.MethodPost:
		e.post(w, r, rest)
	default:
		h.Set("Allow", "GET, HEAD, POST")
		e.fail(w, http.StatusMethodNotAllowed, errors.New("method not allowed"))
	}
}

func (e *Editor) get(w http.ResponseWriter, r *http.Request, rest string) {
	if name, ok := strings.CutPrefix(rest, "assets/"); ok {
		e.asset(w, r, name)
		return
	}
	if !navigation(r) {
		e.fail(w, http.StatusForbidden, errNotNavigation)
		return
	}
	switch {
	case rest == "":
		e.list(w, r, "", http.StatusOK)
	case rest == "new":
		e.newForm(w, r)
	default:
		name, err := articlePath(rest)
		if err != nil {
			e.fail(w, http.StatusBadRequest, err)
			return
		}
		e.editForm(w, r, name)
	}
}

// post checks who sends, and how much, before reading anything.
func (e *Editor) post(w http.ResponseWriter, r *http.Request, rest string) {
	if err := sameOrigin(r); err != nil {
		e.fail(w, http.StatusForbidden, err)
		return
	}
	if rest == "import" {
		if !navigation(r) {
			e.fail(w, http.StatusForbidden, errNotNavigation)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		e.upload(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		e.fail(w, statusOf(err), fmt.Errorf("the form could not be read: %w", err))
		return
	}
	// The editor's script fetches a form's preview and a new project
	// file, answered in JSON without the token; a save shows a page.
	if !navigation(r) && rest != "project" && r.PostForm.Get("action") != "preview" {
		e.fail(w, http.StatusForbidden, errNotNavigation)
		return
	}
	stale := !e.tokenOK(r.PostForm.Get("token"))
	switch {
	case stale && rest == "project":
		staleJSON(w)
	case rest == "new":
		e.save(w, r, "", stale)
	case rest == "project":
		e.createProject(w, r)
	default:
		name, err := articlePath(rest)
		if err != nil {
			e.fail(w, http.StatusBadRequest, err)
			return
		}
		e.save(w, r, name, stale)
	}
}

// statusOf is 413 for a body past its limit, else 400.
func statusOf(err error) int {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

// content opens the content folder: every file the editor reads or writes
// is opened through it, so no path, however it was spelt, and no symbolic
// link, leads outside.
func (e *Editor) content() (*os.Root, error) {
	return os.OpenRoot(filepath.Join(e.cfg.Source, "content"))
}

// read reads an article under content/, refusing what lies outside.
func (e *Editor) read(name string) ([]byte, int, error) {
	root, err := e.content()
	if err != nil {
		return nil, http.StatusNotFound, err
	}
	defer root.Close()
	data, err := root.ReadFile(name)
	switch {
	case err == nil:
		return data, http.StatusOK, nil
	case errors.Is(err, os.ErrNotExist):
		return nil, http.StatusNotFound, fmt.Errorf("content/%s does not exist", name)
	case strings.Contains(err.Error(), "escapes"):
		return nil, http.StatusForbidden, errPath{"content/" + name + " leads outside content/ (a symbolic link)"}
	}
	return nil, http.StatusInternalServerError, err
}

// loc is the site's time zone.
func (e *Editor) loc() *time.Location {
	if e.cfg.Site != nil {
		if s := e.cfg.Site(); s != nil && s.Config.Location != nil {
			return s.Config.Location
		}
	}
	if l, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return l
	}
	return time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)
}
