//go:build unix

package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe on disk is refused without being opened: opening it would
// block until some program opens it to write. Through a sub tree too,
// whose fs.Sub would have opened it to stat it.
func TestNamedPipeOnDiskIsNotOpened(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	os.Mkdir(filepath.Join(dir, "static"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "static", "pipe.css"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	sub, _ := Sub(os.DirFS(dir), "static")
	var nr *NotRegularError
	for _, c := range []struct {
		read func() ([]byte, error)
		name string
	}{
		{func() ([]byte, error) { return ReadFile(context.Background(), os.DirFS(dir), "pipe.md", 1<<20) }, "pipe.md"},
		{func() ([]byte, error) { return ReadFile(context.Background(), sub, "pipe.css", 0) }, "static/pipe.css"},
		{func() ([]byte, error) { return ReadFile(context.Background(), os.DirFS(dir), "zero.md", 0) }, "zero.md, no limit"},
		{func() ([]byte, error) { return ReadPath(context.Background(), filepath.Join(dir, "pipe.md"), 1<<20) }, "pipe.md by path"},
		{func() ([]byte, error) { return ReadPath(context.Background(), "/dev/zero", 1<<20) }, "/dev/zero"},
	} {
		done := make(chan error, 1)
		go func() { _, err := c.read(); done <- err }()
		select {
		case err := <-done:
			if !errors.As(err, &nr) {
				t.Errorf("%s: %v, want not a regular file", c.name, err)
			}
		case <-timeout():
			t.Fatalf("%s: the read blocks", c.name)
		}
	}
}

// timeout guards against a read that blocks: a failure, not a measure.
func timeout() <-chan time.Time { return time.After(10 * time.Second) }
