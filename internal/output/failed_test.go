package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A build that fails while writing is told in the output's terms: the
// file by its place in the site, not in the staging folder Abort removed,
// and the site being served said to be untouched, which it is.
func TestFailedNamesTheSitesFileAndKeepsTheOldSite(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, map[string]string{"index.html": "old"}).Commit(); err != nil {
		t.Fatal(err)
	}

	d, err := NewDir(target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write("2018/index.html", []byte("year")); err != nil {
		t.Fatal(err)
	}
	// A folder where the build has a file: the file system refuses it,
	// as it refuses a full disk, in the middle of the staging folder.
	werr := d.Write("2018/index.html/x/index.html", []byte("x"))
	if werr == nil {
		t.Fatal("writing under a file succeeded")
	}
	d.Abort()
	got := d.Failed(werr).Error()
	for _, want := range []string{"writing 2018/index.html", "of the new site: ", target + " is as the last build left it"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q does not say %q", got, want)
		}
	}
	if strings.Contains(got, ".bulletin-stage") {
		t.Errorf("error %q names the staging folder, which is gone", got)
	}
	if s := read(t, filepath.Join(target, "index.html")); s != "old" {
		t.Errorf("the old site's index.html holds %q", s)
	}
	if _, err := os.Stat(filepath.Join(target, "2018")); err == nil {
		t.Error("the failed build's files reached the site")
	}
}
