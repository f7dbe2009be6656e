package text

import (
	"net/url"
	"path"
	"strings"
)

// SourceLink reads a link destination written in the body of the content
// file at file (a slash path such as content/articles/2018/a.md) as a link
// to another content file: a relative path ending in ".md", optionally
// followed by a query or a "#fragment". It returns the linked file's slash
// path, cleaned and in NFC, and the tail ("#muc-2", or "") to keep after the page's
// URL. ok is false for anything else: site-absolute paths, URLs with a
// scheme or host, links to other kinds of file, and paths that climb out
// of the site.
//
// Editors link one bulletin to another by its file, as their editor's
// preview and the repository browser show it; the build turns such links
// into the page's URL.
func SourceLink(file, dest string) (target, tail string, ok bool) {
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, tail = p[:i], p[i:]
	}
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return "", "", false
	}
	if u, err := url.Parse(p); err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "", "", false
	}
	// Destinations may be percent-encoded ("ph%C3%BA-th%E1%BB%8D.md") or
	// written raw; both name the same file.
	if un, err := url.PathUnescape(p); err == nil {
		p = un
	}
	if !strings.HasSuffix(strings.ToLower(p), ".md") {
		return "", "", false
	}
	// The body was read precomposed (Compose); so is the file's own path
	// here, and callers look pages up by composed paths.
	target = ComposeString(path.Join(path.Dir(file), p))
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", "", false
	}
	if i := strings.IndexByte(tail, '#'); i > 0 {
		tail = tail[i:] // a query means nothing to a static page; keep the fragment
	} else if i < 0 {
		tail = ""
	}
	return target, tail, true
}
