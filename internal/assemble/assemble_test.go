package assemble

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

var ict = time.FixedZone("ICT", 7*3600)

func art(path, title string, day int, codes ...string) *model.ArticleFile {
	a := &model.ArticleFile{Title: title, Slug: slugOf(title), Date: time.Date(2018, 8, day, 9, 0, 0, 0, ict)}
	a.Path = path
	for _, c := range codes {
		a.Documents = append(a.Documents, model.DocRef{Code: c, Key: strings.ToUpper(c)})
	}
	return a
}

// assembled makes articles of files, as assemble would.
func assembled(files ...*model.ArticleFile) []*model.Article {
	out := make([]*model.Article, len(files))
	for i, f := range files {
		out[i] = (&model.Article{}).SetFile(f)
	}
	return out
}

func TestPaginate(t *testing.T) {
	as := make([]*model.Article, 5)
	for i := range as {
		as[i] = assembled(art("a", "A", i+1))[0]
	}
	for _, c := range []struct {
		n, size, pages int
		last           string
	}{{0, 2, 1, "/x/"}, {2, 2, 1, "/x/"}, {3, 2, 2, "/x/page/2/"}, {5, 2, 3, "/x/page/3/"}} {
		ps := paginate("/x/", as[:c.n], c.size)
		if len(ps) != c.pages || ps[len(ps)-1].URL != c.last {
			t.Errorf("%d articles by %d: %d pages, last %s", c.n, c.size, len(ps), ps[len(ps)-1].URL)
		}
		if ps[0].Pager.PrevURL != "" || ps[len(ps)-1].Pager.NextURL != "" {
			t.Errorf("first page has a previous or last page a next")
		}
	}
}

