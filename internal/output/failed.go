package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Failed tells err, from a build that wrote into d and stopped before
// the swap, in the output folder's terms. The file system's error names
// a file of the staging folder, which Abort removes: "write
// /srv/.bulletin-stage-public-12-34/2018/08/x/index.html: no space left
// on device" sent a deployer looking for a folder that is gone, and said
// nothing of the site being served. Failed names the file by its place in
// the site and says that Target is as the last build left it, which it
// is: nothing is moved into it before the swap.
func (d *Dir) Failed(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		if name, ok := d.staged(pe.Path); ok {
			msg = fmt.Sprintf("writing %s of the new site: %v", name, pe.Err)
		}
	case errors.As(err, &le):
		if name, ok := d.staged(le.New); ok {
			msg = fmt.Sprintf("writing %s of the new site: %v", name, le.Err)
		}
	}
	return fmt.Errorf("%s\n%s is as the last build left it", msg, d.Target)
}

// staged is the site's name of path, a file of the staging folder.
func (d *Dir) staged(path string) (string, bool) {
	rel, err := filepath.Rel(d.stage, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
