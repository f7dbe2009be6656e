package markdown

import (
	"html"
	"strings"
	"testing"
	"unicode"

	"bulletin/internal/text"
)

// FuzzConvert feeds the whole pipeline (goldmark with tables, footnotes,
// autolinks, code links and ".md" page links, then the tidying of the
// tree) arbitrary bodies. With raw HTML off, as sites have it unless
// unsafe_html, no output may run script: no <script, no element Markdown
// does not make, no on…= attribute, no link or image a browser would run
// as script. Both modes give the same bytes twice.
//
// Seeds: testdata/fuzz/FuzzConvert (hostile HTML and URLs, code mentions,
// nesting, tables, footnotes). Run: go test -run '^$' -fuzz FuzzConvert
// -parallel 1 ./internal/markdown
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		body,
		"Theo Đề án số 01-ĐA/TU và [bài trước](../2018/a.md#ket-luan).",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) ![y](data:text/html,<script>) <img src=x onerror=alert(1)>",
	} {
		f.Add(s)
	}
	code := func(c string) (string, bool) {
		// Every code is known: its link is the folded code, as a site's is.
		if slug := text.CodeSlug(c); slug != "" {
			return "/projects/" + slug + "/", true
		}
		return "", false
	}
	page := func(file string) (string, bool) { return "/trang/" + text.Slug(file) + "/", true }
	safe := New(Options{Code: code, Page: page})
	unsafe := New(Options{Code: code, Page: page, Unsafe: true})
	f.Fuzz(func(t *testing.T, src string) {
		res, err := safe.ConvertFile([]byte(src), "content/articles/2018/bai.md")
		if err != nil {
			t.Fatal(err)
		}
		if problem := unsafeHTML(res.HTML); problem != "" {
			t.Fatalf("%s in the HTML of\n%q:\n%s", problem, src, res.HTML)
		}
		again, _ := safe.ConvertFile([]byte(src), "content/articles/2018/bai.md")
		if again.HTML != res.HTML || again.Summary != res.Summary {
			t.Fatalf("two conversions of %q differ", src)
		}
		u1, err := unsafe.ConvertFile([]byte(src), "content/articles/2018/bai.md")
		if err != nil {
			t.Fatal(err)
		}
		u2, _ := unsafe.ConvertFile([]byte(src), "content/articles/2018/bai.md")
		if u1.HTML != u2.HTML {
			t.Fatalf("two unsafe conversions of %q differ", src)
		}
	})
}

// madeByMarkdown are the elements the converter makes of Markdown (raw
// HTML aside): CommonMark, GFM tables and strikethrough, footnotes, and
// the table's scrolling box.
var madeByMarkdown = map[string]bool{
	"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true, "ul": true, "ol": true, "li": true,
	"blockquote": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "br": true,
	"img": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true,
	"sup": true, "div": true, "span": true,
}

// unsafeHTML returns what in h could run script, or "".
func unsafeHTML(h string) string {
	if strings.Contains(strings.ToLower(h), "<script") {
		return "<script"
	}
	for _, tag := range tags(h) {
		if !madeByMarkdown[tag.name] {
			return "the element <" + tag.name + ">"
		}
		for _, a := range tag.attrs {
			if strings.HasPrefix(a.name, "on") {
				return "the attribute " + a.name
			}
			if (a.name == "href" || a.name == "src") && scriptURL(a.value, tag.name == "img") {
				return a.name + "=" + a.value
			}
		}
	}
	return ""
}

// scriptURL reports whether a browser would run the URL as script, or
// load it as a document of its own making (data:, but for an image).
func scriptURL(v string, image bool) bool {
	v = html.UnescapeString(v)
	// Browsers drop leading blanks and controls, and tabs and line ends
	// anywhere, before reading the scheme.
	v = strings.TrimLeftFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return unicode.ToLower(r)
	}, v)
	switch {
	case strings.HasPrefix(v, "javascript:"), strings.HasPrefix(v, "vbscript:"):
		return true
	case strings.HasPrefix(v, "data:"):
		return !image || !strings.HasPrefix(v, "data:image/")
	}
	return false
}

type tag struct {
	name  string
	attrs []attr
}

type attr struct{ name, value string }

// tags reads the start tags of h as a browser would: a "<" followed by a
// letter opens one, attributes are name, or name=value quoted with " or '
// or not at all. Comments and end tags are passed over.
func tags(h string) []tag {
	var out []tag
	for i := 0; i < len(h); i++ {
		if h[i] != '<' || i+1 >= len(h) {
			continue
		}
		if strings.HasPrefix(h[i:], "<!--") {
			end := strings.Index(h[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 2
			continue
		}
		if !isLetter(h[i+1]) {
			continue
		}
		j := i + 1
		for j < len(h) && !isSpace(h[j]) && h[j] != '>' && h[j] != '/' {
			j++
		}
		t := tag{name: strings.ToLower(h[i+1 : j])}
		for j < len(h) && h[j] != '>' {
			if isSpace(h[j]) || h[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(h) && !isSpace(h[k]) && h[k] != '=' && h[k] != '>' && h[k] != '/' {
				k++
			}
			a := attr{name: strings.ToLower(h[j:k])}
			j = k
			if j < len(h) && h[j] == '=' {
				j++
				if j < len(h) && (h[j] == '"' || h[j] == '\'') {
					q := h[j]
					end := strings.IndexByte(h[j+1:], q)
					if end < 0 {
						end = len(h) - j - 1
					}
					a.value = h[j+1 : j+1+end]
					j += end + 2
				} else {
					k = j
					for k < len(h) && !isSpace(h[k]) && h[k] != '>' {
						k++
					}
					a.value = h[j:k]
					j = k
				}
			}
			t.attrs = append(t.attrs, a)
		}
		out = append(out, t)
		i = j
	}
	return out
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isSpace(b byte) bool  { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// The checker itself must see what it is meant to: a test that cannot
// fail proves nothing.
func TestUnsafeHTMLSeesScript(t *testing.T) {
	for _, h := range []string{
		`<SCRIPT>alert(1)</script>`,
		`<p>x</p><iframe src="x"></iframe>`,
		`<img src="a.png" onerror="alert(1)">`,
		`<img src=a.png ONLOAD=alert(1)>`,
		`<a href="jav&#x61;script:alert(1)">x</a>`,
		`<a href=" &#10;javascript:alert(1)">x</a>`,
		`<a href="java	script:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<img src="data:text/html,x">`,
	} {
		if unsafeHTML(h) == "" {
			t.Errorf("unsafeHTML(%q) sees nothing", h)
		}
	}
	for _, h := range []string{
		`<p><a href="/x/" title="a onclick=b">x</a> <img src="data:image/png;base64,AA" alt="on=1"></p>`,
		`<p>&lt;script&gt; onload=x</p><!-- raw HTML omitted -->`,
	} {
		if p := unsafeHTML(h); p != "" {
			t.Errorf("unsafeHTML(%q) = %q", h, p)
		}
	}
}
