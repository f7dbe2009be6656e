package build

import (
	"context"
	"os"
	"time"

	"bulletin/internal/assemble"
	"bulletin/internal/config"
	"bulletin/internal/content"
	"bulletin/internal/model"
)

// ArticleURLs is the set of URLs a site's articles take, as the build
// gives them: for a tool that writes a new article (scaffold's import),
// which must not take one (two pages on one URL stop the build). It is
// scaffold.URLs.
type ArticleURLs struct {
	urls map[string]bool
	loc  *time.Location
}

// Taken reports whether the URL of an article dated d with slug is taken.
func (u *ArticleURLs) Taken(d time.Time, slug string) bool { return u.urls[u.url(d, slug)] }

// Take records the URL of an article dated d with slug as taken.
func (u *ArticleURLs) Take(d time.Time, slug string) { u.urls[u.url(d, slug)] = true }

func (u *ArticleURLs) url(d time.Time, slug string) string {
	return assemble.ArticleURL(&model.ArticleFile{Date: d, Slug: slug}, u.loc)
}

// ReadArticleURLs reads the site at root as a build does (its settings
// and content, drafts and articles not yet due included) for the URLs its
// articles take, old URLs (aliases:) with them. A file that cannot be read
// takes none: the build reports it. On 10,000 articles, bulletin import
// of one text took 1.9-2.9 s with it, against 0.34 s without.
func ReadArticleURLs(ctx context.Context, root string) (*ArticleURLs, error) {
	fsys := os.DirFS(root)
	cfg, _ := config.Load(fsys) // problems are the build's to report
	set, _ := new(content.Loader).Load(ctx, fsys, cfg)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	u := &ArticleURLs{urls: map[string]bool{}, loc: cfg.Location}
	for _, f := range set.Articles {
		u.urls[assemble.ArticleURL(f, cfg.Location)] = true
		for _, al := range f.Aliases {
			u.urls[al.URL] = true
		}
	}
	return u, nil
}

// SiteURLs is ArticleURLs of a site already assembled (the preview's):
// the URLs of all its pages.
func SiteURLs(site *model.Site) *ArticleURLs {
	u := &ArticleURLs{urls: make(map[string]bool, len(site.Pages)), loc: site.Config.Location}
	for _, p := range site.Pages {
		u.urls[p.URL] = true
	}
	return u
}
