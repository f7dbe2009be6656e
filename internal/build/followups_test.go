package build_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/sitetest"
)

// followUpSite has one follow-up of each state on 25/11/2026 at noon
// (sitetest.Now): Phúc Xuân's is overdue, Tân Cương's is due this very
// day (open), Đại Từ's was reported on by a later outcome (done).
const followUpSite = `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/articles/qua-han.md --
---
title: Kết luận tại Phúc Xuân
date: 2026-03-02
kind: outcome
inspected_unit: Đảng ủy xã Phúc Xuân
documents: [01-ĐA/TU]
outcome:
  recommendations: [Rà soát quy chế dân chủ]
  follow_up_by: 2026-06-30
---
x
-- content/articles/den-han.md --
---
title: Kết luận tại Tân Cương
date: 2026-10-01
kind: outcome
inspected_unit: Đảng ủy xã Tân Cương
documents: [01-ĐA/TU]
outcome:
  recommendations: [Báo cáo việc sắp xếp cán bộ]
  follow_up_by: 2026-11-25
---
x
-- content/articles/da-xong.md --
---
title: Kết luận tại Đại Từ
date: 2025-05-02
kind: outcome
inspected_unit: Huyện ủy Đại Từ
documents: [02-ĐA/TU]
outcome:
  recommendations: [Kiện toàn tổ chức đảng]
  follow_up_by: 2025-08-31
---
x
-- content/articles/bao-cao.md --
---
title: Đại Từ khắc phục xong hạn chế
date: 2025-09-10
kind: outcome
inspected_unit: Huyện ủy Đại Từ
documents: [02-ĐA/TU]
---
x
`

// The tracker groups every deadline by its state as of the build, each
// linking its outcome and its projects; the outcome's page shows it too.
func TestFollowUpTracker(t *testing.T) {
	s := sitetest.Build(t, followUpSite)
	page := s.File(t, "follow-ups/index.html")
	inOrder(t, "tracker", page,
		`<h2 id="group-overdue" class="section-title">Kiến nghị quá hạn <span class="count">(1)</span></h2>`,
		`<a href="/2026/03/ket-luan-tai-phuc-xuan/">Kết luận tại Phúc Xuân</a>`,
		`<span class="state state-overdue">Quá hạn</span> · Hạn báo cáo <time datetime="2026-06-30">30/06/2026</time>`,
		`<a class="doc-code" href="/projects/01-da-tu/">01-ĐA/TU</a>`,
		"<li>Rà soát quy chế dân chủ</li>",
		`<h2 id="group-open"`, "Kết luận tại Tân Cương", `<span class="state state-open">Chưa đến hạn</span>`,
		`<h2 id="group-done"`, "Kết luận tại Đại Từ", `<span class="state state-done">Đã có kết quả</span>`,
		`Kết quả: <a href="/2025/09/dai-tu-khac-phuc-xong-han-che/">Đại Từ khắc phục xong hạn chế</a>`)
	s.Contains(t, "follow-ups/overdue/index.html", "<h1>Kiến nghị quá hạn</h1>", "Kết luận tại Phúc Xuân")
	s.Lacks(t, "follow-ups/overdue/index.html", "Tân Cương", "Đại Từ")
	s.Contains(t, "follow-ups/done/index.html", "Kết luận tại Đại Từ")
	s.Contains(t, "2026/03/ket-luan-tai-phuc-xuan/index.html",
		`<strong>Hạn báo cáo kết quả khắc phục:</strong> <time datetime="2026-06-30">30/06/2026</time> <span class="state state-overdue">Quá hạn</span>`)
	s.Contains(t, "index.html", `<a href="/follow-ups/">Kiến nghị</a>`)
	// The day after the deadline, the open one is overdue: the build
	// knows when its output starts to go stale.
	if want := time.Date(2026, 11, 26, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)); !s.Result.Site.Until.Equal(want) {
		t.Errorf("Until %v, want %v", s.Result.Site.Until, want)
	}
	next := sitetest.BuildWith(t, sitetest.Parse(followUpSite), sitetest.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	next.Contains(t, "follow-ups/overdue/index.html", "Kết luận tại Tân Cương", "Kết luận tại Phúc Xuân")
}

