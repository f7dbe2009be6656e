package serve

import (
	"context"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/editor"
	"bulletin/internal/model"
)

// The editor (package editor) lives under /_bulletin/edit/, in the
// preview only. It is on only when the server listens on a loopback
// address: then no other machine reaches it, and requests must name a
// loopback host (ServeHTTP), so no web page reaches it through DNS
// rebinding either. Its forms are previewed and checked with the
// preview's own Builder (Look), with the form's text in place of the
// file, and nothing of it kept.

const editPath = "/_bulletin/edit"

// newEditor makes the editor of this server.
func (s *Server) newEditor() *editor.Editor {
	return editor.New(editor.Config{
		Source: s.cfg.Source,
		Look: func(ctx context.Context, path string, data []byte) (*build.Look, error) {
			return s.builder.Look(ctx, build.Options{Source: os.DirFS(s.cfg.Source), Theme: s.cfg.Theme,
				Drafts: true, Future: true, Now: s.cfg.Now}, path, data)
		},
		Site: func() *model.Site {
			if st := s.cur.Load(); st.site != nil {
				return st.site.Site
			}
			return nil
		},
		Saved: s.saved,
		Now: func() time.Time {
			if !s.cfg.Now.IsZero() {
				return s.cfg.Now
			}
			return time.Now()
		},
	})
}

// saved waits, five seconds at most, for a build that read path: the page
// shown after a save is then the saved one.
func (s *Server) saved(ctx context.Context, path string) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	gen := s.Last().Gen
	for {
		r, err := s.Wait(ctx, gen)
		if err != nil || r.Changes.All || slices.Contains(r.Changes.Content, path) {
			return
		}
		gen = r.Gen
	}
}

// serveEdit hands a request under /_bulletin/edit to the editor, or says
// why there is none.
func (s *Server) serveEdit(w http.ResponseWriter, r *http.Request) {
	ed := s.editor.Load()
	if ed == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("Trình soạn bài chỉ bật khi bulletin serve nghe trên địa chỉ của chính máy này (127.0.0.1).\n" +
			"The editor is on only when bulletin serve listens on a loopback address (-addr 127.0.0.1:1313).\n"))
		return
	}
	select {
	case <-s.ready:
	case <-r.Context().Done():
		return
	case <-s.closing:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	ed.ServeHTTP(w, r)
}

// editLinks adds to a served page the way into the editor: "Sửa bài này"
// on an article's page, "Viết bài mới" on every page. Like the live-reload
// script, it is never in a build's output.
func editLinks(page []byte, source string) []byte {
	var b strings.Builder
	b.WriteString(`<nav id="bulletin-edit" aria-label="Soạn bài" style="position:fixed;left:.75em;bottom:.75em;z-index:2147483646;` +
		`display:flex;gap:.5em;font:600 14px/1.4 system-ui,sans-serif">`)
	link := func(href, text string) {
		b.WriteString(`<a href="` + href + `" style="background:#12355b;color:#fff;padding:.35em .7em;border-radius:4px;text-decoration:none">` + text + `</a>`)
	}
	if rest, ok := strings.CutPrefix(source, "content/"); ok {
		link(escapePath(editor.Prefix+rest), "Sửa bài này")
	}
	link(editor.Prefix+"new", "Viết bài mới")
	b.WriteString("</nav>\n")
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:i]...)
	out = append(out, b.String()...)
	return append(out, page[i:]...)
}
