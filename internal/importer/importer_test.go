package importer

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v2"
)

// TestExtract runs the extraction rules on one sentence each: every kind
// word, codes with Đ, both date forms, both kinds of quotes, a missing
// role, three documents in one sentence, no team lead, and the traps
// ("Phó Trưởng đoàn", "tại" inside a title, "TP.").
func TestExtract(t *testing.T) {
	type doc = Document
	tests := []struct {
		name, in         string
		lead, role, unit string
		co               []string
		docs             []doc
	}{
		{
			name: "comma role, làm việc với, Nghị quyết with numeric date and curly title",
			in:   "Sáng 14/3, Đoàn kiểm tra do đồng chí Lê Văn Thành, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm Trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Võ Nhai về việc thực hiện Nghị quyết số 15-NQ/TU ngày 25/12/2017 của Ban Chấp hành Đảng bộ tỉnh về “Đẩy mạnh phát triển kinh tế tập thể giai đoạn 2018 - 2025”.",
			lead: "Lê Văn Thành", role: "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
			unit: "Ban Thường vụ Huyện ủy Võ Nhai",
			docs: []doc{{"Nghị quyết", "15-NQ/TU", "25/12/2017", "Đẩy mạnh phát triển kinh tế tập thể giai đoạn 2018 - 2025"}},
		},
		{
			name: "dash role, lower-case trưởng đoàn, Chỉ thị with straight quotes",
			in:   `Đoàn giám sát do đồng chí Phạm Thị Hoa - Phó Chủ tịch HĐND tỉnh làm trưởng đoàn đã giám sát việc thực hiện Chỉ thị số 35-CT/TW về "Đại hội đảng bộ các cấp tiến tới Đại hội XIII của Đảng" tại Đảng ủy Công an tỉnh.`,
			lead: "Phạm Thị Hoa", role: "Phó Chủ tịch HĐND tỉnh", unit: "Đảng ủy Công an tỉnh",
			docs: []doc{{"Chỉ thị", "35-CT/TW", "", "Đại hội đảng bộ các cấp tiến tới Đại hội XIII của Đảng"}},
		},
		{
			name: "Trưởng đoàn là, kiểm tra <Unit> về, Kế hoạch with a date in words and Đ in the code",
			in:   "Trưởng đoàn là đồng chí Hoàng Minh Tuấn, Phó Chủ tịch UBND tỉnh, cùng đi có lãnh đạo các sở, ngành; Đoàn đã kiểm tra UBND huyện Định Hóa về Kế hoạch số 74/KH-CTĐ, ngày 5 tháng 3 năm 2020 về việc “Tuyên truyền cải cách hành chính năm 2020”.",
			lead: "Hoàng Minh Tuấn", role: "Phó Chủ tịch UBND tỉnh", unit: "UBND huyện Định Hóa",
			docs: []doc{{"Kế hoạch", "74/KH-CTĐ", "5/3/2020", "Tuyên truyền cải cách hành chính năm 2020"}},
		},
		{
			name: "no role, Quyết định without số, title after the issuer",
			in:   "Đồng chí Trịnh Việt Hùng làm Trưởng đoàn kiểm tra việc thực hiện Quyết định 4950/QĐ-UBND ngày 28/12/2022 của UBND tỉnh phê duyệt “Đề án nâng cao chỉ số hài lòng của người dân” tại UBND thành phố Phổ Yên.",
			lead: "Trịnh Việt Hùng", role: "", unit: "UBND thành phố Phổ Yên",
			docs: []doc{{"Quyết định", "4950/QĐ-UBND", "28/12/2022", "Đề án nâng cao chỉ số hài lòng của người dân"}},
		},
		{
			name: "no team lead, Kết luận without title, unit holding và",
			in:   "Đoàn kiểm tra đã làm việc với Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh về thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.",
			unit: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
			docs: []doc{{"Kết luận", "21-KL/TW", "25/10/2021", ""}},
		},
		{
			name: "role then ', Trưởng đoàn', Thông báo kết luận, no unit",
			in:   "Cùng dự có đồng chí Ngô Thu Trang, Trưởng Ban Dân vận Huyện ủy, Trưởng đoàn giám sát; Đoàn đã xem xét Thông báo kết luận số 05/TB-UBKT ngày 09/01/2024 của Ủy ban Kiểm tra Tỉnh ủy.",
			lead: "Ngô Thu Trang", role: "Trưởng Ban Dân vận Huyện ủy",
			docs: []doc{{"Thông báo", "05/TB-UBKT", "9/1/2024", ""}},
		},
		{
			name: "lower-case công văn, unit after kiểm tra tại",
			in:   "Theo công văn số 1520/UBND-NC ngày 3/6/2021, đoàn công tác do đồng chí Đặng Quốc Bảo, Chánh Thanh tra tỉnh làm Trưởng đoàn tiến hành kiểm tra tại Sở Tài nguyên và Môi trường.",
			lead: "Đặng Quốc Bảo", role: "Chánh Thanh tra tỉnh", unit: "Sở Tài nguyên và Môi trường",
			docs: []doc{{"Công văn", "1520/UBND-NC", "3/6/2021", ""}},
		},
		{
			name: "Chương trình hành động, no lead, no inspection",
			in:   "Hội nghị đã quán triệt Chương trình hành động số 12-CTr/TU về “Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng” và Đề án số 03-ĐA/TU.",
			docs: []doc{
				{"Chương trình", "12-CTr/TU", "", "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"},
				{"Đề án", "03-ĐA/TU", "", ""},
			},
		},
		{
			name: "three documents in one sentence",
			in:   "Đoàn kiểm tra do đồng chí Vũ Thị Lan, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm Trưởng đoàn đã kiểm tra việc thực hiện Nghị quyết số 15-NQ/TU, Kế hoạch số 123/KH-UBND và Chỉ thị số 05-CT/TU tại Thành ủy Sông Công.",
			lead: "Vũ Thị Lan", role: "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", unit: "Thành ủy Sông Công",
			docs: []doc{{"Nghị quyết", "15-NQ/TU", "", ""}, {"Kế hoạch", "123/KH-UBND", "", ""}, {"Chỉ thị", "05-CT/TU", "", ""}},
		},
		{
			name: "codes sharing a kind, a bare D code deduplicated and filling the date",
			in:   "Đồng chí Trưởng đoàn đề nghị Huyện ủy tiếp tục thực hiện các Đề án số 01-ĐA/TU và số 02-ĐA/TU, ngày 10/10/2016; riêng Đề án 01-DA/TU ngày 12/7/2016 cần được tổng kết trước tháng 12.",
			docs: []doc{{"Đề án", "01-ĐA/TU", "12/7/2016", ""}, {"Đề án", "02-ĐA/TU", "10/10/2016", ""}},
		},
		{
			name: "Phó Trưởng đoàn is not the lead",
			in:   "Phó Trưởng đoàn là đồng chí Mai Văn Sơn, Ủy viên Ủy ban Kiểm tra Tỉnh ủy; Trưởng đoàn là đồng chí Lý Thị Ngọc, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy đã làm việc với Huyện ủy Đồng Hỷ về Kế hoạch số 40-KH/TU.",
			lead: "Lý Thị Ngọc", role: "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", unit: "Huyện ủy Đồng Hỷ",
			docs: []doc{{"Kế hoạch", "40-KH/TU", "", ""}},
		},
		{
			name: "tại inside a title, TP. in the unit",
			in:   "Đoàn đã kiểm tra việc thực hiện Đề án số 05-ĐA/TU về “Phát triển du lịch tại Hồ Núi Cốc” tại UBND TP. Thái Nguyên.",
			unit: "UBND TP. Thái Nguyên",
			docs: []doc{{"Đề án", "05-ĐA/TU", "", "Phát triển du lịch tại Hồ Núi Cốc"}},
		},
		{
			name: "a code in quotes, a role between dashes",
			in:   `Đoàn kiểm tra do đồng chí Bùi Hải Tú - Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy - làm Trưởng đoàn đã làm việc với Đảng ủy Khối về Đề án số "01-ĐA/TU" và số “02-ĐA/TU” về “Dân chủ ở cơ sở”.`,
			lead: "Bùi Hải Tú", role: "Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", unit: "Đảng ủy Khối",
			docs: []doc{{"Đề án", "01-ĐA/TU", "", ""}, {"Đề án", "02-ĐA/TU", "", "Dân chủ ở cơ sở"}},
		},
		{
			name: "two team leads",
			in:   "Đoàn kiểm tra liên ngành do đồng chí Bùi Hải Tú, Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy và đồng chí Nguyễn Văn Hùng, Phó Giám đốc Sở Nội vụ đồng làm Trưởng đoàn đã làm việc với UBND huyện Đại Từ.",
			lead: "Bùi Hải Tú", role: "Tỉnh ủy viên, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", unit: "UBND huyện Đại Từ",
			co: []string{"Nguyễn Văn Hùng, Phó Giám đốc Sở Nội vụ"},
		},
		{
			name: "three team leads, one without a role",
			in:   "Đoàn do đồng chí Bùi Hải Tú, Tỉnh ủy viên, đồng chí Lê Văn Nam và đồng chí Trần Thị Mai, Giám đốc Sở Tư pháp đồng làm Trưởng đoàn.",
			lead: "Bùi Hải Tú", role: "Tỉnh ủy viên",
			co: []string{"Lê Văn Nam", "Trần Thị Mai, Giám đốc Sở Tư pháp"},
		},
		{
			name: "numbers that are not codes",
			in:   "Năm 2019, 2 đề án nêu trên và Quyết định số 12/2019 được triển khai tại các chi bộ.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := []string{tt.in}
			lead, role, co := findTeamLead(paras)
			if lead != tt.lead || role != tt.role || !reflect.DeepEqual(co, tt.co) {
				t.Errorf("team lead = %q, %q, %q; want %q, %q, %q", lead, role, co, tt.lead, tt.role, tt.co)
			}
			if unit := findUnit(paras); unit != tt.unit {
				t.Errorf("unit = %q, want %q", unit, tt.unit)
			}
			if docs := findDocuments(paras); !reflect.DeepEqual(docs, tt.docs) {
				t.Errorf("documents =\n%q\nwant\n%q", docs, tt.docs)
			}
		})
	}
}

