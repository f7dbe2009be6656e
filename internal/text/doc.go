// Package text folds Vietnamese to ASCII for URLs and normalises document
// codes, so that "01-ĐA/TU", " 01-DA/TU " and "01-đa/tu" name one project
// and land at one URL segment, "01-da-tu".
//
// Unicode decomposition alone is not enough: Đ and đ are letters of their
// own, not D plus a mark, and some editors save NFC while others (or a
// copy from a PDF) give NFD. A hand table of the precomposed Latin letters
// plus dropping combining marks folds both, cheaply, for slugs and keys.
//
// Compose brings decomposed text to NFC before anything compares it; it is
// the one use of golang.org/x/text (unicode/norm), since composition needs
// the Unicode tables that folding does not.
//
// Imports: stdlib and golang.org/x/text/unicode/norm.
package text
