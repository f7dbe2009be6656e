// Package markdown turns the Markdown body of an article, project or page
// into HTML, and reads off what later stages need from the same parse: a
// plain-text summary (the first paragraph) and every link and image
// destination with its source line, for a "check" command that reports
// broken internal links.
//
// It is a thin, fixed set-up of goldmark: CommonMark plus GFM tables,
// strikethrough and autolinks (linkify), and footnotes; typographer off.
//
//   - Heading ids are slugs of the heading text, folded like every other slug
//     of the site ("Kết quả kiểm tra" → "ket-qua-kiem-tra") and made unique
//     within a document with "-1", "-2" suffixes (see ids.go).
//   - Raw HTML, block and inline, is removed from the tree unless
//     Options.Unsafe. Dangerous destinations (javascript:, vbscript:, file:,
//     data: other than images) are neutralised in both modes: links and
//     images get an empty destination, autolinks become plain text.
//   - Document codes mentioned in text ("Đề án số 01-ĐA/TU", "4950/QĐ-UBND")
//     become links to their project pages when Options.Code knows them; this
//     is a goldmark AST transformer over Text nodes (see codelink.go).
//   - Images are loaded lazily (loading="lazy", decoding="async"): a body
//     starts below the headline. An image Options.Image knows as a file of
//     the site (a photo the build publishes at several widths) gets its URL,
//     srcset, sizes, width and height from it; the package itself never
//     reads an image.
//   - Lists, quotes and footnotes nest at most 32 levels, and a body's tables
//     hold at most 20,000 cells: past that the text is kept as written and
//     Result.Flat says where (limits.go), so time and memory stay in
//     proportion to the body's size.
//
// A Converter is built once per site and is safe for concurrent use; all
// per-document state (heading ids, the parser context) lives in one call of
// Convert. The same input always gives the same bytes.
//
// Imports: goldmark and the standard library, plus internal/text for slug
// folding. It knows nothing of sites, articles or layouts.
package markdown
