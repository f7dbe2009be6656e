// Package build is the pipeline, readable top to bottom in Build:
//
//	config → layouts → content → assemble → markdown → render → feeds → static
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
// The problems a build returns are ready for people (told): sorted,
// identical ones merged with a count, each with the text of its line read
// back from the site or the theme.
//
// It imports every stage: config, content, markdown, assemble, render,
// feed, output, diag, model, text, input.
package build
