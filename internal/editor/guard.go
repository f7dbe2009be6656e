package editor

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	"bulletin/internal/model"
)

// Who may write: only the person at this machine. The server runs the
// editor only when it listens on a loopback address (package serve), and
// answers only to loopback host names, so no other machine reaches it and
// no web page reaches it by DNS rebinding. A page from another site open
// in the same browser can still send a form here (a cross-site POST):
// each POST must come from this origin, as the browser says (Sec-Fetch-
// Site, or Origin where that is missing), and carry the token that this
// run of the server puts in its own forms, which another site cannot
// read.
//
// A page of the preview is on this origin too, and may run a script that
// is not the editor's: a site with unsafe_html carries whatever its
// bodies embed (a video or social site's snippet), a layout may load an
// analytics script, static/ may hold an HTML or SVG file. Such a script's
// POST is same-origin, so the token must stay out of its reach: every
// page of the editor, which carries it, is sent only to a navigation of a
// window of its own (Sec-Fetch-Mode, Sec-Fetch-Dest), never to a fetch;
// and it is isolated from the window that opened it (Cross-Origin-Opener-
// Policy), which a preview page's script could otherwise read it from.
// What the editor's script fetches (a preview, a new project file) is
// JSON without the token.

// Sizes a request may have: a form holds the article twice (its text
// and the file as opened, for the conflict check); an upload is one
// bulletin, a Word document with pictures included.
const (
	maxForm   = 4 << 20
	maxUpload = 20 << 20
)

var (
	errCrossSite = errors.New("refused: the request does not come from this editor's own pages (cross-site)")
	errToken     = errors.New("refused: the form's token is missing or wrong (reload the editor's page, which gets this run's token)")
)

// staleNotice is what a form sent with another run's token says: the
// form comes back with what was typed and this run's token (a page of
// another site cannot send it: sameOrigin refused that already), and
// nothing is written until the clerk presses Lưu or Xuất bản again
// (whichever was pressed: the notice names both, since Lưu alone would
// save as a draft an article meant to be published).
const staleNotice = "Chưa lưu: trình xem trước (bulletin serve) đã được khởi động lại sau khi anh/chị mở trang này. " +
	"Nội dung anh/chị gõ vẫn còn trong các ô dưới đây; hãy xem lại rồi bấm lại nút vừa bấm («Lưu» hoặc «Xuất bản»)."

// staleJSON answers what the form's script fetches (its preview, a new
// project file) with another run's token: an error the form shows in
// Vietnamese, in JSON as the script reads it (an HTML page showed
// nothing at all).
func staleJSON(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	json.NewEncoder(w).Encode(map[string]string{"error": "trình xem trước đã được khởi động lại sau khi anh/chị mở trang này; " +
		"hãy bấm «Lưu» để trang được mở lại (nội dung đã gõ được giữ lại), rồi làm lại"})
}

// sameOrigin checks that a POST comes from a page of this server.
func sameOrigin(r *http.Request) error {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin":
		return nil
	case "":
	default:
		return errCrossSite
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return errCrossSite
	}
	u, err := url.Parse(o)
	if err != nil || u.Scheme != "http" || !strings.EqualFold(u.Host, r.Host) {
		return errCrossSite
	}
	return nil
}

var errNotNavigation = errors.New("refused: the editor's pages open only in a window of their own, " +
	"not for a script (a script on a page of the preview is not the editor's)")

// navigation reports whether a request is a browser's navigation of a
// whole window (a link followed, a form sent, an address typed), not a
// script's fetch nor a frame's. A browser that sends no Fetch Metadata (or
// a program that is no browser) cannot tell: the origin and the token are
// then all there is.
func navigation(r *http.Request) bool {
	mode := r.Header.Get("Sec-Fetch-Mode")
	if mode == "" {
		return true
	}
	dest := r.Header.Get("Sec-Fetch-Dest")
	return mode == "navigate" && (dest == "document" || dest == "")
}

// tokenOK compares the token sent with this run's, in constant time.
func (e *Editor) tokenOK(sent string) bool {
	return sent != "" && subtle.ConstantTimeCompare([]byte(sent), []byte(e.token)) == 1
}

// errPath is an edit path that names no article file inside content/.
type errPath struct{ why string }

func (e errPath) Error() string {
	return "this editor edits the articles under content/articles/ only: " + e.why
}

// articlePath turns what follows /_bulletin/edit/ in a URL (decoded) into
// the path of an article file under content/: "articles/2018/a.md". It
// refuses anything that could mean another place or another kind of file:
// "." and ".." segments (however the URL encoded them), empty segments, a
// backslash or NUL, a name the build does not read (hidden, an editor's
// leftover), a file that is not Markdown, a file outside articles/.
// Symbolic links are refused where the file is opened (os.Root).
func articlePath(rest string) (string, error) {
	if strings.ContainsAny(rest, "\\\x00") {
		return "", errPath{"the path holds a backslash or NUL"}
	}
	segs := strings.Split(rest, "/")
	for _, s := range segs {
		switch {
		case s == "" || s == "." || s == "..":
			return "", errPath{"the path holds an empty, . or .. part"}
		case strings.HasPrefix(s, ".") || model.Leftover(s):
			return "", errPath{fmt.Sprintf("%q is a hidden or temporary file", s)}
		}
	}
	if segs[0] != "articles" || len(segs) < 2 {
		return "", errPath{"the path does not start with articles/"}
	}
	if !strings.EqualFold(path.Ext(rest), ".md") {
		return "", errPath{"only .md files are articles"}
	}
	return rest, nil
}
