package build_test

import (
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/internal/build"
	"bulletin/internal/sitetest"
)

// A site as a press office shares it: a publisher with its logo and share
// picture; an article with a byline, a correction, an old URL, two
// documents, a footnote and conclusions; another written two hours before
// the build, without a byline.
const reach = `
-- site.yaml --
title: Tin kiểm tra tỉnh Thái Nguyên
description: Tin tức và kết quả kiểm tra
base_url: https://kiemtra.example.vn/
publisher: Văn phòng Tỉnh ủy Thái Nguyên
logo: /images/logo.png
image: /images/chia-se.png
-- static/images/logo.png --
logo
-- static/images/chia-se.png --
banner
-- content/articles/2018/dan-van.md --
---
title: Kiểm tra thực hiện các đề án </script> về dân vận
date: "16:41, 06/08/2018"
updated: 2018-08-07 09:15
author: [Phòng Thông tin, Lê Văn An]
aliases: [/2018/08/kiem-tra-dan-van, /tin/dan-van.html]
kind: outcome
team_lead:
  name: Bùi Hải Tú
  role: Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy
inspected_unit: Đảng ủy Khối các cơ quan tỉnh
documents:
  - code: 01-ĐA/TU
    date: 12/7/2016
    title: Nâng cao chất lượng công tác dân vận
  - 02-ĐA/TU
tags: [dân vận]
outcome:
  findings: [Hầu hết mục tiêu được cụ thể hóa]
  recommendations: [Bổ sung báo cáo]
---
Đoàn kiểm tra làm việc với Đảng ủy Khối.[^1]

[^1]: Theo biên bản.
-- content/articles/2026/moi.md --
---
title: Tin mới trong ngày
date: 2026-11-25T10:00:00+07:00
team_lead: Bùi Hải Tú
documents: [01-ĐA/TU]
---
Tin.
`

