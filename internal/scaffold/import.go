package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/importer"
	"bulletin/internal/text"
)

// Report tells what importing one file did.
type Report struct {
	From     string             // the plain-text file
	Path     string             // the article written, or the one already imported
	Skipped  bool               // the same text was imported before: nothing written
	Bulletin *importer.Bulletin // what was found
}

// stampPrefix marks an imported article's frontmatter with a hash of the
// text it came from, as a YAML comment (decoders ignore it), so importing
// the same text again is recognised even after the editor has finished the
// frontmatter by hand.
const stampPrefix = "# bulletin import: "

// Import imports the plain-text bulletin at from into the site at root:
// content/articles/YYYY/<slug>.md. It never overwrites a file and never
// changes the source text.
func Import(root, from string, loc *time.Location) (*Report, error) {
	src, err := os.ReadFile(from)
	if err != nil {
		return nil, err
	}
	// The stamp is taken of the text, whatever its encoding on disk.
	if src, err = importer.Decode(src); err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	b, err := importer.Parse(src, loc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	if b.Date.IsZero() {
		// An article needs a date: written without one it would stop the
		// next build of the whole site.
		return nil, fmt.Errorf("%s: no date line after the title (write one like \"16:41, 06/08/2018\" on the line after the title, then import again)", from)
	}
	r := &Report{From: from, Bulletin: b}
	stamp := stampPrefix + stampOf(src)
	if prev, err := findStamp(filepath.Join(root, "content", "articles"), stamp); err != nil {
		return nil, err
	} else if prev != "" {
		r.Path, r.Skipped = prev, true
		return r, nil
	}
	dir := filepath.Join(root, "content", "articles", strconv.Itoa(b.Date.Year()))
	slug := text.Slug(b.Title)
	if slug == "" {
		return nil, fmt.Errorf("%s: the title %q has no letter or digit to make a file name from", from, b.Title)
	}
	r.Path = filepath.Join(dir, slug+".md")
	md := b.Markdown()
	// The slug is written into the file, as "bulletin new" does: a title
	// corrected by hand later leaves the page where links point.
	md = append([]byte("---\n"+stamp+"\nslug: "+slug+"\n"), bytes.TrimPrefix(md, []byte("---\n"))...)
	if err := create(r.Path, string(md)); err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	return r, nil
}

// stampOf hashes the text regardless of BOM, line ends and surrounding
// white space, so a copy saved by another editor is still the same text.
func stampOf(src []byte) string {
	s := strings.TrimPrefix(string(src), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
	s = text.ComposeString(s) // the same text typed with decomposed marks
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%016x", h.Sum64())
}

// findStamp returns the article under dir that carries stamp, or "".
func findStamp(dir, stamp string) (string, error) {
	found := ""
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return filepath.SkipAll
		}
		if err != nil || found != "" {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(stamp+"\n")) {
			found = p
		}
		return nil
	})
	return found, err
}
