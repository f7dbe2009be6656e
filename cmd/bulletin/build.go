package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/config"
	"bulletin/internal/diag"
	"bulletin/internal/output"
	"bulletin/internal/photo"
)

// startRestore is build.Restore; a test hands a store being taken back
// of its own.
var startRestore = build.Restore

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flags("build", stderr)
	source := sourceFlag(fs, ": site.yaml, content/, layouts/, static/")
	out := fs.String("out", "", "the output `folder` (default: SOURCE/public)")
	drafts := fs.Bool("drafts", false, "publish draft articles too")
	future := fs.Bool("future", false, "publish articles dated in the future too")
	verbose := fs.Bool("v", false, "print the time of each step, what was written and the peak memory")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	memprofile := fs.String("memprofile", "", "write the heap profile of the build at its largest live heap to `file`, for go tool pprof")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *memprofile != "" {
		stop, err := startMemProfile(*memprofile)
		if err != nil {
			return err
		}
		defer func() {
			if serr := stop(); err == nil {
				err = serr
			}
		}()
	}
	site, err := siteFolder(fs, *source, stderr)
	if err != nil {
		return err
	}
	if err := requireSite(site); err != nil {
		return err
	}
	*source = site
	if *out == "" {
		*out = filepath.Join(*source, "public")
	}
	// public -> /var/www/html: the site goes where the link leads, and the
	// link stays (swapping the link itself would leave the target as it was).
	if fi, err := os.Lstat(*out); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(*out)
		if err != nil {
			return &usageError{msg: fmt.Sprintf("-out %s is a link that leads nowhere: %v", *out, err)}
		}
		*out = target
	}
	if err := checkOutput(*source, *out); err != nil {
		return &usageError{msg: err.Error()}
	}
	opt := build.Options{Source: os.DirFS(*source), Drafts: *drafts, Future: *future, Now: time.Now(), Fingerprint: true}
	// What the site keeps in its output folder: problems with site.yaml
	// are the build's to report, with all the others, unless the output
	// folder is refused first (below).
	cfg, cfgProblems := config.Load(opt.Source)
	// The same input as the last build's, before any of its articles
	// came out: the output is what this build would write.
	start := time.Now()
	// The stamps of the output's files, beside the store: files a build
	// checked and that are untouched since are not read back (stamps.go
	// in internal/output).
	store := storeFile(*out)
	stamps := ""
	if store != "" {
		stamps = store + ".stamps"
	}
	// The input files' stamps and hashes, beside the store too: the
	// fingerprint reads only the files whose stamp changed. Not in a cache
	// folder the build refuses below (in static/, content/ or the output):
	// they are written before the build says so, and name every file,
	// drafts too.
	var storeErr error
	if store != "" {
		storeErr = checkCache(*source, *out, filepath.Dir(store))
	}
	inputsFile, src := "", *source
	if store != "" && storeErr == nil {
		inputsFile = store + ".inputs"
		if abs, err := absolute(*source); err == nil {
			src = abs
		}
	}
	known := build.LoadInputs(inputsFile, src)
	input, inputs, ferr := build.FingerprintKnown(ctx, opt.Source, opt, known)
	if ferr == nil && !maps.Equal(inputs, known) {
		inputs.Save(inputsFile, src) // a cache: when it cannot be kept, the next build reads every file
	}
	if ferr == nil && output.Current(*out, cfg.Keep, input, opt.Now, stamps) {
		fmt.Fprintf(stdout, "Nothing to build: %s already holds the site as this input makes it (checked in %s)\n",
			*out, time.Since(start).Round(time.Millisecond))
		if storeErr == nil { // not in a folder the build refuses: content/, static/, the output
			tidyStores(store, time.Now())
		}
		return nil
	}
	if err := checkCache(*source, *out, photo.DefaultCache()); err != nil {
		return &usageError{msg: err.Error()}
	}
	if storeErr != nil {
		return &usageError{msg: storeErr.Error()}
	}
	opt.Store = store
	if store != "" {
		// Read on the other processor while the output folder is
		// checked and its staging folder made ready (a quarter of a
		// second each at 10,000 articles).
		opt.Restoring = startRestore(store, opt.Source)
		// Build waits for it; a return before Build (the output
		// folder refused) waits here, so that nothing of this build
		// goes on after it, and a panic there is reported.
		defer opt.Restoring.Wait()
	}
	dir, err := output.NewDir(*out, cfg.Keep)
	if err != nil && len(cfgProblems.Errors()) > 0 {
		// A keep: with one wrong entry keeps nothing, and the output's
		// files it lists were reported as foreign: site.yaml's problems
		// are the ones to fix first.
		printProblems(stderr, *source, cfgProblems)
		return &contentError{n: len(cfgProblems.Errors())}
	}
	if errors.Is(err, output.ErrNotOurs) {
		return &usageError{msg: err.Error()}
	}
	if err != nil {
		return err
	}
	if p := dir.LeftAlone(); p != "" {
		fmt.Fprintf(stderr, "warning: %s, the site the last build replaced, belongs to another user (a build run with sudo?) and cannot be reused or removed: each build makes the new site from nothing, which takes longer (remove it as its owner: sudo rm -rf %s)\n", p, p)
	}
	dir.Gzip, dir.GzipSkip = true, build.PlainFolders() // for nginx's gzip_static: see the README
	dir.Stamps = stamps
	opt.Sink = dir
	opt.Loaded = func(contentBytes int64) { limitMemory(contentBytes, dir.Keyed()) }
	var commitErr error
	var gone []string // article pages of the last build's site this one dropped
	opt.Written = func(res *build.Result) error {
		printProblems(stderr, *source, res.Warnings)
		gone = articlePages(dir.Dropped())
		if ferr == nil {
			dir.SetInput(input, res.Site.Until)
		}
		t := time.Now()
		if commitErr = dir.Commit(); commitErr != nil {
			return commitErr
		}
		res.Steps = append(res.Steps, build.Step{Name: "swap", Time: time.Since(t)})
		return nil
	}
	res, err := build.Build(ctx, opt)
	if err != nil && commitErr != nil {
		return err // the files were written: the swap failed, and Commit said why
	}
	if err != nil {
		dir.Abort()
		if ctx.Err() != nil {
			return &interrupted{fmt.Sprintf("interrupted: %s is as the last build left it", *out)}
		}
		if list := diag.AsList(err); list != nil {
			printProblems(stderr, *source, list)
			return &contentError{n: len(list.Errors())}
		}
		return dir.Failed(err)
	}
	res.Time = time.Since(start)
	if storeErr == nil {
		tidyStores(store, time.Now())
	}
	printSummary(stdout, res, *out, *source, false)
	printGone(stdout, gone)
	files, unchanged := dir.Counts()
	if *verbose {
		byStamp, readBack := dir.Checked()
		printVerbose(stdout, res, files, unchanged, dir.Reused(), byStamp, readBack)
	}
	return nil
}