// jsonLDs returns every JSON-LD block of a page, each parsed.
func jsonLDs(t *testing.T, page string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Fatalf("a JSON-LD block does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func TestNewsArticleStructuredData(t *testing.T) {
	site := sitetest.Build(t, reach)
	page := site.File(t, "2018/08/kiem-tra-thuc-hien-cac-de-an-script-ve-dan-van/index.html")
	lds := jsonLDs(t, page)
	if len(lds) != 2 || lds[1]["@type"] != "BreadcrumbList" {
		t.Fatalf("%d JSON-LD blocks, want the NewsArticle and the BreadcrumbList: %v", len(lds), lds)
	}
	ld, _ := json.Marshal(lds[0])
	got := string(ld)
	for _, want := range []string{
		`"@context":"https://schema.org"`, `"@type":"NewsArticle"`,
		`"headline":"Kiểm tra thực hiện các đề án \u003c/script\u003e về dân vận"`,
		`"datePublished":"2018-08-06T16:41:00+07:00"`, `"dateModified":"2018-08-07T09:15:00+07:00"`,
		`"author":[{"@type":"Organization","name":"Phòng Thông tin"},{"@type":"Person","name":"Lê Văn An"}]`,
		`"publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://kiemtra.example.vn/images/logo.png"},"name":"Văn phòng Tỉnh ủy Thái Nguyên","url":"https://kiemtra.example.vn/"}`,
		`"image":["https://kiemtra.example.vn/images/chia-se.png"]`,
		`"mainEntityOfPage":{"@id":"https://kiemtra.example.vn/2018/08/kiem-tra-thuc-hien-cac-de-an-script-ve-dan-van/","@type":"WebPage"}`,
		`"about":[{"@type":"CreativeWork","datePublished":"2016-07-12","identifier":"01-ĐA/TU","name":"01-ĐA/TU: Nâng cao chất lượng công tác dân vận","url":"https://kiemtra.example.vn/projects/01-da-tu/"},{"@type":"CreativeWork","identifier":"02-ĐA/TU","name":"02-ĐA/TU","url":"https://kiemtra.example.vn/projects/02-da-tu/"}]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("NewsArticle lacks %s\n%s", want, got)
		}
	}
	// The title's "</script>" cannot end the script element early.
	if strings.Count(page, "</script>") != 2 {
		t.Errorf("the page holds %d </script>, want 2", strings.Count(page, "</script>"))
	}
	// Without a byline the publisher is the author, as an organisation.
	other := jsonLDs(t, site.File(t, "2026/11/tin-moi-trong-ngay/index.html"))
	if a, _ := json.Marshal(other[0]["author"]); string(a) != `[{"@type":"Organization","name":"Văn phòng Tỉnh ủy Thái Nguyên"}]` {
		t.Errorf("default author = %s", a)
	}

	home := jsonLDs(t, site.File(t, "index.html"))
	if len(home) != 1 || home[0]["@type"] != "Organization" || home[0]["name"] != "Văn phòng Tỉnh ủy Thái Nguyên" ||
		home[0]["url"] != "https://kiemtra.example.vn/" || home[0]["@context"] != "https://schema.org" {
		t.Errorf("front page JSON-LD = %v", home)
	}
	if lds := jsonLDs(t, site.File(t, "projects/01-da-tu/index.html")); len(lds) != 1 || lds[0]["@type"] != "BreadcrumbList" {
		t.Errorf("a project page has JSON-LD %v, want its BreadcrumbList alone", lds)
	}
}

// The BreadcrumbList of a page names the crumbs the reader sees, in their
// order, each with its absolute URL, the page itself last.
func TestBreadcrumbListMatchesTheCrumbs(t *testing.T) {
	site := sitetest.Build(t, reach)
	visible := regexp.MustCompile(`<li><(?:a href="([^"]*)"|span aria-current="page")>([^<]*)</`)
	for _, name := range []string{"2018/08/kiem-tra-thuc-hien-cac-de-an-script-ve-dan-van/index.html",
		"2026/11/tin-moi-trong-ngay/index.html", "projects/01-da-tu/index.html", "projects/index.html", "2018/08/index.html"} {
		page := site.File(t, name)
		nav := page[strings.Index(page, `<nav class="crumbs"`):]
		nav = nav[:strings.Index(nav, "</nav>")]
		var want []string
		for _, m := range visible.FindAllStringSubmatch(nav, -1) {
			url := "https://kiemtra.example.vn" + m[1]
			if m[1] == "" { // the page itself
				url = "https://kiemtra.example.vn/" + strings.TrimSuffix(name, "index.html")
			}
			want = append(want, html.UnescapeString(m[2])+" "+url)
		}
		var got []string
		for _, ld := range jsonLDs(t, page) {
			if ld["@type"] != "BreadcrumbList" {
				continue
			}
			for i, it := range ld["itemListElement"].([]any) {
				item := it.(map[string]any)
				if item["@type"] != "ListItem" || item["position"] != float64(i+1) {
					t.Errorf("%s: item %d is %v", name, i, item)
				}
				got = append(got, item["name"].(string)+" "+item["item"].(string))
			}
		}
		if len(want) < 2 || !slices.Equal(got, want) {
			t.Errorf("%s: BreadcrumbList\n%q\nthe crumbs shown\n%q", name, got, want)
		}
	}
	if strings.Contains(site.File(t, "index.html"), `"BreadcrumbList"`) {
		t.Error("the front page has crumbs")
	}
}

// Every page a reader can share says how its link looks: Open Graph and a
// Twitter card, with the site's share picture when the page has none.
func TestShareTagsOnEveryPage(t *testing.T) {
	site := sitetest.Build(t, reach)
	n := 0
	for _, name := range site.Out.Names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "tin/") || strings.Contains(name, "kiem-tra-dan-van/") {
			continue // the old URLs: pages that only lead on
		}
		n++
		site.Contains(t, name, `<meta property="og:title" content="`, `<meta property="og:image" content="https://kiemtra.example.vn/images/chia-se.png">`,
			`<meta name="twitter:card" content="summary_large_image">`, `<meta name="twitter:image" content="https://kiemtra.example.vn/images/chia-se.png">`,
			`<meta name="twitter:title" content="`)
	}
	if n < 10 {
		t.Fatalf("only %d pages checked", n)
	}
	site.Contains(t, "2018/08/kiem-tra-thuc-hien-cac-de-an-script-ve-dan-van/index.html",
		`<meta property="article:modified_time" content="2018-08-07T09:15:00&#43;07:00">`,
		`<p class="updated">Cập nhật <time datetime="2018-08-07T09:15:00+07:00">09:15, 07/08/2018</time></p>`,
		`<p class="byline"><span class="author">Phòng Thông tin</span>, <span class="author">Lê Văn An</span></p>`)
	site.Lacks(t, "2026/11/tin-moi-trong-ngay/index.html", "article:modified_time", `class="updated"`, `class="byline"`)
}

