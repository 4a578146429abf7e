package hubpage_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/hubpage"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// texts fetches the page's texts as a browser set to accept would.
func texts(t *testing.T, srv *httptest.Server, accept string) (map[string]string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/hub/texts.json", nil)
	req.Header.Set("Accept-Language", accept)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("texts.json: %v: %s", err, b)
	}
	return m, resp.Header
}

// A browser set to French or Spanish gets the page's texts in its
// language, under the page's policy; any other gets none (English).
func TestTheHubPageSpeaksTheBrowsersLanguage(t *testing.T) {
	mux := http.NewServeMux()
	if err := hubpage.Register(mux); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	fr, hd := texts(t, srv, "fr-FR,fr;q=0.9")
	if fr["Request the floor"] != "Demander la parole" || fr["lang"] != "fr" || hd.Get("Content-Security-Policy") != hubpage.Policy {
		t.Errorf("French: %q, %q, policy %q", fr["Request the floor"], fr["lang"], hd.Get("Content-Security-Policy"))
	}
	if es, _ := texts(t, srv, "es"); es["You have the floor"] != "Tiene la palabra" {
		t.Errorf("Spanish: %q", es["You have the floor"])
	}
	if en, _ := texts(t, srv, "de, en;q=0.5"); len(en) != 0 {
		t.Errorf("English or German got %d texts", len(en))
	}
}

// Every text the page's script says through t(…) and every element marked
// data-t has its French and Spanish.
func TestEveryHubPageTextIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	call := regexp.MustCompile(`\bt\(([^;{]*?)(?:, \{|\))`)
	quoted := regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
	for _, m := range call.FindAllStringSubmatch(string(assets.HubScript()), -1) {
		for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
			if k := strings.ReplaceAll(q[1], `\'`, "'"); strings.ContainsAny(k, " ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				keys[k] = true
			}
		}
	}
	for _, m := range regexp.MustCompile(`data-t="([^"]*)"`).FindAllStringSubmatch(string(assets.HubPage()), -1) {
		keys[m[1]] = true
	}
	for _, w := range []string{"SPEAKING", "OVER TIME", "LAST SECONDS", "WRAP UP", "PAUSED", "queue-place"} {
		keys[w] = true // the timer's words go through t(words)
	}
	if len(keys) < 30 {
		t.Fatalf("only %d texts found: is the scan broken?", len(keys))
	}
	lacking, err := webtext.Lacking(keys)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lacking {
		t.Errorf("no translation: %s", l)
	}
}
