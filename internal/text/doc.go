// Package text folds Vietnamese to ASCII for URLs and normalises document
// codes, so that "01-ĐA/TU", " 01-DA/TU " and "01-đa/tu" name one project
// and land at one URL segment, "01-da-tu".
//
// Unicode decomposition alone is not enough: Đ and đ are letters of their
// own, not D plus a mark, and some editors save NFC while others (or a
// copy from a PDF) give NFD. A hand table of the precomposed Latin letters
// plus dropping combining marks covers both without golang.org/x/text.
//
// Imports: stdlib only.
package text