// A picture's address is escaped wherever an app or a search engine
// reads it as an address: share tags, JSON-LD, the sitemap, the JSON
// feed. They held the raw spaces and letters, and a picture on another
// server was joined to the base URL in the sitemap and the feed
// (https://site/https://cdn/...). Found by a hostile review.
func TestPictureAddressesAreEscaped(t *testing.T) {
	site := sitetest.Build(t, `-- site.yaml --
title: T
base_url: https://kiemtra.example.vn/
-- static/images/hội nghị/Ảnh hội nghị, 2024.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/articles/a.md --
---
title: A
date: 2018-08-06
image: "/images/hội nghị/Ảnh hội nghị, 2024.svg"
---
A.
-- content/articles/b.md --
---
title: B
date: 2018-08-07
image: "https://cdn.example.org/ảnh 1.jpg"
---
B.
`)
	const local = "https://kiemtra.example.vn/images/h%E1%BB%99i%20ngh%E1%BB%8B/%E1%BA%A2nh%20h%E1%BB%99i%20ngh%E1%BB%8B,%202024.svg"
	const remote = "https://cdn.example.org/%E1%BA%A3nh%201.jpg"
	site.Contains(t, "2018/08/a/index.html", `<meta property="og:image" content="`+local+`">`,
		`<meta name="twitter:image" content="`+local+`">`, `"image":["`+local+`"]`)
	site.Contains(t, "sitemap.xml", "<image:loc>"+local+"</image:loc>", "<image:loc>"+remote+"</image:loc>")
	site.Contains(t, "feed.json", `"image": "`+local+`"`, `"image": "`+remote+`"`)
}

// updated: written as a day alone is shown as the day, and may be the
// article's own day: it showed "00:00", and the same day as an article
// dated 10:00 stopped the build as "before the article's date" (found by
// a hostile review).
func TestUpdatedADayAlone(t *testing.T) {
	site := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2021-03-09 10:00\nupdated: 09/03/2021\n---\nA.\n"+
		"-- content/articles/b.md --\n---\ntitle: B\ndate: 2021-03-05 10:00\nupdated: 2021-03-07\n---\nB.\n")
	site.Contains(t, "2021/03/a/index.html", `09/03/2021</time></p>`,
		`<meta property="article:modified_time" content="2021-03-09T10:00:00&#43;07:00">`, `"dateModified":"2021-03-09T10:00:00+07:00"`)
	site.Contains(t, "2021/03/b/index.html", `<p class="updated">Cập nhật <time datetime="2021-03-07T00:00:00+07:00">07/03/2021</time></p>`)
	site.Lacks(t, "2021/03/b/index.html", "00:00, 07/03/2021")
}

// A site with only a logo shares it small; with no picture at all, a
// plain summary card.
func TestShareCardWithoutSharePicture(t *testing.T) {
	site := sitetest.Build(t, "-- site.yaml --\ntitle: T\nlogo: https://cdn.example.vn/logo.png\n-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-08-06\n---\nA.\n")
	site.Contains(t, "index.html", `<meta property="og:image" content="https://cdn.example.vn/logo.png">`, `<meta name="twitter:card" content="summary">`)
	bare := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-08-06\n---\nA.\n")
	bare.Contains(t, "2018/08/a/index.html", `<meta name="twitter:card" content="summary">`)
	bare.Lacks(t, "2018/08/a/index.html", "og:image")
}

