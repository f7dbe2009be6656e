package model

import "time"

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
}
