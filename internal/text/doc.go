// Package text folds Vietnamese to ASCII for URLs and normalises document
// codes, so that "01-ĐA/TU", " 01-DA/TU " and "01-đa/tu" name one project
// and land at one URL segment, "01-da-tu".
//
// Unicode decomposition alone is not enough: Đ and đ are letters of their
// own, not D plus a mark, and some editors save NFC while others (or a
// copy from a PDF) give NFD. A hand table of the precomposed Latin letters
// plus dropping combining marks folds both, cheaply, for slugs and keys.
// The Latin Ð/ð, which looks exactly like Đ/đ and comes with text that
// went through Latin-1 or VNI, folds to d as well; invisible format
// characters (a zero-width space pasted inside a name) are no part of any
// slug, key or name (NameKey).
//
// ParseCode reads a code as an editor writes it in a list of documents,
// dropping a kind word ("Đề án số 01-ĐA/TU"; Kinds is the list the
// importer reads running text with) and refusing what is no code ("42",
// two codes in one).
//
// Compose brings decomposed text to NFC before anything compares it; it is
// the one use of golang.org/x/text (unicode/norm), since composition needs
// the Unicode tables that folding does not.
//
// Imports: stdlib and golang.org/x/text/unicode/norm.
package text
