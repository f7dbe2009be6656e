package main

import (
	"fmt"
	"hash/crc64"
	"os"
	"path/filepath"
	"time"
)

// storeFile is the file a build into out keeps its store in (build.Options.Store:
// each content file decoded and each body converted, for the next build), or ""
// when there is no cache folder. It lies in the user's cache folder
// ($BULLETIN_CACHE_DIR/store, else ~/.cache/bulletin/store on Linux), named by the
// output folder's absolute path, never beside the output: an output inside a web
// server's root (-out /var/www/html/kiem-tra) would have a file beside it served,
// and the store holds the frontmatter of drafts and of articles not out yet.
func storeFile(out string) string {
	root := os.Getenv("BULLETIN_CACHE_DIR")
	if root == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(d, "bulletin")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	sum := crc64.Checksum([]byte(abs), crc64.MakeTable(crc64.ECMA))
	return filepath.Join(root, "store", fmt.Sprintf("%s-%016x", filepath.Base(abs), sum))
}

// storeUnused is how long a store no build has used is kept. There is one
// for each output folder ever built (a server building into a new folder
// each day, -out $(mktemp -d), would gather one a day, each about as
// large as content/), so a build removes the others' once they are this
// old: a store is a cache, and one removed costs the build that wanted it
// the time to read everything.
const storeUnused = 30 * 24 * time.Hour

// tidyStores marks the store of the build into out as used (a build with
// nothing to do writes none of its files) and removes from the store
// folder the files of every store whose files, those a build writes
// aside (.tmp) included, were all last written more than storeUnused ago.
func tidyStores(store string, now time.Time) {
	if store == "" {
		return
	}
	for _, f := range []string{store, store + ".inputs", store + ".stamps"} {
		os.Chtimes(f, time.Time{}, now)
	}
	dir := filepath.Dir(store)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	last := map[string]time.Time{} // by store name: when one of its files was last written
	files := map[string][]string{}
	for _, e := range entries {
		name := storeOf(e.Name())
		if name == "" || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if fi.ModTime().After(last[name]) {
			last[name] = fi.ModTime()
		}
		files[name] = append(files[name], e.Name())
	}
	for name, at := range last {
		if name == filepath.Base(store) || now.Sub(at) <= storeUnused {
			continue
		}
		for _, f := range files[name] {
			os.Remove(filepath.Join(dir, f))
		}
	}
}

// storeOf is the store a file of the store folder belongs to (storeFile's
// name: the output folder's name, a dash and 16 hex digits), or "".
func storeOf(file string) string {
	for i := 0; i+17 <= len(file); i++ {
		if file[i] != '-' || !isHex(file[i+1:i+17]) {
			continue
		}
		if rest := file[i+17:]; rest == "" || rest[0] == '.' {
			return file[:i+17]
		}
	}
	return ""
}

func isHex(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
