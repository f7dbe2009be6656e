package build

import (
	"context"
	"testing"
	"testing/fstest"
)

// The markdown cache is the preview's: a Look converts with it and puts
// nothing in it, nor takes anything out.
func TestLookLeavesTheMarkdownCache(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2018-08-06\n---\nMột.\n")},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2018-08-07\n---\nHai.\n")},
	}
	b := NewBuilder()
	opt := Options{Source: fsys}
	if _, err := b.Prepare(context.Background(), opt, Everything); err != nil {
		t.Fatal(err)
	}
	entries := b.md.entries
	want := map[mdKey]*mdEntry{}
	for k, e := range entries {
		want[k] = e
	}
	if _, err := b.Look(context.Background(), opt, "content/articles/a.md", []byte("---\ntitle: A\ndate: 2018-08-06\n---\nChưa lưu.\n")); err != nil {
		t.Fatal(err)
	}
	if len(b.md.entries) != len(want) {
		t.Fatalf("the cache holds %d conversions after a look, %d before", len(b.md.entries), len(want))
	}
	for k, e := range b.md.entries {
		if want[k] != e {
			t.Errorf("the conversion of %s changed", k.source.Path)
		}
	}
}
