// Package search writes the site's search index: static files that
// static/js/search.js, on the page /search/, fetches a few of at a time,
// so a reader searches without a server.
//
// Every article, project and stand-alone page the build publishes is a
// document (drafts and future articles only when the build publishes
// them). Its words are folded (lower case, no tone or vowel marks, đ and
// the look-alike ð as d: fold.go), and document codes are also read whole
// (tokens.go). The index maps each word to the documents that hold it,
// by spelling, so a query typed with marks ranks exact spellings first;
// it is cut into chunks of words in sorted order, and the documents'
// titles and text into chunks of a few documents (encode.go), so a query
// reads a small part of it. Output is deterministic: the same site gives
// the same bytes.
//
// It imports model and golang.org/x/text/unicode/norm; internal/build
// wires it after the feeds.
package search