// The tracker's feed has an entry per deadline, the latest change first:
// the open one came out on 01/10/2026, the overdue one passed its day on
// 01/07/2026, the done one was reported on 10/09/2025. It validates
// against RFC 4287's grammar (jing, as internal/feed's tests).
func TestFollowUpFeed(t *testing.T) {
	s := sitetest.Build(t, followUpSite)
	feed := s.File(t, "follow-ups/atom.xml")
	inOrder(t, "feed", feed,
		"<title>Theo dõi thực hiện kiến nghị — Tin kiểm tra</title>",
		"<updated>2026-10-01T00:00:00+07:00</updated>",
		"<title>Chưa đến hạn: Kết luận tại Tân Cương</title>",
		"<id>https://kiemtra.example.vn/2026/10/ket-luan-tai-tan-cuong/#theo-doi-kien-nghi</id>",
		"<title>Quá hạn: Kết luận tại Phúc Xuân</title>", "<updated>2026-07-01T00:00:00+07:00</updated>",
		"Kiến nghị: Rà soát quy chế dân chủ.",
		"<title>Đã có kết quả: Kết luận tại Đại Từ</title>", "<updated>2025-09-10T00:00:00+07:00</updated>")
	s.Contains(t, "follow-ups/index.html", `<link rel="alternate" type="application/atom+xml" title="Theo dõi thực hiện kiến nghị (Atom)" href="/follow-ups/atom.xml">`)

	schemas := os.Getenv("BULLETIN_SCHEMAS")
	if schemas == "" {
		schemas = filepath.Join("..", "..", "..", "shared", "schemas")
	}
	jing, err := exec.LookPath("jing")
	if _, serr := os.Stat(filepath.Join(schemas, "atom.rnc")); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("jing or %s/atom.rnc missing in CI", schemas)
		}
		t.Skip("jing or the Atom grammar is missing (set BULLETIN_SCHEMAS)")
	}
	file := filepath.Join(t.TempDir(), "atom.xml")
	if err := os.WriteFile(file, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(jing, "-c", filepath.Join(schemas, "atom.rnc"), file).CombinedOutput(); err != nil {
		t.Errorf("jing: %v\n%s", err, out)
	}
	if strings.Contains(feed, "<entry>") && !strings.Contains(feed, "<author>") {
		t.Error("no author for the entries")
	}
}

// An outcome that came out after the deadline it sets (its report was
// due before the article was written) is overdue from the day it came
// out: its feed entry's latest change is then, not the day after the
// deadline, which would file it behind older entries and before its own
// publication.
func TestFollowUpFeedOfAnOutcomePublishedOverdue(t *testing.T) {
	s := sitetest.Build(t, `
-- site.yaml --
title: Tin kiểm tra
base_url: https://kiemtra.example.vn/
-- content/articles/a.md --
---
title: Kết luận tại Phúc Xuân
date: 2026-03-02
kind: outcome
inspected_unit: Đảng ủy xã Phúc Xuân
documents: [01-ĐA/TU]
outcome:
  recommendations: [Rà soát quy chế dân chủ]
  follow_up_by: 2026-01-31
---
x
-- content/articles/b.md --
---
title: Kết luận tại Tân Cương
date: 2026-02-10
kind: outcome
inspected_unit: Đảng ủy xã Tân Cương
documents: [01-ĐA/TU]
outcome:
  recommendations: [Báo cáo việc sắp xếp cán bộ]
  follow_up_by: 2026-02-20
---
x
`)
	inOrder(t, "feed", s.File(t, "follow-ups/atom.xml"),
		"<updated>2026-03-02T00:00:00+07:00</updated>",
		"<title>Quá hạn: Kết luận tại Phúc Xuân</title>", "<published>2026-03-02T00:00:00+07:00</published>",
		"<updated>2026-03-02T00:00:00+07:00</updated>",
		"<title>Quá hạn: Kết luận tại Tân Cương</title>", "<updated>2026-02-21T00:00:00+07:00</updated>")
}
