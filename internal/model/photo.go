package model

import (
	"net/url"
	"strconv"
	"strings"
)

// Image is a picture as an editor gives it: the image field, a path or
// {src, alt, caption, credit}.
type Image struct {
	Src     string // a file of the site ("/images/a.jpg") or an http(s) address
	Alt     string // what it shows, for those who cannot see it; "" when not given
	Caption string
	Credit  string // who took it: "Văn phòng Tỉnh ủy" (the theme writes "Ảnh: " before it)
}

// Photo is an image of the site published at a few widths, upright and
// without its metadata. The largest file is at the image's own URL.
type Photo struct {
	URL    string      // site-relative, e.g. "/images/a.jpg": the largest file
	Width  int         // of the largest file, in pixels
	Height int         // of the largest file
	Files  []PhotoFile // narrowest first; the last is URL
}

// PhotoFile is one width of a Photo.
type PhotoFile struct {
	URL           string // site-relative, e.g. "/images/a-480w.jpg"
	Width, Height int
}

// SrcSet is the srcset attribute of the photo on a site under basePath
// ("/", "/kiem-tra/"): each file's root-relative URL and width,
// "/images/a-480w.jpg 480w, /images/a.jpg 1600w"; "" for a photo in one
// file, which needs none. URLs are percent-encoded: a space or a comma in
// a file name would split the list.
func (p *Photo) SrcSet(basePath string) string {
	if p == nil || len(p.Files) < 2 {
		return ""
	}
	parts := make([]string, len(p.Files))
	for i, f := range p.Files {
		parts[i] = basePath + EscapePath(strings.TrimPrefix(f.URL, "/")) + " " + strconv.Itoa(f.Width) + "w"
	}
	return strings.Join(parts, ", ")
}

// EscapePath percent-encodes each segment of a slash path.
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
