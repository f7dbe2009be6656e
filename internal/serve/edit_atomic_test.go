//go:build unix

package serve

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// hidden lists the names under content/ that start with a dot: a save's
// temporary file, had it been left behind.
func hidden(t *testing.T, ts *testServer) []string {
	t.Helper()
	var left []string
	filepath.WalkDir(ts.path("content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") {
			left = append(left, p)
		}
		return nil
	})
	return left
}

// A save is atomic: the new text goes to a temporary file that is synced,
// then renamed over the article. A save that cannot be written in full
// (here the process may write no file past 200 bytes, so the temporary
// file is cut short mid-way, as on a full disk) fails with the reason,
// leaves the article byte for byte as it was and no temporary file behind;
// a new article cut short is not created; once it can be written, the
// same form saves. A save that succeeds leaves
// nothing beside the article either.
//
// The size limit is the whole process's: the test runs in a process of
// its own (this test binary run again), so that no other file the tests
// or "go test" write (its test log) is cut short.
func TestEditorSavesAtomically(t *testing.T) {
	if os.Getenv("BULLETIN_TEST_FSIZE") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestEditorSavesAtomically$", "-test.v")
		cmd.Env = append(os.Environ(), "BULLETIN_TEST_FSIZE=1")
		out, err := cmd.CombinedOutput()
		switch {
		case err != nil:
			t.Fatalf("%v:\n%s", err, out)
		case bytes.Contains(out, []byte("--- SKIP")):
			t.Skipf("%s", out)
		case !bytes.Contains(out, []byte("--- PASS: TestEditorSavesAtomically")):
			t.Fatalf("the test did not run:\n%s", out)
		}
		return
	}
	ts := start(t, map[string]string{"content/articles/a.md": yamlArticle})
	form := ts.editForm("articles/a.md")
	form.Set("body", strings.Repeat("Đoàn kiểm tra làm việc tại Đảng ủy Khối. ", 20))
	form.Set("action", "save")

	var was syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &was); err != nil {
		t.Skip("no file size limit here:", err)
	}
	cut := was
	cut.Cur = 200
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &cut); err != nil {
		t.Skip("cannot limit the size of files written:", err)
	}
	code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
	newCode, _, _ := ts.post("/_bulletin/edit/new", url.Values{"token": {form.Get("token")}, "action": {"save"}, "kind": {"news"},
		"title": {"Kiểm tra tại Huyện ủy"}, "date": {"09:00, 20/02/2019"}, "body": {form.Get("body")}}, nil)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &was); err != nil {
		t.Fatal(err)
	}
	if code != http.StatusInternalServerError || !strings.Contains(body, "too large") {
		t.Errorf("a save cut short: %d\n%s", code, body)
	}
	if got := ts.read("content/articles/a.md"); got != yamlArticle {
		t.Fatalf("a save cut short changed the article:\n%s", got)
	}
	if _, err := os.Stat(ts.path("content/articles/2019/kiem-tra-tai-huyen-uy.md")); newCode != http.StatusInternalServerError || err == nil {
		t.Errorf("a new article cut short: %d, and its file is there: %v", newCode, err == nil)
	}
	if left := hidden(t, ts); left != nil {
		t.Errorf("a save cut short left %v", left)
	}

	code, _, _ = ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if code != http.StatusSeeOther || !strings.Contains(ts.read("content/articles/a.md"), "Khối. Đoàn") {
		t.Fatalf("the save once it can be written: %d", code)
	}
	if left := hidden(t, ts); left != nil {
		t.Errorf("a save left %v", left)
	}
}
