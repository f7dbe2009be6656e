package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// copyStatic copies the theme's static files, then the site's, a site file
// replacing the theme's file of the same name. Go source files are never
// published: the theme's static/ holds the embed.go that builds it into
// the binary. A static file may not replace a generated page or feed
// (robots.txt excepted: see ownRobots).
//
// A file is published under its name in NFC: bodies and fields are read
// precomposed (text.Compose), so a link an editor typed to
// "ảnh-đoàn.png" finds the file whichever way its name was typed.
//
// Linked files and folders are followed, wherever they lead (static/
// uploads linked to a shared folder publishes that folder): the link is
// the editor's say-so. A link that leads nowhere, a linked folder that
// holds the link (it would be copied into itself for ever) and a name
// that is not UTF-8 (no URL can name it) are problems that name the file.
func copyStatic(theme, site fs.FS, w *writer, r *Result) error {
	type source struct {
		fsys fs.FS
		name string // as on disk
	}
	from := map[string]source{}
	var problems diag.List
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		names, err := listStatic(fsys, &problems)
		if err != nil {
			return err
		}
		for _, name := range names {
			from[text.ComposeString(name)] = source{fsys, name}
		}
	}
	names := make([]string, 0, len(from))
	for n := range from {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, generated := w.sums[n]; generated {
			problems.Add(diag.Errorf("static/"+n, 0, "", "this file would replace the generated %s", n))
			continue
		}
		data, err := fs.ReadFile(from[n].fsys, from[n].name)
		if err != nil {
			return fmt.Errorf("static/%s: %w", from[n].name, err)
		}
		if err := w.write(n, data); err != nil {
			return err
		}
		r.Static++
	}
	return problems.Err()
}

// listStatic lists the files to publish under fsys, a static/ folder,
// following links; problems gets what cannot be published.
func listStatic(fsys fs.FS, problems *diag.List) ([]string, error) {
	root, err := fs.Stat(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("static/: %w", err)
	}
	var out []string
	err = walkStatic(fsys, ".", []fs.FileInfo{root}, &out, problems)
	return out, err
}

// walkStatic lists dir; chain holds the folders that lead to it, the
// linked ones as their targets, so that a link back to one is seen.
func walkStatic(fsys fs.FS, dir string, chain []fs.FileInfo, out *[]string, problems *diag.List) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("static/%s: %w", dir, err)
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if strings.HasSuffix(name, ".go") || model.Leftover(e.Name()) {
			continue
		}
		if !utf8.ValidString(e.Name()) {
			problems.Add(&diag.Problem{File: "static/" + strings.ToValidUTF8(name, "\uFFFD"),
				Message: fmt.Sprintf("the file name %q is not UTF-8 text, so no address can name it", e.Name()),
				Hint:    "rename it; a name copied from an old Windows folder or a zip archive keeps its old encoding"})
			continue
		}
		info, dirEntry := fs.FileInfo(nil), e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err = fs.Stat(fsys, name); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				problems.Add(&diag.Problem{File: "static/" + name, Message: "a link that leads nowhere: " + err.Error(),
					Hint: "link it to a file or folder that exists, or remove the link"})
				continue
			}
			dirEntry = info.IsDir()
		} else if dirEntry {
			if info, err = e.Info(); err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
		}
		if !dirEntry {
			*out = append(*out, name)
			continue
		}
		if loops(chain, info) {
			problems.Add(&diag.Problem{File: "static/" + name, Message: "a link to a folder that holds it: copying it would never end",
				Hint: "link to the files or folders to publish, not to a folder above the link"})
			continue
		}
		if err := walkStatic(fsys, name, append(chain, info), out, problems); err != nil {
			return err
		}
	}
	return nil
}

// loops reports whether dir is one of the folders in chain. Only the
// operating system's files can be told apart so; other file systems (the
// theme, a test's) hold no links.
func loops(chain []fs.FileInfo, dir fs.FileInfo) bool {
	for _, c := range chain {
		if os.SameFile(c, dir) {
			return true
		}
	}
	return false
}

// ownRobots reports whether the site's static/ has a robots.txt of its
// own, which then replaces the generated one: a site may have to keep
// crawlers off a part of it.
func ownRobots(site fs.FS) bool {
	if site == nil {
		return false
	}
	_, err := fs.Stat(site, "robots.txt")
	return err == nil
}
