package feed

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

var ict = time.FixedZone("ICT", 7*3600)

func testConfig() model.Config {
	return model.Config{
		Title:       "Tin kiểm tra tỉnh Thái Nguyên",
		Description: "Tin tức & kết quả kiểm tra",
		BaseURL:     "https://kiemtra.example.vn/",
		Language:    "vi",
		FeedSize:    20,
	}
}

// testArticles are newest first, as the site hands them to the feeds: one
// with a team lead, a summary field, two documents and markup to escape;
// one with none of those.
func testArticles() []*model.Article {
	a := (&model.Article{URL: "/2018/08/kiem-tra/", Byline: []string{"Phòng Thông tin", "Lê Văn An"}}).SetFile(&model.ArticleFile{
		Title:        "Kiểm tra <Đề án> 01 & 02",
		Date:         time.Date(2018, 8, 6, 16, 41, 0, 0, ict),
		TeamLead:     model.Person{Name: "Bùi Hải Tú", Role: "Phó Chủ nhiệm"},
		Documents:    []model.DocRef{{Code: "01-ĐA/TU"}, {Code: "02-ĐA/TU"}},
		SummaryField: "Tóm tắt <b>có</b> dấu",
		Authors:      []string{"Phòng Thông tin", "Lê Văn An"},
	})
	body := model.NewBody(model.RawHTML("<p>Nội dung &amp; <a href=\"/projects/01-da-tu/\">liên kết</a></p>"), "")
	a.SetBody(&body)
	b := (&model.Article{URL: "/2017/01/tin/"}).SetFile(&model.ArticleFile{
		Title: "Tin không có trưởng đoàn",
		Date:  time.Date(2017, 1, 2, 0, 0, 0, 0, ict),
	})
	b.SetBody(&model.Body{Lead: "Đoạn đầu."})
	return []*model.Article{a, b}
}

func testChannel() Channel {
	return Channel{Title: "Tin kiểm tra", Description: "Mô tả", Link: "/", Self: "/index.xml", Articles: testArticles()}
}

// rssDoc reads back what RSS writes, namespaces resolved: a dc:creator
// whose prefix is not declared would come back in the namespace "dc".
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title         string `xml:"title"`
		Description   string `xml:"description"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		// <link> and <atom:link> share a local name, which a field
		// without a namespace matches either way: read both, tell them
		// apart by namespace.
		Links []struct {
			XMLName xml.Name
			Href    string `xml:"href,attr"`
			Rel     string `xml:"rel,attr"`
			Value   string `xml:",chardata"`
		} `xml:"link"`
		Items []struct {
			Title string `xml:"title"`
			Link  string `xml:"link"`
			GUID  struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				Value       string `xml:",chardata"`
			} `xml:"guid"`
			PubDate     string   `xml:"pubDate"`
			Creator     []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories  []string `xml:"category"`
			Description string   `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestRSS(t *testing.T) {
	data, err := RSS(testConfig(), testChannel())
	if err != nil {
		t.Fatal(err)
	}
	var d rssDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("RSS does not parse: %v\n%s", err, data)
	}
	c := d.Channel
	var link, self, selfRel string
	for _, l := range c.Links {
		switch l.XMLName.Space {
		case "":
			link = l.Value
		case nsAtom:
			self, selfRel = l.Href, l.Rel
		default:
			t.Errorf("link in namespace %q", l.XMLName.Space)
		}
	}
	if d.Version != "2.0" || c.Title != "Tin kiểm tra" || link != "https://kiemtra.example.vn/" ||
		c.Description != "Mô tả" || c.Language != "vi" {
		t.Errorf("channel = %q %q %q %q %q", d.Version, c.Title, link, c.Description, c.Language)
	}
	if self != "https://kiemtra.example.vn/index.xml" || selfRel != "self" {
		t.Errorf("atom:link = %q rel %q", self, selfRel)
	}
	if c.LastBuildDate != "Mon, 06 Aug 2018 16:41:00 +0700" {
		t.Errorf("lastBuildDate = %q", c.LastBuildDate)
	}
	if len(c.Items) != 2 {
		t.Fatalf("%d items, want 2", len(c.Items))
	}
	for i, it := range c.Items {
		if it.Title == "" || it.Link == "" || it.GUID.Value != it.Link || it.GUID.IsPermaLink != "true" {
			t.Errorf("item %d: title %q link %q guid %+v", i, it.Title, it.Link, it.GUID)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("item %d: pubDate %q is not RFC 822: %v", i, it.PubDate, err)
		}
	}
	a, b := c.Items[0], c.Items[1]
	if a.Title != "Kiểm tra <Đề án> 01 & 02" || a.Link != "https://kiemtra.example.vn/2018/08/kiem-tra/" {
		t.Errorf("item 0: %q %q", a.Title, a.Link)
	}
	if a.PubDate != "Mon, 06 Aug 2018 16:41:00 +0700" {
		t.Errorf("item 0 pubDate = %q", a.PubDate)
	}
	// The byline, not the team lead: news apps show it as the author.
	if strings.Join(a.Creator, "|") != "Phòng Thông tin|Lê Văn An" {
		t.Errorf("item 0 dc:creator = %q, want the byline (in the Dublin Core namespace)", a.Creator)
	}
	if strings.Join(a.Categories, "|") != "01-ĐA/TU|02-ĐA/TU" {
		t.Errorf("item 0 categories = %q", a.Categories)
	}
	// RSS readers read an item's description as HTML: the summary, a
	// plain text that the page shows as it is written, is escaped as HTML
	// within the XML, or a reader would make its "<b>" bold (and its
	// "<img onerror>" an image whose handler runs).
	if a.Description != "Tóm tắt &lt;b&gt;có&lt;/b&gt; dấu" || b.Description != "Đoạn đầu." {
		t.Errorf("descriptions = %q, %q", a.Description, b.Description)
	}
	if len(b.Creator) != 0 {
		t.Errorf("item 1 has dc:creator %q; it has no byline", b.Creator)
	}
}

