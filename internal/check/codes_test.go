package check

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/internal/diag"
	"bulletin/internal/sitetest"
)

// A site that makes each code of the registry, read by check (which
// reports the build's errors, and its own warnings when there are none).
// The test fails for a registered code no site makes (a code nothing
// reports is a stale entry, or a problem that lost its code), and for any
// problem of any site whose code is not registered, or registered with
// another severity.
var byCode = map[string]string{
	diag.Read:           "-- content/articles/unreadable.md --\n---\ntitle: A\n---\n",
	diag.NotRegularFile: "-- content/articles/pipe.md --\n",
	diag.FileTooLarge: "-- site.yaml --\nmax_file_size: 100\n-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\n" +
		strings.Repeat("Nội dung. ", 20) + "\n",
	diag.NotText:        "-- content/articles/a.md --\n---\ntitle: A\x00\n---\n",
	diag.Frontmatter:    "-- content/articles/a.md --\ntitle: A\n",
	diag.Settings:       "-- site.yaml --\ntitle: [x\n",
	diag.UnknownSetting: "-- site.yaml --\nautor: x\n",
	diag.InvalidValue:   "-- content/articles/a.md --\n---\ntitle: A\ndate: 06/13/2018\n---\n",
	diag.MissingField:   "-- content/articles/a.md --\n---\ntitle: A\n---\n",
	diag.DuplicateField: "-- content/articles/a.md --\n---\ntitle: A\ntitle: B\ndate: 2018-01-01\n---\n",
	diag.URLClash: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\n" +
		"-- content/articles/b.md --\n---\ntitle: A\ndate: 2018-01-02\n---\n",
	diag.ProjectTwice:     "-- content/projects/a.md --\n---\ncode: 01-ĐA/TU\n---\n-- content/projects/b.md --\n---\ncode: 01-DA/TU\n---\n",
	diag.StaticClash:      "-- static/index.xml --\nx\n",
	diag.StaticGzip:       "-- static/a.css --\nbody{}\n-- static/a.css.gz --\nbody{}\n" + clean,
	diag.SiteImageMissing: "-- site.yaml --\nlogo: /images/logo.png\n" + clean,
	diag.Layout:           "-- layouts/article.html --\n{{define \"main\"}}{{.Article.Titel}}{{end}}\n" + clean,
	// Internal is a bug of bulletin: no site should make it. Failed is
	// the preview's name for a failure that is not the content's.

	diag.UnknownField:    "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocumnets: [01-ĐA/TU]\n---\n",
	diag.DocRepeated:     "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU, 01-DA/TU]\n---\n",
	diag.RelativeBaseURL: "-- site.yaml --\nbase_url: /\n" + clean,
	diag.LayoutUnused:    "-- layouts/artcle.html --\n{{define \"main\"}}{{end}}\n" + clean,
	diag.MarkdownDeep:    "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\n---\n" + strings.Repeat("> ", 40) + "x\n",
	diag.DocumentDiffers: "-- content/projects/p.md --\n---\ncode: 01-ĐA/TU\ntitle: Dân vận\n---\n" +
		"-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments:\n  - code: 01-ĐA/TU\n    title: Dân chủ\n---\n",
	diag.UnusedProject: "-- content/projects/p.md --\n---\ncode: 02-ĐA/TU\n---\n" + clean,
	diag.NoDocuments:   "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\n---\n",
	diag.FollowUpOverdue: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\nkind: outcome\ndocuments: [01-ĐA/TU]\n" +
		"outcome:\n  follow_up_by: 2018-06-30\n---\n",
	diag.BrokenLink:   "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\n---\n[x](/khong-co/)\n",
	diag.MissingImage: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\nimage: /anh.jpg\n---\n",
	diag.DuplicateTitle: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01 08:00\ndocuments: [01-ĐA/TU]\n---\n" +
		"-- content/articles/b.md --\n---\ntitle: A\ndate: 2018-01-01 15:00\nslug: a-chieu\ndocuments: [01-ĐA/TU]\n---\n",
	diag.NotRead:      "-- content/articles/bai-moi.md.txt --\nx\n" + clean,
	diag.UnlikelyDate: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2098-08-06\ndocuments: [01-ĐA/TU]\n---\n",
	diag.CodeWords:    "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-08-06\ndocuments: [Văn bản số 22-QĐ/TW]\n---\n",
	diag.NameVariants: "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\ntags: [dân vận]\n---\n" +
		"-- content/articles/b.md --\n---\ntitle: B\ndate: 2018-01-02\ndocuments: [01-ĐA/TU]\ntags: [dần vận]\n---\n",
}

// photoSites adds the sites of the photo codes: a lead photo whose data is
// cut short, a ".jpg" that is no JPEG, a cache folder that cannot be
// made, and an image without alt text.
func init() {
	var buf bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7919 % 251) // detail, so the scan data is most of the file
	}
	jpeg.Encode(&buf, img, nil)
	lead := "-- content/articles/a.md --\n---\ntitle: A\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\nimage: {src: /a.jpg, alt: Ảnh}\n---\n"
	byCode[diag.PhotoBroken] = lead + "-- static/a.jpg --\n" + buf.String()[:buf.Len()*2/3] + "\n"
	byCode[diag.PhotoUnreadable] = lead + "-- static/a.jpg --\nkhông phải ảnh\n"
	byCode[diag.PhotoCache] = lead + "-- static/a.jpg --\n" + buf.String() + "\n"
	byCode[diag.MissingAlt] = strings.Replace(lead, "{src: /a.jpg, alt: Ảnh}", "/a.jpg", 1) + "-- static/a.jpg --\n" + buf.String() + "\n"
}

// clean is an article with nothing to say about it.
const clean = "-- content/articles/ok.md --\n---\ntitle: Ổn\ndate: 2018-01-01\ndocuments: [01-ĐA/TU]\n---\nx\n"

func TestEveryCodeIsMadeAndEveryProblemIsCoded(t *testing.T) {
	for _, k := range diag.Kinds {
		if _, ok := byCode[k.Code]; !ok && k.Code != diag.Internal && k.Code != diag.Failed {
			t.Errorf("no site makes %s: add one, or drop the code from the registry", k.Code)
		}
	}
	for code, archive := range byCode {
		if code == diag.PhotoCache {
			t.Setenv("BULLETIN_CACHE_DIR", "/dev/null/cache") // cannot be made
		} else {
			t.Setenv("BULLETIN_CACHE_DIR", t.TempDir())
		}
		fsys := sitetest.Parse(archive)
		if _, ok := fsys["site.yaml"]; !ok && code != diag.RelativeBaseURL {
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte("base_url: https://kiemtra.example.vn/\n")}
		}
		if p, ok := fsys["content/articles/pipe.md"]; ok {
			p.Mode = fs.ModeNamedPipe
		}
		found, err := Run(context.Background(), unreadable{fsys}, sitetest.Now)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		made := false
		for _, p := range found {
			k, ok := diag.Lookup(p.Code)
			switch {
			case !ok:
				t.Errorf("%s: a problem with no registered code: %s", code, p.Report())
			case k.Severity != p.Severity:
				t.Errorf("%s: a %s with the code of a %s: %s", code, p.Severity, k.Severity, p.Report())
			}
			made = made || p.Code == code
		}
		if !made {
			t.Errorf("the site for %s makes none; it makes:\n%v", code, found)
		}
	}
}

// unreadable fails to open the file of that name, as a file the build may
// not read does.
type unreadable struct{ fstest.MapFS }

func (u unreadable) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, "unreadable.md") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}
