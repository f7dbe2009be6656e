package input

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":       {Data: []byte("xin chào")},
		"big.md":     {Data: []byte(strings.Repeat("x", 2048))},
		"pipe.md":    {Mode: fs.ModeNamedPipe},
		"dev.md":     {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"folder.md":  {Mode: fs.ModeDir},
		"socket.sck": {Mode: fs.ModeSocket},
	}
	ctx := context.Background()
	if b, err := ReadFile(ctx, fsys, "a.md", 100); err != nil || string(b) != "xin chào" {
		t.Errorf("a.md: %q, %v", b, err)
	}
	if b, err := ReadFile(ctx, fsys, "big.md", 0); err != nil || len(b) != 2048 {
		t.Errorf("no limit: %d bytes, %v", len(b), err)
	}
	if b, err := ReadFile(ctx, fsys, "big.md", 2048); err != nil || len(b) != 2048 {
		t.Errorf("at the limit: %d bytes, %v", len(b), err)
	}
	for name, want := range map[string]string{
		"big.md":     "the file is 2 KB, more than the limit of 1 KB",
		"pipe.md":    "not a regular file but a named pipe (FIFO)",
		"dev.md":     "not a regular file but a device",
		"folder.md":  "not a regular file but a folder",
		"socket.sck": "not a regular file but a socket",
	} {
		if _, err := ReadFile(ctx, fsys, name, 1024); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	if _, err := ReadFile(ctx, fsys, "gone.md", 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("gone.md: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ReadFile(cancelled, fsys, "a.md", 100); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// A file may grow after its size was read, or say a size it does not
// have (files under /proc say 0): the limit holds on what is read.
func TestReadFileHoldsTheLimitOnWhatItReads(t *testing.T) {
	fsys := liar{fstest.MapFS{"a.md": {Data: []byte(strings.Repeat("x", 5000))}}}
	_, err := ReadFile(context.Background(), fsys, "a.md", 4096)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 4096 {
		t.Errorf("%v, want too large", err)
	}
	if b, err := ReadFile(context.Background(), fsys, "a.md", 0); err != nil || len(b) != 5000 {
		t.Errorf("without a limit: %d bytes, %v", len(b), err)
	}
}

// liar says every file is empty.
type liar struct{ fstest.MapFS }

func (l liar) Stat(name string) (fs.FileInfo, error) {
	info, err := l.MapFS.Stat(name)
	if err != nil {
		return nil, err
	}
	return emptyInfo{info}, nil
}

type emptyInfo struct{ fs.FileInfo }

func (emptyInfo) Size() int64 { return 0 }

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1 KB", 1536: "1.5 KB", 10 << 20: "10 MB", 10<<20 + 1: "10.0 MB", 3 << 29: "1.5 GB",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestProblem(t *testing.T) {
	for _, tt := range []struct {
		err        error
		code, text string
	}{
		{&NotRegularError{fs.ModeNamedPipe}, "not-regular-file", "content/a.md: not a regular file but a named pipe (FIFO) (bulletin reads only regular files: put the file itself here, or move this out of the site)"},
		{&TooLargeError{11 << 20, 10 << 20}, "file-too-large", "content/a.md: the file is 11 MB, more than the limit of 10 MB (split it, or raise max_file_size in site.yaml if it is meant to be this large)"},
		{&TooLargeError{10<<20 + 1, 10 << 20}, "file-too-large", "content/a.md: the file is 10485761 bytes, more than the limit of 10 MB (10485760 bytes) (split it, or raise max_file_size in site.yaml if it is meant to be this large)"},
		{fs.ErrPermission, "read", "content/a.md: cannot read: permission denied"},
	} {
		p := Problem("content/a.md", tt.err)
		if p.Code != tt.code || p.Error() != tt.text {
			t.Errorf("%v: %s %q", tt.err, p.Code, p.Error())
		}
	}
}

func TestSubKeepsStat(t *testing.T) {
	fsys := fstest.MapFS{"static/css/a.css": {Data: []byte("body{}")}, "static/pipe": {Mode: fs.ModeNamedPipe}}
	sub, err := Sub(fsys, "static")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sub.(fs.StatFS); !ok {
		t.Fatal("the sub tree has no Stat")
	}
	if b, err := ReadFile(context.Background(), sub, "css/a.css", 0); err != nil || string(b) != "body{}" {
		t.Errorf("css/a.css: %q, %v", b, err)
	}
	var nr *NotRegularError
	if _, err := ReadFile(context.Background(), sub, "pipe", 0); !errors.As(err, &nr) {
		t.Errorf("pipe: %v", err)
	}
	_, err = ReadFile(context.Background(), sub, "gone.css", 0)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "gone.css" {
		t.Errorf("an error names the file within the sub tree: %v", err)
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil || len(entries) != 2 {
		t.Errorf("ReadDir: %v, %v", entries, err)
	}
}

// A link in the sub tree is seen as a link: one that leads nowhere,
// added to static/ while the preview ran, read as no file at all (fs.Sub's
// tree has no Lstat) and was published without the error a build gives.
func TestSubKeepsLinks(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	if err := os.Symlink("/nonexistent", filepath.Join(dir, "static", "dangle")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	sub, err := Sub(os.DirFS(dir), "static")
	if err != nil {
		t.Fatal(err)
	}
	info, err := fs.Lstat(sub, "dangle")
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(dangle) = %v, %v; want the link", info, err)
	}
	if target, err := fs.ReadLink(sub, "dangle"); err != nil || target != "/nonexistent" {
		t.Errorf("ReadLink(dangle) = %q, %v", target, err)
	}
}
