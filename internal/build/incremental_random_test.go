package build_test

// Random edit sequences: after each edit, the incremental build must equal
// a cold build. BULLETIN_INC_SEEDS and BULLETIN_INC_STEPS scale it up for a
// longer hunt; the defaults keep the test suite quick.

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"bulletin/internal/build"

	"golang.org/x/text/unicode/norm"
)

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.Intn(len(xs))] }

var fzCodes = []string{"01-ĐA/TU", "01-DA/TU", " 01-da/tu ", "02-ĐA/TU", "02-DA/TU", "03-NQ/TU", "04-KH/UBKT"}

func fzArticle(r *rand.Rand, i int, names []string) string {
	var b strings.Builder
	b.WriteString("---\n")
	title := pick(r, "Kiểm tra đề án", "Kết luận kiểm tra", "Tin mới", "Giám sát chuyên đề", "Làm việc với Đảng ủy") + fmt.Sprintf(" số %d", i)
	if r.Intn(6) == 0 {
		title = norm.NFD.String(title)
	}
	fmt.Fprintf(&b, "title: %s\n", title)
	day, mon, yr := 1+r.Intn(28), 1+r.Intn(12), pick(r, 2017, 2018, 2019)
	switch r.Intn(4) {
	case 0:
		fmt.Fprintf(&b, "date: %04d-%02d-%02d\n", yr, mon, day)
	case 1:
		fmt.Fprintf(&b, "date: \"%02d:%02d, %02d/%02d/%04d\"\n", r.Intn(24), r.Intn(60), day, mon, yr)
	case 2:
		fmt.Fprintf(&b, "date: %04d-%02d-%02dT23:30:00+05:00\n", yr, mon, day)
	default:
		fmt.Fprintf(&b, "date: 2018-06-0%d\n", 1+r.Intn(2)) // ties
	}
	if r.Intn(4) == 0 {
		fmt.Fprintf(&b, "slug: bai-%d\n", i)
	}
	if r.Intn(3) == 0 {
		fmt.Fprintf(&b, "kind: outcome\noutcome:\n  findings: [%s]\n  follow_up_by: 2019-0%d-10\n", pick(r, "Tốt", "Khá", "Đạt"), 1+r.Intn(9))
	} else if r.Intn(2) == 0 {
		b.WriteString("kind: news\n")
	}
	if r.Intn(5) == 0 {
		fmt.Fprintf(&b, "summary: %s\n", pick(r, "Tóm tắt A", "Tóm tắt B"))
	}
	if r.Intn(8) == 0 {
		b.WriteString("draft: true\n")
	}
	lead := pick(r, "Bùi Hải Tú", "bùi hải tú", "Bùi  Hải Tú", "Bùi Hải Tư", "Nguyễn Văn A", "")
	if lead != "" {
		if r.Intn(2) == 0 {
			fmt.Fprintf(&b, "team_lead: %s\n", lead)
		} else {
			fmt.Fprintf(&b, "team_lead:\n  name: %s\n  role: %s\n", lead, pick(r, "Ủy viên", "Phó Chủ nhiệm", ""))
		}
	}
	if u := pick(r, "Đảng ủy Khối", "Đảng uỷ khối", "Huyện ủy Đại Từ", ""); u != "" {
		fmt.Fprintf(&b, "inspected_unit: %s\n", u)
	}
	if n := r.Intn(3); n > 0 {
		b.WriteString("documents:\n")
		for range n {
			c := pick(r, fzCodes...)
			if r.Intn(2) == 0 {
				fmt.Fprintf(&b, "  - %q\n", c)
			} else {
				fmt.Fprintf(&b, "  - code: %q\n", c)
				if r.Intn(2) == 0 {
					fmt.Fprintf(&b, "    title: %s\n", pick(r, "Tên đề án", "Tên khác"))
				}
				if r.Intn(2) == 0 {
					fmt.Fprintf(&b, "    date: 2016-0%d-01\n", 1+r.Intn(9))
				}
			}
		}
	}
	if r.Intn(2) == 0 {
		fmt.Fprintf(&b, "tags: [%s]\n", pick(r, "dân vận", "Dân vận, mới", "dân  vận, dân chủ", "mới"))
	}
	if r.Intn(5) == 0 {
		b.WriteString("image: /img/a.png\n")
	}
	b.WriteString("---\n")
	b.WriteString(pick(r, "Nội dung bài.", "Đoạn đầu tiên. Xem 01-ĐA/TU.", "Có <b>html</b> thô.", "Đoạn.\n\n## Tiêu đề\n\nThêm."))
	if len(names) > 0 && r.Intn(2) == 0 {
		fmt.Fprintf(&b, " Xem [bài](%s#x).", pick(r, names...))
	}
	if r.Intn(4) == 0 {
		b.WriteString(" Xem [đề án](../projects/p1.md).")
	}
	b.WriteString("\n")
	return b.String()
}

