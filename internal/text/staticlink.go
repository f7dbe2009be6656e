package text

import (
	"net/url"
	"path"
	"strings"
)

// StaticLink reads an image or link destination written in the body of the
// content file at file as a path, relative to that file, to a file under
// the site's static/ folder: "../../../static/images/a.jpg" from
// content/articles/2018/a.md, as an editor's own Markdown preview finds
// the picture. name is the file's path within static/ ("images/a.jpg"),
// cleaned and in NFC; the query and fragment are dropped. ok is false for
// anything else, site-absolute paths and URLs included.
func StaticLink(file, dest string) (name string, ok bool) {
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || file == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return "", false
	}
	if u, err := url.Parse(p); err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "", false
	}
	if un, err := url.PathUnescape(p); err == nil {
		p = un
	}
	rest, ok := strings.CutPrefix(path.Join(path.Dir(file), p), "static/")
	if !ok || rest == "" {
		return "", false
	}
	return ComposeString(rest), true
}