func TestSiteImagesMustBeFilesOfTheSite(t *testing.T) {
	msg := sitetest.Problems(t, "-- site.yaml --\ntitle: T\nlogo: /images/logo.png\nimage: /images/chia-se.jpg\n-- static/images/logo.png --\nx\n")
	want := "site.yaml:3: image: /images/chia-se.jpg is not a file of the site (put the picture in static/ (static/images/chia-se.jpg) or correct the path)\n" +
		"  3 | image: /images/chia-se.jpg" // the line shown, as for every other problem of site.yaml
	if !strings.Contains(msg, want) || strings.Contains(msg, "logo") {
		t.Errorf("got\n%s\nwant\n%s", msg, want)
	}
}

// An old URL leads to the article: a small page that refreshes to it, names
// it canonical, and asks search engines not to index itself; the sitemap
// leaves it out.
func TestAliasesLeadToTheArticle(t *testing.T) {
	site := sitetest.Build(t, reach)
	const to = "/2018/08/kiem-tra-thuc-hien-cac-de-an-script-ve-dan-van/"
	for _, name := range []string{"2018/08/kiem-tra-dan-van/index.html", "tin/dan-van.html"} {
		site.Contains(t, name, `<html lang="vi">`, `<meta name="robots" content="noindex">`,
			`<link rel="canonical" href="https://kiemtra.example.vn`+to+`">`,
			`<meta http-equiv="refresh" content="0; url=`+to+`">`, `<a href="`+to+`">`)
	}
	site.Lacks(t, "sitemap.xml", "kiem-tra-dan-van/", "tin/dan-van.html")
}

// An old URL copied from a browser's bar is %-escaped; its page is written
// under the path it names, where a server looks for that address. It was
// written under the escapes, and the address gave "not found".
func TestAliasesCopiedEscapedLeadToTheArticle(t *testing.T) {
	site := sitetest.Build(t, "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-08-06\naliases:\n  - /tin/b%C3%A0i-m%E1%BB%9Bi/\n  - /tin/bai%20cu.html\n---\nA.\n")
	for _, name := range []string{"tin/bài-mới/index.html", "tin/bai cu.html"} {
		site.Contains(t, name, `<meta http-equiv="refresh" content="0; url=/2018/08/a/">`)
	}
}

func TestAliasesUnderASubPath(t *testing.T) {
	site := sitetest.Build(t, "-- site.yaml --\ntitle: T\nbase_url: https://x.vn/kiem-tra/\n-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-08-06\naliases: [/cu/]\n---\nA.\n")
	site.Contains(t, "cu/index.html", `<meta http-equiv="refresh" content="0; url=/kiem-tra/2018/08/a/">`, `<link rel="canonical" href="https://x.vn/kiem-tra/2018/08/a/">`)
}

