// Package build is the pipeline, readable top to bottom in
// Builder.Prepare and Snapshot.Write:
//
//	config → layouts → content → assemble → static → markdown → photos   (Prepare: a Snapshot)
//	render → feeds → search → photos → static                             (Write: every file)
//
// Each step is a stage package; build is the only package that wires them.
// Every step is timed and every problem of every file is collected. A
// problem found while preparing stops the build before anything is
// written; one found while rendering (a layout failing on some page)
// stops it with part of the site in the sink, which the caller then
// throws away.
//
// A Snapshot makes any file of the site from the snapshot alone, so what
// it makes cannot be stale. A one-off build (Build) writes every file;
// the preview server makes the file a browser asks for. Into an output
// folder that keeps keys (output.Reuser), a one-off build writes each
// page with its key (render.Key), and links in, rather than renders, a
// page the last build made from the same key (reuse.go). With
// Options.Store it takes back the content files the last build decoded
// and the bodies it converted, whose files are unchanged, and keeps this
// build's for the next (store.go).
//
// The snapshot lists pages, generated files (feeds.go: the feeds, whose
// full text comes from the feed-entry partial, the sitemaps, robots.txt)
// and static files; stylesheets and scripts are listed under a
// fingerprinted name too, which pages link when Options.Fingerprint is set
// (bulletin build), and a site.yaml logo or share image that is not a
// file of the site is a problem.
//
// A Builder kept between builds (the preview server keeps one) remembers
// what each kind of change leaves as it was: the settings, the parsed
// layouts, each file's decoded content, each body's HTML, the static
// files. Changes says, by kind, what changed: a saved article is read
// again and nothing else is; layouts are parsed again only when one of
// them changed; a static file is read again alone. Each kept result is a
// function of the files it came from, which is what makes a snapshot
// equal to a cold build (the incremental tests check it over scripted and
// random edit sequences, layouts and static files included).
//
// A save that changed nothing of the site's articles but their bodies
// (bodies.go) skips the assembly: when every input of the assembly is as
// it was, the articles of the site already assembled get their new
// conversions (Article.SetBody, an atomic swap) and a new snapshot of
// that site is made. The snapshot before it then shows the new bodies
// too, from then on; the preview serves only the newest.
//
// The photos step (photos.go) publishes the JPEG and PNG files of static/
// that pages show, lead images and images in bodies, through the photo
// stage: the markdown step asks it about each body image as it converts,
// and the step then writes every width of every photo, made or taken from
// the cache folder (Options.PhotoCache), before the pages are rendered.
// The copy of static/ leaves out the originals it replaced.
//
// A panic in a build, on any of its goroutines (the stages start theirs
// with par, which carries a panic to the goroutine that waits), comes back
// from Prepare, Look, Write or File as an error, "internal error: …
// (please report this)", never as the end of the process (internal.go): a
// bug met on some input leaves the preview serving the last good site. A
// Builder whose Prepare panicked forgets all it kept and reads everything
// again next time, or at the next Look, so the editor in the browser goes
// on.
//
// The problems a build returns are ready for people (told): sorted,
// identical ones merged with a count, each with the text of its line read
// back from the site or the theme.
//
// It imports every stage: config, content, markdown, assemble, photo,
// render, feed, output, diag, model, text, input, par.
package build
