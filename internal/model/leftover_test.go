package model

import "testing"

func TestLeftover(t *testing.T) {
	for name, want := range map[string]bool{
		".a.md.swp":            true,
		".a.md.swx":            true,
		".a.md.swo":            true,
		"a.md~":                true,
		".#a.md":               true,
		"#a.md#":               true,
		"4913":                 true,
		".DS_Store":            true,
		"Thumbs.db":            true,
		".~lock.bang-ke.ods#":  true,
		"a.md":                 false,
		"site.yaml":            false,
		"bulletin.css":         false,
		"swap.svg":             false,
		"intro.swf":            false, // a file, not vim's swap: no leading dot
		"#":                    false,
		".well-known":          false,
		"bao-cao-2018.pdf":     false,
		"ket-luan-so-4913.pdf": false,
	} {
		if got := Leftover(name); got != want {
			t.Errorf("Leftover(%q) = %v, want %v", name, got, want)
		}
	}
}
