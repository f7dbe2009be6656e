package output

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// carry puts a copy of the entry rel of the old site into the staging
// folder: hard links for files (instant, no bytes copied, and the old
// site keeps its own links until the swap), the same targets for symbolic
// links, and folders made anew. The old site is untouched, so a build
// killed at any instant loses nothing: the staging folder it leaves holds
// only extra links, which the next build removes.
func carry(oldRoot, stageRoot, rel string) error {
	src := filepath.Join(oldRoot, filepath.FromSlash(rel))
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(oldRoot, p)
		dst := filepath.Join(stageRoot, r)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch mode := info.Mode(); {
		case mode.IsDir():
			if err := os.MkdirAll(dst, mode.Perm()|0o700); err != nil {
				return err
			}
			return nil
		case mode&os.ModeSymlink != 0:
			to, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(to, dst)
		case mode.IsRegular():
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if err := os.Link(p, dst); err == nil {
				return nil
			}
			return copyFile(p, dst, info)
		default:
			return fmt.Errorf("%s is neither a file, a folder nor a link", p)
		}
	})
}

// copyFile is the fallback for a file system without hard links: the
// copy keeps the mode and the modification time.
func copyFile(src, dst string, info fs.FileInfo) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}
