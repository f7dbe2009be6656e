// Package content loads a site's articles, projects and stand-alone pages
// from content/ into typed model structs, checking every frontmatter field
// and reporting each problem with the file and line an editor must fix.
//
// The flow for one file is: read it through input (a regular file of at
// most max_file_size, stopping when the build is cancelled), reject binary
// and non-UTF-8 bytes, drop a BOM and CRLF, split the frontmatter (YAML ---
// or TOML +++ with adrg/frontmatter; JSON { } by reading its object, as
// Hugo does) from the body, decode the frontmatter into plain values, then
// convert each field by hand so a wrong type names the field, its line and
// what is accepted. The Markdown body is kept as bytes: turning it into
// HTML is the markdown stage's job.
//
// Only .md files are read; the walk warns of every other file in content/
// (not-read), since an editor's "x.markdown" would be missing unseen.
// Document codes are read with text.ParseCode, after text.Citation has
// taken off the date and title of a citation pasted whole (citation, in
// article.go), names without invisible
// format characters, dates in 1900–2100 (see date.go for the zone of old
// dates and the weekday a date may start with).
//
// Files are decoded in parallel, and a Loader keeps each decoded file keyed
// by path, content hash and time zone, so the preview server's rebuild only
// re-decodes what changed (Update, told the changed paths, looks at no
// other file; Reread reads saved articles alone, for a save of bodies).
// Keep and Restore carry those entries to the next process (a one-off
// build's store, store.go), trusted by their stamps only where the file's
// status-change time says no write came after the read.
// The names an article is grouped by (team lead, unit, tags, codes) are
// interned, one copy for every article that writes them alike.
//
// Each problem carries a code of diag's registry and the text of its line,
// taken from the bytes in hand, so a cached file's problems need no second
// read.
//
// Imports: model, diag, input, text, par, github.com/adrg/frontmatter, gopkg.in/yaml.v2,
// github.com/BurntSushi/toml, stdlib.
package content
