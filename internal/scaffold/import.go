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
// changes the source text. taken tells the URLs the site's articles take
// (build.ReadArticleURLs); nil takes none.
func Import(root, from string, loc *time.Location, taken URLs) (*Report, error) {
	return ImportContext(context.Background(), root, from, loc, input.DefaultLimit, taken)
}

// URLs is the set of URLs a site's articles take (/2019/03/slug/), asked
// by the date and slug of an article: an imported article is given a URL
// outside it, and added to it. The build makes it (build.ArticleURLs),
// from the site as it reads it, so that an article in any folder, by its
// title or its slug: or an old URL, counts.
type URLs interface {
	Taken(date time.Time, slug string) bool
	Take(date time.Time, slug string)
}

// ImportContext is Import that reads a text of at most limit bytes, and
// only a regular file (importing /dev/zero, or a named pipe, would never
// end), and stops when ctx is done.
// taken is the URLs the site's articles take; the new article's is added
// to it.
func ImportContext(ctx context.Context, root, from string, loc *time.Location, limit int64, taken URLs) (*Report, error) {
	raw, err := input.ReadPath(ctx, from, limit)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err // named below, once
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	return importData(ctx, root, from, raw, loc, taken)
}

// ImportData is ImportContext of a file already read: the browser
// editor's upload, which is parsed and never stored as it is. from names
// it in messages.
func ImportData(root, from string, raw []byte, loc *time.Location, taken URLs) (*Report, error) {
	return importData(context.Background(), root, from, raw, loc, taken)
}

// importData imports raw, a text or a Word document (.docx): a document is
// read as its text for what the import recognises, and its body keeps its
// headings, bold and italic, lists and tables.
func importData(ctx context.Context, root, from string, raw []byte, loc *time.Location, taken URLs) (*Report, error) {
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
	// The slug is written into the file, as "bulletin new" does: a title
	// corrected by hand later leaves the page where links point.
	slug = freeSlug(slug, b.Date, taken)
	r.Path = filepath.Join(dir, freeName(dir, slug)+".md")
	md := b.Markdown()
	md = append([]byte("---\n"+stamp+"\nslug: "+slug+"\n"), bytes.TrimPrefix(md, []byte("---\n"))...)
	if err := create(r.Path, string(md)); err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	if taken != nil {
		taken.Take(b.Date, slug)
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

// numbered is slug-n (slug itself for n = 1), cut back as a slug is so
// that it stays within text.MaxSlug.
func numbered(slug string, n int) string {
	if n == 1 {
		return slug
	}
	suffix := fmt.Sprintf("-%d", n)
	base := slug
	if len(base)+len(suffix) > text.MaxSlug { // as a slug, it would be cut back to slug
		base = base[:text.MaxSlug-len(suffix)]
		if i := strings.LastIndexByte(base, '-'); i > 0 {
			base = base[:i]
		}
	}
	return base + suffix
}

// freeSlug is the slug of a new article whose title makes slug, dated d:
// slug, or slug-2, slug-3, ... when another article (in any folder, by
// its title or its slug:, or an old URL) takes the URL of the month. A
// second "Kiểm tra công tác dân vận" of another month is no clash: its
// URL has its own month.
func freeSlug(slug string, d time.Time, taken URLs) string {
	for n := 1; ; n++ {
		free := numbered(slug, n)
		if taken == nil || !taken.Taken(d, free) {
			return free
		}
	}
}

// freeName is the name, without ".md", of a new file in dir for an
// article whose slug is slug: slug, or slug-2, slug-3, ... beside a file
// of that name (an article of the same title, another month).
func freeName(dir, slug string) string {
	for n := 1; ; n++ {
		name := numbered(slug, n)
		if _, err := os.Lstat(filepath.Join(dir, name+".md")); err != nil {
			return name // not there; or unreadable, and writing it fails, saying why
		}
	}
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
