package serve

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The sites of the editor's Vietnamese tests: a good article to edit, one
// to clash and differ with, a project; and, apart (their errors would hold
// back the warnings that weigh one file against others), files written by
// hand with the mistakes a form cannot make (types, keys twice, a
// misspelt key).
var viSite = map[string]string{
	"content/projects/01-da-tu.md": projectFile,
	"content/articles/a.md":        "---\ntitle: Kiểm tra dân vận\ndate: 16:41, 06/08/2018\ndocuments: [01-ĐA/TU]\n---\nĐoàn kiểm tra làm việc.\n",
	"content/articles/b.md": "---\ntitle: Làm việc tại Phú Lương\ndate: 2018-08-10 09:00\nteam_lead: Bùi Hải Tú\n" +
		"inspected_unit: Huyện ủy Phú Lương\ntags: [dân vận]\ndocuments: [01-ĐA/TU]\n---\nNội dung.\n",
	"static/a.svg": "<svg/>",
}

var viHandSite = map[string]string{
	"content/articles/kieu.md":    "---\ntitle: true\ndate: 2018-08-11 09:00\ndraft: \"yes\"\ndocuments: [01-ĐA/TU]\n---\nx\n",
	"content/articles/hai-lan.md": "---\ntitle: Bài một\ndate: 2018-08-12 09:00\ntitle: Bài hai\ndocuments: [01-ĐA/TU]\n---\nx\n",
	"content/articles/go-sai.md":  "---\ntitle: Bài gõ sai\ndate: 2018-08-13 09:00\ndocumnets: [01-ĐA/TU]\n---\nx\n",
	"content/articles/thieu.md":   "---\ntitle: Bài thiếu ngày\ndocuments: [01-ĐA/TU]\n---\nx\n",
}

// viProblem is a problem of the preview's JSON.
type viProblem struct{ Field, Severity, Message, Where, Text string }

// preview posts the form of path (articles/…) with edits as a preview and
// returns the problems of the file.
func (ts *testServer) preview(path string, edits map[string][]string) []viProblem {
	ts.t.Helper()
	form := ts.editForm(path)
	for k, v := range edits {
		form[k] = v
	}
	form.Set("action", "preview")
	code, body, _ := ts.post("/_bulletin/edit/"+path, form, nil)
	if code != http.StatusOK {
		ts.t.Fatalf("preview of %s: %d %s", path, code, body)
	}
	var p struct{ Problems []viProblem }
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		ts.t.Fatal(err)
	}
	return p.Problems
}