func TestNewestFirstWithStableTies(t *testing.T) {
	s, ps := Site(model.Config{PageSize: 10}, Input{Articles: []*model.ArticleFile{
		art("c.md", "C", 1), art("b.md", "B", 3), art("a.md", "A", 3),
	}}, Options{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	var got []string
	for _, a := range s.Articles {
		got = append(got, a.Title)
	}
	if strings.Join(got, "") != "ABC" {
		t.Errorf("order %v, want A B C (same date: by URL)", got)
	}
}

func TestProjectWithoutFileTakesTitleFromOldestCiter(t *testing.T) {
	old, young := art("o.md", "O", 1, "01-ĐA/TU"), art("y.md", "Y", 9, "01-ĐA/TU")
	old.Documents[0].Title, young.Documents[0].Title = "Tên cũ", "Tên mới"
	s, _ := Site(model.Config{PageSize: 10}, Input{Articles: []*model.ArticleFile{young, old}}, Options{})
	if len(s.Projects) != 1 || s.Projects[0].Title != "Tên cũ" || s.Projects[0].URL != "/projects/01-da-tu/" {
		t.Fatalf("projects: %+v", s.Projects)
	}
	if got := s.Projects[0].Articles; len(got) != 2 || got[0].ArticleFile != young {
		t.Errorf("project articles not newest first")
	}
}

func TestDuplicateProjectFilesAreAnError(t *testing.T) {
	p1 := &model.ProjectFile{Code: "01-ĐA/TU", Key: "01-DA/TU"}
	p1.Path = "content/projects/a.md"
	p2 := &model.ProjectFile{Code: "01-DA/TU", Key: "01-DA/TU"}
	p2.Path = "content/projects/b.md"
	_, ps := Site(model.Config{PageSize: 10}, Input{Projects: []*model.ProjectFile{p1, p2}}, Options{})
	if len(ps) != 1 || ps[0].File != "content/projects/b.md" || len(ps[0].Notes) != 1 || ps[0].Notes[0].File != "content/projects/a.md" || ps[0].Code != "project-twice" {
		t.Errorf("problems: %v", ps)
	}
}

func TestTermsFoldSpellings(t *testing.T) {
	a, b := art("a.md", "A", 1), art("b.md", "B", 2)
	a.Unit, b.Unit = "Đảng ủy Khối", "Đảng Ủy khối"
	a.TeamLead, b.TeamLead = model.Person{Name: "Bùi Hải Tú", Role: "Cũ"}, model.Person{Name: "Bùi Hải Tú", Role: "Mới"}
	s, _ := Site(model.Config{PageSize: 10}, Input{Articles: []*model.ArticleFile{a, b}}, Options{})
	units := s.Taxonomy("units").Terms
	if len(units) != 1 || units[0].URL != "/units/dang-uy-khoi/" || len(units[0].Articles) != 2 {
		t.Errorf("units: %+v", units)
	}
	if lead := s.Taxonomy("team-leads").Terms[0]; lead.Role != "Mới" {
		t.Errorf("team lead role %q, want the newest", lead.Role)
	}
}

// A term is spelt as most of its articles spell it; among equals, as the
// newest does.
func TestTermSpellingIsTheMostCommon(t *testing.T) {
	a, b, c := art("a.md", "A", 1), art("b.md", "B", 2), art("c.md", "C", 3)
	a.TeamLead.Name, b.TeamLead.Name, c.TeamLead.Name = "Bùi Hải Tú", "Bùi Hải Tú", "bùi hải tú" // c is the newest
	a.Unit, b.Unit = "Đảng ủy Khối", "Đảng Ủy Khối"
	s, _ := Site(model.Config{PageSize: 10}, Input{Articles: []*model.ArticleFile{a, b, c}}, Options{})
	if got := s.Taxonomy("team-leads").Terms[0].Name; got != "Bùi Hải Tú" {
		t.Errorf("team lead spelt %q, want the spelling of two articles of three", got)
	}
	if got := s.Taxonomy("units").Terms[0].Name; got != "Đảng Ủy Khối" {
		t.Errorf("unit spelt %q, want the newest of two equals", got)
	}
}

func TestHugePageSizeDoesNotOverflow(t *testing.T) {
	as := assembled(art("a", "A", 1), art("b", "B", 2))
	ps := paginate("/", as, int(^uint(0)>>1))
	if len(ps) != 1 || len(ps[0].Articles) != 2 {
		t.Errorf("got %d pages", len(ps))
	}
}

// Lists of names are in Vietnamese alphabetical order: every "d" before
// "đ", "o" before "ô".
func TestTermsInVietnameseOrder(t *testing.T) {
	names := []string{"Đỗ Hồng Yến", "Dương Văn Minh", "Đoàn Thanh Điệp", "Bùi Hải Tú"}
	var as []*model.ArticleFile
	for i, n := range names {
		a := art("a"+strconv.Itoa(i)+".md", "A"+strconv.Itoa(i), i+1)
		a.TeamLead.Name = n
		as = append(as, a)
	}
	s, _ := Site(model.Config{PageSize: 10}, Input{Articles: as}, Options{})
	var got []string
	for _, term := range s.Taxonomy("team-leads").Terms {
		got = append(got, term.Name)
	}
	if want := "Bùi Hải Tú|Dương Văn Minh|Đoàn Thanh Điệp|Đỗ Hồng Yến"; strings.Join(got, "|") != want {
		t.Errorf("order %s\nwant  %s", strings.Join(got, "|"), want)
	}
}

func TestProjectsInTheOrderOfTheirNumbers(t *testing.T) {
	var as []*model.ArticleFile
	for i, c := range []string{"4950/QĐ-UBND", "123/KH-UBND", "12345/QĐ-UBND", "15-NQ/TU", "01-ĐA/TU", "02-ĐA/TU"} {
		as = append(as, art("a"+strconv.Itoa(i)+".md", "A"+strconv.Itoa(i), i+1, c))
	}
	s, _ := Site(model.Config{PageSize: 10}, Input{Articles: as}, Options{})
	var got []string
	for _, p := range s.Projects {
		got = append(got, p.Slug)
	}
	if want := "01-da-tu 02-da-tu 15-nq-tu 123-kh-ubnd 4950-qd-ubnd 12345-qd-ubnd"; strings.Join(got, " ") != want {
		t.Errorf("projects %s\nwant     %s", strings.Join(got, " "), want)
	}
}