// frontmatter is what an article's YAML holds, as a site loader reads it.
type frontmatter struct {
	Title    string `yaml:"title"`
	Date     string `yaml:"date"`
	Kind     string `yaml:"kind"`
	Draft    *bool  `yaml:"draft"`
	TeamLead struct {
		Name string `yaml:"name"`
		Role string `yaml:"role"`
	} `yaml:"team_lead"`
	Unit      string `yaml:"inspected_unit"`
	Documents []struct {
		Code  string `yaml:"code"`
		Date  string `yaml:"date"`
		Title string `yaml:"title"`
	} `yaml:"documents"`
}

// splitFrontmatter returns the YAML between the opening "---" line and the
// next, and the body after it.
func splitFrontmatter(t *testing.T, md []byte) (frontmatter, string) {
	t.Helper()
	s := string(md)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("Markdown() does not start with ---:\n%s", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("Markdown() has no closing ---:\n%s", s)
	}
	var fm frontmatter
	if err := yaml.UnmarshalStrict([]byte(s[4:4+end+1]), &fm); err != nil {
		t.Fatalf("frontmatter is not valid YAML: %v\n%s", err, s[:4+end])
	}
	return fm, s[4+end+5:]
}

func TestParseBulletin(t *testing.T) {
	src, err := os.ReadFile("testdata/dai-tu-2019.txt")
	if err != nil {
		t.Fatal(err)
	}
	hcm := time.FixedZone("ICT", 7*3600)
	b, err := Parse(src, hcm)
	if err != nil {
		t.Fatal(err)
	}
	want := &Bulletin{
		Title:    "Kiểm tra việc thực hiện các đề án về xây dựng Đảng ở Đại Từ",
		Date:     time.Date(2019, 4, 23, 9, 15, 0, 0, hcm),
		DateText: "09:15, 23/04/2019",
		TeamLead: "Lương Thị Thu Hà",
		Role:     "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy",
		Unit:     "Huyện ủy Đại Từ",
		Documents: []Document{
			{"Đề án", "05-ĐA/TU", "20/3/2017", "Nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2017 - 2020"},
			{"Đề án", "07-ĐA/TU", "8/9/2017", "Xây dựng đội ngũ cán bộ cơ sở đáp ứng yêu cầu nhiệm vụ giai đoạn 2017 - 2021"},
		},
	}
	got := *b
	got.Body = ""
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", &got, want)
	}

	paras := strings.Split(strings.TrimSuffix(b.Body, "\n"), "\n\n")
	if len(paras) != 4 || !strings.HasPrefix(paras[0], "Sáng ngày 23-4, Đoàn kiểm tra") {
		t.Errorf("body has %d paragraphs, want 4 starting with the lead:\n%s", len(paras), b.Body)
	}
	if !strings.Contains(paras[1], "đã xây dựng nội dung sinh hoạt") {
		t.Errorf("wrapped lines not joined with a space: %q", paras[1])
	}
	if !strings.Contains(paras[2], `\*phát triển kinh tế\*`) {
		t.Errorf("markup not escaped: %q", paras[2])
	}

	fm, body := splitFrontmatter(t, b.Markdown())
	if fm.Title != want.Title || fm.Date != "2019-04-23T09:15:00+07:00" || fm.Kind != "news" || fm.Draft != nil {
		t.Errorf("frontmatter title, date, kind, draft = %q, %q, %q, %v", fm.Title, fm.Date, fm.Kind, fm.Draft)
	}
	if fm.TeamLead.Name != want.TeamLead || fm.TeamLead.Role != want.Role || fm.Unit != want.Unit {
		t.Errorf("frontmatter team lead, unit = %+v, %q", fm.TeamLead, fm.Unit)
	}
	if len(fm.Documents) != 2 ||
		fm.Documents[0].Code != "05-ĐA/TU" || fm.Documents[0].Date != "2017-03-20" || fm.Documents[0].Title != want.Documents[0].Title ||
		fm.Documents[1].Code != "07-ĐA/TU" || fm.Documents[1].Date != "2017-09-08" || fm.Documents[1].Title != want.Documents[1].Title {
		t.Errorf("frontmatter documents = %+v", fm.Documents)
	}
	if body != b.Body {
		t.Errorf("body after the frontmatter = %q, want %q", body, b.Body)
	}

	// The same bulletin with a byte order mark and CRLF line ends.
	crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	b2, err := Parse(crlf, hcm)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b2, b) {
		t.Errorf("BOM and CRLF changed the result:\n%+v\nwant\n%+v", b2, b)
	}

	// The same bulletin typed with decomposed marks (Unikey's "Unicode tổ
	// hợp"): the same lead, unit and documents are found, precomposed.
	nfd := norm.NFD.Bytes(src)
	if bytes.Equal(nfd, src) {
		t.Fatal("the decomposed text equals the original")
	}
	b3, err := Parse(nfd, hcm)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b3, b) {
		t.Errorf("decomposed text changed the result:\n%+v\nwant\n%+v", b3, b)
	}
}