func fzProject(r *rand.Rand, code string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ncode: %q\n", code)
	if r.Intn(4) > 0 {
		fmt.Fprintf(&b, "title: %s\n", pick(r, "Đề án một", "Đề án một (sửa)", "Nghị quyết"))
	}
	if r.Intn(2) == 0 {
		fmt.Fprintf(&b, "date: 2016-0%d-1%d\n", 1+r.Intn(9), r.Intn(10))
	}
	if r.Intn(2) == 0 {
		fmt.Fprintf(&b, "issuer: %s\n", pick(r, "Tỉnh ủy", "BCH Đảng bộ"))
	}
	if r.Intn(2) == 0 {
		fmt.Fprintf(&b, "period: %s\n", pick(r, "2016-2020", "2020-2025"))
	}
	fmt.Fprintf(&b, "---\n%s\n", pick(r, "Mô tả.", "Mô tả khác, xem [tin](../articles/a0.md).", ""))
	return b.String()
}

func fzSite(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", pick(r, "Tin kiểm tra", "Tin kiểm tra tỉnh"))
	if r.Intn(2) == 0 {
		fmt.Fprintf(&b, "description: %s\n", pick(r, "Mô tả site", "Khác"))
	}
	fmt.Fprintf(&b, "base_url: %s\n", pick(r, "https://kiemtra.example.vn/", "https://example.vn/kiem-tra/"))
	fmt.Fprintf(&b, "page_size: %d\nfeed_size: %d\n", 1+r.Intn(3), pick(r, 1, 2, 3, 20))
	if r.Intn(3) == 0 {
		b.WriteString("link_codes: false\n")
	}
	if r.Intn(3) == 0 {
		b.WriteString("unsafe_html: true\n")
	}
	if r.Intn(3) == 0 {
		fmt.Fprintf(&b, "time_zone: %s\n", pick(r, "Asia/Tokyo", "Asia/Bangkok", "UTC"))
	}
	return b.String()
}

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func TestIncrementalRandomEdits(t *testing.T) {
	seeds, steps := envInt("BULLETIN_INC_SEEDS", 4), envInt("BULLETIN_INC_STEPS", 25)
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(seed)))
			var names []string // relative links from content/articles/
			for i := range 6 {
				names = append(names, fmt.Sprintf("a%d.md", i))
			}
			archive := "-- site.yaml --\n" + fzSite(r)
			for i := range 4 {
				archive += fmt.Sprintf("-- content/articles/a%d.md --\n%s", i, fzArticle(r, i, names))
			}
			archive += "-- content/projects/p1.md --\n" + fzProject(r, "01-ĐA/TU")
			archive += "-- content/pages/gioi-thieu.md --\n---\ntitle: Giới thiệu\n---\nXem [tin](../articles/a1.md).\n"
			archive += "-- static/img/a.png --\nPNG\n"
			h := newEditedSite(t, archive)
			h.opt = build.Options{Drafts: r.Intn(2) == 0, Future: true}
			h.hints = seed%2 == 1 // half the sequences as the preview runs them, told what changed
			var log []string
			for s := range steps {
				var what string
				switch op := r.Intn(18); {
				case op >= 16:
					// The body alone, as an editor writing: the preview
					// builds such a save on the site it had (bodies.go).
					i := r.Intn(6)
					name := fmt.Sprintf("content/articles/a%d.md", i)
					if h.fsys[name] == nil {
						continue
					}
					what = fmt.Sprintf("body of a%d", i)
					h.set(name, string(h.fsys[name].Data)+pick(r, "\nThêm một đoạn.\n", "\nXem [tin](a2.md).\n",
						"\n![Ảnh](/img/a.png)\n", "\nXem 01-ĐA/TU và 03-NQ/TU.\n"))
				case op < 5:
					i := r.Intn(6)
					what = fmt.Sprintf("write a%d", i)
					h.set(fmt.Sprintf("content/articles/a%d.md", i), fzArticle(r, i, names))
				case op < 7:
					i := r.Intn(6)
					what = fmt.Sprintf("delete a%d", i)
					h.del(fmt.Sprintf("content/articles/a%d.md", i))
				case op == 7:
					what = "write p1"
					h.set("content/projects/p1.md", fzProject(r, pick(r, "01-ĐA/TU", "01-DA/TU")))
				case op == 8:
					c := pick(r, "02-ĐA/TU", "03-NQ/TU")
					what = "write project " + c
					h.set("content/projects/"+text2file(c)+".md", fzProject(r, c))
				case op == 9:
					what = "delete a project"
					h.del(pick(r, "content/projects/p1.md", "content/projects/02-DA-TU.md", "content/projects/03-NQ-TU.md"))
				case op == 10:
					what = "site.yaml"
					h.set("site.yaml", fzSite(r))
				case op == 12:
					what = "layout"
					h.set("layouts/partials/footer.html", pick(r, fzLayouts...))
				case op == 13:
					what = "layout gone"
					h.del("layouts/partials/footer.html")
				case op == 14:
					name := pick(r, "static/img/a.png", "static/css/bulletin.css", "static/css/them.css")
					what = "write " + name
					h.set(name, pick(r, "PNG", "body{color:red}", "x"))
				case op == 15:
					name := pick(r, "static/img/a.png", "static/css/bulletin.css", "static/css/them.css")
					what = "delete " + name
					h.del(name)
				default:
					what = "page"
					h.set("content/pages/gioi-thieu.md", fmt.Sprintf("---\ntitle: %s\ndate: 2018-0%d-01\n---\n%s\n",
						pick(r, "Giới thiệu", "Giới thiệu chung"), 1+r.Intn(9), pick(r, "Trang.", "Xem [tin](../articles/a2.md).")))
				}
				log = append(log, what)
				if !h.check(fmt.Sprintf("step %d %s", s, what)) {
					t.Logf("sequence: %s", strings.Join(log, " | "))
					return
				}
			}
			if h.reused == 0 {
				t.Error("no page was linked in from its key over the whole sequence: reuse went untested")
			}
			if h.restored == 0 {
				t.Error("no file was taken back from the store over the whole sequence: the store went untested")
			}
		})
	}
}

// fzLayouts are footers a site may write: what the default theme shows,
// and what it never does (every article's title, each cited project's
// issuer and period from an article page, a setting).
var fzLayouts = []string{
	`<footer>{{.Site.Config.Title}}</footer>`,
	`<footer>{{range .Site.Articles}}<a href="{{.URL}}">{{.Title}}</a>{{end}}</footer>`,
	`<footer>{{with .Article}}{{range .Projects}}<p>{{.Issuer}} {{.Period}}</p>{{end}}{{end}}</footer>`,
	`<footer>{{.Site.Config.FeedSize}} {{range .Site.Docs}}{{.Summary}}{{end}}</footer>`,
}

func text2file(c string) string {
	return strings.NewReplacer("Đ", "D", "/", "-").Replace(c)
}
