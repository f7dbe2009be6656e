package text

import "strings"

// NameKey is the form in which two spellings of a name, a title or a tag
// are the same to a reader: case and spacing do not count, and neither do
// what the eye cannot see, the look-alike Ð/ð for Đ/đ and invisible
// format characters. Marks do count: "Bùi Hải Tú" and "Bùi Hải Tư" are
// two spellings, which Slug makes one.
func NameKey(s string) string {
	s = strings.ToLower(StripFormat(s))
	s = strings.ReplaceAll(s, "ð", "đ") // ToLower made Ð ð
	return strings.Join(strings.Fields(s), " ")
}
