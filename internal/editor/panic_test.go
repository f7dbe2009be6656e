package editor

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A bug met while answering is the page's answer, an internal error the
// editor can report, not a connection dropped on a blank page.
func TestAPanicIsAnsweredAsAnInternalError(t *testing.T) {
	e := New(Config{Source: t.TempDir(), Now: func() time.Time { panic("a bug in the clock") }})
	w := httptest.NewRecorder()
	e.ServeHTTP(w, httptest.NewRequest(http.MethodGet, Prefix+"new", nil))
	if w.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", w.Code)
	}
	if body := w.Body.String(); !strings.Contains(body, "internal error: a bug in the clock (please report this)") {
		t.Errorf("the page does not say what went wrong:\n%s", body)
	}
}
