package output

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteAside writes the file at path with write, through a buffer, into a
// file of its own beside it (path.<random>.tmp), renamed to path once
// whole: a build cut short, or two builds keeping the same file at once,
// leave a whole file or none. The file beside it is removed on an error,
// and what builds killed before their rename left is removed first
// (removeLeftAside). The cache folder's files are written so: the build's
// store and inputs (internal/build), the output's stamps.
func WriteAside(path string, write func(io.Writer) error) (err error) {
	removeLeftAside(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// leftAside is how old a file written aside (name.*.tmp, renamed over name
// once whole) must be to be taken for one a killed build left: a build
// writes its store, stamps or inputs in seconds.
const leftAside = time.Hour

// removeLeftAside removes the files that builds killed between writing
// and renaming them left beside path: the stores, stamps and inputs kept
// in the cache folder are written as path.<random>.tmp and renamed over
// path, and a build cut short in between left a file (40 MB for a store
// at 10,000 articles) that nothing else would remove. Files written in
// the last hour are left: another build may be writing one.
func removeLeftAside(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, base+".") || !strings.HasSuffix(name, ".tmp") || len(name) <= len(base)+len(".tmp")+1 {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > leftAside {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
