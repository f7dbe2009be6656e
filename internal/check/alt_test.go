package check

import (
	"strings"
	"testing"
)

// TestMissingAlt: a lead image without alt, as a path or an object, and a
// body image with empty brackets are warned of, on their lines; an image
// described is not.
func TestMissingAlt(t *testing.T) {
	found := run(t, `
-- static/a.svg --
<svg/>
-- content/articles/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
image: /a.svg
---
![](/a.svg)

![Sơ đồ tổ chức](/a.svg)
-- content/articles/b.md --
---
title: B
date: 2018-01-02
documents: [01-ĐA/TU]
image:
  src: /a.svg
  caption: Quang cảnh
---
x
-- content/articles/c.md --
---
title: C
date: 2018-01-03
documents: [01-ĐA/TU]
image: {src: /a.svg, alt: Sơ đồ}
---
x
`)
	var got []string
	for _, p := range found {
		got = append(got, p.Code+" "+p.File+":"+itoa(p.Line)+" "+p.Field)
	}
	want := "missing-alt content/articles/a.md:5 image\nmissing-alt content/articles/a.md:7 \nmissing-alt content/articles/b.md:5 image"
	if strings.Join(got, "\n") != want {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if !strings.Contains(found[0].Error(), "content/articles/a.md:5: warning: image: the image /a.svg has no alt text") {
		t.Errorf("message: %s", found[0].Error())
	}
}

// TestImageRelativeToTheFile: an image written relative to the Markdown
// file into static/ is found, as the build finds it; one that is not
// there is reported.
func TestImageRelativeToTheFile(t *testing.T) {
	found := run(t, `
-- static/images/so-do.svg --
<svg/>
-- content/articles/2018/a.md --
---
title: A
date: 2018-01-01
documents: [01-ĐA/TU]
---
![Sơ đồ](../../../static/images/so-do.svg) ![Sơ đồ cũ](../../../static/images/cu.svg)
`)
	if len(found) != 1 || found[0].Code != MissingImage || !strings.Contains(found[0].Error(), "content/articles/2018/a.md:6: warning: the image ../../../static/images/cu.svg leads to static/images/cu.svg, which does not exist") {
		t.Errorf("findings: %v", found)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
