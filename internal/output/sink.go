package output

import (
	"path"
	"strings"
)

// Sink receives the files of a built site. Paths are slash-separated and
// relative to the site root ("2018/08/a/index.html"). Write may be called
// from many goroutines at once. The sink may read data only until Write
// returns, and must not change it: the caller then reuses the buffer (the
// build renders the next page into it), so a sink that keeps the bytes
// keeps a copy.
type Sink interface {
	Write(name string, data []byte) error
}

// A Reuser is a Sink that keeps, with each file, the key of what it was
// made from, and gives the next build the file of the same key without
// its bytes being made again (Dir). Key 0 is no key.
type Reuser interface {
	Sink
	// Keyed reports whether keys are worth making: the folder holds a
	// site a build wrote, which the next build may rebuild. A build into
	// an empty folder (a deployment built from nothing each time) makes
	// none, and pays nothing for them.
	Keyed() bool
	// Reuse puts in the file the last build made from key, and reports
	// whether it did.
	Reuse(name string, key uint64) (bool, error)
	// WriteKeyed is Write of a file made from key.
	WriteKeyed(name string, key uint64, data []byte) error
}

// A Precompressed sink writes a compressed copy beside the text files
// (Dir with Gzip), and can write one without: a site may ship its own copy
// ("css/site.css.gz" beside "css/site.css", made by a stronger
// compressor), written as a file of its own.
type Precompressed interface {
	Sink
	WriteAlone(name string, data []byte) error
}

// validName reports whether name is a clean relative path that stays inside
// the site: the build never writes outside its output. Control characters
// are refused too: a name is a line of the output's manifest.
func validName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "/") && !strings.Contains(name, `\`) &&
		path.Clean(name) == name && name != "." && !strings.HasPrefix(name, "../") && name != ".." &&
		!strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f })
}
