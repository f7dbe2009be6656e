package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

const usage = `bulletin publishes inspection bulletins as a static news site.

Usage:
  bulletin build   [-source DIR] [-out DIR] [-drafts] [-future] [-v] [-cpuprofile FILE] [-memprofile FILE]
                   build the site into -out (default: DIR/public)
  bulletin serve   [-source DIR] [-addr 127.0.0.1:1313] [-drafts=true] [-future=true]
                   preview the site, rebuilding and reloading on every save
  bulletin new     [-source DIR] article "Tiêu đề" | project "01-ĐA/TU" "Tên đề án"
                   write the skeleton of a new article (a draft) or project
  bulletin check   [-source DIR] [-json]
                   report errors and warnings in the site; write nothing
  bulletin import  [-source DIR] FILE...
                   turn plain-text bulletins into articles
  bulletin version print the version
  bulletin help    print this help

Run "bulletin COMMAND -h" for a command's flags.
Exit status: 0 done, 1 problems in the site's content (or a failure writing
the output), 2 wrong usage, 130 interrupted.
`

// usageError is a mistake in the command line: exit status 2. printed
// says the flag package has already shown it, with the flags.
type usageError struct {
	msg     string
	printed bool
}

func (e *usageError) Error() string { return e.msg }

// contentError means the site's input has problems, already printed:
// exit status 1.
type contentError struct {
	n      int
	silent bool // the command has printed its own summary
}

func (e *contentError) Error() string {
	if e.n == 1 {
		return "1 error: nothing was written"
	}
	return fmt.Sprintf("%d errors: nothing was written", e.n)
}

// interrupted is a command stopped by Ctrl-C or SIGTERM: exit status 130,
// as shells report an interrupted program.
type interrupted struct{ msg string }

func (e *interrupted) Error() string { return e.msg }

// command is one subcommand: its name, a one-line summary and its run.
type command struct {
	name string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"build", runBuild},
		{"serve", runServe},
		{"new", runNew},
		{"check", runCheck},
		{"import", runImport},
		{"version", runVersion},
	}
}

// run is the whole CLI, testable in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	defer func() {
		// A bug must still end with a message, not a stack trace.
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v (please report this)", r)
			fmt.Fprintln(stderr, "bulletin:", err)
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &usageError{msg: "no command given"}
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	case "help":
		if len(args) == 2 && args[1] != "help" { // "help build": build's flags
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdout, stderr)
			report(stderr, err)
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(stderr, "bulletin: unknown command %q\n\n%s", args[0], usage)
	return &usageError{msg: "unknown command " + args[0]}
}

// report prints err for the user, unless the command already has.
func report(stderr io.Writer, err error) {
	var ue *usageError
	var ce *contentError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.As(err, &ue) && ue.printed:
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "bulletin:", ue.msg)
		fmt.Fprintln(stderr, `Run "bulletin -h" for usage.`)
	case errors.As(err, &ce) && ce.silent:
	default:
		fmt.Fprintln(stderr, "bulletin:", err)
	}
}

func exitCode(err error) int {
	var ue *usageError
	var ie *interrupted
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	case errors.As(err, &ie):
		return 130
	}
	return 1
}

// flags makes a FlagSet whose errors come back as usage errors.
func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("bulletin "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// flagError makes a flag parsing error a usage error; -h stays ErrHelp.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &usageError{msg: err.Error(), printed: true}
}

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if err := parse(flags("version", stderr), args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "bulletin", version())
	return nil
}

// version is the module version, or the VCS revision of a development build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		v = strings.TrimSpace(v + " " + rev[:min(12, len(rev))] + dirty)
	}
	return v + " " + info.GoVersion
}
