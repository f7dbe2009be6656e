package feed

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The feeds and the sitemap checked by the published validators: xmllint
// (libxml2-utils) with the sitemap protocol's XML Schema, and jing with
// RFC 4287's RELAX NG grammar for Atom. Each case is skipped when its tool
// or the schemas are absent, except in CI (CI=true), where .ci/run installs
// the tools and a skip would hide a failure; the schemas are the shared ones
// beside the repository (../shared/schemas), or the folder BULLETIN_SCHEMAS
// names.

// skip skips the test, or fails it in CI.
func skip(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

func schemas(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BULLETIN_SCHEMAS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "schemas")
	}
	for _, f := range []string{"sitemap.xsd", "atom.rnc"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			skip(t, "no schema %s in %s (set BULLETIN_SCHEMAS)", f, dir)
		}
	}
	return dir
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		skip(t, "%s is not installed", name)
	}
	return p
}

func writeTemp(t *testing.T, name string, data []byte, err error) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Errorf("%s %v: %v\n%s", filepath.Base(name), args, err, out)
	}
}

func TestSitemapValidates(t *testing.T) {
	dir := schemas(t)
	xmllint := tool(t, "xmllint")
	data, err := oneSitemap(testSite())
	run(t, xmllint, "--noout", "--schema", filepath.Join(dir, "sitemap.xsd"), writeTemp(t, "sitemap.xml", data, err))
}

func TestAtomValidates(t *testing.T) {
	dir := schemas(t)
	jing := tool(t, "jing")
	for name, ch := range map[string]Channel{
		"full":  testChannel(),
		"empty": {Title: "T", Link: "/", Self: "/atom.xml"},
	} {
		t.Run(name, func(t *testing.T) {
			data, err := Atom(testConfig(), ch)
			run(t, jing, "-c", filepath.Join(dir, "atom.rnc"), writeTemp(t, "atom.xml", data, err))
		})
	}
}

// TestRSSWellFormed: RSS 2.0 has no official schema; xmllint checks the
// XML, namespaces included (an undeclared prefix is a namespace error).
func TestRSSWellFormed(t *testing.T) {
	xmllint := tool(t, "xmllint")
	data, err := RSS(testConfig(), testChannel())
	run(t, xmllint, "--noout", writeTemp(t, "index.xml", data, err))
}
