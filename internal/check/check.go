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
	mem := output.NewMemory()
	res, err := build.Build(ctx, build.Options{Source: fsys, Sink: mem, Drafts: true, Future: true, Now: now})
	if err != nil {
		if list := diag.AsList(err); list != nil {
			return list, nil
		}
		return nil, err
	}
	found := res.Warnings
	s := res.Site
	c := &checker{site: s, out: mem, fsys: fsys, now: now}
	c.documents(&found)
	c.projects(&found)
	c.followUps(&found)
	c.dates(&found)
	c.links(&found)
	c.alts(&found)
	c.titles(&found)
	c.names(&found)
	found.Sort()
	found = found.Compact()
	found.Quote(func(file string) ([]byte, bool) {
		data, err := input.ReadFile(ctx, fsys, file, input.DefaultLimit)
		return data, err == nil
	})
	return found, nil
}

type checker struct {
	site *model.Site
	out  *output.Memory
	fsys fs.FS
	now  time.Time

	pages map[string]*model.Article // content files that are pages, by composed path; nil for projects and pages
	byURL map[string]*model.Article // articles by URL
}

func warn(code, file string, line int, field, msg, hint string) *diag.Problem {
	return &diag.Problem{Severity: diag.Warning, Code: code, File: file, Line: line, Field: field, Message: msg, Hint: hint}
}
