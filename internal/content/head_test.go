package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// The frontmatter reader is given a file only up to the line frontHead
// says closes its frontmatter (it copied the whole body before). The cut
// must change nothing: the same format and text found, or the same error,
// and the same body, for any file.
func FuzzFrontHead(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nThân bài.\n",
		"\n\n  ---  \ntitle: A\n---\t\nThân.\n---\nkhông phải frontmatter\n",
		"+++\ntitle = \"A\"\n+++\nThân.\n",
		"---\ntitle: A\n+++\n---",
		"---\ntitle: A\n",
		"---\ntitle: A\n---",
		"title: A\n---\n",
		"",
		"\n",
		"---\n---\n",
		"---\r\ntitle: A\r\n---\r\nx",
		"\u00a0---\u00a0\ntitle: A\n\u2028---\nx\n",
		"---\ntitle: A\n--- \n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var whole, cut captured
		restWhole, errWhole := frontmatter.Parse(bytes.NewReader(data), &whole, formats...)
		head := frontHead(data)
		if !bytes.HasPrefix(data, head) {
			t.Fatalf("frontHead is not the start of the file")
		}
		restCut, errCut := frontmatter.Parse(bytes.NewReader(head), &cut, formats...)
		if (errWhole == nil) != (errCut == nil) || whole.format != cut.format || !bytes.Equal(whole.raw, cut.raw) {
			t.Fatalf("cut at %d of %d: found %q %q (%v), whole %q %q (%v)", len(head), len(data), cut.format, cut.raw, errCut, whole.format, whole.raw, errWhole)
		}
		if errWhole != nil || whole.format == "" {
			return
		}
		if body := data[len(head)-len(restCut):]; !bytes.Equal(body, restWhole) {
			t.Fatalf("body %q, whole %q", body, restWhole)
		}
	})
}
