package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bulletin/internal/text"
)

// Article writes content/articles/YYYY/<slug>.md under root for a new draft
// titled title, dated now in loc, and returns its path. The slug is
// written into the file, so a title corrected later leaves the page's URL
// (and every link already shared) where it was.
func Article(root, title string, now time.Time, loc *time.Location) (string, error) {
	title, err := oneLine("title", title)
	if err != nil {
		return "", err
	}
	slug := text.Slug(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letter or digit to make a file name from", title)
	}
	now = now.In(loc)
	name := filepath.Join(root, "content", filepath.FromSlash(ArticleName(slug, now, loc)))
	body := "---\n" +
		"title: " + quote(title) + "\n" +
		"slug: " + slug + "\n" +
		"date: " + now.Truncate(time.Minute).Format("2006-01-02T15:04:05Z07:00") + "\n" +
		"kind: news\n" +
		"team_lead:\n  name: \"\"\n  role: \"\"\n" +
		"inspected_unit: \"\"\n" +
		"documents: []\n" +
		"tags: []\n" +
		"draft: true\n" +
		"---\n\n"
	return name, create(name, body)
}

// Project writes content/projects/<code slug>.md under root.
func Project(root, code, title string, now time.Time, loc *time.Location) (string, error) {
	code, err := oneLine("code", code)
	if err != nil {
		return "", err
	}
	if title, err = oneLine("title", title); err != nil {
		return "", err
	}
	// A code the build would refuse ("42", "01-ĐA/TU, 02-ĐA/TU") is refused
	// here, before a file is written; "Đề án số 01-ĐA/TU" is its code.
	if code, _, err = text.ParseCode(code); err != nil {
		return "", fmt.Errorf("%v (%s)", err, text.CodeHint)
	}
	slug := text.CodeSlug(code)
	// Another file may describe the code already, under any name: a
	// second would stop the build.
	if other, err := projectFile(root, text.CodeKey(code)); err != nil {
		return "", err
	} else if other != "" {
		return "", fmt.Errorf("%s already describes the project %s: not written (edit that file)", other, code)
	}
	name := filepath.Join(root, "content", "projects", slug+".md")
	body := "---\n" +
		"code: " + quote(code) + "\n" +
		"title: " + quote(title) + "\n" +
		"date: " + now.In(loc).Format("2006-01-02") + "\n" +
		"issuer: \"\"\n" +
		"period: \"\"\n" +
		"---\n\n"
	return name, create(name, body)
}

// oneLine checks text an editor typed on the command line for a field:
// UTF-8, and one line (white space runs made one space), without the
// characters no web page may hold (a control character pasted from a
// terminal, ESC, would stop every build until the file is fixed).
func oneLine(field, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("the %s is not UTF-8 text (is the terminal set to UTF-8?)", field)
	}
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range []rune(s) {
		if unicode.IsControl(r) || r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE {
			return "", fmt.Errorf("the %s holds the character U+%04X at character %d, which web pages may not contain: nothing was written (type the %s again)", field, r, i+1, field)
		}
	}
	return s, nil
}

// codeLine finds a project file's code in its frontmatter: "code: x",
// "code = x" or "\"code\": x".
var codeLine = regexp.MustCompile(`(?m)^\s*["']?code["']?\s*[:=]\s*["']?([^"'\n,#]*?)["']?\s*,?\s*(#.*)?$`)

// projectFile returns the file under content/projects/ whose code has key,
// or "".
func projectFile(root, key string) (string, error) {
	found := ""
	dir := filepath.Join(root, "content", "projects")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipAll
			}
			return err
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".md") || found != "" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := codeLine.FindSubmatch(data); m != nil && text.CodeKey(string(m[1])) == key {
			found = p
		}
		return nil
	})
	return found, err
}

// create writes a new file, failing if it exists.
func create(name, body string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: not overwritten (bulletin never overwrites a file in content/)", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// quote writes s as a YAML double-quoted string, so titles with ":" or
// "#" stay strings.
func quote(s string) string {
	return strconv.Quote(s)
}
