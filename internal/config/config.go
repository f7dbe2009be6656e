package config

import (
	"context"
	"errors"
	"io/fs"
	"time"
	_ "time/tzdata" // the zone database, for hosts that lack one

	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
)

// File is the name of the settings file at the root of the site.
const File = "site.yaml"

// Defaults returns the settings of a site without site.yaml.
func Defaults() model.Config {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil { // cannot happen with time/tzdata embedded
		loc = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)
	}
	return model.Config{
		Title:       "bulletin",
		BaseURL:     "/",
		Language:    "vi",
		TimeZone:    "Asia/Ho_Chi_Minh",
		Location:    loc,
		PageSize:    10,
		FeedSize:    20,
		LinkCodes:   true,
		MaxFileSize: input.DefaultLimit,
	}
}

// Load reads site.yaml at the root of fsys. Settings it does not give keep
// their defaults. On a problem the returned Config still holds the
// defaults for the settings in error, so a preview can go on rendering.
func Load(fsys fs.FS) (model.Config, diag.List) {
	cfg := Defaults()
	// Read as content files are: a named pipe or /dev/zero linked in as
	// site.yaml must not hang or exhaust the build.
	data, err := input.ReadFile(context.Background(), fsys, File, input.DefaultLimit)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, diag.List{input.Problem(File, err)}
	}
	var probs diag.List
	parse(data, &cfg, &probs)
	probs.Sort()
	probs.Quote(func(f string) ([]byte, bool) { return data, f == File })
	return cfg, probs
}

// Line returns the line of site.yaml on which key is set, or 0: for a
// later stage's message about a setting (a logo that is not in static/).
func Line(fsys fs.FS, key string) int {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return 0
	}
	return keyLines(data)[key]
}
