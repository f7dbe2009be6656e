package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestSiteImages: an image Options.Image knows is written with its widths,
// sizes and size; one it does not is left as written. Every body image is
// loaded lazily.
func TestSiteImages(t *testing.T) {
	var asked []string
	c := New(Options{Image: func(file, dest string) (Image, bool) {
		asked = append(asked, file+" "+dest)
		switch dest {
		case "/images/a.jpg":
			return Image{Src: "/images/a.jpg", SrcSet: "/images/a-480w.jpg 480w, /images/a.jpg 960w",
				Sizes: "(min-width: 46rem) 44rem, 100vw", Width: 960, Height: 640}, true
		case "../../../static/b.gif":
			return Image{Src: "/b.gif"}, true
		}
		return Image{}, false
	}})
	src := "![Đoàn kiểm tra](/images/a.jpg)\n\n![](../../../static/b.gif) ![x](https://example.vn/c.jpg)\n"
	res, err := c.ConvertFile([]byte(src), "content/articles/2018/a.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p><img src="/images/a.jpg" alt="Đoàn kiểm tra" srcset="/images/a-480w.jpg 480w, /images/a.jpg 960w" sizes="(min-width: 46rem) 44rem, 100vw" width="960" height="640" loading="lazy" decoding="async"></p>`,
		`<img src="/b.gif" alt="" loading="lazy" decoding="async">`,
		`<img src="https://example.vn/c.jpg" alt="x" loading="lazy" decoding="async">`,
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %s\n%s", want, res.HTML)
		}
	}
	if got := strings.Join(asked, "\n"); got != "content/articles/2018/a.md /images/a.jpg\ncontent/articles/2018/a.md ../../../static/b.gif\ncontent/articles/2018/a.md https://example.vn/c.jpg" {
		t.Errorf("asked:\n%s", got)
	}
	got := fmt.Sprint(res.Images)
	want := "[{/images/a.jpg {/images/a.jpg /images/a-480w.jpg 480w, /images/a.jpg 960w (min-width: 46rem) 44rem, 100vw 960 640} true} {../../../static/b.gif {/b.gif   0 0} true} {https://example.vn/c.jpg {   0 0} false}]"
	if got != want {
		t.Errorf("Images = %s\nwant %s", got, want)
	}
	if alts := fmt.Sprint(res.Links[0].Alt, "|", res.Links[1].Alt); alts != "Đoàn kiểm tra|" {
		t.Errorf("alts %s", alts)
	}
}
