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
	c.index()
	for _, a := range c.site.Articles {
		if !c.mine(a.Path) {
			continue
		}
		c.sourceLinks(&a.Source, a.Body(), a.URL, found)
		if src := a.Image.Src; src != "" && !c.exists(c.resolve(src, a.URL)) {
			found.Add(warn(MissingImage, a.Path, a.Line("image"), "image",
				"the image "+src+" is not in the site", "put the file under static/, e.g. static"+src,
				"Không tìm thấy ảnh "+src+" trong trang web: hãy chép ảnh vào thư mục static (static"+src+"), hoặc sửa lại đường dẫn trong ô «Ảnh đại diện»."))
		}
	}
	for _, p := range c.site.Projects {
		if p.File != nil && c.mine(p.File.Path) {
			c.sourceLinks(&p.File.Source, &p.Body, p.URL, found)
		}
	}
	for _, d := range c.site.Docs {
		if !c.mine(d.Path) {
			continue
		}
		c.sourceLinks(&d.Source, &d.Body, d.URL, found)
	}
}

func (c *checker) sourceLinks(src *model.Source, body *model.Body, pageURL string, found *diag.List) {
	base := c.site.Config.BasePath()
	for _, l := range body.Links {
		u, err := url.Parse(l.Dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue
		}
		code, what, whatVi, fix := BrokenLink, "the link", "Liên kết", "hãy sửa lại địa chỉ của liên kết (một bài có địa chỉ dạng "+base+"2018/08/ten-bai/)"
		if l.Image {
			code, what, whatVi, fix = MissingImage, "the image", "Ảnh", "hãy chép ảnh vào thư mục static, hoặc sửa lại tên tệp"
		}
		if name, ok := text.StaticLink(src.Path, l.Dest); ok && l.Image {
			// "../../../static/a.jpg": the build shows the file at /a.jpg.
			if !c.exists("/" + name) {
				found.Add(warn(code, src.Path, l.Line, "", what+" "+l.Dest+" leads to static/"+name+", which does not exist", "check the file name",
					whatVi+" "+l.Dest+" trỏ tới tệp static/"+name+", nhưng tệp này không có: "+fix+"."))
			}
			continue
		}
		if target, _, ok := text.SourceLink(src.Path, l.Dest); ok && !l.Image {
			c.fileLink(src, l, target, found)
			continue
		}
		if base != "/" && strings.HasPrefix(u.Path, "/") {
			// The site lives under base: a root-relative link must too, and
			// names the page below it.
			if !strings.HasPrefix(u.Path+"/", base) {
				found.Add(warn(code, src.Path, l.Line, "", what+" "+l.Dest+" leads out of the site, which lives under "+base,
					"write it as "+base+strings.TrimPrefix(u.Path, "/"),
					whatVi+" "+l.Dest+" dẫn ra ngoài trang web, vì trang nằm dưới "+base+": hãy ghi là "+base+strings.TrimPrefix(u.Path, "/")+"."))
				continue
			}
			u.Path = "/" + strings.TrimPrefix(u.Path+"/", base)
		}
		p := c.resolve(u.Path, pageURL)
		if !c.exists(p) {
			found.Add(warn(code, src.Path, l.Line, "", what+" "+l.Dest+" leads to no page or file of the site",
				"link to a page as "+base+"2018/08/slug/, to a file under static/, or to another article by its .md file",
				nowhereVi(l)+": "+fix+"."))
			continue
		}
		if a := c.articleAt(p); a != nil && !l.Image {
			c.toUnpublished(src, l, a, found)
		}
	}
}

// fileLink checks a link to another content file, which the build turns
// into that page's URL: the file must exist and be a page of the site.
func (c *checker) fileLink(src *model.Source, l model.Link, target string, found *diag.List) {
	a, isPage := c.pages[target]
	switch {
	case isPage:
		if a != nil {
			c.toUnpublished(src, l, a, found)
		}
	case statErr(c.fsys, target) != nil:
		found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" points to "+target+", which does not exist", "check the file name",
			"Liên kết "+l.Dest+" trỏ tới tệp "+target+", nhưng tệp này không có: hãy sửa lại tên tệp."))
	default:
		found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" points to "+target+", which is not a page of the site",
			"link to an article, a project or a page under content/",
			"Liên kết "+l.Dest+" trỏ tới tệp "+target+", nhưng đó không phải là một trang của trang web: hãy liên kết tới một bài, một đề án hay một trang."))
	}
}

func statErr(fsys fs.FS, name string) error {
	_, err := fs.Stat(fsys, name)
	return err
}

// toUnpublished warns of a link from a published page to a draft or a
// future-dated article, which the published site leaves out. (check
// builds with drafts and future articles so that it reads them too.)
func (c *checker) toUnpublished(src *model.Source, l model.Link, a *model.Article, found *diag.List) {
	if !a.Draft && !a.Future {
		return
	}
	if from := c.pages[text.ComposeString(src.Path)]; from != nil && (from.Draft || from.Future) {
		return // a draft may lead to another: they are published together
	}
	found.Add(warn(BrokenLink, src.Path, l.Line, "", "the link "+l.Dest+" leads to "+a.Path+", which is a draft or dated in the future, so the published site leaves it out",
		"publish "+a.Path+" first, or remove the link",
		"Liên kết "+l.Dest+" dẫn tới bài «"+a.Title+"» ("+a.Path+"), là bản nháp hoặc hẹn đăng sau, nên trên trang đã đăng liên kết sẽ hỏng: "+
			"hãy xuất bản bài đó trước, hoặc bỏ liên kết."))
}

// index maps content files (by composed path) and article URLs to their
// pages, for the link checks.
func (c *checker) index() {
	c.pages = map[string]*model.Article{}
	c.byURL = map[string]*model.Article{}
	for _, a := range c.site.Articles {
		c.pages[text.ComposeString(a.Path)] = a
		c.byURL[a.URL] = a
	}
	for _, p := range c.site.Projects {
		if p.File != nil {
			c.pages[text.ComposeString(p.File.Path)] = nil
		}
	}
	for _, d := range c.site.Docs {
		c.pages[text.ComposeString(d.Path)] = nil
	}
}

// articleAt is the article whose page is at the site path p, or nil.
func (c *checker) articleAt(p string) *model.Article {
	if !strings.HasSuffix(p, "/") && !strings.Contains(path.Base(p), ".") {
		p += "/"
	}
	return c.byURL[strings.TrimSuffix(p, "index.html")]
}

// resolve turns a link's path (site-absolute, or relative to the page at
// pageURL) into a site path: "/2018/08/a/", "/css/x.css".
func (c *checker) resolve(p, pageURL string) string {
	if !strings.HasPrefix(p, "/") {
		trailing := strings.HasSuffix(p, "/")
		p = path.Join(pageURL, p)
		if trailing && !strings.HasSuffix(p, "/") {
			p += "/"
		}
	}
	return p
}

// exists reports whether the site path p is a built page or file.
func (c *checker) exists(p string) bool {
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "." || name == "" {
		name = "index.html"
	}
	for _, n := range []string{name, name + "/index.html"} {
		if c.out.Has(n) {
			return true
		}
	}
	return false
}

// nowhereVi says, for the editor, that a link or image of a body leads
// to nothing.
func nowhereVi(l model.Link) string {
	if l.Image {
		return "Không tìm thấy ảnh " + l.Dest + " trong trang web"
	}
	return "Liên kết " + l.Dest + " không dẫn tới trang hay tệp nào của trang web"
}
