package content

import (
	"io/fs"
	"syscall"
)

// changed is the file's status-change time (ctime), in nanoseconds, and
// its inode: what a copy that keeps the modification time (cp -p, rsync
// -t, touch -d) or a file replaced by a rename cannot keep. Zero when the
// file system does not say (a test's fstest.MapFS).
func changed(info fs.FileInfo) (ctime int64, ino uint64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return st.Ctim.Nano(), st.Ino
}
