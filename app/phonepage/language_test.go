package phonepage_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// Every text of the page, every message the handler writes, and the
// groups and regions offered have their French and Spanish.
func TestEveryPhonePageTextIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	tmpl := regexp.MustCompile(`\{\{\$\.T ("(?:[^"\\]|\\.)*")`)
	for _, m := range tmpl.FindAllStringSubmatch(assets.FloorPage(), -1) {
		k, _ := strconv.Unquote(m[1])
		keys[k] = true
	}
	src, err := os.ReadFile("phonepage.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`v\.Message(?:, v\.args)? = (?:http\.\w+, )?("(?:[^"\\]|\\.)*")`),
		regexp.MustCompile(`(?m)^\t[\w."]+:\s+("(?:[^"\\]|\\.)*"),$`),
		regexp.MustCompile(`view\{Message: ("(?:[^"\\]|\\.)*")`),
	} {
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			k, _ := strconv.Unquote(m[1])
			keys[k] = true
		}
	}
	for _, g := range agenda.AllGroups() {
		keys[g.String()] = true
	}
	for _, r := range agenda.AllRegions() {
		keys[r.String()] = true
	}
	if len(keys) < 50 {
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

func TestThePhonePageSpeaksThePhonesLanguage(t *testing.T) {
	r := serve(t, phonepage.Limits{})
	p := newPhone(r)
	_, body, hd := p.do(t, "GET", r.url, nil, "fr-CH, fr;q=0.9")
	if hd.Get("Content-Language") != "fr" || !strings.Contains(body, "Demander la parole") || !strings.Contains(body, "Société civile") {
		t.Errorf("not French: %.1200s", body)
	}
	_, body, _ = p.do(t, "GET", r.srv.URL+"/floor/NOSUCH", nil, "es")
	if !strings.Contains(body, "Ninguna sala tiene ese código") {
		t.Errorf("refusal not in Spanish: %.600s", body)
	}
}
