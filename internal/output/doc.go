// Package output writes a built site. A Dir builds the new site in a
// staging folder beside the target and swaps it in only when the build is
// complete, so a failed or interrupted build leaves the previous site whole.
// The site a swap replaces is kept beside the target
// (.bulletin-prev-public), and the next Dir recycles it as its staging
// folder, bringing it up to date (recycle.go): the work of a rebuild is
// then in proportion to what changed, not to the site. One Dir at a time
// holds an output (lock.go): builds beside each other would share those
// folders.
//
// A Dir is a Reuser: each file's key (what it was made from, a page's
// render key) goes into the manifest, and the next build's Reuse links
// the file of the same key in, checked against what was written, rather
// than have it made again: by the file's stamp, kept in the cache folder
// (Dir.Stamps) once a build found its bytes right, or else read back
// (stamps.go). With Gzip set, a Dir also writes a
// deterministic .gz copy beside each text file but those under GzipSkip,
// for a server's gzip_static (gzip.go). A Memory holds a site in memory
// (the tests' sink).
//
// It imports diag, par (Current reads the files back on every processor)
// and the standard library (and golang.org/x/sys/unix for
// the atomic exchange of two folders on Linux, and
// github.com/klauspost/compress for the gzip copies).
package output
