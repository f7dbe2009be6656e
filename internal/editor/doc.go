// Package editor is the preview's editor in the browser: a list of the
// site's articles and a form for each, served by "bulletin serve" under
// /_bulletin/edit/ and never by a build. Every article stays a plain
// Markdown file; the form reads its frontmatter and writes back only the
// keys that were edited (package front).
//
// The pieces, one file each:
//
//	editor.go  Config, the handler and its routes
//	guard.go   who may write: the per-run token, the same origin, pages to navigations only, sizes, paths inside content/
//	form.go    the form's fields, read from a file and from a request
//	apply.go   what was edited, written into the file in place, or a new file
//	review.go  the form's text through the real pipeline (build.Builder.Look):
//	           the page as published, check's problems by field, the documents cited;
//	           each problem in its Vietnamese (diag.Problem.Vi, made with it),
//	           check's English kept for an engineer
//	save.go    saving: refused on errors or when the file changed on disk; atomic writes
//	upload.go  a dropped bulletin (.txt, .docx) imported; a project file created
//	pages.go   the list and form pages (assets/: HTML, CSS and a small script, embedded)
//
// A form is checked, and previewed, by the preview's own Builder with the
// form's text in place of the file (Look), so what the editor shows is
// what the site will be; nothing of the unsaved text is kept.
//
// It imports build, check, content (dates as the build reads them),
// diag, front, importer, model, scaffold and text.
package editor
