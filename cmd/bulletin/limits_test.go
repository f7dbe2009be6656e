//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// promptly runs a command and fails the test if it does not return in a
// while: a named pipe or /dev/zero used to hang a build, not fail it.
func promptly(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := bulletin(args...)
		done <- result{c, o, e}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(30 * time.Second):
		t.Fatalf("bulletin %v still runs after 30 s", args)
		return 0, "", ""
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
}

// A named pipe, a link to /dev/zero and a file over max_file_size among
// the site's files are each an error naming the file; the build ends at
// once, and the site of the last build stays whole.
func TestBuildRefusesWhatIsNotARegularFileOrTooLarge(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article, "site.yaml": "max_file_size: 1 KB\n"})
	if code, _, errs := promptly(t, "build", "-source", dir); code != 0 {
		t.Fatal(errs)
	}
	page := filepath.Join(dir, "public/2018/08/kiem-tra-dan-van/index.html")
	before, _ := os.ReadFile(page)

	mkfifo(t, filepath.Join(dir, "content/articles/pipe.md"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "content/articles/zero.md")); err != nil {
		t.Fatal(err)
	}
	big := strings.Replace(strings.Replace(article, "Nội dung.", strings.Repeat("Nội dung. ", 200), 1), "title: Kiểm tra", "title: Giám sát", 1)
	os.WriteFile(filepath.Join(dir, "content/articles/big.md"), []byte(big), 0o644)
	os.MkdirAll(filepath.Join(dir, "static", "css"), 0o755)
	mkfifo(t, filepath.Join(dir, "static/css/pipe.css"))
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.Symlink("/dev/zero", filepath.Join(dir, "layouts/zero.html"))
	os.Remove(filepath.Join(dir, "site.yaml"))
	mkfifo(t, filepath.Join(dir, "site.yaml"))

	code, _, errs := promptly(t, "build", "-source", dir)
	for _, want := range []string{
		dir + "/site.yaml: not a regular file but a named pipe (FIFO) (bulletin reads only regular files: put the file itself here, or move this out of the site)",
		dir + "/content/articles/pipe.md: not a regular file but a named pipe (FIFO)",
		dir + "/content/articles/zero.md: not a regular file but a device",
		dir + "/layouts/zero.html: not a regular file but a device",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	// With settings that can be read, the limit of site.yaml applies.
	os.Remove(filepath.Join(dir, "site.yaml"))
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("max_file_size: 1 KB\n"), 0o644)
	os.Remove(filepath.Join(dir, "content/articles/pipe.md"))
	os.Remove(filepath.Join(dir, "content/articles/zero.md"))
	os.Remove(filepath.Join(dir, "layouts/zero.html"))
	code, _, errs = promptly(t, "build", "-source", dir)
	if want := dir + "/content/articles/big.md: the file is 2.4 KB, more than the limit of 1 KB (split it, or raise max_file_size in site.yaml if it is meant to be this large)"; code != 1 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errs)
	}
	// Raised, the limit lets the long article in; static/ is read next.
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("max_file_size: 3 KB\n"), 0o644)
	code, _, errs = promptly(t, "build", "-source", dir)
	if want := dir + "/static/css/pipe.css: not a regular file but a named pipe (FIFO)"; code != 1 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errs)
	}
	if after, _ := os.ReadFile(page); !bytes.Equal(before, after) || len(before) == 0 {
		t.Error("the site of the last build changed")
	}
	os.Remove(filepath.Join(dir, "static/css/pipe.css"))
	if code, _, errs := promptly(t, "build", "-source", dir); code != 0 {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// import reads plain-text files: /dev/zero and a named pipe are refused at
// once (import /dev/zero grew to 7 GB), and so is a text over the limit.
func TestImportRefusesWhatIsNotARegularFileOrTooLarge(t *testing.T) {
	dir := writeSite(t, map[string]string{"site.yaml": "max_file_size: 1 KB\n", "content/articles/a.md": article})
	pipe := filepath.Join(t.TempDir(), "ban-tin.txt")
	mkfifo(t, pipe)
	long := filepath.Join(t.TempDir(), "dai.txt")
	os.WriteFile(long, []byte("Kiểm tra\n16:41, 06/08/2018\n\n"+strings.Repeat("Đoàn kiểm tra làm việc. ", 100)), 0o644)

	code, _, errs := promptly(t, "import", "-source", dir, "/dev/zero", pipe, long)
	for _, want := range []string{
		"bulletin: /dev/zero: not a regular file but a device\n",
		"bulletin: " + pipe + ": not a regular file but a named pipe (FIFO)\n",
		"bulletin: " + long + ": the file is 3.1 KB, more than the limit of 1 KB\n",
		"bulletin: 3 of 3 files not imported",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "content/articles/*/*.md")); len(m) != 0 {
		t.Errorf("written: %v", m)
	}
}

// Ctrl-C during import ends it between files, with exit status 130.
func TestInterruptedImport(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/articles/a.md": article})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e bytes.Buffer
	err := run(ctx, []string{"import", "-source", dir, filepath.Join("testdata", "ban-tin-tan-cuong.txt")}, &o, &e)
	if code := exitCode(err); code != 130 || !strings.Contains(e.String(), "interrupted: 0 of 1 files imported") {
		t.Errorf("exit %d: %s", code, e.String())
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "content/articles/*/*.md")); len(m) != 0 {
		t.Errorf("written: %v", m)
	}
	err = run(ctx, []string{"check", "-source", dir}, &o, &e)
	if code := exitCode(err); code != 130 {
		t.Errorf("check: exit %d: %s", code, e.String())
	}
}
