package model

import (
	"net/url"
	"strings"
	"time"
)

// Config is the validated content of site.yaml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // always ends with "/"
	Language    string
	TimeZone    string
	Location    *time.Location
	PageSize    int
	FeedSize    int
	UnsafeHTML  bool
	// LinkCodes turns mentions of known document codes in article bodies
	// into links to their project pages.
	LinkCodes bool
	// Thumbnails shows each article's photo, small, on its card in lists.
	// Off by default: a phone reader scans headlines, and each thumbnail
	// costs data and a third of the card's width.
	Thumbnails bool
	// Keep lists files and folders of the output folder, as slash paths
	// within it, that are not the build's but must survive it (a CNAME,
	// uploaded files): each build carries them over.
	Keep []string
	// MaxFileSize is the largest content or imported file read, in bytes;
	// a larger one is an error (a file of megabytes is a mistake, and
	// reading it whole could exhaust the memory). 0: the default.
	MaxFileSize int64
	// Publisher is the organisation that publishes the site, named in
	// its structured data and the byline of articles that give none;
	// empty: the site's title (see PublisherName).
	Publisher string
	// Logo is the publisher's logo and Image the picture a shared link
	// shows for pages that have none of their own: site paths of files
	// of static/ ("/images/logo.png") or http(s) addresses; "" for none.
	Logo, Image string
}

// PublisherName is the publisher as pages and feeds name it: the
// publisher setting, else the site's title.
func (c Config) PublisherName() string {
	if c.Publisher != "" {
		return c.Publisher
	}
	return c.Title
}

// BasePath is the path the site lives under, from BaseURL: "/" for
// https://kiemtra.example.vn/, "/kiem-tra/" for
// https://example.vn/kiem-tra/. Every root-relative link a page writes
// starts with it.
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// Local is t in the site's zone as the build reads it: its day and month
// decide the article's URL, archive and project year. Where the zone gives
// a local mean time (+07:06:30 before 1911 in Asia/Ho_Chi_Minh), which the
// loader does not write, t stays at the offset it was read at, so 23:58
// on 31/12/1905 is not 00:04:30 on 01/01/1906. Without a zone, t as it is.
func Local(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t
	}
	if in := t.In(loc); !meanTime(in) {
		return in
	}
	return t
}

// meanTime reports whether t's offset is a local mean time, not a whole
// number of minutes.
func meanTime(t time.Time) bool {
	_, off := t.Zone()
	return off%60 != 0
}
