// Package serve is the preview server behind "bulletin serve": an editor
// saves a file and sees the page as readers will, without touching the
// browser.
//
// One goroutine owns an incremental build.Builder. Each build writes the
// whole site into a fresh output.Memory; only a build that succeeds is
// swapped in, atomically, so a request sees either the previous site or
// the new one, never a half-built one. A failed build keeps the last good
// site on screen and shows its problems in an overlay; when the first build
// fails there is no good site yet, and every page is an error page that
// recovers by itself.
//
// The pieces, one file each:
//
//	watch.go     fsnotify on site.yaml, content/, layouts/, static/, folders added later too
//	ignore.go    the editor's swap, backup and probe files that are not changes
//	debounce.go  a burst of events (rename-save, git checkout) becomes one rebuild
//	server.go    Config, Server, the build loop and the generation counter
//	handler.go   HTTP: path checks, index.html, redirects, 404, ETag, HEAD
//	mime.go      Content-Type by extension, independent of the machine
//	events.go    Server-Sent Events to open pages: which files each build changed
//	inject.go    the live-reload script, added to served HTML only
//	errorpage.go the page shown while no build has succeeded yet
//
// The script (live.js) reloads a page only when a build that changed it has
// been swapped in, swaps stylesheets in place when only CSS changed, and
// otherwise leaves the page alone. All tabs of the preview share one event
// stream, held by one tab and passed on to the others: a browser gives a
// host only six connections over HTTP/1.1.
//
// It imports build, output, diag and the standard library, and fsnotify.
package serve
