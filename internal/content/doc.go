// Package content loads a site's articles, projects and stand-alone pages
// from content/ into typed model structs, checking every frontmatter field
// and reporting each problem with the file and line an editor must fix.
//
// The flow for one file is: read it through input (a regular file of at
// most max_file_size, stopping when the build is cancelled), reject binary
// and non-UTF-8 bytes, drop a BOM
// and CRLF, split the frontmatter (YAML ---, TOML +++ or JSON { }) from the
// body with adrg/frontmatter, decode the frontmatter into plain values, then
// convert each field by hand so a wrong type names the field, its line and
// what is accepted. The Markdown body is kept as bytes: turning it into
// HTML is the markdown stage's job.
//
// Files are decoded in parallel, and a Loader keeps each decoded file keyed
// by path, content hash and time zone, so the preview server's rebuild only
// re-decodes what changed.
//
// Each problem carries a code of diag's registry and the text of its line,
// taken from the bytes in hand, so a cached file's problems need no second
// read.
//
// Imports: model, diag, input, text, github.com/adrg/frontmatter, gopkg.in/yaml.v2,
// github.com/BurntSushi/toml, stdlib.
package content
