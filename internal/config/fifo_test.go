//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSettingsFileNotRegular: a named pipe in place of site.yaml is an
// error naming it, not a build that waits forever for a writer.
func TestSettingsFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "site.yaml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, probs := Load(os.DirFS(dir))
	if len(probs) != 1 || probs[0].Code != "not-regular-file" ||
		probs[0].Error() != "site.yaml: not a regular file but a named pipe (FIFO) (bulletin reads only regular files: put the file itself here, or move this out of the site)" {
		t.Fatalf("problems: %v", probs)
	}
}