// Word's "Save as Plain Text" writes one paragraph a line with no blank
// line between: each line is a paragraph, except where a line wrapped in
// mid-sentence.
func TestParagraphsWithoutBlankLines(t *testing.T) {
	src := "Kiểm tra công tác dân vận\r\n16:41, 06/08/2018\r\n" +
		"Chiều ngày 6-8, Đoàn kiểm tra đã làm việc tại Đảng ủy Khối.\r\n" +
		"Báo cáo cho thấy các đề án được triển khai đồng bộ, kịp thời\r\n" +
		"tới các chi bộ trực thuộc.\r\n" +
		"Đoàn đề nghị bổ sung báo cáo:\r\n" +
		"“Hoàn thành trước ngày 30/9.”\r\n" +
		"Kết quả kiểm tra\r\n" +
		"Đoàn đánh giá cao kết quả của đơn vị.\r\n"
	b, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Chiều ngày 6-8, Đoàn kiểm tra đã làm việc tại Đảng ủy Khối.",
		"Báo cáo cho thấy các đề án được triển khai đồng bộ, kịp thời tới các chi bộ trực thuộc.",
		"Đoàn đề nghị bổ sung báo cáo:",
		"“Hoàn thành trước ngày 30/9.”",
		"Kết quả kiểm tra",
		"Đoàn đánh giá cao kết quả của đơn vị.",
	}
	if got := strings.Split(strings.TrimSuffix(b.Body, "\n"), "\n\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	// With blank lines, a line ending a sentence is still only a wrap.
	b, err = Parse([]byte("Tiêu đề\n\n16:41, 06/08/2018\n\nCâu một.\nCâu hai.\n\nĐoạn hai.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Body != "Câu một. Câu hai.\n\nĐoạn hai.\n" {
		t.Errorf("body %q", b.Body)
	}
}

func TestParseMissing(t *testing.T) {
	src := "Hội nghị sơ kết công tác dân vận\n\nKhông có dòng ngày tháng ở đây.\n\nĐoàn đã họp bàn về kế hoạch năm.\n"
	b, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"date", "team_lead", "role", "inspected_unit", "documents"}
	if !reflect.DeepEqual(b.Missing, want) {
		t.Errorf("Missing = %q, want %q", b.Missing, want)
	}
	if !strings.HasPrefix(b.Body, "Không có dòng ngày tháng ở đây.\n\n") {
		t.Errorf("a line that is not a date belongs to the body: %q", b.Body)
	}
	fm, _ := splitFrontmatter(t, b.Markdown())
	if fm.Title != "Hội nghị sơ kết công tác dân vận" || fm.Date != "" || fm.TeamLead.Name != "" || fm.Documents != nil {
		t.Errorf("frontmatter = %+v", fm)
	}
	if !strings.Contains(string(b.Markdown()), "# Không tìm thấy trong bản tin: date, team_lead") {
		t.Errorf("no comment on what is missing:\n%s", b.Markdown())
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "  \n\r\n\t\n", "\uFEFF\n", "16:41, 06/08/2018\n\nĐoạn văn.", "Tiêu đề \xff\xfe"} {
		if _, err := Parse([]byte(in), nil); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", in)
		}
	}
}

