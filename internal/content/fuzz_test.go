package content

import (
	"strings"
	"testing"
)

// TestPanicBecomesProblem checks the per-file recover: a bug on one file
// is reported on that file rather than crashing the build.
func TestPanicBecomesProblem(t *testing.T) {
	res := decodeFile("content/other/x.md", 0, []byte("---\ntitle: a\n---\n"), hcm)
	if len(res.probs) != 1 || !strings.HasPrefix(res.probs[0].Error(), "content/other/x.md: internal error while reading this file:") {
		t.Errorf("got %v", res.probs)
	}
}

// FuzzDecode feeds arbitrary bytes as an article: the decoders must never
// panic (which would show as an "internal error" problem), and a file is
// either loaded or has an error.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\ndate: 2018-08-06\n---\nbody",
		"+++\ntitle = \"a\"\ndate = 2018-08-06T16:41:00+07:00\n+++\n",
		"{\n\"title\": \"a\", \"documents\": [{\"code\": 1}]\n}\n\n",
		"---\ndocuments:\n- code: [x]\n- {date: 31/02/2018}\noutcome: [1]\n---\n",
		"+++\ntitle = \"a\\u0001\"\ndate = 0000-01-01T16:41:00\ndocuments = [\"/-/\", {code = \"01\", date = 16:41:00}]\n+++\n",
		"---\ntitle: a\ntitle: b\ndate: 2018-08-06\n---\n",
		"+++\ndocuments = [ # x\n  '01', \"\"\"a\n\"\"\",\n  {code = '''b\n'''}, [1, [2]],\n]\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := decodeFile(art, 1, data, hcm)
		for _, p := range res.probs {
			if strings.Contains(p.Message, "internal error") {
				t.Fatalf("panic: %v", p)
			}
		}
		if (res.article == nil) != (len(res.probs.Errors()) > 0) {
			t.Fatalf("article %v with problems %v", res.article, res.probs)
		}
	})
}
