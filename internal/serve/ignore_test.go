package serve

import "testing"

func TestIgnoredEditorFiles(t *testing.T) {
	for name, want := range map[string]bool{
		"content/articles/.a.md.swp": true,
		"content/articles/.a.md.swx": true,
		"content/articles/.a.md.swo": true,
		"content/articles/a.md~":     true,
		"content/articles/.#a.md":    true,
		"content/articles/#a.md#":    true,
		"content/articles/4913":      true,
		"static/.DS_Store":           true,
		"static/.git/index":          true,
		"static/.git":                true,
		"static/uploads/.gitignore":  true,
		"static/.well-known/x.txt":   false,
		"static/gitbook.css":         false,
		"content/articles/a.md":      false,
		"site.yaml":                  false,
		"static/css/site.css":        false,
		"static/swap.svg":            false,
		"layouts/base.html":          false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
