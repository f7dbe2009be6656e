package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"bulletin/internal/config"
	"bulletin/internal/diag"
	"bulletin/internal/scaffold"
)

const newUsage = `usage:
  bulletin new [-source DIR] article "Tiêu đề"
  bulletin new [-source DIR] project "01-ĐA/TU" "Tên đề án"`

// runNew writes the skeleton of an article or a project and prints its path.
func runNew(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flags("new", stderr)
	source := sourceFlag(fs, "")
	fs.Usage = func() { fmt.Fprintln(stderr, newUsage); fs.PrintDefaults() }
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
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
		printProblems(stderr, *source, diag.AsList(err))
		return &contentError{n: len(diag.AsList(err).Errors())}
	}
	var path string
	switch {
	case len(rest) == 2 && rest[0] == "article":
		path, err = scaffold.Article(*source, rest[1], time.Now(), cfg.Location)
	case len(rest) == 3 && rest[0] == "project":
		path, err = scaffold.Project(*source, rest[1], rest[2], time.Now(), cfg.Location)
	default:
		return &usageError{msg: newUsage}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}
