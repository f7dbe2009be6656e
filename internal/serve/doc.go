// Package serve is the preview server behind "bulletin serve": an editor
// saves a file and sees the page as readers will, without touching the
// browser.
//
// One goroutine owns a preview build.Builder. Each build prepares a
// build.Snapshot: the site loaded (only the files the watcher saw change
// are read again), assembled and converted, with its layouts, and nothing
// rendered. Only a build that succeeds is swapped in, atomically, so a
// request sees either the previous site or the new one, never a
// half-built one. A page is made from the current snapshot when a browser
// asks for it, so it cannot be stale, whatever its layout shows. A failed
// build keeps the last good site on screen and shows its problems in an
// overlay; when the first build fails there is no good site yet, and every
// page is an error page that recovers by itself. A layout that fails on
// one page leaves that page as it was last served, under the problems.
//
// The pieces, one file each:
//
//	watch.go     fsnotify on site.yaml, content/, layouts/, static/, folders added later too
//	ignore.go    the editor's swap, backup and probe files that are not changes
//	debounce.go  a burst of events (rename-save, git checkout) becomes one rebuild
//	server.go    Config, Server, the build loop and the generation counter
//	handler.go   HTTP: path checks, index.html, redirects, 404, ETag, HEAD
//	mime.go      Content-Type by extension, independent of the machine
//	events.go    Server-Sent Events to open pages, and each page's question: am I stale?
//	inject.go    the live-reload script, added to served HTML only
//	errorpage.go the page shown while no build has succeeded, or no page can be made
//	edit.go      the editor in the browser (package editor), on a loopback address only
//	survive.go   a panic on a goroutine of the server is logged, not the end of the process
//
// After each build, the script (live.js) swaps changed stylesheets in
// place and asks the server whether its own page changed: the server makes
// the page from the new snapshot and compares the hash of its bytes with
// the hash the page was served with. Only a page whose bytes changed
// shows new ones: it fetches itself and swaps its head and body in place,
// or reloads if it has scripts of its own (or a noscript) or its stylesheets changed. All tabs of the preview share one event
// stream, held by one tab and passed on to the others: a browser gives a
// host only six connections over HTTP/1.1.
//
// It imports build, diag, editor and the standard library, and fsnotify.
package serve
