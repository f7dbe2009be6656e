package scaffold

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/importer"
	"bulletin/internal/input"
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
	return ImportContext(context.Background(), root, from, loc, input.DefaultLimit)
}

// ImportContext is Import that reads a text of at most limit bytes, and
// only a regular file (importing /dev/zero, or a named pipe, would never
// end), and stops when ctx is done.
func ImportContext(ctx context.Context, root, from string, loc *time.Location, limit int64) (*Report, error) {
	raw, err := input.ReadPath(ctx, from, limit)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err // named below, once
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	return importData(ctx, root, from, raw, loc)
}

// ImportData is Import of a file already read: the browser editor's
// upload, which is parsed and never stored as it is. from names it in
// messages.
func ImportData(root, from string, raw []byte, loc *time.Location) (*Report, error) {
	return importData(context.Background(), root, from, raw, loc)
}

// importData imports raw, a text or a Word document (.docx): a document is
// read as its text for what the import recognises, and its body keeps its
// headings, bold and italic, lists and tables.
func importData(ctx context.Context, root, from string, raw []byte, loc *time.Location) (*Report, error) {
	var doc *importer.Docx
	if importer.IsDocx(raw) {
		d, err := importer.ReadDocx(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", from, err)
		}
		doc, raw = d, d.Text()
	}
	// The stamp is taken of the text, whatever its encoding on disk.
	src, err := importer.Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	b, err := importer.Parse(raw, loc) // from the bytes: it tells what Decode repaired
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	if doc != nil {
		b.Body = doc.Body(b)
	}
	slug, err := Publishable(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	r := &Report{From: from, Bulletin: b}
	stamp := stampPrefix + stampOf(src)
	if prev, err := findStamp(ctx, filepath.Join(root, "content", "articles"), stamp); err != nil {
		return nil, err
	} else if prev != "" {
		r.Path, r.Skipped = prev, true
		return r, nil
	}
	dir := filepath.Join(root, "content", "articles", strconv.Itoa(b.Date.Year()))
	name, own := freeName(dir, slug, b.Date)
	r.Path = filepath.Join(dir, name+".md")
	md := b.Markdown()
	// The slug is written into the file, as "bulletin new" does: a title
	// corrected by hand later leaves the page where links point. It is
	// the file's name when another of the month shares the title.
	if own {
		slug = name
	}
	md = append([]byte("---\n"+stamp+"\nslug: "+slug+"\n"), bytes.TrimPrefix(md, []byte("---\n"))...)
	if err := create(r.Path, string(md)); err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	return r, nil
}

// Publishable checks that a bulletin as parsed makes an article the site
// can build, and returns the slug its file is named by. An article needs
// a date (without one it would stop the next build of the whole site) and
// a title with a letter or digit.
func Publishable(b *importer.Bulletin) (slug string, err error) {
	if b.Date.IsZero() {
		return "", fmt.Errorf("no date line after the title (write one like \"16:41, 06/08/2018\" on the line after the title, then import again)")
	}
	if slug = text.Slug(b.Title); slug == "" {
		return "", fmt.Errorf("the title %q has no letter or digit to make a file name from", b.Title)
	}
	return slug, nil
}

// freeName is the name, without ".md", of a new file in dir for an
// article whose title makes slug, dated d: slug, or, when a bulletin with
// the same title was imported or written already, slug-2, slug-3, ...
// A second "Kiểm tra công tác dân vận" of the year is no clash: its URL
// has its own month. One of the same month would share the URL, so own
// says the article needs its name as its slug (so does one beside a file
// whose date cannot be read).
func freeName(dir, slug string, d time.Time) (name string, own bool) {
	for n := 1; ; n++ {
		name = slug
		if n > 1 {
			suffix := fmt.Sprintf("-%d", n)
			base := slug
			if len(base)+len(suffix) > text.MaxSlug { // as a slug, it would be cut back to slug
				base = base[:text.MaxSlug-len(suffix)]
				if i := strings.LastIndexByte(base, '-'); i > 0 {
					base = base[:i]
				}
			}
			name = base + suffix
		}
		data, err := os.ReadFile(filepath.Join(dir, name+".md"))
		if errors.Is(err, fs.ErrNotExist) {
			return name, own && n > 1
		}
		if y, m, ok := monthOf(data); !ok || y == d.Year() && m == d.Month() {
			own = true
		}
	}
}

// dateLine finds the frontmatter's date: 2018-08-06..., or the
// Vietnamese [hh:mm, ]06/08/2018.
var (
	isoDateLine = regexp.MustCompile(`(?m)^date:\s*["']?(\d{4})-(\d{1,2})-`)
	vnDateLine  = regexp.MustCompile(`(?m)^date:\s*["']?(?:[^"'\n/]*?[, ]\s*)?\d{1,2}/(\d{1,2})/(\d{4})`)
)

// monthOf reads the year and month of an article's date, where its
// frontmatter writes it in a common form.
func monthOf(data []byte) (int, time.Month, bool) {
	if m := isoDateLine.FindSubmatch(data); m != nil {
		y, _ := strconv.Atoi(string(m[1]))
		mo, _ := strconv.Atoi(string(m[2]))
		return y, time.Month(mo), true
	}
	if m := vnDateLine.FindSubmatch(data); m != nil {
		mo, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		return y, time.Month(mo), true
	}
	return 0, 0, false
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

// findStamp returns the article under dir that carries stamp, or "". A
// file that is no regular file, or too large to be an article, holds no
// stamp: it is passed over (the build reports it).
func findStamp(ctx context.Context, dir, stamp string) (string, error) {
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
		data, err := input.ReadPath(ctx, p, input.DefaultLimit)
		var nr *input.NotRegularError
		var tl *input.TooLargeError
		if errors.As(err, &nr) || errors.As(err, &tl) {
			return nil
		}
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
