package feed

import (
	"encoding/json"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/internal/model"
)

// The schemas in testdata/ (see its README) are the repository's own
// copies, so these validations never skip for want of them; xmllint is
// installed by .ci/run.
func xmllintSchema(t *testing.T, schema, name string, data []byte, err error) {
	t.Helper()
	xmllint := tool(t, "xmllint")
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", schema), writeTemp(t, name, data, err)).CombinedOutput()
	if err != nil {
		t.Errorf("%s does not validate against %s: %v\n%s\n%s", name, schema, err, out, data)
	}
}

func newsSite(news ...*model.Article) *model.Site {
	cfg := testConfig()
	cfg.Language = "vi-VN"
	return &model.Site{Config: cfg, News: news}
}

func TestNewsSitemap(t *testing.T) {
	as := testArticles()
	data, err := NewsSitemap(newsSite(as[0]))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		URLs []struct {
			Loc  string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
			News struct {
				Name     string `xml:"publication>name"`
				Language string `xml:"publication>language"`
				Date     string `xml:"publication_date"`
				Title    string `xml:"title"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("news sitemap does not parse: %v\n%s", err, data)
	}
	if len(d.URLs) != 1 {
		t.Fatalf("%d URLs, want 1:\n%s", len(d.URLs), data)
	}
	u := d.URLs[0]
	if u.Loc != "https://kiemtra.example.vn/2018/08/kiem-tra/" || u.News.Name != "Tin kiểm tra tỉnh Thái Nguyên" ||
		u.News.Language != "vi" || u.News.Date != "2018-08-06T16:41:00+07:00" || u.News.Title != "Kiểm tra <Đề án> 01 & 02" {
		t.Errorf("news entry = %+v", u)
	}
	xmllintSchema(t, "sitemap-all.xsd", "news-sitemap.xml", data, err)
}

// With no article in the last two days the news sitemap holds no news;
// the schema wants a <url> in every urlset, so the front page stands
// there alone.
func TestNewsSitemapEmptyValidates(t *testing.T) {
	data, err := NewsSitemap(newsSite())
	if strings.Contains(string(data), "news:news") || strings.Count(string(data), "<url>") != 1 ||
		!strings.Contains(string(data), "<loc>https://kiemtra.example.vn/</loc>") {
		t.Errorf("empty news sitemap:\n%s", data)
	}
	xmllintSchema(t, "sitemap-all.xsd", "news-sitemap.xml", data, err)
}

func TestNewsLanguage(t *testing.T) {
	for tag, want := range map[string]string{"vi": "vi", "vi-VN": "vi", "en-GB": "en", "zh-Hant-TW": "zh-tw", "zh-CN": "zh-cn", "": "vi"} {
		if got := newsLanguage(tag); got != want {
			t.Errorf("newsLanguage(%q) = %q, want %q", tag, got, want)
		}
	}
}

// An article's lead image goes into the sitemap with its page, in the
// image extension, and the old URLs that lead to an article do not.
func TestSitemapImagesAndNoAliases(t *testing.T) {
	s := testSite()
	s.Articles[0].Image = model.Image{Src: "/images/doan-kiem-tra.jpg", Alt: "Đoàn kiểm tra"}
	s.Pages = append(s.Pages, &model.Page{Kind: model.KindRedirect, URL: "/2018/08/ten-cu/", Article: s.Articles[0], Redirect: s.Articles[0].URL})
	data, err := oneSitemap(s)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	if !strings.Contains(got, "<loc>https://kiemtra.example.vn/2018/08/kiem-tra/</loc>") ||
		!strings.Contains(got, "<image:image>\n      <image:loc>https://kiemtra.example.vn/images/doan-kiem-tra.jpg</image:loc>") {
		t.Errorf("no image for the article's page:\n%s", got)
	}
	if strings.Count(got, "<image:image>") != 1 || strings.Contains(got, "ten-cu") {
		t.Errorf("one image, no alias expected:\n%s", got)
	}
	xmllintSchema(t, "sitemap-all.xsd", "sitemap.xml", data, err)
}

func TestJSONFeed(t *testing.T) {
	cfg := testConfig()
	cfg.Logo = "/images/logo.png"
	ch := testChannel()
	ch.Self = "/feed.json"
	ch.Articles[0].Updated = time.Date(2018, 8, 7, 9, 15, 0, 0, ict)
	ch.Articles[0].Tags = []string{"dân vận"}
	data, err := JSONFeed(cfg, ch)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Version, Title, Icon, Language string
		HomePageURL                    string `json:"home_page_url"`
		FeedURL                        string `json:"feed_url"`
		Authors                        []struct{ Name string }
		Items                          []struct {
			ID, URL, Title, Summary string
			ContentHTML             string `json:"content_html"`
			DatePublished           string `json:"date_published"`
			DateModified            string `json:"date_modified"`
			Authors                 []struct{ Name string }
			Tags                    []string
		}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.json does not parse: %v\n%s", err, data)
	}
	if f.Version != "https://jsonfeed.org/version/1.1" || f.Title != "Tin kiểm tra" || f.FeedURL != "https://kiemtra.example.vn/feed.json" || f.HomePageURL != "https://kiemtra.example.vn/" ||
		f.Icon != "https://kiemtra.example.vn/images/logo.png" || f.Language != "vi" || len(f.Authors) != 1 || f.Authors[0].Name != cfg.Title {
		t.Errorf("feed = %+v", f)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	a := f.Items[0]
	if a.ID != "https://kiemtra.example.vn/2018/08/kiem-tra/" || a.URL != a.ID || a.Title != "Kiểm tra <Đề án> 01 & 02" ||
		a.DatePublished != "2018-08-06T16:41:00+07:00" || a.DateModified != "2018-08-07T09:15:00+07:00" ||
		!strings.Contains(a.ContentHTML, `<a href="/projects/01-da-tu/">liên kết</a>`) ||
		len(a.Authors) != 2 || a.Authors[0].Name != "Phòng Thông tin" || strings.Join(a.Tags, ",") != "dân vận" {
		t.Errorf("item 0 = %+v", a)
	}
	for i, it := range f.Items {
		if it.ID == "" || it.URL == "" || it.Title == "" || it.DatePublished == "" {
			t.Errorf("item %d lacks a required field: %+v", i, it)
		}
	}
	empty, err := JSONFeed(cfg, Channel{Title: "T", Link: "/", Self: "/feed.json"})
	if err != nil || !strings.Contains(string(empty), `"items": []`) {
		t.Errorf("an empty feed has items [] (not null): %v\n%s", err, empty)
	}
}

// The full text of a feed entry is the article as its page shows it, from
// the channel's Full, without what only a screen reader hears: feed
// readers show no stylesheet, so a visually hidden label would be read.
func TestFullTextWithoutHiddenLabels(t *testing.T) {
	ch := testChannel()
	ch.Full = func(a *model.Article) (string, error) {
		return `<dl class="meta"><dt>Trưởng đoàn</dt><dd>` + a.TeamLead.Name + `</dd></dl>` + string(a.HTML()) +
			`<a href="#fnref:1" class="footnote-backref" role="doc-backlink"><span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="visually-hidden">Quay lại chỗ dẫn chú thích</span></a>`, nil
	}
	d := atomOf(t, ch)
	c := d.Entries[0].Content
	if c == nil || !strings.Contains(c.Body, "<dd>Bùi Hải Tú</dd>") || !strings.Contains(c.Body, "liên kết") {
		t.Fatalf("entry content is not the full text: %+v", c)
	}
	if strings.Contains(c.Body, "Quay lại") || !strings.Contains(c.Body, `role="doc-backlink"><span aria-hidden="true">`) {
		t.Errorf("the hidden label is in the feed, or the link went with it: %s", c.Body)
	}
}

func TestAtomUpdatedIsTheCorrection(t *testing.T) {
	ch := testChannel()
	ch.Articles[1].Updated = time.Date(2019, 1, 1, 9, 0, 0, 0, ict) // the older article, corrected last
	d := atomOf(t, ch)
	if d.Updated != "2019-01-01T09:00:00+07:00" || d.Entries[1].Updated != "2019-01-01T09:00:00+07:00" ||
		d.Entries[1].Published != "2017-01-02T00:00:00+07:00" || d.Entries[0].Updated != "2018-08-06T16:41:00+07:00" {
		t.Errorf("feed updated %q; entries updated %q %q, published %q", d.Updated, d.Entries[0].Updated, d.Entries[1].Updated, d.Entries[1].Published)
	}
}
