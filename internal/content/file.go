package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// Sections of content/ and the kind of file each holds.
const (
	articlesDir = "content/articles"
	projectsDir = "content/projects"
	pagesDir    = "content/pages"
)

// result is one decoded file: one of article, project, doc (none when the
// file has an error), and its problems.
type result struct {
	article *model.ArticleFile
	project *model.ProjectFile
	doc     *model.DocFile
	probs   diag.List
}

// decodeFile turns one file's bytes into its typed struct. A panic (a bug,
// or a decoder choking on strange input) becomes a problem on this file,
// so one bad file never stops the others from being reported.
func decodeFile(p string, data []byte, loc *time.Location) (res result) {
	defer func() {
		if r := recover(); r != nil {
			res = result{probs: diag.List{diag.New(diag.Internal, p, 0, "", "internal error while reading this file: %v", r).
				Say("Bulletin gặp lỗi của chính nó khi đọc tệp này, không phải lỗi của bài: hãy báo người quản trị (kèm chi tiết kỹ thuật bên dưới).")}}
		}
		// The problems show their lines, and are kept with the decoded
		// file: the preview need not read it again to show them.
		raw := data
		res.probs.Quote(func(f string) ([]byte, bool) { return raw, f == p })
	}()
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(&diag.Problem{Code: diag.NotText, File: p, Line: lineOf(data, i), Message: "binary file (it holds a NUL byte)",
			Hint: "content files are Markdown text saved as UTF-8",
			Vi:   "Tệp này không phải là văn bản, nên không đọc được: hãy lưu lại bài dưới dạng văn bản UTF-8."})
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a BOM, as some Windows editors write
	if !utf8.Valid(data) {
		return fail(&diag.Problem{Code: diag.NotText, File: p, Line: invalidLine(data), Message: "invalid UTF-8 text",
			Hint: "save the file as UTF-8",
			Vi:   "Tệp có chữ không theo bảng mã UTF-8 (thường do chép từ phần mềm cũ dùng bảng mã khác): hãy lưu lại tệp dưới dạng UTF-8."})
	}
	if bytes.Contains(data, []byte("\r\n")) { // ReplaceAll copies even when nothing is replaced
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	// Decomposed Vietnamese (base letters plus combining marks) is read as
	// the precomposed letters it shows, so that it compares, links and
	// lists like what other editors typed. Lines are unchanged.
	data = text.Compose(data)
	f, prob := split(p, data)
	if prob != nil {
		if prob.Code == "" { // split's problems are all about the frontmatter
			prob.Code = diag.Frontmatter
		}
		if prob.Vi == "" {
			// The frontmatter's syntax is nothing a form can show.
			prob.Vi = "Phần thông tin đầu bài (tiêu đề, thời gian đăng…) trong tệp viết sai cách, nên không đọc được: " +
				"hãy mở tệp bằng trình soạn thảo văn bản để sửa, hoặc nhờ người quản trị."
			if prob.Line > 0 {
				prob.Vi = fmt.Sprintf("Phần thông tin đầu bài (tiêu đề, thời gian đăng…) trong tệp viết sai cách ở dòng %d, nên không đọc được: "+
					"hãy mở tệp bằng trình soạn thảo văn bản để sửa, hoặc nhờ người quản trị.", prob.Line)
			}
		}
		return fail(prob)
	}
	d := &decoder{path: p, f: f, loc: loc}
	d.duplicates()
	src := model.NewSource(p, f.fields(), f.body, f.bodyLine)
	switch {
	case strings.HasPrefix(p, articlesDir+"/"):
		a := d.article()
		a.Source = src
		res.article = a
	case strings.HasPrefix(p, projectsDir+"/"):
		pr := d.project()
		pr.Source = src
		res.project = pr
	case strings.HasPrefix(p, pagesDir+"/"):
		doc := d.page()
		doc.Source = src
		res.doc = doc
	default:
		panic(fmt.Sprintf("file outside the content sections: %s", p))
	}
	res.probs = d.probs
	if len(res.probs.Errors()) > 0 {
		// Later stages never see a half-decoded file; the build stops on
		// errors anyway.
		res.article, res.project, res.doc = nil, nil, nil
	}
	return res
}

func fail(p *diag.Problem) result { return result{probs: diag.List{p}} }

// lineOf returns the 1-based line of byte offset off.
func lineOf(data []byte, off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }

// invalidLine returns the line of the first byte that is not UTF-8.
func invalidLine(data []byte) int {
	for off := 0; off < len(data); {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			return lineOf(data, off)
		}
		off += n
	}
	return 0
}
