package model

import (
	"net/url"
	"strings"
)

// AbsURL is the address a reader, a search engine or a news app follows
// for u: a site-relative URL joined to the site's base URL, or u itself
// when it has a scheme or starts "//" (a picture kept on another server).
// Either way it is escaped as a URL must be (EscapeURL): written into a
// meta tag, JSON-LD, a feed or a sitemap, it is read as an address, not
// by a browser that would mend it.
func AbsURL(base, u string) string {
	if !IsAbsURL(u) {
		if base == "" {
			base = "/"
		}
		u = strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(u, "/")
	}
	return EscapeURL(u)
}

// IsAbsURL reports whether u has a scheme (https:) or starts "//".
func IsAbsURL(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	if strings.HasPrefix(u, "/") || !strings.Contains(u, ":") {
		return false // no scheme: the common case, without parsing
	}
	p, err := url.Parse(u)
	return err == nil && p.Scheme != ""
}

// EscapeURL %-escapes what may not stand in a URL as it is: spaces,
// letters outside ASCII (/images/Ảnh hội nghị.jpg), control characters,
// double quotes and <>. Escapes already there, and the URL's own syntax (:/?#&=),
// are left as they are, so a URL escaped once is not escaped again.
func EscapeURL(u string) string {
	i := strings.IndexFunc(u, func(r rune) bool { return !urlByte(r) })
	if i < 0 {
		return u
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(u) + 16)
	b.WriteString(u[:i])
	for j := i; j < len(u); j++ {
		c := u[j]
		if c < 0x80 && urlByte(rune(c)) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// urlByte reports whether r may stand in a URL as it is (RFC 3986's
// unreserved and reserved characters, and % for the escapes there).
func urlByte(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	}
	return strings.ContainsRune("-._~:/?#[]@!$&'()*+,;=%", r)
}
