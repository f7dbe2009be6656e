package editor

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"bulletin/internal/diag"
	"bulletin/internal/front"
	"bulletin/internal/model"
	"bulletin/internal/text"

	"golang.org/x/text/unicode/norm"
)

var ict = time.FixedZone("ICT", 7*3600)

func TestArticlePath(t *testing.T) {
	for in, ok := range map[string]bool{
		"articles/2018/a.md": true, "articles/a.MD": true, "articles/2018/kiểm-tra.md": true,
		"articles/../site.yaml": false, "articles/./a.md": false, "articles//a.md": false, "../content/articles/a.md": false,
		"articles\\..\\a.md": false, "articles/a.md\x00": false, "pages/a.md": false, "projects/01-da-tu.md": false,
		"articles/a.txt": false, "articles/.a.md": false, "articles/.a.md.swp": false, "articles/a.md~": false, "articles": false,
	} {
		if _, err := articlePath(in); (err == nil) != ok {
			t.Errorf("articlePath(%q): %v", in, err)
		}
	}
}

// fieldOf is the one mapping from check's problems to the form's fields.
func TestFieldOf(t *testing.T) {
	for _, c := range []struct {
		p    diag.Problem
		want string
	}{
		{diag.Problem{Field: "title"}, "title"},
		{diag.Problem{Field: "documents[2].title"}, "documents"},
		{diag.Problem{Field: "documents[1].code"}, "documents"},
		{diag.Problem{Field: "team_lead"}, "team_lead.name"},
		{diag.Problem{Field: "team_lead.role"}, "team_lead.role"},
		{diag.Problem{Field: "outcome.follow_up_by"}, "outcome.follow_up_by"},
		{diag.Problem{Field: "outcome"}, "outcome.findings"},
		{diag.Problem{Field: "inspected_unit"}, "inspected_unit"},
		{diag.Problem{Field: "image", Code: "missing-alt"}, "image.alt"},
		{diag.Problem{Field: "image.src"}, "image"},
		{diag.Problem{Field: "image.caption"}, "image.caption"},
		{diag.Problem{Field: "documnets", Code: "unknown-field"}, ""},
		{diag.Problem{Field: "team_lead.rank", Code: "unknown-field"}, ""},
		{diag.Problem{Line: 12}, "body"},
		{diag.Problem{Line: 3}, ""},
	} {
		if got := fieldOf(&c.p, 10); got != c.want {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}

const article = "---\n" +
	"title: Kiểm tra dân vận\n" +
	"date: 2018-08-06T16:41:00+07:00 # giờ làm việc\n" +
	"team_lead: Bùi Hải Tú\n" +
	"documents:\n  - code: 01-ĐA/TU\n    title: Nâng cao\n  - 02-ĐA/TU\n" +
	"tags: dân vận, dân chủ\n" +
	"outcome:\n  findings:\n    - Tốt\n  follow_up_by: 2018-09-30\n" +
	"---\nThân bài.\n"

// Each edit of the form reaches the file in the way the file writes that
// key, and nothing else changes.
func TestApplyWritesEachFieldInItsPlace(t *testing.T) {
	for _, c := range []struct {
		name      string
		edit      func(*Form)
		old, repl string
	}{
		{"date keeps its style", func(f *Form) { f.Date = "09:00, 07/08/2018" },
			"date: 2018-08-06T16:41:00+07:00 # giờ làm việc\n", "date: 2018-08-07T09:00:00+07:00 # giờ làm việc\n"},
		{"the same time typed another way is no edit", func(f *Form) { f.Date = "16:41 6/8/2018" }, "", ""},
		{"a name alone stays a name", func(f *Form) { f.LeadName = "Bùi Hải  Tú " }, "", ""},
		{"a role makes the lead a map", func(f *Form) { f.LeadRole = "Phó Chủ nhiệm" },
			"team_lead: Bùi Hải Tú\n", "team_lead:\n  name: Bùi Hải Tú\n  role: Phó Chủ nhiệm\n"},
		{"a document added keeps the others' lines", func(f *Form) { f.Documents = append(f.Documents, "15-NQ/TU") },
			"  - 02-ĐA/TU\n", "  - 02-ĐA/TU\n  - \"15-NQ/TU\"\n"},
		{"a document removed", func(f *Form) { f.Documents = f.Documents[1:] },
			"  - code: 01-ĐA/TU\n    title: Nâng cao\n", ""},
		{"tags written as one text stay so", func(f *Form) { f.Tags = append(f.Tags, "kinh tế") },
			"tags: dân vận, dân chủ\n", "tags: dân vận, dân chủ, kinh tế\n"},
		{"a finding added", func(f *Form) { f.Findings += "\nĐúng hạn" }, "    - Tốt\n", "    - Tốt\n    - Đúng hạn\n"},
		{"the follow-up date keeps its style", func(f *Form) { f.FollowUpBy = "15/10/2018" },
			"  follow_up_by: 2018-09-30\n", "  follow_up_by: 2018-10-15\n"},
		{"a summary added", func(f *Form) { f.Summary = "Tóm tắt: ngắn" }, "---\nThân", "summary: \"Tóm tắt: ngắn\"\n---\nThân"},
		{"the body", func(f *Form) { f.Body = "Thân bài mới.\n" }, "Thân bài.\n", "Thân bài mới.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := front.Parse([]byte(article))
			if err != nil {
				t.Fatal(err)
			}
			was := formOf(f, ict)
			now := was
			now.Documents = append([]string(nil), was.Documents...)
			now.Tags = append([]string(nil), was.Tags...)
			c.edit(&now)
			if err := apply(f, was, now, ict); err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(article, c.old, c.repl, 1)
			if got := string(f.Bytes()); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// The comments of a field written on one line, and of the items a list
// keeps, stay where they were when the field is edited (found by a
// hostile review: each of these lost its comments).
func TestApplyKeepsTheCommentsOfAnEditedField(t *testing.T) {
	for _, c := range []applyCase{
		{"a tag added to a list of one line", "tags: [dân vận, dân chủ]   # thẻ chính\n",
			func(f *Form) { f.Tags = append(f.Tags, "kinh tế") }, "tags: [dân vận, dân chủ, kinh tế] # thẻ chính\n"},
		{"a tag removed from a block list", "tags:\n  - dân vận # chính\n  - 'dân chủ' # phụ\n  - kinh tế # thêm\n",
			func(f *Form) { f.Tags = []string{f.Tags[0], f.Tags[2]} }, "tags:\n  - dân vận # chính\n  - kinh tế # thêm\n"},
		{"a role given to a lead written as a name", "team_lead: Bùi Hải Tú # theo quyết định\n",
			func(f *Form) { f.LeadRole = "Phó Chủ nhiệm" }, "team_lead: # theo quyết định\n  name: Bùi Hải Tú\n  role: Phó Chủ nhiệm\n"},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t) })
	}
}

// applyCase is an edit of a file whose frontmatter is a title, a date
// and front: the form applied to it writes want in front's place.
type applyCase struct {
	name  string
	front string
	edit  func(*Form)
	want  string
}

func (c applyCase) run(t *testing.T) {
	const head = "---\ntitle: Kiểm tra\ndate: 2018-08-06T16:41:00+07:00\n"
	f, err := front.Parse([]byte(head + c.front + "---\nThân bài.\n"))
	if err != nil {
		t.Fatal(err)
	}
	was := formOf(f, ict)
	now := was
	now.Tags = append([]string(nil), was.Tags...)
	c.edit(&now)
	if err := apply(f, was, now, ict); err != nil {
		t.Fatal(err)
	}
	if got, want := string(f.Bytes()), head+c.want+"---\nThân bài.\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The lead image's text alternative, caption and credit are fields of
// the form: a clerk told that the photo has no alt text mends it there
// (a hostile review: the warning showed, and nothing in the form could
// answer it). A path alone becomes a map only when given one of them.
func TestApplyWritesTheLeadImagesAltCaptionAndCredit(t *testing.T) {
	for _, c := range []applyCase{
		{"alt text given to a path", "image: /images/a.jpg # ảnh chính\n",
			func(f *Form) { f.ImageAlt = "Đoàn kiểm tra làm việc" },
			"image: # ảnh chính\n  src: \"/images/a.jpg\"\n  alt: Đoàn kiểm tra làm việc\n"},
		{"a new path stays a path", "image: /images/a.jpg\n",
			func(f *Form) { f.Image = "/images/b.jpg" }, "image: \"/images/b.jpg\"\n"},
		{"a caption added to a map, its other lines kept", "image:\n  src: /images/a.jpg\n  alt: Hội trường # tả\n",
			func(f *Form) { f.ImageCaption = "Quang cảnh buổi làm việc" },
			"image:\n  src: /images/a.jpg\n  alt: Hội trường # tả\n  caption: Quang cảnh buổi làm việc\n"},
		{"a credit emptied is removed", "image:\n  src: /images/a.jpg\n  alt: Hội trường\n  credit: Văn phòng\n",
			func(f *Form) { f.ImageCredit = " " }, "image:\n  src: /images/a.jpg\n  alt: Hội trường\n"},
		{"the path emptied removes the image whole", "image:\n  src: /images/a.jpg\n  alt: Hội trường\n",
			func(f *Form) { f.Image = "" }, ""},
		{"alt text with no photo writes nothing", "",
			func(f *Form) { f.ImageAlt = "Hội trường" }, ""},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t) })
	}
	nf := newFile(Form{Title: "Kiểm tra", Date: "09:30, 20/09/2018", Kind: "news", Image: "/images/a.jpg",
		ImageAlt: "Hội trường", ImageCredit: "Văn phòng"}, ict)
	if got, want := string(nf.Bytes()), "image:\n  src: \"/images/a.jpg\"\n  alt: Hội trường\n  credit: Văn phòng\n"; !strings.Contains(got, want) {
		t.Errorf("a new article:\n%s\nwants\n%s", got, want)
	}
}

