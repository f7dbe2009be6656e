package check

import (
	"io/fs"
	"net/url"
	"path"
	"strings"

	"bulletin/internal/diag"
	"bulletin/internal/model"
	"bulletin/internal/text"
)

// links warns of links and images in bodies, and lead images, that lead to
// no page or file of the built site. Links to other sites are not followed.
func (c *checker) links(found *diag.List) {
	for _, a := range c.site.Articles {
		c.sourceLinks(&a.Source, a.URL, found)
		if a.Image != "" && !c.exists(a.Image, a.URL) {
			found.Add(warn(MissingImage, a.Path, a.Line("image"), "image",
				"the image "+a.Image+" is not in the site", "put the file under static/, e.g. static"+a.Image))
		}
	}
	for _, p := range c.site.Projects {
		if p.Path != "" {
			c.sourceLinks(&p.Source, p.URL, found)
		}
	}
	for _, d := range c.site.Docs {
		c.sourceLinks(&d.Source, d.URL, found)
	}
}

func (c *checker) sourceLinks(src *model.Source, pageURL string, found *diag.List) {
	for _, l := range src.Links {
		u, err := url.Parse(l.Dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue
		}
		code, what := BrokenLink, "the link"
		if l.Image {
			code, what = MissingImage, "the image"
		}
		if target, _, ok := text.SourceLink(src.Path, l.Dest); ok && !l.Image {
			c.fileLink(src, l, target, found)
			continue
		}
		if base := c.site.Config.BasePath(); base != "/" && strings.HasPrefix(u.Path, "/") {
			// The site lives under base: a root-relative link must too, and
			// names the page below it.
			if !strings.HasPrefix(u.Path+"/", base) {
				found.Add(warn(code, src.Path, l.Line, "", what+" "+l.Dest+" leads out of the site, which lives under "+base,
					"write it as "+base+strings.TrimPrefix(u.Path, "/")))
				continue
			}
			u.Path = "/" + strings.TrimPrefix(u.Path+"/", base)
		}
		if !c.exists(u.Path, pageURL) {
			found.Add(warn(code, src.Path, l.Line, "", what+" "+l.Dest+" leads to no page or file of the site",
				"link to a page as /2018/08/slug/ or to a file under static/"))
		}
	}
}

// fileLink checks a link to another content file, which the build turns
// into that page's URL: the file must exist and be a page of the site, and
// a published page may not lead to a draft or a future-dated article,
// which the published site leaves out. (check builds with drafts and
// future articles so that it reads them too.)
func (c *checker) fileLink(src *model.Source, l model.Link, target string, found *diag.List) {
	if c.pages == nil {
		c.pages = map[string]*model.Article{}
		for _, a := range c.site.Articles {
			c.pages[a.Path] = a
		}
		for _, p := range c.site.Projects {
			if p.Path != "" {
				c.pages[p.Path] = nil
			}
		}
		for _, d := range c.site.Docs {
			c.pages[d.Path] = nil
		}
	}
	a, isPage := c.pages[target]
	_, statErr := fs.Stat(c.fsys, target)
	switch from := c.pages[src.Path]; {
	case statErr != nil:
		found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" points to "+target+", which does not exist", "check the file name"))
	case !isPage:
		found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" points to "+target+", which is not a page of the site",
			"link to an article, a project or a page under content/"))
	case a != nil && (a.Draft || a.Future) && (from == nil || !from.Draft && !from.Future):
		found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" points to "+target+", which is a draft or dated in the future, so the published site leaves it out",
			"publish "+target+" first, or remove the link"))
	}
}

// exists resolves p (site-absolute, or relative to the page at pageURL)
// against the built files.
func (c *checker) exists(p, pageURL string) bool {
	if !strings.HasPrefix(p, "/") {
		p = path.Join(pageURL, p)
		if strings.HasSuffix(p, "/.") {
			p = strings.TrimSuffix(p, ".")
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "." || name == "" {
		name = "index.html"
	}
	for _, n := range []string{name, name + "/index.html"} {
		if _, ok := c.out.Get(n); ok {
			return true
		}
	}
	return false
}
