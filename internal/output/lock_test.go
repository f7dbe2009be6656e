package output

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// One build at a time into an output: a second is refused while the first
// runs, naming the output and the process that builds it, and takes
// nothing from it (its staging folder stays, the site is the first's);
// once the first has committed or aborted, the next goes ahead.
func TestOneBuildAtATimeIntoAnOutput(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("builds are kept apart by flock, on Linux")
	}
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, map[string]string{"index.html": "one"}).Commit(); err != nil {
		t.Fatal(err)
	}
	first := build(t, target, map[string]string{"index.html": "two", "a.html": "a"})
	second, err := NewDir(target, nil)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("a second build at once: %v, %v; want ErrBusy", second, err)
	}
	for _, want := range []string{target, "process " + strconv.Itoa(os.Getpid())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %q: %v", want, err)
		}
	}
	if _, err := os.Stat(first.stage); err != nil {
		t.Errorf("the running build's staging folder: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, target); names(got) != "a.html=a index.html=two" {
		t.Errorf("after the first build: %s", names(got))
	}
	third := build(t, target, map[string]string{"index.html": "three"})
	third.Abort()
	if err := build(t, target, map[string]string{"index.html": "four"}).Commit(); err != nil {
		t.Fatalf("after a build that committed and one that aborted: %v", err)
	}
	if read(t, filepath.Join(target, "index.html")) != "four" {
		t.Error("the last build's site is not in place")
	}
	// The lock is the output's, not its folder's: another output beside it
	// builds meanwhile.
	hold := build(t, target, nil)
	defer hold.Abort()
	other, err := NewDir(filepath.Join(filepath.Dir(target), "public-en"), nil)
	if err != nil {
		t.Fatalf("an output beside it: %v", err)
	}
	other.Abort()
}
