package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"bulletin/internal/check"
	"bulletin/internal/photo"
)

// runCheck reads the whole site, writes nothing, and reports errors and
// warnings; -json prints one object a line for other tools.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flags("check", stderr)
	source := sourceFlag(fs, "")
	asJSON := fs.Bool("json", false, "print one JSON object per finding")
	if err := parse(fs, args); err != nil {
		return err
	}
	site, err := siteFolder(fs, *source, stderr)
	if err != nil {
		return err
	}
	if err := requireSite(site); err != nil {
		return err
	}
	if err := checkCache(site, "", photo.DefaultCache()); err != nil {
		return &usageError{msg: err.Error()}
	}
	found, err := check.Run(ctx, os.DirFS(site), time.Now())
	if ctx.Err() != nil {
		return &interrupted{"interrupted: nothing checked"}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		for _, p := range found {
			enc.Encode(p.JSON())
		}
	} else {
		printProblems(stdout, site, found)
		fmt.Fprintf(stdout, "%s, %s\n", plural(len(found.Errors()), "error"), plural(len(found.Warnings()), "warning"))
	}
	if n := len(found.Errors()); n > 0 {
		return &contentError{n: n, silent: true}
	}
	return nil
}