// The form as a browser sends it (CRLF in text areas, empty rows) reads
// as the form it showed: an untouched form is no edit at all.
func TestAnUntouchedFormEditsNothing(t *testing.T) {
	f, _ := front.Parse([]byte(article))
	was := formOf(f, ict)
	sent := url.Values{"title": {was.Title}, "date": {was.Date}, "kind": {was.Kind}, "team_lead.name": {was.LeadName},
		"team_lead.role": {""}, "inspected_unit": {""}, "documents": append(append([]string(nil), was.Documents...), ""),
		"outcome.findings": {strings.ReplaceAll(was.Findings, "\n", "\r\n")}, "outcome.follow_up_by": {was.FollowUpBy},
		"tags": append(append([]string(nil), was.Tags...), " "), "body": {strings.ReplaceAll(was.Body, "\n", "\r\n")}}
	if ed := edited(was, formFrom(sent), ict); len(ed) != 0 {
		t.Errorf("edited: %v", ed)
	}
}

// A new article with no title yet has no slug: key either, whose empty
// value was a second error, beside Đường dẫn, for the one mistake.
func TestNewFileWithNoTitleHasNoSlug(t *testing.T) {
	f := newFile(Form{Date: "09:30, 20/09/2018", Kind: "news"}, ict)
	if _, ok := f.Values()["slug"]; ok {
		t.Errorf("a new article with no title:\n%s", f.Bytes())
	}
}

