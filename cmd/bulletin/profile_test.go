package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// -cpuprofile and -memprofile write profiles go tool pprof reads: gzipped
// protocol buffers whose sample types are the profile's, naming the
// build's own functions. (That the heap profile is the one at the largest
// live heap was checked by hand on the 10,000-article site: 132 MB in use,
// where a profile at the end shows the site let go.)
func TestBuildWritesProfiles(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	cpu, mem := filepath.Join(t.TempDir(), "cpu.pprof"), filepath.Join(t.TempDir(), "mem.pprof")
	if code, _, errs := bulletin("build", "-source", dir, "-cpuprofile", cpu, "-memprofile", mem); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, c := range []struct {
		file string
		want []string
	}{
		{cpu, []string{"samples", "cpu", "nanoseconds"}},
		{mem, []string{"inuse_space", "alloc_space", "bulletin/internal/"}},
	} {
		raw, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s is not a gzipped profile: %v", c.file, err)
		}
		pb, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !bytes.Contains(pb, []byte(w)) {
				t.Errorf("%s does not hold %q", filepath.Base(c.file), w)
			}
		}
	}
	// An unwritable profile is a usage problem named by its flag, and the
	// build does not start.
	code, _, errs := bulletin("build", "-source", dir, "-memprofile", filepath.Join(dir, "no/such/folder/mem.pprof"))
	if code == 0 || !bytes.Contains([]byte(errs), []byte("-memprofile")) {
		t.Errorf("exit %d, stderr %q: want an error naming -memprofile", code, errs)
	}
}
