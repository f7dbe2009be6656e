// Package diag carries problems found in a site's input as data: each names
// the file, the line and column where known, the field, and what is
// accepted. A build collects every problem of every file and reports them
// together, so an editor fixes them all in one pass.
//
// Each problem is said twice, where it is made: Message and Hint in
// English for the terminal (check, build), Vi in plain Vietnamese for the
// clerk at the browser's editor, in the form's terms. The registry gives
// every code a Vietnamese line too, said of a problem made without one.
//
// The files:
//
//	codes.go   the registry: every problem's code, with its severity and a
//	           line on what it means, in English and Vietnamese (as
//	           esbuild's msg_ids.go)
//	diag.go    Problem, its notes (a second place it concerns), List,
//	           Compact (identical problems once, with a count), the JSON form
//	report.go  Quote (the text of each problem's line, read back once per
//	           file) and Report, the terminal's form: the problem, its line
//	           with a caret under the column, the notes
//
// Imports: stdlib only.
package diag
