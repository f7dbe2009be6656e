package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Current reads a manifest's head alone to find that the input changed:
// what it reads there must be what the manifest records, for every form
// a build writes.
func TestReadInputsAgreesWithTheManifest(t *testing.T) {
	files := map[string]entry{"index.html": {1, 2, 3}, "a/b/index.html": {4, 5, 0}}
	until := time.Date(2026, 11, 27, 17, 0, 0, 5, time.UTC)
	for _, tc := range []struct {
		name   string
		inputs string
		until  time.Time
	}{
		{"no input recorded", "", time.Time{}},
		{"an input", "6f886da41f2d0e85", time.Time{}},
		{"an input and a time it holds until", "6f886da41f2d0e85", until},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, Marker), manifestData(files, tc.inputs, tc.until), 0o644); err != nil {
				t.Fatal(err)
			}
			inputs, u, err := readInputs(dir)
			if err != nil {
				t.Fatal(err)
			}
			m, err := readManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			if inputs != tc.inputs || inputs != m.inputs || !u.Equal(tc.until) || !u.Equal(m.until) {
				t.Errorf("readInputs = %q, %v; the manifest records %q, %v; written %q, %v", inputs, u, m.inputs, m.until, tc.inputs, tc.until)
			}
		})
	}
	if _, _, err := readInputs(t.TempDir()); err == nil {
		t.Error("a folder without a manifest gave no error")
	}
}
