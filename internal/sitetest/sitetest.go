package sitetest

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/output"
)

// Now is the clock of every test build, so "future" means the same thing
// on every run: 2026-11-25 12:00 in Vietnam.
var Now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// Site is a built site held in memory.
type Site struct {
	Out    *output.Memory
	Result *build.Result
}

// Options are the build options a test may set; Source and Sink are
// filled in.
type Options = build.Options

// Build builds the archive and fails the test on any error.
func Build(t testing.TB, archive string) *Site {
	t.Helper()
	return BuildWith(t, Parse(archive), Options{})
}

// BuildWith builds fsys with the given options and fails the test on any
// error.
func BuildWith(t testing.TB, fsys fs.FS, opt Options) *Site {
	t.Helper()
	s, err := Try(fsys, opt)
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return s
}

// Try builds fsys and returns the error instead of failing.
func Try(fsys fs.FS, opt Options) (*Site, error) {
	mem := output.NewMemory()
	opt.Source, opt.Sink = fsys, mem
	if opt.Now.IsZero() {
		opt.Now = Now
	}
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		return nil, err
	}
	return &Site{Out: mem, Result: res}, nil
}

// Problems builds the archive, expects it to fail on its content, and
// returns the problems as the user reads them in a terminal: each on its
// line, followed by the line it is about and its notes (diag's Report).
func Problems(t testing.TB, archive string) string {
	t.Helper()
	_, err := Try(Parse(archive), Options{})
	if err == nil {
		t.Fatalf("build succeeded; want problems")
	}
	list := diag.AsList(err)
	if list == nil {
		t.Fatalf("build failed without content problems: %v", err)
	}
	reports := make([]string, len(list))
	for i, p := range list {
		reports[i] = p.Report()
	}
	return strings.Join(reports, "\n")
}

// File returns an output file, failing the test when it is missing.
func (s *Site) File(t testing.TB, name string) string {
	t.Helper()
	b, ok := s.Out.Get(name)
	if !ok {
		t.Fatalf("no output file %s; have:\n%s", name, strings.Join(s.Out.Names(), "\n"))
	}
	return string(b)
}

// Has reports whether the output has a file.
func (s *Site) Has(name string) bool {
	_, ok := s.Out.Get(name)
	return ok
}

// Contains asserts that the output file holds every want string.
func (s *Site) Contains(t testing.TB, name string, want ...string) {
	t.Helper()
	got := s.File(t, name)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s does not contain %q", name, w)
		}
	}
	if t.Failed() {
		t.Logf("%s:\n%s", name, got)
	}
}

// Lacks asserts that the output file holds none of the strings.
func (s *Site) Lacks(t testing.TB, name string, unwanted ...string) {
	t.Helper()
	got := s.File(t, name)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("%s contains %q", name, w)
		}
	}
}
