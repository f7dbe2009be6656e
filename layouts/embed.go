// Package layouts is the default theme's html/template layouts, built into
// the binary. A site's own layouts/ folder overrides any file of it by path;
// internal/render documents the files and the template functions.
package layouts

import "embed"

// FS holds base.html, one layout per page kind and partials/.
//
//go:embed *.html partials
var FS embed.FS
