// Package input reads the site's files for the stages that read them, so
// that no file can hang a build or exhaust its memory:
//
//   - only regular files are read: opening a named pipe waits for a writer
//     that never comes, and /dev/zero (or a link to it) never ends;
//   - a file larger than its limit (max_file_size for content and imported
//     texts) is refused, before it is read, from its size;
//   - a read stops between chunks as soon as its context is done, so the
//     first Ctrl-C or SIGTERM ends a build promptly.
//
// Problem turns what went wrong into the problem an editor reads, with its
// code from the registry in diag.
//
// It imports diag and the standard library.
package input
