// Package importer turns a plain-text inspection bulletin, as a press office
// copies it from its old site or a word processor, into an article file of
// the content contract: YAML frontmatter (title, date, kind, team lead,
// inspected unit, documents) followed by the body as Markdown.
//
// The input has a fixed shape: the first non-empty line is the title; the
// next is the time and date ("16:41, 06/08/2018", or just "06/08/2018");
// then paragraphs separated by blank lines. A byte order mark, CRLF or CR
// line ends and no-break spaces are accepted, and so is text that went
// through Windows-1252 twice ("Kiá»m tra"), which is read back as written.
// A date line without a time of day gives a date alone.
//
// The rest is read out of the Vietnamese text by rules, each tolerant of
// case ("Đồng chí", "đồng chí", "trưởng đoàn"):
//
//   - Team lead and role, from the leftmost of
//     "đồng chí <Tên>, <Chức vụ> làm Trưởng đoàn" (also "<Tên> - <Chức vụ>",
//     or "đồng chí <Tên> làm Trưởng đoàn" with no role),
//     "Trưởng đoàn là đồng chí <Tên>, <Chức vụ>" and
//     "đồng chí <Tên>, <Chức vụ>, Trưởng đoàn". The name is the run of
//     capitalised words after "đồng chí" (at least two, as Vietnamese full
//     names are); the role is what stands between the name and "làm Trưởng
//     đoàn" (dashes around it dropped), or, in the other two forms, the
//     comma-separated parts that begin with a capital letter. Two or more
//     who led together ("đồng chí A, … và đồng chí B, … đồng làm Trưởng
//     đoàn"): A is the team lead, the others are CoLeads.
//   - Inspected unit: in the first sentence that holds an inspection verb
//     ("kiểm tra", "giám sát", "làm việc với"), the last "tại <Đơn vị>"
//     outside quotation marks; failing that, "kiểm tra <Đơn vị> về ..." or
//     "làm việc với <Đơn vị> về ..." where the verb is not part of a body's
//     name ("Đoàn kiểm tra", "Ủy ban Kiểm tra"). The unit starts with a
//     capital letter and ends at the sentence end, a comma, or a word such as
//     "về", "để", "trong", "vào".
//   - Documents: a kind word (Đề án, Nghị quyết, Quy định, Hướng dẫn, ...:
//     text.Kinds), up to
//     three lower-case words and "số" ("Chương trình hành động số"), a code
//     with a "/" and a letter (01-ĐA/TU, 4950/QĐ-UBND), maybe in quotation
//     marks, an optional date
//     (", ngày 12/7/2016" or "ngày 12 tháng 7 năm 2016") and an optional
//     title in “…” or "…", possibly after "của <cơ quan>" and "về". A code
//     that follows with "và" or a comma ("Đề án số 01-ĐA/TU và 02-ĐA/TU")
//     takes the same kind. Documents are kept in the order first cited (the
//     title, then the body) and deduplicated by text.CodeKey; a later
//     citation fills in a date or title the first one lacked.
//
// Whatever is not found is listed in Bulletin.Missing, so an editor knows
// what to complete by hand; Parse fails only on input it cannot use at all.
//
// A Word document (.docx) is read by ReadDocx (docx.go, with archive/zip
// and encoding/xml): its text goes through the same recognition, and its
// body keeps its headings, bold and italic, lists and tables as Markdown.
//
// Imports: stdlib, bulletin/internal/text, and bulletin/internal/front for
// YAML quoting (QuoteYAML), so the frontmatter it writes is quoted as the
// editor quotes it.
package importer
