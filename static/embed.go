// Package static is the default theme's static files (stylesheet, icon),
// built into the binary and copied to the output beside the site's own
// static/ files, which take precedence. The copier skips .go files.
package static

import "embed"

// FS holds css/, js/ (the search page's script) and favicon.svg.
//
//go:embed css js favicon.svg
var FS embed.FS
