package serve

import (
	"path/filepath"
	"strings"
)

// ignored reports whether a file name belongs to an editor's bookkeeping
// rather than to the site: saving in vim creates and deletes a swap file,
// a backup and a probe file around the real write, and none of them should
// cause (or be shown by) a rebuild.
func ignored(name string) bool {
	base := filepath.Base(name)
	switch {
	case base == "4913": // vim writes and deletes it to test whether the folder is writable
		return true
	case base == ".DS_Store": // macOS Finder
		return true
	case strings.HasSuffix(base, "~"): // vim, emacs, gedit backups
		return true
	case strings.HasPrefix(base, ".#"): // emacs lock files
		return true
	case strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"): // emacs auto-save
		return true
	case vimSwap(base):
		return true
	}
	return false
}

// vimSwap matches vim's swap files: ".name.swp", then .swo, .swn, ... down
// to .swa, and .swx when vim probes for a free name.
func vimSwap(base string) bool {
	ext := filepath.Ext(base)
	return len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z'
}
