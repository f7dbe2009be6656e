package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// copyStatic copies the theme's static files, then the site's, a site file
// replacing the theme's file of the same name. Go source files are never
// published: the theme's static/ holds the embed.go that builds it into
// the binary. A static file may not replace a generated page or feed.
//
// A file is published under its name in NFC: bodies and fields are read
// precomposed (text.Compose), so a link an editor typed to
// "ảnh-đoàn.png" finds the file whichever way its name was typed.
//
// Only regular files are copied: a named pipe or a link to /dev/zero is an
// error on that file (package input), not a hung build.
func copyStatic(ctx context.Context, theme, site fs.FS, w *writer, r *Result) error {
	type source struct {
		fsys fs.FS
		name string // as on disk
	}
	from := map[string]source{}
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
			if d.IsDir() || strings.HasSuffix(name, ".go") || model.Leftover(path.Base(name)) {
				return nil
			}
			from[text.ComposeString(name)] = source{fsys, name}
			return nil
		})
		if err != nil {
			return err
		}
	}
	names := make([]string, 0, len(from))
	for n := range from {
		names = append(names, n)
	}
	sort.Strings(names)
	var problems diag.List
	for _, n := range names {
		if _, generated := w.sums[n]; generated {
			problems.Add(diag.New(diag.StaticClash, "static/"+n, 0, "", "this file would replace the generated %s", n))
			continue
		}
		data, err := input.ReadFile(ctx, from[n].fsys, from[n].name, 0) // no size limit: a PDF may be large
		if nr := (*input.NotRegularError)(nil); errors.As(err, &nr) {
			problems.Add(input.Problem("static/"+from[n].name, err))
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("static/%s: %w", from[n].name, err)
		}
		if err := w.write(n, data); err != nil {
			return err
		}
		r.Static++
	}
	return problems.Err()
}
