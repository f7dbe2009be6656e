//go:build unix

package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A build killed at any instant leaves the old site or the new one, whole,
// and the next build leaves no staging folder: the proof kills the real
// command (built by the test) on a site of a few thousand articles at
// random instants, with SIGKILL, SIGINT (Ctrl-C) and SIGTERM (what a
// service manager or a CI runner sends), and compares the output
// with the two sites file by file. It knows nothing of how the output is
// written: only that a site is what a complete build leaves.
func TestKilledBuildsLeaveTheOldSiteOrTheNew(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a site of 2,000 articles")
	}
	bin := filepath.Join(t.TempDir(), "bulletin")
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := largeSite(t, 2000)
	public := filepath.Join(site, "public")
	title := func(name string) {
		os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: "+name+"\nbase_url: https://kiemtra.example.vn/\n"), 0o644)
	}
	build := func(args ...string) time.Duration {
		t.Helper()
		start := time.Now()
		if out, err := exec.Command(bin, append([]string{"build", "-source", site}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("build %v: %v\n%s", args, err, out)
		}
		return time.Since(start)
	}
	// The two sites: A in public, B built elsewhere once.
	title("Tin kiểm tra A")
	build()
	sites := map[string]map[string][32]byte{"A": manifest(t, public)}
	title("Tin kiểm tra B")
	elsewhere := filepath.Join(t.TempDir(), "out")
	took := build("-out", elsewhere)
	sites["B"] = manifest(t, elsewhere)
	if len(sites["A"]) < 2000 || len(sites["A"]) != len(sites["B"]) {
		t.Fatalf("sites of %d and %d files", len(sites["A"]), len(sites["B"]))
	}

	seed := uint64(time.Now().UnixNano())
	rnd := rand.New(rand.NewPCG(seed, 0))
	t.Logf("a build takes %v; random instants from seed %d", took.Round(time.Millisecond), seed)
	var log []string
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT, syscall.SIGTERM} {
		current, next := "A", "B"
		if whole(manifest(t, public), sites) == "B" {
			current, next = "B", "A"
		}
		outcomes := map[string]int{}
		for i := range 6 {
			title("Tin kiểm tra " + next)
			cmd := exec.Command(bin, "build", "-source", site)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			at := signalAt(rnd, i%3, took, site, public, cmd)
			cmd.Process.Signal(sig)
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var err error
			select {
			case err = <-exited:
			case <-time.After(30 * time.Second): // a hang, not a measure
				cmd.Process.Kill()
				t.Fatalf("%v at %v: the build has not ended 30 s later", sig, at)
			}
			got := whole(manifest(t, public), sites)
			log = append(log, fmt.Sprintf("%v %s: site %s", sig, at, got))
			switch {
			case got == "":
				t.Fatalf("%v at %v: public is neither site whole", sig, at)
			case got != current && got != next:
				t.Fatalf("%v at %v: public is site %s", sig, at, got)
			}
			if sig != syscall.SIGKILL {
				// A clean stop: exit 130 (or 0 if it had finished), and the
				// staging folder gone at once.
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				}
				if code != 130 && code != 0 || code == 130 && got != current {
					t.Errorf("%v at %v: exit %d with site %s", sig, at, code, got)
				}
				if left := staged(t, site); len(left) > 0 {
					t.Errorf("%v at %v: staging folders left: %v", sig, at, left)
				}
			}
			outcomes[map[bool]string{true: "new", false: "old"}[got == next]]++
			if got == next {
				current, next = next, current
			}
		}
		t.Logf("%v at 6 instants: the old site %d times, the new %d", sig, outcomes["old"], outcomes["new"])
	}
	t.Logf("signals:\n%s", strings.Join(log, "\n"))
	// The next build completes and leaves no staging folder behind.
	build()
	if left := staged(t, site); len(left) > 0 {
		t.Errorf("staging folders left after a complete build: %v", left)
	}
	if got := whole(manifest(t, public), sites); got != strings.TrimPrefix(readTitle(t, site), "Tin kiểm tra ") {
		t.Errorf("after the last build public is site %q", got)
	}
}

// signalAt waits for the instant to signal the build at, by one of three
// ways, and says which it was: a random instant of the build; a random
// instant after it began to write (its staging folder appeared); the
// instant the new site is swapped in (public is another folder), while the
// old one is being removed. Polling keeps the last two right whatever the
// machine's load.
func signalAt(rnd *rand.Rand, way int, took time.Duration, site, public string, cmd *exec.Cmd) string {
	start := time.Now()
	switch way {
	case 0:
		time.Sleep(time.Duration(rnd.Float64() * 1.2 * float64(took)))
		return fmt.Sprintf("%v in", time.Since(start).Round(time.Millisecond))
	case 1:
		for !writing(site) && time.Since(start) < 3*took {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(rnd.Float64() * 0.5 * float64(took)))
		return fmt.Sprintf("%v in, while writing", time.Since(start).Round(time.Millisecond))
	}
	ino := inode(public)
	for inode(public) == ino && time.Since(start) < 3*took {
		time.Sleep(100 * time.Microsecond)
	}
	return fmt.Sprintf("%v in, at the swap", time.Since(start).Round(time.Millisecond))
}

// writing reports whether a build has begun to write pages into its
// staging folder.
func writing(site string) bool {
	for _, stage := range stagedIn(site) {
		if entries, _ := os.ReadDir(stage); len(entries) > 1 {
			return true
		}
	}
	return false
}

func inode(p string) uint64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// largeSite writes a site of n articles across years, projects, team
// leads, units and tags, with bodies of a few kilobytes.
func largeSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	para := "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy đã làm việc với Đảng ủy về kết quả thực hiện Đề án số 01-ĐA/TU, " +
		"Quyết định 4950/QĐ-UBND và các văn bản hướng dẫn; quán triệt đến 100% chi bộ, đảng bộ cơ sở trực thuộc.\n\n"
	for i := range n {
		year := 2015 + i%10
		body := fmt.Sprintf("---\ntitle: Kiểm tra thực hiện đề án số %d\ndate: %d-%02d-%02d\nteam_lead: Đồng chí %d\n"+
			"inspected_unit: Đảng ủy xã %d\ndocuments: [%02d-ĐA/TU]\ntags: [dân vận, đợt %d]\n---\n%s- Kết quả %d\n- Hạn chế\n\n| Nội dung | Số lượng |\n| --- | ---: |\n| Chi bộ | %d |\n",
			i, year, i%12+1, i%28+1, i%60, i%150, i%40+1, i%20, strings.Repeat(para, 8), i, i)
		p := filepath.Join(dir, "content", "articles", fmt.Sprint(year), fmt.Sprintf("bai-%04d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// manifest hashes every file of a built site but its marker, which is the
// build's note to itself rather than part of the site.
func manifest(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".bulletin-output" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(data)
		return nil
	})
	return out
}

// whole names the site m is, file for file, or "".
func whole(m map[string][32]byte, sites map[string]map[string][32]byte) string {
	for name, s := range sites {
		if len(s) == len(m) {
			same := true
			for p, sum := range s {
				if m[p] != sum {
					same = false
					break
				}
			}
			if same {
				return name
			}
		}
	}
	return ""
}

// staged lists the staging folders beside public.
func staged(t *testing.T, site string) []string {
	t.Helper()
	return stagedIn(site)
}

func stagedIn(site string) []string {
	m, _ := filepath.Glob(filepath.Join(site, ".bulletin-stage-*"))
	return m
}

func readTitle(t *testing.T, site string) string {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(site, "site.yaml"))
	first, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimPrefix(first, "title: ")
}