func TestDateLine(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		in   string
		want string // RFC 3339, or "" for not a date line
	}{
		{"16:41, 06/08/2018", "2018-08-06T16:41:00+07:00"},
		{"06/08/2018", "2018-08-06 (no time)"},
		{" 6/8/2018 ", "2018-08-06 (no time)"},
		{"06/08/2018 16:41", "2018-08-06T16:41:00+07:00"},
		{"16h41 06-08-2018", "2018-08-06T16:41:00+07:00"},
		{"Thứ Hai, 06/08/2018, 16:41", "2018-08-06T16:41:00+07:00"},
		{"Thứ Hai, 06/08/2018", "2018-08-06 (no time)"},
		{"00:00, 06/08/2018", "2018-08-06T00:00:00+07:00"},
		{"31/02/2018", ""},
		{"25:00, 06/08/2018", ""},
		{"Ngày 06/08/2018 đoàn kiểm tra", ""},
	}
	for _, tt := range tests {
		d, dateOnly, ok := parseDateLine(tt.in, hcm)
		got := ""
		switch {
		case ok && dateOnly:
			got = d.Format("2006-01-02") + " (no time)"
		case ok:
			got = d.Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("parseDateLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestYAMLString decodes each value back with yaml.v2: what Markdown()
// writes must read as the same string, whatever the title holds.
func TestYAMLString(t *testing.T) {
	for _, s := range []string{
		"Kiểm tra thực hiện các đề án về công tác dân vận",
		"Kết luận: Đề án 01-ĐA/TU",
		`Về "Năm Dân vận chính quyền"`,
		"“Dân vận khéo” năm 2019",
		"01-ĐA/TU", "2018-08-06", "yes", "No", "null", "~", "- gạch đầu dòng", "# không phải chú thích",
		"a #b", "'nháy đơn'", "tab\tvà\\gạch", "dòng\nmới", "100%", "@ký hiệu", "&neo", "*bí danh", "! thẻ",
		"{ngoặc}", "[mảng]", "có: hai chấm", "kết thúc:", " khoảng trắng ", "Tiêu đề có ?",
	} {
		var v struct{ X interface{} }
		if err := yaml.Unmarshal([]byte("x: "+yamlString(s)+"\n"), &v); err != nil {
			t.Errorf("yamlString(%q) = %s: %v", s, yamlString(s), err)
			continue
		}
		if got, ok := v.X.(string); !ok || got != s {
			t.Errorf("yamlString(%q) = %s reads back as %#v", s, yamlString(s), v.X)
		}
	}
	if got := yamlString("Nâng cao chất lượng, hiệu quả thực hiện dân chủ ở cơ sở, giai đoạn 2016 - 2019"); strings.HasPrefix(got, `"`) {
		t.Errorf("an ordinary title is quoted: %s", got)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đoàn kiểm tra đã làm việc.", "Đoàn kiểm tra đã làm việc."},
		{"tỷ lệ *cao* và a_b", `tỷ lệ \*cao\* và a\_b`},
		{"# Tiêu đề", `\# Tiêu đề`},
		{"> trích", `\> trích`},
		{"1. Kết quả đạt được", `1\. Kết quả đạt được`},
		{"2) Hạn chế", `2\) Hạn chế`},
		{"<b>đậm</b> [link](x)", `\<b>đậm\</b> \[link\](x)`},
		{"- Gạch đầu dòng", "- Gạch đầu dòng"},
		{"Năm 2018. Đã xong", "Năm 2018. Đã xong"},
		// What reads as a character reference is escaped, so that the
		// page shows the text as the bulletin wrote it: "&lt;script&gt;",
		// not "<script>"; a lone & stays as it is.
		{"&lt;script&gt; &#60;b&#x3e; &amp; Văn hóa & Thông tin", `\&lt;script\&gt; \&#60;b\&#x3e; \&amp; Văn hóa & Thông tin`},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Notepad's "Unicode" is UTF-16 with a byte order mark: read as the same
// text. Legacy 8-bit encodings are refused with a way out.
func TestEncodings(t *testing.T) {
	src, err := os.ReadFile("testdata/dai-tu-2019.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	units := utf16.Encode([]rune(string(src)))
	le, be := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	for name, data := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be} {
		got, err := Parse(data, nil)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v\n%+v", name, err, got)
		}
	}
	// "Kiểm tra" in Windows-1258: e + combining hook (0xD2) and so on.
	if _, err := Parse([]byte("Ki\xeam tra\r\n16:41, 06/08/2018\r\n"), nil); err == nil || !strings.Contains(err.Error(), "save it as UTF-8") {
		t.Errorf("Windows-1258: %v", err)
	}
}

// A bulletin dated without a time of day is imported as a date alone: it
// was given midnight, shown "00:00, 06/08/2018".
func TestDateOnlyBulletin(t *testing.T) {
	b, err := Parse([]byte("Kiểm tra dân vận\nThứ Hai, 06/08/2018\n\nĐoàn kiểm tra đã làm việc.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !b.DateOnly || !strings.Contains(string(b.Markdown()), "\ndate: 2018-08-06\n") {
		t.Errorf("DateOnly %v:\n%s", b.DateOnly, b.Markdown())
	}
}

// Two team leads: the first is the article's team_lead (it was lost), the
// other a comment the editor sees, and Parse tells of both.
func TestCoLeadsInTheArticle(t *testing.T) {
	b, err := Parse([]byte("Kiểm tra liên ngành\n06/08/2018 08:00\n\n"+
		"Đoàn do đồng chí Bùi Hải Tú, Tỉnh ủy viên và đồng chí Nguyễn Văn Hùng, Phó Giám đốc Sở Nội vụ đồng làm Trưởng đoàn.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	fm, _ := splitFrontmatter(t, b.Markdown())
	if fm.TeamLead.Name != "Bùi Hải Tú" || fm.TeamLead.Role != "Tỉnh ủy viên" ||
		!strings.Contains(string(b.Markdown()), "\n# Đồng Trưởng đoàn: Nguyễn Văn Hùng, Phó Giám đốc Sở Nội vụ\n") {
		t.Errorf("%+v\n%s", fm.TeamLead, b.Markdown())
	}
}

// latin1Twice writes s as a tool that reads UTF-8 as Windows-1252 and
// saves it again as UTF-8 does.
func latin1Twice(s string) string {
	back := map[byte]rune{}
	for r, b := range cp1252 {
		back[b] = r
	}
	var out strings.Builder
	for _, b := range []byte(s) {
		if r, ok := back[b]; ok {
			out.WriteRune(r)
		} else {
			out.WriteRune(rune(b))
		}
	}
	return out.String()
}

// Text double-encoded through Windows-1252 ("Kiá»m tra") was imported as
// is: it is read back as written, and Parse says so. Latin-1 letters in
// a proper text are left alone.
func TestDoubleEncodedTextIsRepaired(t *testing.T) {
	const src = "Kiểm tra việc thực hiện Đề án số 01-ĐA/TU\n16:41, 06/08/2018\n\nĐoàn kiểm tra do đồng chí Bùi Hải Tú làm Trưởng đoàn.\n"
	broken := latin1Twice(src)
	if !strings.HasPrefix(broken, "Kiá»") {
		t.Fatalf("the test text is not double-encoded: %q", broken[:20])
	}
	b, err := Parse([]byte(broken), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Repaired || b.Title != "Kiểm tra việc thực hiện Đề án số 01-ĐA/TU" || b.TeamLead != "Bùi Hải Tú" || len(b.Documents) != 1 {
		t.Errorf("repaired %v: %q, %q, %v", b.Repaired, b.Title, b.TeamLead, b.Documents)
	}
	for _, s := range []string{src, "Café crème à Hà Nội\n06/08/2018\n\nx\n", "Kiá»m tra ạ\n06/08/2018\n\nx\n"} {
		if b, err := Parse([]byte(s), nil); err != nil || b.Repaired {
			t.Errorf("%q: repaired %v, %v", s, b != nil && b.Repaired, err)
		}
	}
}

// Control characters in a text (ESC pasted from a terminal; Word's plain
// text writes VT for a line break and FF for a page break) were imported
// into the title and body, and the article then stopped every build.
func TestControlCharactersLeaveTheText(t *testing.T) {
	b, err := Parse([]byte("Kiểm\x1b tra\x7f\n06/08/2018\n\nĐoạn một\x0bdòng hai.\x0cĐoạn\u0085ba\x01.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Kiểm tra" || b.Body != "Đoạn một dòng hai.\n\nĐoạn ba.\n" {
		t.Errorf("title %q, body %q", b.Title, b.Body)
	}
}

// A date line or a document date in a year the site refuses ("0000",
// "2108") is no date (the article would not load); one before 1911 is at
// +07:00, not the local mean time +07:06:30 RFC 3339 cannot write.
func TestDatesTheSiteReads(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]string{"01.01.0000": "", "06/08/2108": "", "16:41, 06/08/1900": "1900-08-06T16:41:00+07:00", "16:41, 06/08/2018": "2018-08-06T16:41:00+07:00"} {
		d, _, ok := parseDateLine(line, hcm)
		if got := map[bool]string{true: d.Format(time.RFC3339)}[ok]; got != want {
			t.Errorf("parseDateLine(%q) = %q, want %q", line, got, want)
		}
	}
	if docs := findDocuments([]string{"Đề án số 01-ĐA/TU, ngày 1/1/0001"}); len(docs) != 1 || docs[0].Date != "" {
		t.Errorf("documents %q", docs)
	}
}
