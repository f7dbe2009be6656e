package feed

import (
	"encoding/xml"
	"strings"
	"time"

	"bulletin/internal/model"
)

// The Google News sitemap lists the articles of the last two days (the
// assembler picks them: Site.News), each with the publication's name and
// language, its date and title. With none it holds no news, but the
// sitemap schema wants one <url> in every urlset: the front page stands
// alone, without news, so the file stays valid for the crawlers that
// fetch it again later.

const (
	nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsNews    = "http://www.google.com/schemas/sitemap-news/0.9"
	nsImage   = "http://www.google.com/schemas/sitemap-image/1.1"
)

type newsURLSet struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	NSNews  string    `xml:"xmlns:news,attr"`
	URLs    []newsURL `xml:"url"`
}

type newsURL struct {
	Loc  string    `xml:"loc"`
	News *newsNews `xml:"news:news,omitempty"`
}

type newsNews struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// NewsSitemap writes news-sitemap.xml from s.News.
func NewsSitemap(s *model.Site) ([]byte, error) {
	u := newsURLSet{NS: nsSitemap, NSNews: nsNews}
	pub := newsPublication{Name: s.Config.Title, Language: newsLanguage(s.Config.Language)}
	for _, a := range s.News {
		u.URLs = append(u.URLs, newsURL{Loc: Abs(s.Config, a.URL),
			News: &newsNews{Publication: pub, Date: a.Date.Format(time.RFC3339), Title: a.Title}})
	}
	if len(u.URLs) == 0 {
		u.URLs = []newsURL{{Loc: Abs(s.Config, "/")}}
	}
	return marshal(u)
}

// newsLanguage is the language as Google News names it: the ISO 639 code
// of the site's language tag ("vi" of "vi-VN"), but zh-cn and zh-tw.
func newsLanguage(tag string) string {
	tag = strings.ToLower(tag)
	if tag == "" {
		return "vi"
	}
	if strings.HasPrefix(tag, "zh-") {
		if strings.Contains(tag, "tw") || strings.Contains(tag, "hant") || strings.Contains(tag, "hk") {
			return "zh-tw"
		}
		return "zh-cn"
	}
	lang, _, _ := strings.Cut(tag, "-")
	return lang
}
