package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/photo"
	"bulletin/internal/serve"
)

// runServe previews the site: it builds into memory, serves it on -addr,
// and rebuilds on every save until Ctrl-C. Drafts and future articles are
// shown by default, since an editor previews what is not published yet;
// the theme marks them.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flags("serve", stderr)
	source := sourceFlag(fs, ": site.yaml, content/, layouts/, static/")
	addr := fs.String("addr", "127.0.0.1:1313", "the `host:port` to listen on; 127.0.0.1 keeps the preview on this machine, :1313 shows it (drafts included) to the network")
	drafts := fs.Bool("drafts", true, "show draft articles (marked as drafts)")
	future := fs.Bool("future", true, "show articles dated in the future (marked as scheduled)")
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
	*source = site
	if err := checkCache(*source, "", photo.DefaultCache()); err != nil {
		return &usageError{msg: err.Error()}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		hint := "give -addr as host:port, such as 127.0.0.1:1313"
		if errors.Is(err, syscall.EADDRINUSE) {
			hint = "is another preview running? choose another -addr, such as 127.0.0.1:1314"
		}
		return &usageError{msg: fmt.Sprintf("cannot listen on %s: %v (%s)", *addr, err, hint)}
	}
	// Reports come from the build goroutine, the rest from this one.
	var mu sync.Mutex
	var seen shown
	srv, err := serve.New(serve.Config{
		Source:   *source,
		Drafts:   *drafts,
		Future:   *future,
		ErrorLog: stderr,
		OnBuild: func(r serve.Report) {
			mu.Lock()
			defer mu.Unlock()
			printBuild(stdout, stderr, *source, r, &seen)
		},
		OnPageFailed: func(name string, problems diag.List) {
			mu.Lock()
			defer mu.Unlock()
			printPageFailed(stderr, *source, name, problems)
		},
	})
	if err != nil {
		ln.Close()
		return err
	}
	mu.Lock()
	printServing(stdout, stderr, ln.Addr(), *drafts || *future)
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
		fmt.Fprintf(stdout, "Write in the browser: %s_bulletin/edit/\n", serve.URL(ln.Addr()))
	} else {
		fmt.Fprintf(stdout, "The editor in the browser is off: serve listens on %s, which other machines may reach; with -addr 127.0.0.1:1313 only this machine can, and the editor is on\n", ln.Addr())
	}
	mu.Unlock()
	err = srv.Serve(ctx, ln)
	mu.Lock()
	fmt.Fprintln(stdout, "Stopped.")
	mu.Unlock()
	return err
}

// printServing prints where the preview is, every address when it
// listens on all of them, and a warning when other machines can reach it:
// what it shows is not published yet.
func printServing(stdout, stderr io.Writer, addr net.Addr, unpublished bool) {
	urls, exposed := serve.URLs(addr)
	fmt.Fprintf(stdout, "Serving %s (Ctrl-C to stop)\n", urls[0])
	for _, u := range urls[1:] {
		fmt.Fprintf(stdout, "    and %s\n", u)
	}
	if !exposed {
		return
	}
	what := "the site"
	if unpublished {
		what = "the site, drafts and articles not yet due included"
	}
	host, port, _ := net.SplitHostPort(addr.String())
	where := addr.String()
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		where = "every address of this machine, port " + port
	}
	fmt.Fprintf(stderr, "warning: the preview listens on %s: anyone on the network who can reach this machine sees %s "+
		"(-addr 127.0.0.1:%s keeps it on this machine)\n", where, what, port)
}

// printBuild tells the terminal how a build went: the full summary for the
// first, one line for each rebuild, and the problems of each build that
// were not printed for the one before (seen).
func printBuild(stdout, stderr io.Writer, site string, r serve.Report, seen *shown) {
	now := time.Now().Format("15:04:05")
	if !r.OK() {
		n := len(r.Problems)
		if n == 0 {
			fmt.Fprintf(stderr, "%s build failed: %v\n", now, r.Err)
			seen.forget()
			return
		}
		what := "still serving the last good build"
		if r.Gen == 1 {
			what = "the browser shows them until they are fixed"
		}
		fmt.Fprintf(stderr, "%s build failed with %s (%s):\n", now, plural(n, "problem"), what)
		seen.print(stderr, site, r.Problems, r.Gen == 1)
		return
	}
	seen.print(stderr, site, r.Snapshot.Warnings, r.Gen == 1)
	if r.Gen == 1 {
		printSummary(stdout, r.Snapshot.Summary(), "memory", site, true)
		return
	}
	cause := ""
	if sources := r.Changes.Paths(); len(sources) > 0 {
		cause = " after " + strings.Join(sources[:min(3, len(sources))], ", ")
		if len(sources) > 3 {
			cause += fmt.Sprintf(" and %d more", len(sources)-3)
		}
	} else if r.Changes.All {
		cause = " after a rescan"
	}
	fmt.Fprintf(stdout, "%s rebuilt in %s%s\n", now, r.Time.Round(time.Millisecond), cause)
}

// printPageFailed tells the terminal that a layout failed on a page a
// browser asked for, with the lines concerned, as build and check print
// them: the browser shows it over the page too.
func printPageFailed(w io.Writer, site, name string, list diag.List) {
	// Copies: the problems are the snapshot's, read by other requests.
	problems := make(diag.List, len(list))
	for i, p := range list {
		q := *p
		problems[i] = &q
	}
	problems.Quote(func(f string) ([]byte, bool) {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(f)))
		return b, err == nil
	})
	fmt.Fprintf(w, "%s the page /%s could not be made (%s):\n", time.Now().Format("15:04:05"),
		strings.TrimSuffix(name, "index.html"), plural(len(problems), "problem"))
	printProblems(w, site, problems)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
