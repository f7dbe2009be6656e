package text

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The fuzz targets' seed corpora are in testdata/fuzz; "go test" runs them,
// "go test -fuzz FuzzSlug" searches further.

var slugRE = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

// alikeD writes every Đ, Ð and D as D (and đ, ð, d as d): three letters
// a reader cannot tell apart in a name or a code.
var alikeD = strings.NewReplacer("Đ", "D", "Ð", "D", "đ", "d", "ð", "d")

// lookalikeD writes Đ as the Latin Ð, which looks the same.
var lookalikeD = strings.NewReplacer("Đ", "Ð", "đ", "ð")

// withFormat puts an invisible format character between every two
// characters of s, cycling through some that paste brings.
func withFormat(s string) string {
	format := []string{"\u200b", "\u00ad", "\ufeff", "\u200d", "\u2060", "\u200e"}
	var b strings.Builder
	i := 0
	for _, r := range s {
		b.WriteString(format[i%len(format)])
		b.WriteRune(r)
		i++
	}
	return b.String()
}

func hasLetterOrDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// FuzzSlug: a slug is [a-z0-9] words joined by single dashes, at most
// MaxSlug bytes; there is one for any text with a letter or a digit and
// none for other text; it is its own slug; Đ, Ð and D make the same one;
// invisible format characters change nothing. The same holds of code keys.
func FuzzSlug(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if !slugRE.MatchString(slug) || len(slug) > MaxSlug {
			t.Fatalf("Slug(%q) = %q: not [a-z0-9] words joined by single dashes, at most %d bytes", s, slug, MaxSlug)
		}
		if (slug != "") != hasLetterOrDigit(s) {
			t.Fatalf("Slug(%q) = %q, though the text has a letter or digit: %v", s, slug, hasLetterOrDigit(s))
		}
		if again := Slug(slug); again != slug {
			t.Fatalf("Slug not idempotent: Slug(%q) = %q, Slug of that = %q", s, slug, again)
		}
		if d := Slug(alikeD.Replace(s)); d != slug {
			t.Fatalf("Đ, Ð and D differ: Slug(%q) = %q, with D = %q", s, slug, d)
		}
		if z := Slug(withFormat(s)); z != slug {
			t.Fatalf("format characters count: Slug(%q) = %q, with them = %q", s, slug, z)
		}
		key := CodeKey(s)
		if again := CodeKey(key); again != key {
			t.Fatalf("CodeKey not idempotent: CodeKey(%q) = %q, CodeKey of that = %q", s, key, again)
		}
		if d := CodeKey(alikeD.Replace(s)); d != key {
			t.Fatalf("Đ, Ð and D differ: CodeKey(%q) = %q, with D = %q", s, key, d)
		}
		if z := CodeKey(withFormat(s)); z != key {
			t.Fatalf("format characters count: CodeKey(%q) = %q, with them = %q", s, key, z)
		}
	})
}

// FuzzCode: codes that are one project (equal keys) have one URL; a code
// ParseCode accepts is read again as itself, with the same key and a
// non-empty URL segment, whatever format characters, kind words or
// quotation marks came around it; one written with Ð for Đ (in the kind
// words too), D for Đ in the code, or with zero-width characters inside,
// is the same project.
func FuzzCode(f *testing.F) {
	f.Fuzz(func(t *testing.T, a, b string) {
		if CodeKey(a) == CodeKey(b) && CodeSlug(a) != CodeSlug(b) {
			t.Fatalf("one key %q, two URLs: CodeSlug(%q) = %q, CodeSlug(%q) = %q", CodeKey(a), a, CodeSlug(a), b, CodeSlug(b))
		}
		code, kind, err := ParseCode(a)
		if err != nil {
			if code != "" {
				t.Fatalf("ParseCode(%q) failed (%v) but gave the code %q", a, err, code)
			}
			return
		}
		if slug := CodeSlug(code); slug == "" || !slugRE.MatchString(slug) {
			t.Fatalf("accepted code %q (from %q) has the URL segment %q", code, a, slug)
		}
		if StripFormat(code) != code {
			t.Fatalf("accepted code %q (from %q) holds format characters", code, a)
		}
		again, kind2, err := ParseCode(code)
		if err != nil || again != code || kind2 != "" {
			t.Fatalf("ParseCode(%q) = %q, %q; read again: %q, %q, %v", a, code, kind, again, kind2, err)
		}
		for _, v := range []string{withFormat(a), lookalikeD.Replace(a), alikeD.Replace(code), "Đề án số “" + code + "”", " Số: " + code + " "} {
			c, _, err := ParseCode(v)
			if err != nil || CodeKey(c) != CodeKey(code) || CodeSlug(c) != CodeSlug(code) {
				t.Fatalf("ParseCode(%q) = %q (key %q); ParseCode(%q) = %q (key %q), %v", a, code, CodeKey(code), v, c, CodeKey(c), err)
			}
		}
	})
}
