package markdown

import (
	"strings"
	"testing"
)

// collapseSpace is strings.Join(strings.Fields(s), " "), which it replaced
// to spare the list of words.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " ", "  Đoàn  kiểm\ttra\n", "a\u00a0b\u2003 c", "\xffx \xfe", "x\u0085y", " a b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
