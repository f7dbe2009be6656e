// Package search writes the site's search index: static files that
// static/js/search.js, on the page /search/, fetches a few of at a time,
// so a reader searches without a server.
//
// Every article, project and stand-alone page the build publishes is a
// document (drafts and future articles only when the build publishes
// them). Its words are folded (lower case, no tone or vowel marks, đ and
// the look-alike ð as d: fold.go), and document codes are also read whole
// (tokens.go). The index maps each word to the documents that hold it,
// and by spelling in the strong fields (title, unit, team lead, codes,
// tags), so a query typed with marks ranks exact spellings first. Words
// are cut into shards by hash, and what a result shows of each document
// (title, date, kind, unit, text) goes in a file of its own (encode.go),
// so a query reads a small part of the index. Documents are numbered in
// the order they came to the site (order.go), so a new article takes the
// next number and the files of the others keep their bytes; meta.json
// gives the order a reader sees them in, newest first.
// Output is deterministic: the same site gives the same bytes.
//
// It imports model, par and golang.org/x/text/unicode/norm; internal/build
// wires it after the feeds.
package search
