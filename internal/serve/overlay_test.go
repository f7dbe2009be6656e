package serve

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// The error page and the overlay show a problem as the terminal does: the
// line of the file with a caret under the value at fault.
func TestErrorPageAndOverlayQuoteTheLine(t *testing.T) {
	bad := strings.Replace(articleA, "date: 2018-08-06 16:41", "date: 06/13/2018", 1)
	ts := start(t, map[string]string{fileA: bad})
	const quoted = "\n  3 | date: 06/13/2018\n    |       ^"

	code, body := ts.get(urlA)
	if code != http.StatusInternalServerError || !strings.Contains(html.UnescapeString(body), fileA+":3: date: ") ||
		!strings.Contains(html.UnescapeString(body), quoted) {
		t.Errorf("error page: %d\n%s", code, body)
	}

	m := ts.listen("?boot=" + ts.boot).next("hello")
	if len(m.Problems) != 1 || !strings.HasSuffix(m.Problems[0].Report, quoted) ||
		m.Problems[0].LineText != "date: 06/13/2018" || m.Problems[0].Code != "invalid-value" {
		t.Errorf("overlay problems: %+v", m.Problems)
	}
}