// printVerbose tells where the time went, what was written and the peak
// memory, for an engineer measuring a large site.
func printVerbose(w io.Writer, r *build.Result, files, unchanged, reused, byStamp, readBack int) {
	fmt.Fprintf(w, "  %-10s %6d (%d unchanged: linked from the last build, their times kept; %d of them pages and search documents not made again, their keys the same)\n",
		"files", files, unchanged, reused)
	fmt.Fprintf(w, "  %-10s %6d files of the last build found untouched by their stamps, %d read back to be sure\n", "checked", byStamp, readBack)
	fmt.Fprintf(w, "  %-10s %6d content files taken back as the last build read them (decoded, converted)", "store", r.Restored)
	if r.StoreErr != nil {
		fmt.Fprintf(w, "; %v", r.StoreErr)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %-10s %6d of %d documents' words read for the search index, the others' taken as the last build kept them\n", "search", r.Searched, r.Documents)
	for _, s := range r.Steps {
		fmt.Fprintf(w, "  %-10s %8.1f ms\n", s.Name, float64(s.Time.Microseconds())/1000)
	}
	fmt.Fprintf(w, "  %-10s %8.1f ms\n", "total", float64(r.Time.Microseconds())/1000)
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, "  %-10s %6d MB\n", "peak RSS", rss>>20)
	} else {
		fmt.Fprintf(w, "  %-10s %6s\n", "peak RSS", "unknown on this system")
	}
}