// An old URL that is another page's, or another alias's, or the article's
// own, stops the build: one of the two pages would silently replace the
// other.
func TestAliasCollisions(t *testing.T) {
	msg := sitetest.Problems(t, `
-- content/articles/a.md --
---
title: A
date: 2018-08-06
aliases:
  - /2018/08/b/
  - /2018/08/a/
  - /cu/
---
A.
-- content/articles/b.md --
---
title: B
date: 2018-08-06
aliases: [/cu/]
---
B.
`)
	for _, want := range []string{
		`content/articles/a.md:5: aliases: the old URL /2018/08/b/ in aliases: is also the address of content/articles/b.md (an old URL leads to one page: remove it from the aliases of all but one, or from the article that has it as its own)`,
		`content/articles/a.md:6: aliases: the old URL /2018/08/a/ in aliases: is the article's own URL (remove it from aliases:)`,
		`content/articles/b.md:4: aliases: the old URL /cu/ in aliases: is also the address of content/articles/a.md (an old URL leads to one page: remove it from the aliases of all but one, or from the article that has it as its own)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("problems lack\n%s\ngot\n%s", want, msg)
		}
	}
}

// Feeds name the byline, never the team lead; Atom and JSON Feed carry
// the article as its page shows it, without the footnote's hidden label.
func TestFeedsCarryTheBylineAndTheArticleAsShown(t *testing.T) {
	site := sitetest.Build(t, reach)
	site.Contains(t, "index.xml", "<dc:creator>Phòng Thông tin</dc:creator>", "<dc:creator>Lê Văn An</dc:creator>",
		"<dc:creator>Văn phòng Tỉnh ủy Thái Nguyên</dc:creator>")
	site.Lacks(t, "index.xml", "<dc:creator>Bùi Hải Tú</dc:creator>")
	atom := site.File(t, "atom.xml")
	for _, want := range []string{
		"<name>Phòng Thông tin</name>", "<updated>2018-08-07T09:15:00+07:00</updated>",
		"Trưởng đoàn", "Bùi Hải Tú", "Đảng ủy Khối các cơ quan tỉnh", "01-ĐA/TU", "Nâng cao chất lượng công tác dân vận",
		"Kết luận kiểm tra", "Hầu hết mục tiêu được cụ thể hóa", "Bổ sung báo cáo", "Theo biên bản.",
	} {
		if !strings.Contains(atom, want) {
			t.Errorf("atom.xml lacks %q", want)
		}
	}
	if strings.Contains(atom, "<name>Bùi Hải Tú</name>") || strings.Contains(atom, "Quay lại chỗ dẫn chú thích") {
		t.Errorf("atom.xml names the team lead as author, or shows the hidden label:\n%s", atom)
	}
	var f struct {
		Items []struct {
			ContentHTML string `json:"content_html"`
		}
	}
	if err := json.Unmarshal([]byte(site.File(t, "feed.json")), &f); err != nil || len(f.Items) != 2 {
		t.Fatalf("feed.json: %v %+v", err, f)
	}
	if c := f.Items[1].ContentHTML; !strings.Contains(c, "Hầu hết mục tiêu") || strings.Contains(c, "Quay lại") {
		t.Errorf("feed.json item content: %s", c)
	}
	site.Contains(t, "index.html", `<link rel="alternate" type="application/feed+json" title="Tin kiểm tra tỉnh Thái Nguyên (JSON Feed)" href="/feed.json">`)
}

// The news sitemap holds the articles of the two days before the build,
// so the site changes by the clock when the newest leaves them: Until.
func TestNewsSitemapFollowsTheClock(t *testing.T) {
	site := sitetest.Build(t, reach)
	news := site.File(t, "news-sitemap.xml")
	if !strings.Contains(news, "<loc>https://kiemtra.example.vn/2026/11/tin-moi-trong-ngay/</loc>") || strings.Count(news, "<news:news>") != 1 {
		t.Errorf("news-sitemap.xml:\n%s", news)
	}
	leaves := time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("", 7*3600))
	if u := site.Result.Site.Until; !u.Equal(leaves) {
		t.Errorf("Until = %v, want %v: when the article leaves the news sitemap", u, leaves)
	}
	later := sitetest.BuildWith(t, sitetest.Parse(reach), sitetest.Options{Now: leaves})
	if got := later.File(t, "news-sitemap.xml"); strings.Contains(got, "<news:news>") {
		t.Errorf("two days on, news-sitemap.xml still has news:\n%s", got)
	}
	if !later.Result.Site.Until.IsZero() {
		t.Errorf("Until = %v after the last article left the window", later.Result.Site.Until)
	}
}

// With Fingerprint (bulletin build) pages link the stylesheet by a name
// that carries a hash of its bytes; the file is there under that name and
// its own. Without it (the preview) pages link the plain name, and the
// fingerprinted one is served all the same.
func TestFingerprintedStylesheet(t *testing.T) {
	fsys := sitetest.Parse(reach)
	site := sitetest.BuildWith(t, fsys, sitetest.Options{Fingerprint: true})
	m := regexp.MustCompile(`<link rel="stylesheet" href="/(css/bulletin\.[0-9a-f]{10}\.css)">`).FindStringSubmatch(site.File(t, "index.html"))
	if m == nil {
		t.Fatalf("the front page does not link a fingerprinted stylesheet:\n%s", site.File(t, "index.html"))
	}
	if site.File(t, m[1]) != site.File(t, "css/bulletin.css") {
		t.Error("the fingerprinted stylesheet is not the stylesheet")
	}
	// Every stylesheet and script a page links (the search page's script
	// too) goes by its fingerprinted name, a file of the site.
	linked := regexp.MustCompile(`(?:href|src)="/([^"]+\.(?:css|js))"`)
	seen := 0
	for _, name := range site.Out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, l := range linked.FindAllStringSubmatch(site.File(t, name), -1) {
			seen++
			if !regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js)$`).MatchString(l[1]) || !site.Has(l[1]) {
				t.Errorf("%s links %s, not a fingerprinted file of the site", name, l[1])
			}
		}
	}
	if !site.Has("search/index.html") || !regexp.MustCompile(`src="/js/search\.[0-9a-f]{10}\.js"`).MatchString(site.File(t, "search/index.html")) {
		t.Errorf("the search page does not link its fingerprinted script (%d links seen)", seen)
	}
	fsys["static/css/bulletin.css"] = &fstest.MapFile{Data: []byte("body { color: red }")}
	changed := sitetest.BuildWith(t, fsys, sitetest.Options{Fingerprint: true})
	if changed.Has(m[1]) || !strings.Contains(changed.File(t, "index.html"), `href="/css/bulletin.`) {
		t.Error("new bytes kept the old name")
	}
	plain := sitetest.BuildWith(t, sitetest.Parse(reach), sitetest.Options{})
	plain.Contains(t, "index.html", `<link rel="stylesheet" href="/css/bulletin.css">`)
	snap, err := (&build.Builder{}).Prepare(t.Context(), build.Options{Source: sitetest.Parse(reach), Now: sitetest.Now}, build.Everything)
	if err != nil {
		t.Fatal(err)
	}
	if !snap.Has(m[1]) || !slices.Contains(snap.Names(), m[1]) {
		t.Errorf("the preview's snapshot does not serve %s", m[1])
	}
}

