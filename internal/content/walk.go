package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// stamp is what a file's directory entry says of its version: size and
// modification time. It is known only for regular files with a time.
type stamp struct {
	size  int64
	mtime time.Time
}

func stampOf(e fs.DirEntry) stamp {
	if !e.Type().IsRegular() {
		return stamp{} // a link's own times say nothing of its target
	}
	info, err := e.Info()
	if err != nil {
		return stamp{}
	}
	return stampOfInfo(info)
}

func stampOfInfo(info fs.FileInfo) stamp {
	if !info.Mode().IsRegular() || info.ModTime().IsZero() {
		return stamp{}
	}
	return stamp{info.Size(), info.ModTime()}
}

func (s stamp) known() bool { return !s.mtime.IsZero() }

// walk lists the Markdown files of the three sections, sorted, with their
// stamps. A missing section is not an error: a site may have no pages.
func walk(fsys fs.FS) ([]string, map[string]stamp, diag.List) {
	var paths []string
	stamps := map[string]stamp{}
	var probs diag.List
	for _, dir := range []string{articlesDir, projectsDir, pagesDir} {
		err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				probs.Add(diag.New(diag.Read, p, 0, "", "cannot read: %v", err))
				return nil
			}
			if e.IsDir() {
				if p != dir && ignored(e.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !ignored(e.Name()) && strings.EqualFold(path.Ext(p), ".md") {
				paths = append(paths, p)
				stamps[p] = stampOf(e)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			probs.Add(diag.New(diag.Read, dir, 0, "", "cannot read: %v", err))
		}
	}
	sort.Strings(paths)
	return paths, stamps, probs
}

// ignored reports hidden files and folders and what editors leave beside
// the files they edit (model.Leftover): ".#a.md" (Emacs lock), "#a.md#"
// (Emacs autosave), "a.md~" (backup), ".a.md.swp" (Vim).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || model.Leftover(name)
}
