// Package diag carries problems found in a site's input as data: each names
// the file, the line and column where known, the field, and what is
// accepted. A build collects every problem of every file and reports them
// together, so an editor fixes them all in one pass. Imports: stdlib only.
package diag
