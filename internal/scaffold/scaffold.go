package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bulletin/internal/text"
)

// Article writes content/articles/YYYY/<slug>.md under root for a new draft
// titled title, dated now in loc, and returns its path.
func Article(root, title string, now time.Time, loc *time.Location) (string, error) {
	title = strings.TrimSpace(title)
	slug := text.Slug(title)
	if slug == "" {
		return "", fmt.Errorf("the title %q has no letter or digit to make a file name from", title)
	}
	now = now.In(loc)
	name := filepath.Join(root, "content", "articles", strconv.Itoa(now.Year()), slug+".md")
	body := "---\n" +
		"title: " + quote(title) + "\n" +
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
	code, title = strings.TrimSpace(code), strings.TrimSpace(title)
	slug := text.CodeSlug(code)
	if slug == "" {
		return "", fmt.Errorf("the code %q has no letter or digit", code)
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
