package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// The marker file doubles as the manifest of the build that wrote the
// folder: a header line, then every file it wrote, one per line. A file
// in the folder that the manifest does not list was put there by someone
// else (a deploy repository's .git, a CNAME, an uploaded PDF): the next
// build carries it over when the site keeps it, and refuses to run
// otherwise, since swapping the new site in would delete it.
const manifestHeader = "# bulletin output manifest v1: the files below were written by bulletin build; any other file here stops the next build unless site.yaml keeps it"

// legacyMarker starts the marker of builds made before the manifest: they
// recorded nothing of what they wrote.
const legacyMarker = "This folder was written by bulletin build"

// AlwaysKept lists what every build carries over without being asked: a
// deploy repository in the output folder is a common habit, and losing
// its history is never what anyone wants.
var AlwaysKept = []string{".git"}

// manifest is what the marker of an existing output says.
type manifest struct {
	files  map[string]bool
	dirs   map[string]bool // every folder that holds a listed file
	legacy bool            // written before manifests: nothing is known
}

func readManifest(target string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(target, marker))
	if err != nil {
		return nil, err
	}
	m := &manifest{files: map[string]bool{}, dirs: map[string]bool{}}
	if !bytes.HasPrefix(data, []byte(manifestHeader[:20])) {
		if bytes.HasPrefix(data, []byte(legacyMarker)) {
			m.legacy = true
			return m, nil
		}
		return nil, fmt.Errorf("%s is not a manifest bulletin wrote", filepath.Join(target, marker))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m.files[line] = true
		for d := path.Dir(line); d != "."; d = path.Dir(d) {
			m.dirs[d] = true
		}
	}
	return m, sc.Err()
}

// manifestData is the marker of a build that wrote names.
func manifestData(names map[string]bool) []byte {
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	var b bytes.Buffer
	b.WriteString(manifestHeader)
	b.WriteByte('\n')
	for _, n := range list {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// foreign walks target and returns, as slash paths, the entries that the
// build which wrote it did not write: a folder none of whose files it
// wrote is one entry ("uploads"), unless a kept path lies inside it. ours
// says whether a file is the build's.
func foreign(target string, ours func(string) bool, isDir func(string) bool, keep []string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(target, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".", rel == marker:
			return nil
		case d.IsDir() && (isDir(rel) || holdsKept(rel, keep) && !kept(rel, keep)):
			return nil // look inside
		case !d.IsDir() && ours(rel):
			return nil
		}
		if d.IsDir() {
			out = append(out, rel+"/")
			return fs.SkipDir
		}
		out = append(out, rel)
		return nil
	})
	return out, err
}

// kept reports whether rel is, or lies inside, a path the site keeps.
func kept(rel string, keep []string) bool {
	rel = strings.TrimSuffix(rel, "/")
	for _, k := range keep {
		if rel == k || strings.HasPrefix(rel, k+"/") {
			return true
		}
	}
	return false
}

// holdsKept reports whether a kept path lies strictly inside folder rel.
func holdsKept(rel string, keep []string) bool {
	for _, k := range keep {
		if strings.HasPrefix(k, rel+"/") {
			return true
		}
	}
	return false
}

// ErrForeign is what the error of a build whose output folder holds files
// bulletin did not write, and the site does not keep, matches.
var ErrForeign = errors.New("the output folder holds files bulletin did not write")

// foreignError names those files, a line each, and says what to do.
type foreignError struct {
	target string
	names  []string // slash paths; folders end with "/"
	legacy bool
}

func (e *foreignError) Is(target error) bool { return target == ErrForeign }

func (e *foreignError) Error() string {
	const show = 20
	var b strings.Builder
	why := "that bulletin did not write"
	if e.legacy {
		why = "that this build does not write (an older bulletin wrote the folder and kept no list of its files)"
	}
	fmt.Fprintf(&b, "%s holds files %s, and a build replaces the folder whole:\n", e.target, why)
	for i, n := range e.names {
		if i == show {
			fmt.Fprintf(&b, "  and %d more\n", len(e.names)-show)
			break
		}
		fmt.Fprintf(&b, "  %s\n", n)
	}
	fmt.Fprintf(&b, "Move them out of %s, or list them under keep: in site.yaml to carry them into every build (%s is always kept).",
		e.target, strings.Join(AlwaysKept, ", "))
	return b.String()
}
