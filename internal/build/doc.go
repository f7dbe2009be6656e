// Package build is the pipeline, readable top to bottom in Build:
//
//	config → layouts → content → assemble → markdown → render → feeds → static
//
// Each step is a stage package; build is the only package that wires them.
// Every step is timed, every problem of every file is collected, and the
// build stops before writing anything when one is an error.
//
// A Builder kept between builds (the preview server keeps one) remembers
// each file's decoded content, each body's HTML and each page's signature:
// the hash of everything its layout can show. A page whose signature has not
// changed is not rendered again; its previous bytes are reused, so a
// rebuild after a save renders the edited article and the pages that list
// it, and gives the bytes a cold build would.
//
// It imports every stage: config, content, markdown, assemble, render,
// feed, output, diag, model, text.
package build
