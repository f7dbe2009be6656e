// Package static is the default theme's static files (stylesheet, icon),
// built into the binary and copied to the output beside the site's own
// static/ files, which take precedence. The copier skips .go files.
package static

import "embed"

// FS holds css/ and favicon.svg.
//
//go:embed css favicon.svg
var FS embed.FS
