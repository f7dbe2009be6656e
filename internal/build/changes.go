package build

import (
	"slices"
	"strings"
)

// Changes says what changed in a site folder since a Builder's last build,
// sorted by kind, so that the build does what each kind needs and no more:
// a saved article is read again and nothing else is; layouts are parsed
// again only when one of them changed; a static file is read again alone.
// The preview server fills it from the file watcher.
type Changes struct {
	// All means the changes are unknown: everything is read again. It is
	// the first build's, and the one after the watcher lost events.
	All     bool
	Config  bool     // site.yaml
	Content []string // site-relative paths under content/: files or folders
	Layouts []string // under layouts/
	Static  []string // under static/
}

// Everything is the Changes of a build that trusts nothing it kept.
var Everything = Changes{All: true}

// Add files a site-relative, slash-separated path under its kind. A path
// of no kind (public/, notes beside the site) changes nothing.
func (c *Changes) Add(path string) {
	top, _, _ := strings.Cut(path, "/")
	switch top {
	case "site.yaml":
		c.Config = c.Config || path == "site.yaml"
	case "content":
		c.Content = append(c.Content, path)
	case "layouts":
		c.Layouts = append(c.Layouts, path)
	case "static":
		c.Static = append(c.Static, path)
	}
}

// Merge adds o's changes to c.
func (c *Changes) Merge(o Changes) {
	c.All = c.All || o.All
	c.Config = c.Config || o.Config
	c.Content = append(c.Content, o.Content...)
	c.Layouts = append(c.Layouts, o.Layouts...)
	c.Static = append(c.Static, o.Static...)
}

// Empty reports whether c changes nothing.
func (c Changes) Empty() bool {
	return !c.All && !c.Config && len(c.Content) == 0 && len(c.Layouts) == 0 && len(c.Static) == 0
}

// Paths lists the changed paths, sorted and each once, for messages.
func (c Changes) Paths() []string {
	var out []string
	if c.Config {
		out = append(out, "site.yaml")
	}
	out = append(append(append(out, c.Content...), c.Layouts...), c.Static...)
	slices.Sort(out)
	return slices.Compact(out)
}