func TestNewFile(t *testing.T) {
	f := newFile(Form{Title: "Kiểm tra: dân vận", Date: "09:30, 20/09/2018", Kind: "news", LeadName: "Bùi Hải Tú",
		Documents: []string{"01-ĐA/TU"}, Tags: []string{"dân vận"}, Draft: true, Body: "Thân bài.\n"}, ict)
	want := "---\ntitle: \"Kiểm tra: dân vận\"\ndate: 09:30, 20/09/2018\nkind: news\nteam_lead:\n  name: Bùi Hải Tú\n" +
		"documents:\n  - \"01-ĐA/TU\"\ntags: [dân vận]\ndraft: true\nslug: kiem-tra-dan-van\n---\nThân bài.\n"
	if got := string(f.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A date before 1906, when the zone gives Vietnam's local mean time
// (+07:06:40), is shown and written as the build reads it, at +07:00:
// the form showed 10:06 for a 10:00 article, and every date edit was
// refused as "could not be written in place" (found by a hostile review).
func TestApplyADateBeforeTheZonesStandardTime(t *testing.T) {
	const head = "---\ntitle: Kiểm tra\ndate: 1905-01-01 10:00\n---\nThân bài.\n"
	vn, err := time.LoadLocation("Asia/Ho_Chi_Minh") // with its local mean time before 1906
	if err != nil {
		t.Skip("no zone database:", err)
	}
	f, err := front.Parse([]byte(head))
	if err != nil {
		t.Fatal(err)
	}
	was := formOf(f, vn)
	if was.Date != "10:00, 01/01/1905" {
		t.Errorf("the form shows %q, want 10:00, 01/01/1905", was.Date)
	}
	now := was
	now.Date = "09:30, 02/01/1905"
	if err := apply(f, was, now, vn); err != nil {
		t.Fatal(err)
	}
	if got := string(f.Bytes()); !strings.Contains(got, "date: 1905-01-02 09:30\n") {
		t.Errorf("got\n%s", got)
	}
	if got := formOf(f, vn).Date; got != "09:30, 02/01/1905" {
		t.Errorf("read back as %q", got)
	}
}

// Text typed with an input method that sends decomposed letters (NFD: "ê"
// then a combining acute) reaches the file composed (NFC), as the same
// words typed anywhere else are: grep, git and other tools find it. A
// body the form did not edit stays as the file wrote it, composed or not.
func TestTypedTextIsWrittenComposed(t *testing.T) {
	nfd := func(s string) string { return norm.NFD.String(s) }
	f := newFile(formFrom(url.Values{"title": {nfd("Kiểm tra Đảng ủy xã")}, "date": {"09:30, 20/09/2018"}, "kind": {"news"},
		"team_lead.name": {nfd("Bùi Hải Tú")}, "inspected_unit": {nfd("Đảng ủy xã Phấn Mễ")}, "documents": {nfd("01-ĐA/TU")},
		"tags": {nfd("dân vận")}, "summary": {nfd("Tóm tắt.")}, "body": {nfd("Thân bài tiếng Việt.\n")}}), ict)
	if got := string(f.Bytes()); !norm.NFC.IsNormalString(got) {
		t.Errorf("a new file is not NFC:\n%q", got)
	}
	const head = "---\ntitle: Kiểm tra\ndate: 2018-09-20 09:30\n---\n"
	orig := head + nfd("Thân bài đã có, viết ở nơi khác.\n")
	o, _ := front.Parse([]byte(orig))
	was := formOf(o, ict)
	now := formFrom(url.Values{"title": {nfd("Kiểm tra lại")}, "date": {was.Date}, "kind": {was.Kind}, "body": {was.Body}})
	if err := apply(o, was, now, ict); err != nil {
		t.Fatal(err)
	}
	if got, want := string(o.Bytes()), "---\ntitle: Kiểm tra lại\ndate: 2018-09-20 09:30\n---\n"+nfd("Thân bài đã có, viết ở nơi khác.\n"); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// A document cited as running text ("Đề án số 01-ĐA/TU, ngày 12/7/2016")
// is shown as the build links it: its project and file, not a code "with
// no project file" and a button to make a second one.
func TestDocumentsAreReadAsTheBuildReadsThem(t *testing.T) {
	site := &model.Site{Projects: []*model.Project{{File: &model.ProjectFile{}, Code: "01-ĐA/TU", Key: text.CodeKey("01-ĐA/TU"),
		Title: "Nâng cao chất lượng", URL: "/de-an/01-da-tu/"}}}
	for _, typed := range []string{"01-ĐA/TU", "Đề án số 01-ĐA/TU", "Đề án số 01-ĐA/TU, ngày 12/7/2016", "Số: 01-DA/TU",
		"Đề án số 01-ĐA/TU, ngày 12/7/2016 về “Nâng cao chất lượng, hiệu quả”", "(01-ĐA/TU)", "Đề án số 01-ĐA/TU về “Nâng cao chất lượng”"} {
		d := documents(site, []string{typed})
		if len(d) != 1 || !d[0].File || !d[0].Valid || d[0].Code != "01-ĐA/TU" || d[0].Typed != typed || d[0].URL != "/de-an/01-da-tu/" {
			t.Errorf("%q: %+v", typed, d)
		}
	}
	for _, typed := range []string{"01-ĐA/TU và 02-ĐA/TU", "42", "Đề án"} {
		if d := documents(site, []string{typed}); len(d) != 1 || d[0].Valid {
			t.Errorf("%q: %+v, want not valid", typed, d)
		}
	}
}