// checkOutput refuses an output folder that is the source folder, or is,
// holds or lies inside content/, layouts/ or static/: the build replaces
// its output whole, and nothing an editor wrote may be touched.
func checkOutput(source, out string) error {
	src, err := absolute(source)
	if err != nil {
		return err
	}
	dst, err := absolute(out)
	if err != nil {
		return err
	}
	if dst == src {
		return fmt.Errorf("-out %s is the site folder itself, which the build would replace: choose a folder inside it, such as public", out)
	}
	if within(src, dst) {
		return fmt.Errorf("-out %s holds the site folder %s, which the build would replace with the output: choose a folder inside the site, such as public", out, source)
	}
	for _, d := range []string{"content", "layouts", "static"} {
		mine := filepath.Join(src, d)
		if dst == mine || within(dst, mine) || within(mine, dst) {
			return fmt.Errorf("-out %s overlaps the site's %s/ folder, which holds what editors wrote: choose another folder, such as public", out, d)
		}
	}
	return nil
}

// checkCache refuses a cache folder (BULLETIN_CACHE_DIR's photos or store)
// that is, holds or lies inside content/, layouts/, static/ or the output:
// the cache is outside what editors write and what the build publishes.
func checkCache(source, out, cache string) error {
	if cache == "" {
		return nil
	}
	src, err := absolute(source)
	if err != nil {
		return err
	}
	c, err := absolute(cache)
	if err != nil {
		return err
	}
	dirs := []string{filepath.Join(src, "content"), filepath.Join(src, "layouts"), filepath.Join(src, "static")}
	if out != "" {
		dst, err := absolute(out)
		if err != nil {
			return err
		}
		dirs = append(dirs, dst)
	}
	for _, d := range dirs {
		if c == d || within(c, d) || within(d, c) {
			return fmt.Errorf("the cache folder %s overlaps %s, which holds what editors wrote or what the build publishes: set BULLETIN_CACHE_DIR to a folder outside the site", cache, d)
		}
	}
	return nil
}

// absolute resolves symbolic links as far as the path exists, so two
// spellings of one folder compare equal.
func absolute(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest), nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether inner lies strictly inside outer.
func within(inner, outer string) bool {
	rel, err := filepath.Rel(outer, inner)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// printProblems prints each problem as diag's Report has it: its line,
// then the line of the file it is about with a caret, then its notes.
// Files are named from the current folder (the site's own paths joined to
// -source), so that a terminal or an editor can open them from the message.
func printProblems(w io.Writer, site string, list diag.List) {
	for _, p := range list {
		fmt.Fprintln(w, fromHere(site, p).Report())
	}
}

// fromHere names p's files from the current folder.
func fromHere(site string, p *diag.Problem) *diag.Problem {
	if site == "." || site == "" {
		return p
	}
	return p.Rebase(func(f string) string { return filepath.Join(site, filepath.FromSlash(f)) })
}

// printSummary is the one screen at the end of a build of the site in
// folder site; serve says it is the preview's, whose flags differ.
func printSummary(w io.Writer, r *build.Result, out, site string, serve bool) {
	kinds := make([]string, 0, len(r.Pages))
	total := 0
	for k, n := range r.Pages {
		kinds = append(kinds, k)
		total += n
	}
	sort.Strings(kinds)
	fmt.Fprintf(w, "Built %s into %s\n", plural(len(r.Site.Articles), "article"), out)
	printLeftOut(w, r, site, serve)
	fmt.Fprintf(w, "  %-10s %6d\n", "pages", total)
	width := 8 // the kinds' column: "follow-up-list" is wider
	for _, k := range kinds {
		width = max(width, len(k))
	}
	for _, k := range kinds {
		fmt.Fprintf(w, "    %-*s %6d\n", width, k, r.Pages[k])
	}
	fmt.Fprintf(w, "  %-10s %6d\n", "feeds", r.Feeds)
	fmt.Fprintf(w, "  %-10s %6d\n", "static", r.Static)
	if p := r.Photos; p.Photos > 0 {
		// "made" against "from cache" shows the cache at work: a second
		// build of the same photos makes none.
		fmt.Fprintf(w, "  %-10s %6d (%s: %d made, %d from cache)\n", "photos", p.Photos, plural(p.Files, "file"), p.Made, p.Cached)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "  %-10s %6d\n", "warnings", len(r.Warnings))
	}
	var steps []string
	for _, s := range r.Steps {
		steps = append(steps, fmt.Sprintf("%s %s", s.Name, s.Time.Round(time.Millisecond)))
	}
	fmt.Fprintf(w, "Done in %s (%s)\n", r.Time.Round(time.Millisecond), strings.Join(steps, ", "))
}

