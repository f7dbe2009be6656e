package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// marker is written into every site a Dir builds. A Dir replaces an
// existing non-empty folder only when it carries the marker, so a mistyped
// -out can never wipe a folder of someone's own files.
const marker = ".bulletin-output"

const stagePrefix = ".bulletin-stage-"

// ErrNotOurs is the error NewDir wraps when the target holds files that a
// build did not write (or is not a folder): a mistake in the command line,
// not in the site.
var ErrNotOurs = errors.New("not an output folder of bulletin")

// Dir is a Sink that writes into a staging folder beside Target; Commit
// swaps it in.
type Dir struct {
	Target string
	stage  string
	mu     sync.Mutex
	dirs   map[string]bool
}

// NewDir prepares a staging folder beside target. It refuses a target that
// exists and is not a folder a previous build wrote.
func NewDir(target string) (*Dir, error) {
	target = filepath.Clean(target)
	if err := checkTarget(target); err != nil {
		return nil, err
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	removeStale(parent, filepath.Base(target))
	stage, err := os.MkdirTemp(parent, fmt.Sprintf("%s%s-%d-", stagePrefix, filepath.Base(target), os.Getpid()))
	if err != nil {
		return nil, fmt.Errorf("output: cannot make the staging folder beside %s (%w): the new site is written beside the old one and swapped in, so the folder %s must be writable", target, err, parent)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, fmt.Errorf("output: %w", err)
	}
	d := &Dir{Target: target, stage: stage, dirs: map[string]bool{}}
	if err := d.Write(marker, []byte("This folder was written by bulletin build; the next build replaces it whole.\n")); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	return d, nil
}

func checkTarget(target string) error {
	fi, err := os.Stat(target)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output: %s exists and is not a folder: %w", target, ErrNotOurs)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(target, marker)); err != nil {
		return fmt.Errorf("output: %s is not empty and was not written by bulletin (no %s file): refusing to replace it; choose another -out or empty it yourself (%w)", target, marker, ErrNotOurs)
	}
	return nil
}

// removeStale deletes staging folders left by builds that were killed.
// Each name carries the id of the process that made it, so the folder of
// a build still running beside this one is left alone.
func removeStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	prefix := stagePrefix + base + "-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !e.IsDir() || !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		if pid, err := strconv.Atoi(pidText); err == nil && pid != os.Getpid() && alive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Write writes data to name inside the staging folder.
func (d *Dir) Write(name string, data []byte) error {
	if !validName(name) {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	full := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit makes the staged site the target. On Linux the two folders are
// exchanged in one step, so at every instant the target is either the old
// site or the new one; elsewhere the old one is moved aside first.
func (d *Dir) Commit() error {
	if _, err := os.Stat(d.Target); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(d.stage, d.Target); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		return nil
	}
	if err := exchange(d.stage, d.Target); err == nil {
		return os.RemoveAll(d.stage) // it now holds the old site
	}
	old := d.stage + ".old"
	if err := os.Rename(d.Target, old); err != nil {
		d.Abort()
		if errors.Is(err, syscall.EBUSY) {
			return fmt.Errorf("output: %s is a mount point, which cannot be swapped for the new site: give -out a folder inside it (%w)", d.Target, err)
		}
		return fmt.Errorf("output: moving the previous site aside: %w", err)
	}
	if err := os.Rename(d.stage, d.Target); err != nil {
		os.Rename(old, d.Target)
		d.Abort()
		return fmt.Errorf("output: %w", err)
	}
	return os.RemoveAll(old)
}

// Abort removes the staging folder and leaves the target as it was.
func (d *Dir) Abort() { os.RemoveAll(d.stage) }
