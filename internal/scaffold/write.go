package scaffold

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
	"time"
)

// ArticleName is where "bulletin new" puts an article, relative to
// content/: articles/YYYY/<slug>.md, the year of its date in loc.
func ArticleName(slug string, date time.Time, loc *time.Location) string {
	return path.Join("articles", strconv.Itoa(date.In(loc).Year()), slug+".md")
}

// ErrExists is WriteNew's error when the file is there already.
var ErrExists = errors.New("the file exists already")

// WriteNew writes the new file name (a slash path under content/) into
// the content folder: never over a file, and never outside the folder
// (content is an os.Root, which refuses ".." and symbolic links that
// lead out). The file appears whole: its bytes go to a temporary file
// beside it, which is synced and then linked to its name, so the
// preview's watcher never reads half of it.
func WriteNew(content *os.Root, name string, data []byte) error {
	if err := content.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := WriteTemp(content, path.Dir(name), data, 0o644)
	if err != nil {
		return err
	}
	defer content.Remove(tmp)
	err = content.Link(tmp, name)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("content/%s: %w: not overwritten (bulletin never overwrites a file in content/)", name, ErrExists)
	}
	return err
}

// WriteTemp writes data to a new hidden file in dir under content and
// syncs it, for a caller to link or rename into place; it returns the
// file's name. Hidden files are no content: the build and the preview's
// watcher pass over them.
func WriteTemp(content *os.Root, dir string, data []byte, perm fs.FileMode) (string, error) {
	var b [8]byte
	rand.Read(b[:])
	name := path.Join(dir, ".bulletin-"+hex.EncodeToString(b[:])+".tmp")
	f, err := content.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		content.Remove(name)
		return "", err
	}
	return name, nil
}
