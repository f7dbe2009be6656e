package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// The folders whose files make the site, watched recursively, and the
// settings file beside them. Anything else in the site folder (public/,
// .git/, notes) is not the site's input and never causes a rebuild.
var (
	watchedDirs = []string{"content", "layouts", "static"}
	configFile  = "site.yaml"
)

// change is one path that changed, site-relative and slash-separated, or
// the news that events were lost (the kernel's queue overflowed): then the
// next build must look at everything.
type change struct {
	path string
	lost bool
}

// watcher turns fsnotify's events under the site folder into the
// slash-separated, site-relative paths of changes worth a rebuild.
//
// inotify watches one folder, not a tree, so each folder is added on its
// own, and a folder created later (a new year of articles, or content/
// itself in a site started empty) is added when its creation is seen. The
// site folder is watched too, without its subfolders, for site.yaml and for
// the creation of content/, layouts/ and static/.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
	errs func(error)

	// dirs are the folders watched, by path. Only the run goroutine (and
	// newWatcher before it) touches it.
	dirs map[string]bool

	// failing reports whether the last build failed. A change of mode
	// alone is then worth a rebuild: the build may have failed on a file
	// it could not read, which chmod has just made readable.
	failing func() bool
}

func newWatcher(root string, errs func(error)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, errs: errs, dirs: map[string]bool{}}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder under it. A folder that vanishes
// while being walked is not an error: its deletion is an event of its own.
//
// dir itself may be a symbolic link (content/ kept elsewhere and linked
// in), which the build follows: the tree is walked where the link leads,
// and watched under dir's name, so events name paths in the site.
func (w *watcher) addTree(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return
	}
	filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(real, p)
		if err != nil {
			return nil
		}
		name := filepath.Join(dir, rel)
		if err := w.fsw.Add(name); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.errs(err)
			}
			return nil
		}
		w.dirs[name] = true
		return nil
	})
}

// run forwards relevant changes to out until ctx is done.
func (w *watcher) run(ctx context.Context, out chan<- change) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if rel, ok := w.relevant(ev); ok {
				select {
				case out <- change{path: rel}:
				case <-ctx.Done():
					return
				}
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Folders may have been created unseen: add them all again.
				for _, d := range watchedDirs {
					w.addTree(filepath.Join(w.root, d))
				}
			} else {
				w.errs(err)
			}
			// Events may have been lost: the next build must look at
			// everything rather than at the changes reported.
			select {
			case out <- change{lost: true}:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant returns the site-relative path of an event that may change the
// site, watching any folder it creates.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	// A change of mode alone (touch, chmod, vim setting permissions back)
	// leaves the bytes as they were, unless the last build could not
	// read them.
	if ev.Op == fsnotify.Chmod && (w.failing == nil || !w.failing()) {
		return "", false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if rel != configFile && !isWatchedDir(top) {
		return "", false
	}
	if ignored(rel) {
		return "", false
	}
	// A new folder is watched, with what it holds. A link to a folder is
	// followed where the build reads through one (content/, a section,
	// static/), not inside a section: the build does not read it, and a
	// link to the folder the preview writes into made it rebuild without
	// end.
	if ev.Has(fsnotify.Create) {
		if fi, err := statFollowing(ev.Name, rel); err == nil && fi.IsDir() {
			w.addTree(ev.Name)
		}
	}
	// A watched folder renamed or removed: its watches, and those of the
	// folders under it, are dropped, so that the new name (its Create
	// follows) is watched afresh. Kept, they would go on under the old
	// names: fsnotify neither renames a folder's watch nor those under it,
	// and drops the moved folder's own watch a moment later anyway.
	if (ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove)) && w.dirs[ev.Name] {
		w.forget(ev.Name)
		if fi, err := statFollowing(ev.Name, rel); err == nil && fi.IsDir() {
			w.addTree(ev.Name) // renamed and back again at once
		}
	}
	return rel, true
}

// forget stops watching dir and every folder under it.
func (w *watcher) forget(dir string) {
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			if err := w.fsw.Remove(d); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) {
				w.errs(err)
			}
			delete(w.dirs, d)
		}
	}
}

func isWatchedDir(name string) bool {
	for _, d := range watchedDirs {
		if d == name {
			return true
		}
	}
	return false
}

func (w *watcher) close() error { return w.fsw.Close() }

// statFollowing stats name, the site's rel, through a link where the build
// reads through one: content/ and its sections, layouts/, and static/
// (whose linked folders it publishes); inside a section of content/, the
// link itself.
func statFollowing(name, rel string) (os.FileInfo, error) {
	if strings.HasPrefix(rel, "content/") && strings.Count(rel, "/") > 1 {
		return os.Lstat(name)
	}
	return os.Stat(name)
}
