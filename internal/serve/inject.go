package serve

import (
	"bytes"
	_ "embed"
	"html"
	"strings"
)

// live.js is the client of the event stream: reload, stylesheet swap and
// the problems overlay.
//
//go:embed live.js
var liveJS string

// inject adds the live-reload script to a page as it is sent, just before
// </body>. The built site never holds it: `bulletin build` output is what
// readers get. The script learns from its data attributes which file the
// page is and the hash of that file, so it can tell whether a build
// concerns it.
func (s *Server) inject(page []byte, name, fileHash string) []byte {
	var b strings.Builder
	b.WriteString(`<script id="bulletin-live" data-boot="`)
	b.WriteString(s.boot)
	b.WriteString(`" data-file="`)
	b.WriteString(html.EscapeString(name))
	b.WriteString(`" data-hash="`)
	b.WriteString(html.EscapeString(fileHash))
	b.WriteString(`">`)
	b.WriteString(liveJS)
	b.WriteString("</script>\n")
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:i]...)
	out = append(out, b.String()...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case: </BODY> is valid.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
