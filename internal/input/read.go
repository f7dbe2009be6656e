package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"bulletin/internal/diag"
)

// DefaultLimit is the largest content file read, when site.yaml does not
// set max_file_size: ten times the longest bulletin seen, and small enough
// that the Markdown of one file fits in memory many times over.
const DefaultLimit = 10 << 20

// chunk is how much is read between two looks at the context.
const chunk = 1 << 20

// NotRegularError is a path that names something other than a regular
// file (after following links): a folder, a named pipe, a device.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	return "not a regular file but " + what(e.Mode)
}

// TooLargeError is a file larger than the limit it was read with.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	size, limit := Size(e.Size), Size(e.Limit)
	if strings.Replace(size, ".0 ", " ", 1) == limit { // "10.0 MB, more than 10 MB"
		size, limit = fmt.Sprintf("%d bytes", e.Size), fmt.Sprintf("%s (%d bytes)", limit, e.Limit)
	}
	return fmt.Sprintf("the file is %s, more than the limit of %s", size, limit)
}

// ReadFile reads the regular file name of fsys, at most limit bytes
// (limit <= 0: no limit), stopping when ctx is done.
func ReadFile(ctx context.Context, fsys fs.FS, name string, limit int64) ([]byte, error) {
	return ReadFileInto(ctx, fsys, name, limit, nil)
}

// ReadFileInto is ReadFile into buf's space, grown if need be: a reader
// of many files only to hash them (the build's fingerprint) uses one
// buffer for all.
func ReadFileInto(ctx context.Context, fsys fs.FS, name string, limit int64, buf []byte) ([]byte, error) {
	return read(ctx, limit, buf,
		func() (fs.FileInfo, error) { return fs.Stat(fsys, name) },
		func() (io.ReadCloser, error) { return fsys.Open(name) })
}

// ReadPath is ReadFile for a path of the operating system: a text given
// on the command line.
func ReadPath(ctx context.Context, path string, limit int64) ([]byte, error) {
	return read(ctx, limit, nil,
		func() (fs.FileInfo, error) { return os.Stat(path) },
		func() (io.ReadCloser, error) { return os.Open(path) })
}

// read looks before it opens: opening a named pipe blocks until some
// other program opens it to write, which no context can interrupt.
func read(ctx context.Context, limit int64, buf []byte, stat func() (fs.FileInfo, error), open func() (io.ReadCloser, error)) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	info, err := stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotRegularError{info.Mode()}
	}
	if limit > 0 && info.Size() > limit {
		return nil, &TooLargeError{info.Size(), limit}
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size said is a hint only: the file may grow while it is read,
	// and some files (under /proc) say 0 and hold more.
	size := info.Size()
	if limit > 0 {
		size = min(size, limit)
	}
	buf = slices.Grow(buf[:0], int(size)+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(cap(buf)-len(buf), chunk)
		n, err := f.Read(buf[len(buf) : len(buf)+want])
		buf = buf[:len(buf)+n]
		if limit > 0 && int64(len(buf)) > limit {
			return nil, &TooLargeError{int64(len(buf)), limit}
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// what names a kind of file for an editor.
func what(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Size writes a number of bytes as an editor reads it: "10 MB", "512 KB",
// "1.5 GB", in units of 1,024 as file managers count them.
func Size(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB", "TB"}
	f, u := float64(n), 0
	for f >= 1024 && u < len(units)-1 {
		f /= 1024
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%d bytes", n)
	}
	if f == float64(int64(f)) {
		return fmt.Sprintf("%d %s", int64(f), units[u])
	}
	return fmt.Sprintf("%.1f %s", f, units[u])
}

// Problem is the problem an editor reads for a failed read of file (a
// slash path from the site root).
func Problem(file string, err error) *diag.Problem {
	var nr *NotRegularError
	var tl *TooLargeError
	switch {
	case errors.As(err, &nr):
		p := diag.New(diag.NotRegularFile, file, 0, "", "%v", err)
		p.Hint = "bulletin reads only regular files: put the file itself here, or move this out of the site"
		return p
	case errors.As(err, &tl):
		p := diag.New(diag.FileTooLarge, file, 0, "", "%v", err)
		p.Hint = "split it, or raise max_file_size in site.yaml if it is meant to be this large"
		return p
	}
	return diag.New(diag.Read, file, 0, "", "cannot read: %v", err)
}
