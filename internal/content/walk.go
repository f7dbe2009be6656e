package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"bulletin/internal/diag"
	"bulletin/internal/model"
)

// stamp is what a file's directory entry says of its version: size,
// modification time and, where the system gives them, status-change time
// and inode. It is known only for regular files with a time.
type stamp struct {
	size  int64
	mtime time.Time
	ctime int64 // nanoseconds; 0 when not known
	ino   uint64
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
	ctime, ino := changed(info)
	return stamp{info.Size(), info.ModTime(), ctime, ino}
}

func (s stamp) known() bool { return !s.mtime.IsZero() }

// walk lists the Markdown files of the three sections, sorted, with their
// stamps. A missing section is not an error: a site may have no pages.
// notRead warns of the other files in content/ (see notRead), which the
// build would otherwise leave out without a word.
func walk(fsys fs.FS) (paths []string, stamps map[string]stamp, notRead, probs diag.List) {
	stamps = map[string]stamp{}
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
			switch {
			case ignored(e.Name()):
			case e.Type()&fs.ModeSymlink != 0 && linksToFolder(fsys, p):
				notRead.Add(linkedFolder(p))
			case !strings.EqualFold(path.Ext(p), ".md"):
				notRead.Add(notReadFile(p))
			case !utf8.ValidString(p):
				prob := diag.New(diag.NotText, strings.ToValidUTF8(p, "\uFFFD"), 0, "", "the file name %q is not UTF-8 text, so it cannot be read", path.Base(p))
				prob.Hint = "rename it; a name copied from an old Windows folder or a zip archive keeps its old encoding"
				probs.Add(prob)
			default:
				paths = append(paths, p)
				stamps[p] = stampOf(e)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			probs.Add(diag.New(diag.Read, dir, 0, "", "cannot read: %v", err))
		}
	}
	notRead.Append(looseInContent(fsys))
	sort.Strings(paths)
	return paths, stamps, notRead, probs
}

// textLike are the extensions of files that are Markdown by intent: named
// so by an editor, or by a tool that added its own (".md.txt").
var textLike = []string{".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".txt", ".text"}

// notReadFile is the warning about a file in a section that is no .md
// file: only .md files are read (as Zola does; the content contract says
// Markdown files), so "x.markdown" and "bai-moi.md.txt", which an editor
// meant as articles, would be missing from the site unseen.
func notReadFile(p string) *diag.Problem {
	name := path.Base(p)
	w := diag.Warnf(strings.ToValidUTF8(p, "\uFFFD"), 0, "", "not read: bulletin reads .md files only")
	w.Code = diag.NotRead
	ext := strings.ToLower(path.Ext(name))
	if slices.Contains(textLike, ext) {
		base := strings.TrimSuffix(name, path.Ext(name))
		if strings.EqualFold(path.Ext(base), ".md") {
			base = strings.TrimSuffix(base, path.Ext(base))
		}
		w.Hint = fmt.Sprintf("if it is an article, a project or a page, rename it %s.md", base)
	} else {
		w.Hint = "content/ holds Markdown (.md) files; put files the site publishes, such as images, under static/"
	}
	return w
}

// linksToFolder reports whether the link at p leads to a folder.
func linksToFolder(fsys fs.FS, p string) bool {
	fi, err := fs.Stat(fsys, p)
	return err == nil && fi.IsDir()
}

// linkedFolder is the warning about a link to a folder inside a section
// (content/articles/2017 -> /srv/luu-tru/2017): its articles are not read.
// Links are followed to files, and as content/ or a section itself; a
// linked folder inside one is not, since the preview would not see its
// files change and the editor does not write where a link leads. It was
// reported as a file that is not .md, with the hint to put images under
// static/.
func linkedFolder(p string) *diag.Problem {
	w := diag.Warnf(strings.ToValidUTF8(p, "\uFFFD"), 0, "", "not read: a link to a folder; the files of a folder linked inside content/articles/, content/projects/ or content/pages/ are not read")
	w.Code = diag.NotRead
	w.Hint = "move or copy the folder here, or make the whole section the link (content/articles -> /srv/bai-viet)"
	return w
}

// looseInContent warns of what stands directly in content/ outside the
// three sections: nothing there is read.
func looseInContent(fsys fs.FS) diag.List {
	entries, err := fs.ReadDir(fsys, "content")
	if err != nil {
		return nil // no content/: nothing to say (the sections say the rest)
	}
	var out diag.List
	for _, e := range entries {
		p := "content/" + e.Name()
		if ignored(e.Name()) || p == articlesDir || p == projectsDir || p == pagesDir {
			continue
		}
		what := "file"
		if e.IsDir() {
			what, p = "folder", p+"/"
		}
		w := diag.Warnf(strings.ToValidUTF8(p, "\uFFFD"), 0, "", "not read: a %s outside content/articles/, content/projects/ and content/pages/", what)
		w.Code, w.Hint = diag.NotRead, "move articles under content/articles/, projects under content/projects/, pages under content/pages/"
		out.Add(w)
	}
	return out
}

// ignored reports hidden files and folders and what editors leave beside
// the files they edit (model.Leftover): ".#a.md" (Emacs lock), "#a.md#"
// (Emacs autosave), "a.md~" (backup), ".a.md.swp" (Vim).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || model.Leftover(name)
}

// Stamp is what a file's directory entry says of its version, as the
// loader's stamps say it, for another part of the program to tell a file
// unchanged without reading it (build.Fingerprint): size, modification and
// status-change times (ns), inode.
type Stamp struct {
	Size, MTime, CTime int64
	Ino                uint64
}

// StampOf is e's stamp; ok is false for anything but a regular file, and
// where the file system gives no status-change time, which no copy or
// touch can set back, and without which a stamp vouches for nothing.
func StampOf(e fs.DirEntry) (st Stamp, ok bool) {
	s := stampOf(e)
	if !s.known() || s.ctime == 0 {
		return Stamp{}, false
	}
	return Stamp{s.size, s.mtime.UnixNano(), s.ctime, s.ino}, true
}

// Vouches reports whether st, taken of a file read after began, vouches
// for the bytes then read: a file changed within the file system's tick
// of the read (two seconds on FAT) may have been written again since
// with the same times, and is read again the next time.
func (st Stamp) Vouches(began time.Time) bool {
	return st.CTime != 0 && st.CTime < began.Add(-freshness).UnixNano()
}
