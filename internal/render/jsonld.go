package render

import (
	"encoding/json"
	"html/template"
	"time"

	"bulletin/internal/model"
	"bulletin/internal/text"
)

// Structured data (schema.org in JSON-LD) tells search engines and news
// apps what a page is: an article's headline, dates, byline, publisher,
// picture and the documents it is about; the organisation behind the
// site on the front page; and on every page under it, where it sits
// (BreadcrumbList, crumbsLD). A layout writes each as
//
//	{{with jsonLD .}}<script type="application/ld+json">{{.}}</script>{{end}}
//
// jsonLD marshals the value with encoding/json, which writes "<", ">" and
// "&" as \u003c, \u003e and \u0026 (and U+2028, U+2029 escaped too), so
// no text an editor wrote can close the script element or open a
// comment in it: the JSON is then safe to hand html/template as
// template.JS, which spares it marshalling the value again by reflection
// on every article. The values are structs, so the keys come in one
// order and two builds write the same bytes.

const schemaOrg = "https://schema.org"

type ldThing struct {
	Type string `json:"@type"`
	ID   string `json:"@id,omitempty"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

type ldImage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

type ldOrganization struct {
	Context string   `json:"@context,omitempty"`
	Type    string   `json:"@type"`
	Name    string   `json:"name"`
	URL     string   `json:"url,omitempty"`
	Logo    *ldImage `json:"logo,omitempty"`
}

type ldDocument struct {
	Type          string `json:"@type"`
	Name          string `json:"name"`
	Identifier    string `json:"identifier"`
	DatePublished string `json:"datePublished,omitempty"`
	URL           string `json:"url,omitempty"`
}

type ldNewsArticle struct {
	Context          string          `json:"@context"`
	Type             string          `json:"@type"`
	Headline         string          `json:"headline"`
	Description      string          `json:"description,omitempty"`
	InLanguage       string          `json:"inLanguage,omitempty"`
	DatePublished    string          `json:"datePublished"`
	DateModified     string          `json:"dateModified"`
	Author           []ldThing       `json:"author"`
	Publisher        *ldOrganization `json:"publisher"`
	Image            []string        `json:"image,omitempty"`
	MainEntityOfPage ldThing         `json:"mainEntityOfPage"`
	About            []ldDocument    `json:"about,omitempty"`
	Keywords         []string        `json:"keywords,omitempty"`
}

type ldBreadcrumbList struct {
	Context string       `json:"@context"`
	Type    string       `json:"@type"`
	Items   []ldListItem `json:"itemListElement"`
}

type ldListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// crumbsLD is the BreadcrumbList of page p as JSON: the crumbs the page
// shows (Page.Crumbs, the one list both are written from), each with its
// absolute URL; "" on a page without crumbs (the front page, 404).
func crumbsLD(base string, p *model.Page) (template.JS, error) {
	if p == nil || len(p.Crumbs) < 2 {
		return "", nil
	}
	l := ldBreadcrumbList{Context: schemaOrg, Type: "BreadcrumbList", Items: make([]ldListItem, len(p.Crumbs))}
	for i, c := range p.Crumbs {
		l.Items[i] = ldListItem{Type: "ListItem", Position: i + 1, Name: c.Name, Item: absURL(base, c.URL)}
	}
	b, err := json.Marshal(l) // HTML-safe: see above
	return template.JS(b), err
}

// jsonLD is the structured data of page p as JSON: a NewsArticle on an
// article's page, the publishing Organization on the front page, "" for
// none.
func jsonLD(base string, p *model.Page) (template.JS, error) {
	if p == nil || p.Site == nil {
		return "", nil
	}
	cfg := p.Site.Config
	var v any
	switch {
	case p.Kind == model.KindArticle && p.Article != nil:
		v = newsArticle(base, cfg, p.Article)
	case p.Kind == model.KindHome && (p.Pager == nil || p.Pager.Number == 1):
		o := organization(base, cfg)
		o.Context = schemaOrg
		v = o
	default:
		return "", nil
	}
	b, err := json.Marshal(v) // HTML-safe: see above
	return template.JS(b), err
}

func organization(base string, cfg model.Config) *ldOrganization {
	o := &ldOrganization{Type: "Organization", Name: cfg.PublisherName(), URL: absURL(base, "/")}
	if cfg.Logo != "" {
		o.Logo = &ldImage{Type: "ImageObject", URL: absURL(base, cfg.Logo)}
	}
	return o
}

func newsArticle(base string, cfg model.Config, a *model.Article) *ldNewsArticle {
	n := &ldNewsArticle{
		Context:          schemaOrg,
		Type:             "NewsArticle",
		Headline:         a.Title,
		Description:      truncate(300, a.Summary()),
		InLanguage:       cfg.Language,
		DatePublished:    a.Date.Format(time.RFC3339),
		DateModified:     a.Modified().Format(time.RFC3339),
		Publisher:        organization(base, cfg),
		MainEntityOfPage: ldThing{Type: "WebPage", ID: absURL(base, a.URL)},
		Keywords:         a.Tags,
	}
	for _, name := range a.Byline {
		// The publisher's name, or an office's ("Phòng Thông tin", the
		// desk that signs much of what a press office publishes), is an
		// Organization; any other byline is a person's.
		kind := "Person"
		if name == cfg.PublisherName() || text.IsOrganization(name) {
			kind = "Organization"
		}
		n.Author = append(n.Author, ldThing{Type: kind, Name: name})
	}
	if img := shareImage(cfg, a); img != "" {
		n.Image = []string{absURL(base, img)}
	}
	for _, d := range documents(a) {
		doc := ldDocument{Type: "CreativeWork", Name: d.Code, Identifier: d.Code}
		if d.Title != "" {
			doc.Name = d.Code + ": " + d.Title
		}
		if !d.Date.IsZero() {
			doc.DatePublished = d.Date.Format("2006-01-02")
		}
		if d.URL != "" {
			doc.URL = absURL(base, d.URL)
		}
		n.About = append(n.About, doc)
	}
	return n
}

// shareImage is the picture a page shows when shared: the article's lead
// image, else the site's share image, else its logo; "" when none.
func shareImage(cfg model.Config, a *model.Article) string {
	if a != nil {
		if img := a.LeadImage(); img != "" {
			return img
		}
	}
	if cfg.Image != "" {
		return cfg.Image
	}
	return cfg.Logo
}

// Share is the picture of a shared link: its absolute URL, and whether it
// is a picture of its own (the article's or the site's share image),
// shown large, rather than the publisher's logo, shown small.
type Share struct {
	URL   string
	Large bool
	// The article's own photo, when the build published it: its size
	// (og:image:width and height, so an app lays the card out before the
	// picture arrives) and its alt text.
	Width, Height int
	Alt           string
}

// share is the share picture of page p, or nil when the site has none.
func share(base string, p *model.Page) *Share {
	if p == nil || p.Site == nil {
		return nil
	}
	cfg := p.Site.Config
	img := shareImage(cfg, p.Article)
	if img == "" {
		return nil
	}
	sh := &Share{URL: absURL(base, img), Large: img != cfg.Logo}
	if a := p.Article; a != nil && img == a.LeadImage() {
		sh.Alt = a.Image.Alt
		if a.Photo != nil && a.Photo.URL == img {
			sh.Width, sh.Height = a.Photo.Width, a.Photo.Height
		}
	}
	return sh
}