// articlePage matches the file of an article's page (2019/04/slug/index.html).
var articlePage = regexp.MustCompile(`^\d{4}/\d{2}/[^/]+/index\.html$`)

// articlePages are the URLs of the article pages among names.
func articlePages(names []string) []string {
	var out []string
	for _, n := range names {
		if articlePage.MatchString(n) {
			out = append(out, "/"+strings.TrimSuffix(n, "index.html"))
		}
	}
	return out
}

// printGone names the article pages the last build published and this one
// does not: an article taken off, or one whose URL a new title moved (no
// slug: written), whose old address, shared and linked, now gives "not
// found" unless it goes under aliases:. Nothing else says so.
func printGone(w io.Writer, urls []string) {
	if len(urls) == 0 {
		return
	}
	shown := urls[:min(len(urls), shownFuture)]
	more := ""
	if n := len(urls) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	fmt.Fprintf(w, "  %-10s %s of the last build no longer published: %s%s\n", "gone", plural(len(urls), "article page"), strings.Join(shown, ", "), more)
	fmt.Fprintf(w, "  %-10s (an article whose title changed without a slug: moved: put its old URL under its aliases: so that links to it still lead there)\n", "")
}

// shownFuture is how many of the future articles the summary names.
const shownFuture = 5

// printLeftOut tells what the build did not publish: a year typed wrong
// ("2108") would otherwise take an article off the site without a word.
// In the preview (serve), whose -drafts and -future are on unless turned
// off, the flags to give are -drafts=true and -future=true.
func printLeftOut(w io.Writer, r *build.Result, site string, serve bool) {
	var parts, flags []string
	if r.Drafts > 0 {
		parts, flags = append(parts, plural(r.Drafts, "draft")), append(flags, "-drafts")
	}
	if n := len(r.Future); n > 0 {
		what := "1 article dated in the future"
		if n > 1 {
			what = fmt.Sprintf("%d articles dated in the future", n)
		}
		parts, flags = append(parts, what), append(flags, "-future")
	}
	if len(parts) == 0 {
		return
	}
	if serve {
		for i := range flags {
			flags[i] += "=true"
		}
	}
	fmt.Fprintf(w, "  left out %s (%s to publish them)\n", strings.Join(parts, " and "), strings.Join(flags, ", "))
	for _, a := range r.Future[:min(shownFuture, len(r.Future))] {
		layout := "15:04, 02/01/2006"
		if a.DateOnly {
			layout = "02/01/2006"
		}
		fmt.Fprintf(w, "    %s  %s\n", a.Date.Format(layout), filepath.Join(site, filepath.FromSlash(a.Path)))
	}
	if n := len(r.Future) - shownFuture; n > 0 {
		fmt.Fprintf(w, "    and %d more\n", n)
	}
}
