// Package scaffold writes new files into a site's content/: the skeleton
// of an article or project for "bulletin new", with the frontmatter an
// editor fills in, and the articles "bulletin import" makes of plain-text
// bulletins and Word documents (from a file, or bytes the browser editor
// received). WriteNew writes the browser editor's new articles where "new"
// puts them, inside content/ only, whole or not at all. It never
// overwrites: a file that exists is an error that names it, and the text
// imported from is never changed.
//
// A text is read through input: a regular file of at most max_file_size.
//
// It imports importer, text, input and the standard library.
package scaffold
