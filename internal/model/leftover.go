package model

import (
	"path"
	"strings"
)

// Leftover reports whether a file name (the last element of a path) is
// what an editor or a file manager leaves beside the files it edits,
// never meant for readers: it is not content, not published from static/,
// and saving it is no change to the site. The build and the preview's
// watcher both go by this one list.
func Leftover(base string) bool {
	switch {
	case base == "4913": // vim writes and deletes it to test whether the folder is writable
		return true
	case base == ".DS_Store", base == "Thumbs.db", base == "desktop.ini": // macOS Finder, Windows Explorer
		return true
	case strings.HasSuffix(base, "~"): // vim, emacs, gedit backups
		return true
	case strings.HasPrefix(base, ".#"): // emacs lock files
		return true
	case len(base) > 1 && strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"): // emacs auto-save
		return true
	case strings.HasPrefix(base, ".~lock.") && strings.HasSuffix(base, "#"): // LibreOffice lock files
		return true
	}
	// vim's swap files: ".name.swp", then .swo, .swn, ... down to .swa, and
	// .swx when vim probes for a free name.
	ext := path.Ext(base)
	return strings.HasPrefix(base, ".") && len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z'
}

// VersionControl reports whether a slash-separated path is, or is inside,
// a version control system's own files: .git, .hg, .svn and .bzr, and
// git's and Mercurial's files beside the content (.gitignore,
// .gitattributes, .gitmodules, .gitkeep, .hgignore). A static/ kept in a
// repository of its own, or as a submodule (whose .git is a file), would
// otherwise publish its whole history.
func VersionControl(p string) bool {
	for e := range strings.SplitSeq(p, "/") {
		switch e {
		case ".git", ".hg", ".svn", ".bzr", ".gitignore", ".gitattributes", ".gitmodules", ".gitkeep", ".hgignore":
			return true
		}
	}
	return false
}
