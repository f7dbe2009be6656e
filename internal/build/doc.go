// Package build is the pipeline, readable top to bottom in Build:
//
//	config → layouts → content → assemble → markdown → photos → render → feeds → static
//
// Each step is a stage package; build is the only package that wires them.
// Every step is timed and every problem of every file is collected. A
// problem found while loading stops the build before anything is written;
// one found while rendering (a layout failing on some page) stops it with
// part of the site in the sink, which the caller then throws away.
//
// A Builder kept between builds (the preview server keeps one) remembers
// each file's decoded content, each body's HTML and each page's signature:
// the hash of everything its layout can show. A page whose signature has not
// changed is not rendered again; its previous bytes are reused, so a
// rebuild after a save renders the edited article and the pages that list
// it, and gives the bytes a cold build would.
//
// The photos step (photos.go) publishes the JPEG and PNG files of static/
// that pages show, lead images and images in bodies, through the photo
// stage: the markdown step asks it about each body image as it converts,
// and the step then writes every width of every photo, made or taken from
// the cache folder (Options.PhotoCache), before the pages are rendered.
// The copy of static/ leaves out the originals it replaced.
//
// It imports every stage: config, content, markdown, assemble, photo,
// render, feed, output, diag, model, text.
package build
