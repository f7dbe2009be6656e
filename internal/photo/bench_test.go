package photo

import (
	"context"
	"testing"
	"testing/fstest"
)

// BenchmarkMake publishes one 12-megapixel photo (4000 × 3000, as a phone
// takes it) at 480, 960 and 1600: cold, every file made; cached, every
// file read from the cache folder.
func BenchmarkMake(b *testing.B) {
	fsys := fstest.MapFS{"a.jpg": {Data: testJPEG(b, 4000, 3000)}}
	run := func(b *testing.B, opt Options) {
		for b.Loop() {
			s := New(opt)
			s.Start(fsys)
			if _, err := s.Lookup("a.jpg"); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Make(context.Background(), func(string, []byte) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("cold", func(b *testing.B) { run(b, Options{}) })
	dir := b.TempDir()
	b.Run("cached", func(b *testing.B) {
		s := New(Options{Cache: dir}) // fill the cache
		s.Start(fsys)
		s.Lookup("a.jpg")
		s.Make(context.Background(), func(string, []byte) error { return nil })
		b.ResetTimer()
		run(b, Options{Cache: dir})
	})
}
