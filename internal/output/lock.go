package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// A build holds its output's lock from NewDir until Commit or Abort. Two
// builds into one output at once share the folders beside it: a third
// could claim the replaced site (claim) while a second, swapping, removes
// it (keepPrev), and publish a site with files missing; and one removes a
// staging folder the other still writes into when both run in one
// process (removeStale). The lock is a file beside the target, private
// like the staging folder, that names the process holding it; the lock
// itself is the file system's (flock), let go when the process ends,
// however it ends. Where there is none (not Linux), builds are not kept
// apart.

// ErrBusy is the error NewDir wraps when another build into the same
// output is running.
var ErrBusy = errors.New("busy")

const lockPrefix = ".bulletin-lock-"

// lockTarget takes target's lock, or says which process holds it. The
// function it returns lets it go; it may be called more than once.
func lockTarget(target string) (unlock func(), err error) {
	path := filepath.Join(filepath.Dir(target), lockPrefix+filepath.Base(target))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("output: cannot make the lock file %s beside %s (%w)", path, target, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("output: locking %s: %w", path, err)
	}
	if !held {
		data, _ := os.ReadFile(path)
		f.Close()
		by := ""
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && alive(pid) {
			by = fmt.Sprintf(" (process %d)", pid)
		}
		return nil, fmt.Errorf("output: another build into %s is running%s: run this one when it has ended (%w)", target, by, ErrBusy)
	}
	// Who holds it, for the message of a build refused meanwhile.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return sync.OnceFunc(func() {
		f.Truncate(0) // no longer this process's
		f.Close()     // which lets the lock go
	}), nil
}
