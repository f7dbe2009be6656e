package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// parseArgs parses flags wherever they stand among the arguments, as an
// editor types them ("bulletin import ban-tin.txt -source site"), and
// returns the other arguments in order. After "--" everything is an
// argument (a title that starts with "-").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(err)
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// parse parses flags and rejects stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	return nil
}

// sourceFlag adds -source to fs.
func sourceFlag(fs *flag.FlagSet, what string) *string {
	return fs.String("source", "", "the site `folder`"+what+" (default: this folder, or the nearest one above it with a site.yaml)")
}

// siteFolder is the site a command works on: -source when given, which
// must be a folder; else the nearest folder from the current one upwards
// that holds site.yaml, so that a command run in content/articles/ works
// on the site it stands in (and says so); else the current folder.
func siteFolder(fs *flag.FlagSet, source string, stderr io.Writer) (string, error) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "source" })
	if given {
		if fi, err := os.Stat(source); err != nil || !fi.IsDir() {
			return "", &usageError{msg: fmt.Sprintf("-source %s is not a folder", source)}
		}
		return source, nil
	}
	if _, err := os.Stat("site.yaml"); err == nil {
		return ".", nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return ".", nil
	}
	rel := "."
	for dir := wd; ; {
		parent := filepath.Dir(dir)
		if parent == dir {
			return ".", nil
		}
		dir, rel = parent, filepath.Join(rel, "..")
		if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
			fmt.Fprintf(stderr, "bulletin: working on the site in %s (%s)\n", rel, dir)
			return rel, nil
		}
	}
}

// requireSite refuses a folder that is no site: one with neither
// site.yaml nor content/ (a mistyped -source, or a command run outside
// any site, which "build" would have built into a /public of its own and
// "new" written a content/ into). A site with content/ alone is one.
func requireSite(dir string) error {
	for _, name := range []string{"site.yaml", "content"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return &usageError{msg: fmt.Sprintf("%s is not a site: it holds neither site.yaml nor content/ (run bulletin in the site's folder, or give -source)", dir)}
}
