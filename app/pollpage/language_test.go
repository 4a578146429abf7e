package pollpage_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/pollpage"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// get fetches u with the phone's Accept-Language.
func get(t *testing.T, c *http.Client, u, accept string, form url.Values) (int, string, http.Header) {
	t.Helper()
	method, body := http.MethodGet, io.Reader(nil)
	if form != nil {
		method, body = http.MethodPost, strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	req.Header.Set("Accept-Language", accept)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// A phone set to French or Spanish gets the page in its language, the
// refusals too; any other language gets English.
func TestThePageSpeaksThePhonesLanguage(t *testing.T) {
	polls, srv := serve(t, pollpage.Limits{})
	p, err := polls.Create(context.Background(), "Who should certify connected products?", floor.Single, []string{"Vendors", "Regulators"})
	if err != nil {
		t.Fatal(err)
	}
	if err := polls.Open(context.Background(), p.ID); err != nil {
		t.Fatal(err)
	}
	c := phone(t, srv)
	_, page, hd := get(t, c, srv.URL+"/poll", "fr-CH, fr;q=0.9, en;q=0.8", nil)
	if !strings.Contains(page, `<html lang="fr">`) || !strings.Contains(page, "Votez au sondage de la salle") || hd.Get("Content-Language") != "fr" {
		t.Errorf("not French: %.300s", page)
	}
	_, page, _ = get(t, c, srv.URL+"/poll/"+p.Code, "es-419,es;q=0.9", nil)
	if !strings.Contains(page, "Elija una") || !strings.Contains(page, "Votar") {
		t.Errorf("not Spanish: %.600s", page)
	}
	code, page, _ := get(t, c, srv.URL+"/poll/NOSUCH", "es", nil)
	if code != http.StatusNotFound || !strings.Contains(page, "Ninguna encuesta tiene ese código") {
		t.Errorf("refusal in Spanish: %d %.300s", code, page)
	}
	_, page, _ = get(t, c, srv.URL+"/poll", "de-DE", nil)
	if !strings.Contains(page, `<html lang="en">`) || !strings.Contains(page, "Vote in the room") {
		t.Errorf("German phone: %.300s", page)
	}
}

// Every text of the page and every message the handler writes has its
// French and Spanish.
func TestEveryPageTextIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	tmpl := regexp.MustCompile(`\{\{\$\.T ("(?:[^"\\]|\\.)*")`)
	for _, m := range tmpl.FindAllStringSubmatch(assets.PollPage(), -1) {
		k, _ := strconv.Unquote(m[1])
		keys[k] = true
	}
	src, err := os.ReadFile("pollpage.go")
	if err != nil {
		t.Fatal(err)
	}
	msg := regexp.MustCompile(`Message(?:, v\.args)?:? =? ?("(?:[^"\\]|\\.)*")`)
	for _, m := range msg.FindAllStringSubmatch(string(src), -1) {
		k, _ := strconv.Unquote(m[1])
		keys[k] = true
	}
	if len(keys) < 15 {
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
