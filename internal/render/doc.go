// Package render turns an assembled page into HTML bytes with html/template.
//
// A theme (the default one is the repository's layouts/, embedded in the
// binary) and a site's own layouts/ folder are merged file by file: a site
// file replaces the theme file of the same path, so a site may override any
// layout or partial, or add partials of its own.
//
// The layout files are:
//
//	base.html          the page skeleton, with blocks "title", "head", "main" ...
//	<kind>.html        one per page kind (home, article, project, projects,
//	                   term, taxonomy, page, 404): defines the blocks of base;
//	                   alias.html, the page at an old URL, is a whole page
//	partials/*.html    pieces shared by layouts, called by path:
//	                   {{template "partials/card.html" .}}
//
// For each kind the template set is base + every partial + the kind's file.
// A kind file that has content outside {{define}} is a whole page and is
// executed by itself; otherwise base.html is executed with its blocks.
//
// New reports every syntax error of every file at once, as diag problems
// naming the file and line; it also runs html/template's contextual escaping
// up front, so a layout that cannot be escaped safely fails at load time, not
// on the first page. Page executes into a buffer, so a failed page writes
// nothing, and reports a failure as a diag problem naming the layout file,
// line and column, with the page and its layout in a note: a typo failing
// on every page is then one problem, which the build counts. Layout files
// are read through input (regular files only).
//
// The template functions (funcs.go) speak Vietnamese first:
//
//	viDateTime, viDate       "16:41, 06/08/2018", "06/08/2018" (in the time's own zone)
//	viWeekday, viWeekdayDate "Thứ Hai", "Thứ Hai, 06/08/2018"
//	isoDate, isoDay          "2018-08-06T16:41:00+07:00", "2018-08-06": <time datetime>
//	absURL, relURL           join the site's base_url (relURL keeps only its path)
//	kindLabel                "news" → "Tin tức", "outcome" → "Kết quả kiểm tra"
//	count                    count 3 "bài viết" → "3 bài viết"
//	summary, truncate        an article's summary; cut a text at a word
//	documents                an article's documents paired with their projects
//	headTitle, description   the <title> and meta description of a page
//	current                  the aria-current value of a navigation link
//	add, sub                 integer arithmetic
//	asset                    asset .Site "/css/bulletin.css": the stylesheet's URL,
//	                         fingerprinted when the build fingerprints
//	jsonLD                   a page's structured data (NewsArticle, Organization)
//	share                    a page's share picture: .URL, .Large (not the logo)
//
// Every function is a function of its arguments and the site's base URL,
// and nothing else: the cached partials (cached.go) and the page keys
// count on it.
//
// Key (key.go) identifies what a page prints without printing it: a
// replay walks the page's layouts as text/template executes them, on the
// same values and functions, and hashes each printed value, each branch
// taken and each cached partial's own key. replay.go holds the walk,
// replay_values.go the values (fields, methods, arguments, calls),
// replay_funcs.go the builtins and cached partials, replay_hash.go the
// hashing of what prints and the calls left unmade (deferred). One key, one page's bytes, whatever the layouts read; a layout
// the replay cannot follow gives no key, and its pages are rendered. A
// one-off build links in the page of the last build with the same key
// instead of rendering it (build's reuse.go).
//
// absURL and relURL are bound per base URL the first time a page of that
// site is rendered. html/template writes "+" as "&#43;" in attributes; Page
// puts it back in the zone offset of RFC 3339 times, so an article's date
// reads <time datetime="2018-08-06T16:41:00+07:00"> as the contract shows.
//
// Imports: model, diag, input, text (document codes in titles) and the
// standard library.
package render