// vietnamese holds the letters only Vietnamese writes: a message without
// one is not Vietnamese.
var vietnamese = regexp.MustCompile(`[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)

// For each group of the clerk's mistakes, a form with that mistake shows
// beside the right field what is wrong and what to do, in Vietnamese and
// the form's terms; no problem the editor shows is in English (check's
// English is kept for an engineer, in Text).
func TestEditorSaysEachProblemInVietnameseBesideItsField(t *testing.T) {
	ts, hand := start(t, viSite), start(t, viHandSite)
	for _, c := range []struct {
		name, path string
		edits      map[string][]string
		field      string
		want       []string // in the message beside field
	}{
		{"an impossible date", "articles/a.md", map[string][]string{"date": {"16:41, 31/02/2018"}}, "date",
			[]string{"«16:41, 31/02/2018» không phải là một ngày có thật", "16:41, 06/08/2018"}},
		{"an empty date", "articles/a.md", map[string][]string{"date": {""}}, "date",
			[]string{"Thời gian đăng đang để trống", "chọn bằng lịch"}},
		{"a year typed wrong", "articles/a.md", map[string][]string{"date": {"16:41, 06/08/2098"}}, "date",
			[]string{"06/08/2098", "cách hôm nay hơn một năm", "gõ nhầm năm"}},
		{"an empty title", "articles/a.md", map[string][]string{"title": {""}}, "title",
			[]string{"Tiêu đề đang để trống"}},
		{"another article's address", "articles/a.md", map[string][]string{"title": {"Làm việc tại Phú Lương"}}, "title",
			[]string{"Hai trang sẽ có cùng một địa chỉ /2018/08/lam-viec-tai-phu-luong/", "«Đường dẫn»"}},
		{"a slug without letters", "articles/a.md", map[string][]string{"slug": {"!!!"}}, "slug",
			[]string{"Đường dẫn «!!!» không có chữ cái hay chữ số"}},
		{"a code without letters", "articles/a.md", map[string][]string{"documents": {"42"}}, "documents",
			[]string{"«42» không phải là số hiệu văn bản", "01-ĐA/TU"}},
		{"words before a code", "articles/a.md", map[string][]string{"documents": {"Văn bản số 22-QĐ/TW"}}, "documents",
			[]string{"các chữ «Văn bản số» bị coi là một phần của số hiệu"}},
		{"one document twice", "articles/a.md", map[string][]string{"documents": {"01-ĐA/TU", "01-DA/TU"}}, "documents",
			[]string{"là cùng một văn bản", "bỏ một trong hai ô"}},
		{"no document", "articles/a.md", map[string][]string{"documents": {""}}, "documents",
			[]string{"Bài chưa ghi văn bản liên quan nào"}},
		{"a document cited with another title", "articles/a.md", map[string][]string{"documents": {"Đề án số 01-ĐA/TU về “Kinh tế”"}}, "documents",
			[]string{"Văn bản 01-ĐA/TU được ghi tên «Kinh tế», nhưng tệp đề án ghi «Nâng cao chất lượng công tác dân vận»"}},
		{"a role without a team lead", "articles/a.md", map[string][]string{"team_lead.role": {"Phó Trưởng ban"}}, "team_lead.name",
			[]string{"chưa có tên trưởng đoàn", "«Trưởng đoàn»"}},
		{"a team lead spelt otherwise", "articles/a.md", map[string][]string{"team_lead.name": {"Bùi Hải Tư"}}, "team_lead.name",
			[]string{"«Bùi Hải Tư» và «Bùi Hải Tú»", "chỉ khác nhau ở dấu"}},
		{"a unit spelt otherwise", "articles/a.md", map[string][]string{"inspected_unit": {"Huyện ủy Phú Lường"}}, "inspected_unit",
			[]string{"«Huyện ủy Phú Lường» và «Huyện ủy Phú Lương»"}},
		{"a tag spelt otherwise", "articles/a.md", map[string][]string{"tags": {"dần vận"}}, "tags",
			[]string{"«dần vận» và «dân vận»"}},
		{"a lead image that is not there", "articles/a.md", map[string][]string{"image": {"/images/khong-co.jpg"}}, "image",
			[]string{"Không tìm thấy ảnh /images/khong-co.jpg", "«Ảnh đại diện»"}},
		{"a lead image without its description", "articles/a.md", map[string][]string{"image": {"/a.svg"}}, "image.alt",
			[]string{"Ảnh đại diện chưa có mô tả", "«Mô tả ảnh»"}},
		{"a lead image that is no address", "articles/a.md", map[string][]string{"image": {"javascript:alert(1)"}}, "image",
			[]string{"«javascript:alert(1)» không phải là địa chỉ của một ảnh"}},
		{"a follow-up date that is none", "articles/a.md", map[string][]string{"kind": {"outcome"}, "outcome.follow_up_by": {"sớm"}}, "outcome.follow_up_by",
			[]string{"«sớm» không phải là một ngày", "30/09/2018"}},
		{"a follow-up overdue", "articles/a.md", map[string][]string{"kind": {"outcome"}, "outcome.follow_up_by": {"30/09/2018"}}, "outcome.follow_up_by",
			[]string{"Đã quá hạn báo cáo khắc phục 30/09/2018"}},
		{"a broken link in the body", "articles/a.md", map[string][]string{"body": {"Đoạn một.\n\nXem [bài cũ](/2018/01/khong-co/)."}}, "body",
			[]string{"Liên kết /2018/01/khong-co/ không dẫn tới trang"}},
		{"a body image without description", "articles/a.md", map[string][]string{"body": {"![](/a.svg)"}}, "body",
			[]string{"Ảnh /a.svg trong nội dung bài chưa có mô tả"}},
		// Written by hand.
		{"a title that is true", "articles/kieu.md", nil, "title",
			[]string{"Tiêu đề trong tệp là giá trị đúng/sai (true), không phải chữ"}},
		{"a draft that is text", "articles/kieu.md", nil, "draft",
			[]string{"Bản nháp trong tệp ghi chữ «yes»", "bấm chọn"}},
		{"a title given twice", "articles/hai-lan.md", nil, "title",
			[]string{"Tiêu đề được ghi hai lần trong tệp (dòng 2 và dòng 4)"}},
		{"a date missing", "articles/thieu.md", nil, "date",
			[]string{"Bài chưa có thời gian đăng", "16:41, 06/08/2018"}},
		{"a misspelt key", "articles/go-sai.md", nil, "",
			[]string{"Tệp có mục «documnets» mà trang không dùng", "«documents» (Văn bản liên quan)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			on := ts
			if c.edits == nil {
				on = hand
			}
			ps := on.preview(c.path, c.edits)
			found := false
			for _, p := range ps {
				if !vietnamese.MatchString(p.Message) || p.Message == p.Text || strings.Contains(p.Message, p.Text) {
					t.Errorf("a problem not said in Vietnamese: %+v", p)
				}
				if p.Field != c.field {
					continue
				}
				all := true
				for _, w := range c.want {
					all = all && strings.Contains(p.Message, w)
				}
				found = found || all
			}
			if !found {
				t.Errorf("no problem beside %q says %q; the problems: %+v", c.field, c.want, ps)
			}
		})
	}
	// A problem of the body says its line in the text area, not the file.
	for _, p := range ts.preview("articles/a.md", map[string][]string{"body": {"Đoạn một.\n\nXem [bài cũ](/2018/01/khong-co/)."}}) {
		if p.Field == "body" && p.Where != "dòng 3 của nội dung bài" {
			t.Errorf("a problem of the body's third line says where: %q", p.Where)
		}
	}
}

// A refused save shows the Vietnamese beside the field, check's English
// folded under "chi tiết kỹ thuật" only.
func TestEditorRefusedSaveShowsTheVietnameseBesideTheField(t *testing.T) {
	ts := start(t, viSite)
	form := ts.editForm("articles/a.md")
	form.Set("date", "16:41, 31/02/2018")
	form.Set("action", "save")
	code, body, _ := ts.post("/_bulletin/edit/articles/a.md", form, nil)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("save: %d", code)
	}
	beside := regexp.MustCompile(`(?s)<div id="p-date"[^>]*>(.*?)</div>`).FindStringSubmatch(body)
	if beside == nil {
		t.Fatal("nothing beside the date")
	}
	li := regexp.MustCompile(`(?s)<li class="error">(.*?)<details class="tech"><summary>chi tiết kỹ thuật</summary><code>(.*?)</code></details></li>`).FindStringSubmatch(beside[1])
	if li == nil || !strings.Contains(li[1], "«16:41, 31/02/2018» không phải là một ngày có thật") || strings.Contains(li[1], "not a valid date") ||
		!strings.Contains(li[2], "is not a valid date") {
		t.Errorf("beside the date: %s", beside[1])
	}
}
