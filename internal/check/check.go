package check

import (
	"context"
	"io/fs"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/input"
	"bulletin/internal/model"
	"bulletin/internal/output"
)

// Finding codes, stable for tools reading -json; the registry of every
// code is diag's (codes.go).
const (
	UnknownField    = diag.UnknownField
	RepeatedDoc     = diag.DocRepeated
	DocumentDiffers = diag.DocumentDiffers
	UnusedProject   = diag.UnusedProject
	NoDocuments     = diag.NoDocuments
	FollowUpOverdue = diag.FollowUpOverdue
	BrokenLink      = diag.BrokenLink
	MissingImage    = diag.MissingImage
	MissingAlt      = diag.MissingAlt
	DuplicateTitle  = diag.DuplicateTitle
	NameVariants    = diag.NameVariants
	UnlikelyDate    = diag.UnlikelyDate
)

// Run checks the site in fsys as of now and returns every finding, sorted.
// The error is for failures other than findings (a cancelled run).
func Run(ctx context.Context, fsys fs.FS, now time.Time) (diag.List, error) {
	snap, err := new(build.Builder).Prepare(ctx, build.Options{Source: fsys, Drafts: true, Future: true, Now: now}, build.Everything)
	var res *build.Result
	if err == nil {
		// Every page is made: a layout failing on one is an error.
		res, err = snap.Write(ctx, output.NewMemory())
	}
	if err != nil {
		if list := diag.AsList(err); list != nil {
			return list, nil
		}
		return nil, err
	}
	return findings(snap, res.Warnings, fsys, now), nil
}

// Snapshot runs the checks on a site already prepared (with drafts and
// future articles, as Run prepares it): its warnings, and the findings
// that weigh one file against the others, identical ones once with a
// count, each with its line. The browser editor runs them on a site
// holding a form's unsaved text.
func Snapshot(snap *build.Snapshot, fsys fs.FS, now time.Time) diag.List {
	return findings(snap, snap.Warnings, fsys, now)
}

// findings are the build's warnings and check's own on the snapshot.
func findings(snap *build.Snapshot, warnings diag.List, fsys fs.FS, now time.Time) diag.List {
	found := append(diag.List(nil), warnings...)
	c := &checker{site: snap.Site, out: snap, fsys: fsys, now: now}
	c.run(&found)
	found.Sort()
	found = found.Compact()
	found.Quote(func(file string) ([]byte, bool) {
		data, err := input.ReadFile(context.Background(), fsys, file, input.DefaultLimit)
		return data, err == nil
	})
	return found
}

func (c *checker) run(found *diag.List) {
	c.documents(found)
	c.projects(found)
	c.followUps(found)
	c.dates(found)
	c.links(found)
	c.alts(found)
	c.titles(found)
	c.names(found)
}

type checker struct {
	site *model.Site
	out  interface{ Has(name string) bool } // the site's output files
	fsys fs.FS
	now  time.Time

	only string // check only what concerns this file (File); "" for the whole site

	pages map[string]*model.Article // content files that are pages, by composed path; nil for projects and pages
	byURL map[string]*model.Article // articles by URL
}

// warn makes a finding: msg and hint in English for the terminal, vi in
// Vietnamese for the clerk at the browser's editor (diag.Problem.Vi), in
// the form's terms. Each finding is said in both, side by side.
func warn(code, file string, line int, field, msg, hint, vi string) *diag.Problem {
	return &diag.Problem{Severity: diag.Warning, Code: code, File: file, Line: line, Field: field, Message: msg, Hint: hint, Vi: vi}
}
