package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"bulletin/internal/build"
	"bulletin/internal/config"
	"bulletin/internal/scaffold"
)

// runImport turns plain-text bulletins into articles and tells, for each,
// what it found and what the editor must still fill in.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flags("import", stderr)
	source := sourceFlag(fs, "")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &usageError{msg: "usage: bulletin import [-source DIR] FILE..."}
	}
	site, err := siteFolder(fs, *source, stderr)
	if err != nil {
		return err
	}
	*source = site
	if err := requireSite(site); err != nil {
		return err
	}
	cfg, problems := config.Load(os.DirFS(*source))
	if err := problems.Err(); err != nil {
		printProblems(stderr, *source, problems)
		return &contentError{n: len(problems.Errors())}
	}
	// The URLs the articles take, read once: each import adds its own.
	taken, err := build.ReadArticleURLs(ctx, *source)
	if err != nil {
		return &interrupted{fmt.Sprintf("interrupted: 0 of %d files imported", len(files))}
	}
	failed := 0
	for i, from := range files {
		r, err := scaffold.ImportContext(ctx, *source, from, cfg.Location, cfg.MaxFileSize, taken)
		if ctx.Err() != nil {
			// Checked between files: the articles of the files before
			// are in place, the rest are not written.
			return &interrupted{fmt.Sprintf("interrupted: %d of %d files imported", i-failed, len(files))}
		}
		if err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			failed++
			continue
		}
		printImport(stdout, r)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files not imported", failed, len(files))
	}
	return nil
}

func printImport(w io.Writer, r *scaffold.Report) {
	if r.Skipped {
		fmt.Fprintf(w, "%s: already imported as %s, skipped\n", r.From, r.Path)
		return
	}
	b := r.Bulletin
	fmt.Fprintf(w, "%s → %s\n", r.From, r.Path)
	found := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-15s %s\n", label, v)
		}
	}
	if b.Repaired {
		fmt.Fprintf(w, "  %-15s %s\n", "note", "the text was double-encoded (UTF-8 read as Windows-1252, \"Kiá»m tra\"): read back as written")
	}
	found("title", b.Title)
	switch {
	case b.DateOnly:
		found("date", b.Date.Format("02/01/2006"))
	case !b.Date.IsZero():
		found("date", b.Date.Format("15:04, 02/01/2006"))
	}
	found("team lead", b.TeamLead)
	found("role", b.Role)
	for _, co := range b.CoLeads {
		found("co-lead", co+" (an article has one team lead: a comment in the frontmatter names the others)")
	}
	found("unit", b.Unit)
	for _, d := range b.Documents {
		found("document", strings.TrimSpace(fmt.Sprintf("%s %s %s %s", d.Kind, d.Code, d.Date, quoteIf(d.Title))))
	}
	if len(b.Missing) > 0 {
		fmt.Fprintf(w, "  %-15s %s (fill in by hand)\n", "not found", strings.Join(b.Missing, ", "))
	}
}

func quoteIf(s string) string {
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}
