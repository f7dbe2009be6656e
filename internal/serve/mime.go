package serve

import (
	"path"
	"strings"
)

// contentTypes maps the extensions a built site holds to their types. It is
// a table of its own rather than mime.TypeByExtension, whose answers come
// partly from the machine's /etc/mime.types and differ from one editor's
// laptop to the next (some still say text/plain for .js, or nothing for
// .webp).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".gif":         "image/gif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".pdf":         "application/pdf",
}

// contentType is the type of a file of the built site, by its extension;
// unknown kinds are sent as bytes for the browser to download, not guess.
func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

func isHTML(name string) bool {
	return strings.HasPrefix(contentType(name), "text/html")
}