// TestRSSDeclaresPrefixes checks the raw bytes: every prefix used is
// declared on the root, which encoding/xml does not enforce on reading.
func TestRSSDeclaresPrefixes(t *testing.T) {
	data, err := RSS(testConfig(), testChannel())
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for prefix, ns := range map[string]string{"atom": nsAtom, "dc": nsDC} {
		if strings.Contains(s, "<"+prefix+":") && !strings.Contains(s, `xmlns:`+prefix+`="`+ns+`"`) {
			t.Errorf("RSS uses %s: without declaring it:\n%s", prefix, s)
		}
	}
}

func TestRSSFeedSize(t *testing.T) {
	cfg := testConfig()
	cfg.FeedSize = 1
	data, err := RSS(cfg, testChannel())
	if err != nil {
		t.Fatal(err)
	}
	var d rssDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Channel.Items) != 1 || d.Channel.Items[0].Title != "Kiểm tra <Đề án> 01 & 02" {
		t.Errorf("feed_size 1: items %+v", d.Channel.Items)
	}
}

func TestRSSEmpty(t *testing.T) {
	data, err := RSS(testConfig(), Channel{Title: "T", Link: "/", Self: "/index.xml"})
	if err != nil {
		t.Fatal(err)
	}
	var d rssDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Channel.Items) != 0 || d.Channel.LastBuildDate != "" {
		t.Errorf("empty feed: %+v", d.Channel)
	}
	if !strings.Contains(string(data), "<description></description>") {
		t.Errorf("an RSS channel needs a description element, even empty:\n%s", data)
	}
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Author *struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Link      struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Authors []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Summary struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"summary"`
		Content *struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

// atomOf writes the channel as the site's Atom feed and reads it back.
func atomOf(t *testing.T, ch Channel) atomDoc {
	t.Helper()
	ch.Self = "/atom.xml"
	data, err := Atom(testConfig(), ch)
	if err != nil {
		t.Fatal(err)
	}
	var d atomDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("Atom does not parse: %v\n%s", err, data)
	}
	return d
}

func TestAtom(t *testing.T) {
	d := atomOf(t, testChannel())
	if d.Lang != "vi" || d.Title != "Tin kiểm tra" || d.ID != "https://kiemtra.example.vn/atom.xml" ||
		d.Updated != "2018-08-06T16:41:00+07:00" {
		t.Errorf("feed = lang %q title %q id %q updated %q", d.Lang, d.Title, d.ID, d.Updated)
	}
	rels := map[string]string{}
	for _, l := range d.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != "https://kiemtra.example.vn/atom.xml" || rels["alternate"] != "https://kiemtra.example.vn/" {
		t.Errorf("links = %v", rels)
	}
	if d.Author == nil || d.Author.Name != "Tin kiểm tra tỉnh Thái Nguyên" {
		t.Errorf("feed author = %+v; Atom needs one for entries without their own", d.Author)
	}
	if len(d.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(d.Entries))
	}
	for i, e := range d.Entries {
		if e.Title == "" || e.ID == "" || e.ID != e.Link.Href || e.Link.Rel != "alternate" {
			t.Errorf("entry %d: %+v", i, e)
		}
		for _, v := range []string{e.Published, e.Updated} {
			if _, err := time.Parse(time.RFC3339, v); err != nil {
				t.Errorf("entry %d: date %q is not RFC 3339", i, v)
			}
		}
	}
	a, b := d.Entries[0], d.Entries[1]
	if a.Title != "Kiểm tra <Đề án> 01 & 02" || a.ID != "https://kiemtra.example.vn/2018/08/kiem-tra/" {
		t.Errorf("entry 0: %q %q", a.Title, a.ID)
	}
	if len(a.Authors) != 2 || a.Authors[0].Name != "Phòng Thông tin" || a.Authors[1].Name != "Lê Văn An" {
		t.Errorf("entry 0 authors = %+v, want the byline, not the team lead", a.Authors)
	}
	if len(b.Authors) != 0 {
		t.Errorf("entry 1 authors = %+v; it has no byline, the feed's author stands in", b.Authors)
	}
	if a.Summary.Type != "text" || a.Summary.Body != "Tóm tắt <b>có</b> dấu" {
		t.Errorf("entry 0 summary = %+v", a.Summary)
	}
	if a.Content == nil || a.Content.Type != "html" || !strings.Contains(a.Content.Body, `<a href="/projects/01-da-tu/">liên kết</a>`) {
		t.Errorf("entry 0 content = %+v", a.Content)
	}
	if b.Content != nil {
		t.Errorf("entry 1 has content %+v; it has no body", b.Content)
	}
}

func TestAtomEmptyHasUpdated(t *testing.T) {
	data, err := Atom(testConfig(), Channel{Title: "T", Link: "/", Self: "/atom.xml"})
	if err != nil {
		t.Fatal(err)
	}
	var d atomDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Updated != "2000-01-01T00:00:00Z" || len(d.Entries) != 0 {
		t.Errorf("empty feed: updated %q, %d entries", d.Updated, len(d.Entries))
	}
}

func testSite() *model.Site {
	as := testArticles()
	s := &model.Site{Config: testConfig(), Articles: as}
	s.Pages = []*model.Page{
		{Kind: model.KindHome, URL: "/", Articles: as},
		{Kind: model.KindArticle, URL: as[1].URL, Article: as[1]},
		{Kind: model.KindArticle, URL: as[0].URL, Article: as[0]},
		{Kind: model.KindPage, URL: "/gioi-thieu/", Doc: &model.Doc{DocFile: &model.DocFile{Title: "Giới thiệu"}}},
		{Kind: model.Kind404, URL: "/404.html"},
	}
	return s
}

func TestSitemap(t *testing.T) {
	data, err := oneSitemap(testSite())
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
			LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("sitemap does not parse: %v\n%s", err, data)
	}
	var got []string
	for _, u := range d.URLs {
		got = append(got, u.Loc+" "+u.LastMod)
	}
	want := []string{
		"https://kiemtra.example.vn/ 2018-08-06T16:41:00+07:00",
		"https://kiemtra.example.vn/2017/01/tin/ 2017-01-02T00:00:00+07:00",
		"https://kiemtra.example.vn/2018/08/kiem-tra/ 2018-08-06T16:41:00+07:00",
		"https://kiemtra.example.vn/gioi-thieu/ ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sitemap:\n%s\nwant (no 404 page):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRobots(t *testing.T) {
	got := string(Robots(testConfig()))
	if !strings.Contains(got, "User-agent: *\n") || !strings.HasSuffix(got, "Sitemap: https://kiemtra.example.vn/sitemap.xml\nSitemap: https://kiemtra.example.vn/news-sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", got)
	}
}

func TestAbs(t *testing.T) {
	for _, c := range []struct{ base, rel, want string }{
		{"https://x.vn/", "/a/", "https://x.vn/a/"},
		{"https://x.vn/sub/", "/a/", "https://x.vn/sub/a/"},
		{"/", "/a/", "/a/"},
		{"", "index.xml", "/index.xml"},
	} {
		if got := Abs(model.Config{BaseURL: c.base}, c.rel); got != c.want {
			t.Errorf("Abs(%q, %q) = %q, want %q", c.base, c.rel, got, c.want)
		}
	}
}