// Descriptions tell the pages apart: a list's names what it lists, and
// its page.
func TestDescriptionsAreSpecific(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\ntitle: T\ndescription: Tin kiểm tra\npage_size: 1\n")
	for i := range 3 {
		b.WriteString("-- content/articles/a" + string(rune('0'+i)) + ".md --\n---\ntitle: Bài " + string(rune('A'+i)) +
			"\ndate: 2018-08-0" + string(rune('1'+i)) + "\nteam_lead: Bùi Hải Tú\ninspected_unit: Huyện ủy Phú Lương\ntags: [dân vận]\ndocuments: [01-ĐA/TU]\n---\nĐoạn " + string(rune('A'+i)) + ".\n")
	}
	b.WriteString("-- content/projects/01.md --\n---\ncode: 01-ĐA/TU\ntitle: Nâng cao chất lượng công tác dân vận\n---\n")
	site := sitetest.Build(t, b.String())
	seen := map[string]string{}
	re := regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	for _, name := range site.Out.Names() {
		if !strings.HasSuffix(name, ".html") || strings.Contains(site.File(t, name), `http-equiv="refresh"`) {
			continue // a redirect leads on to a page that has one
		}
		m := re.FindStringSubmatch(site.File(t, name))
		if m == nil {
			t.Errorf("%s has no description", name)
			continue
		}
		if other, ok := seen[m[1]]; ok {
			t.Errorf("%s and %s share the description %q", name, other, m[1])
		}
		seen[m[1]] = name
	}
	for name, want := range map[string]string{
		"projects/01-da-tu/index.html":     "01-ĐA/TU: 3 tin kiểm tra, 0 kết quả kiểm tra. Nâng cao chất lượng công tác dân vận.",
		"tags/dan-van/page/2/index.html":   "Chủ đề dân vận: 3 bài viết, trang 2/3.",
		"2018/08/index.html":               "Lưu trữ tháng 8/2018: 3 tin kiểm tra, 0 kết quả kiểm tra, theo ngày đăng.",
		"team-leads/bui-hai-tu/index.html": "Trưởng đoàn Bùi Hải Tú: 3 bài viết.",
		"page/3/index.html":                "Tin mới, trang 3/3: các bài từ ngày 01/08/2018 đến ngày 01/08/2018.",
		"projects/index.html":              "Danh sách 1 đề án, văn bản được kiểm tra, giám sát, với số tin và kết quả kiểm tra của mỗi văn bản.",
	} {
		site.Contains(t, name, `<meta name="description" content="`+want+`">`)
	}
}
