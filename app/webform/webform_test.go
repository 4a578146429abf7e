package webform_test

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/igf-floor/floor/app/webform"
)

// The front door sends a typed code on, upper-cased and escaped, and shows
// the form without one; every answer carries the pages' headers.
func TestFormPagesShareTheirDoorAndHeaders(t *testing.T) {
	asked := false
	mux := http.NewServeMux()
	mux.HandleFunc("GET /poll", webform.Start("/poll", func(w http.ResponseWriter, r *http.Request) {
		asked = true
		webform.Write(w, http.StatusOK, "fr", template.Must(template.New("").Parse(`{{define "page"}}<p>{{.}}</p>{{end}}`)), "<b>x</b>")
	}))
	mux.HandleFunc("GET /poll/style.css", webform.Style(func() []byte { return []byte("p{}") }))
	for _, c := range []struct{ path, location, body string }{
		{"/poll?code=+k7q2+", "/poll/K7Q2", ""},
		{"/poll?code=a/b", "/poll/A%2FB", ""},
		{"/poll", "", "<p>&lt;b&gt;x&lt;/b&gt;</p>"},
		{"/poll/style.css", "", "p{}"},
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
		if got := rec.Header().Get("Location"); got != c.location {
			t.Errorf("%s: sent to %q, want %q", c.path, got, c.location)
		}
		if c.body != "" && rec.Body.String() != c.body {
			t.Errorf("%s: %q", c.path, rec.Body.String())
		}
		if c.location == "" && (rec.Header().Get("Content-Security-Policy") != webform.Policy || rec.Header().Get("Cache-Control") != "no-store") {
			t.Errorf("%s: headers %v", c.path, rec.Header())
		}
	}
	if !asked {
		t.Error("the form was never shown")
	}
}
