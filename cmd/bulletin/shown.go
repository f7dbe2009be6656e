package main

import (
	"fmt"
	"io"
	"sort"

	"bulletin/internal/diag"
)

// shown remembers what the preview last printed of the site's problems, so
// a rebuild prints only what is new or gone: an editor saving every few
// seconds must not see the same 900 warnings scroll by on each save, and
// must see at once the one the save brought.
type shown struct {
	last map[shownKey]string // each problem printed, by key, with its one-line text
}

// shownKey is a problem regardless of its count and notes: a layout that
// now fails on one page more is the same problem.
type shownKey struct {
	sev                  diag.Severity
	code, file           string
	line, col            int
	field, message, hint string
}

func keyOf(p *diag.Problem) shownKey {
	return shownKey{p.Severity, p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Hint}
}

// fixedInFull is how many problems gone are each named; more are counted.
const fixedInFull = 5

// print prints list, the problems of a build, against those of the build
// before: all of them for the first build (or after a failure that had
// none to show); then each new one in full, one line per problem gone
// ("fixed: …"), and a count of those unchanged.
func (s *shown) print(w io.Writer, site string, list diag.List, first bool) {
	next := make(map[shownKey]string, len(list))
	same, sameErrors := 0, 0
	for _, p := range list {
		k := keyOf(p)
		next[k] = fromHere(site, p).Error()
		if _, ok := s.last[k]; ok && !first {
			same++
			if p.Severity == diag.Error {
				sameErrors++
			}
			continue
		}
		fmt.Fprintln(w, fromHere(site, p).Report())
	}
	if !first {
		var gone []string
		for k, text := range s.last {
			if _, ok := next[k]; !ok {
				gone = append(gone, text)
			}
		}
		switch {
		case len(gone) > fixedInFull:
			fmt.Fprintf(w, "%d fixed\n", len(gone))
		default:
			sort.Strings(gone)
			for _, text := range gone {
				fmt.Fprintln(w, "fixed:", text)
			}
		}
		if same > 0 {
			what := plural(same, "warning")
			if sameErrors > 0 {
				what = plural(same, "problem")
			}
			fmt.Fprintf(w, "%s as before (not shown again)\n", what)
		}
	}
	s.last = next
}

// forget makes the next build print all its problems.
func (s *shown) forget() { s.last = nil }
