// Package front edits the frontmatter of a content file in place, as a
// person would in a text editor: a key that changes is rewritten on its
// own lines, and every other byte of the file stays as it was (the
// format, YAML, TOML or JSON; the order of the keys; comments; keys it
// does not know; line endings; a byte order mark; the body).
//
// Parse splits a file into what comes before the frontmatter, the
// frontmatter's text and the body. Set, SetIn, Remove and RemoveIn change
// one key (or one key of a map such as team_lead) and nothing else; after
// each, the text is parsed again, so the positions an edit works from are
// never stale. Bytes gives the file back.
//
// Where a key stands is found per format: YAML through yaml.v3's node
// tree, which gives every key and list item its line (yaml.v2, which the
// build reads with, gives none); TOML by a small scanner of statements,
// strings and arrays; JSON by a scanner of members and their byte
// offsets. Values are read as the build reads them (yaml.v2,
// BurntSushi/toml, encoding/json).
//
// Imports: gopkg.in/yaml.v3, gopkg.in/yaml.v2, github.com/BurntSushi/toml
// and the standard library.
package front
