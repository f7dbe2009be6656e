package check

import (
	"context"
	"io/fs"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/output"
)

// Finding codes, stable for tools reading -json.
const (
	UnknownField    = "unknown-field"
	RepeatedDoc     = "document-repeated"
	DocumentDiffers = "document-differs"
	UnusedProject   = "unused-project"
	NoDocuments     = "no-documents"
	FollowUpOverdue = "follow-up-overdue"
	BrokenLink      = "broken-link"
	MissingImage    = "missing-image"
	DuplicateTitle  = "duplicate-title"
	NameVariants    = "name-variants"
)

// Run checks the site in fsys as of now and returns every finding, sorted.
// The error is for failures other than findings (a cancelled run).
func Run(ctx context.Context, fsys fs.FS, now time.Time) (diag.List, error) {
	snap, err := new(build.Builder).Prepare(ctx, build.Options{Source: fsys, Drafts: true, Future: true, Now: now}, build.Everything)
	if err == nil {
		// Every page is made: a layout failing on one is an error.
		_, err = snap.Write(ctx, output.NewMemory())
	}
	if err != nil {
		if list := diag.AsList(err); list != nil {
			return list, nil
		}
		return nil, err
	}
	return Snapshot(snap, fsys, now), nil
}

// Snapshot runs the checks on a site already prepared (with drafts and
// future articles, as Run prepares it): its warnings, and the findings
// that weigh one file against the others. The browser editor runs them on
// a site holding a form's unsaved text.
func Snapshot(snap *build.Snapshot, fsys fs.FS, now time.Time) diag.List {
	found := append(diag.List(nil), snap.Warnings...)
	c := &checker{site: snap.Site, out: snap, fsys: fsys, now: now}
	c.run(&found)
	found.Sort()
	return found
}

func (c *checker) run(found *diag.List) {
	c.documents(found)
	c.projects(found)
	c.followUps(found)
	c.links(found)
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

func warn(code, file string, line int, field, msg, hint string) *diag.Problem {
	return &diag.Problem{Severity: diag.Warning, Code: code, File: file, Line: line, Field: field, Message: msg, Hint: hint}
}
