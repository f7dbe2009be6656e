package main

import (
	"fmt"
	"hash/crc64"
	"os"
	"path/filepath"
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
