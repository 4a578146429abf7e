package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
)

// Every text the windows pass through lang.L has a French and a Spanish
// translation: a key added without them fails here.
func TestEveryKeyIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	sources, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`lang\.[LX]\(("(?:[^"\\]|\\.)*")`)
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f)
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			k, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys[k] = true
		}
	}
	for _, r := range agenda.AllRoles() { // the detail pane's headings, through lang.L at run time
		keys[app.RoleHeading(r, 1)], keys[app.RoleHeading(r, 2)] = true, true
	}
	for _, k := range []string{"Help", "About Floor"} { // the window's menu, in cmd/floor
		keys[k] = true
	}
	if len(keys) < 40 {
		t.Fatalf("only %d keys found: is the scan broken?", len(keys))
	}
	fs, dir := assets.Translations()
	for _, code := range []string{"fr", "es"} {
		b, err := fs.ReadFile(dir + "/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for k := range keys {
			if strings.TrimSpace(tr[k]) == "" {
				t.Errorf("%s.json lacks %q", code, k)
			}
		}
	}
}

// The agenda in French, chosen as a user would (LANGUAGE); FLOOR_UI_PNG_FR
// writes it as a picture.
func TestParticipantViewInFrench(t *testing.T) {
	fs, dir := assets.Translations()
	t.Setenv("LANGUAGE", "fr")
	if err := UseLanguage(fyne.CurrentApp(), fs, dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(fs, dir) // back to English for the other tests
	}()
	v, w := newView(t)
	if v.Search.PlaceHolder != "Chercher sessions, personnes, questions politiques  (Ctrl+F)" || v.MyAgenda.Text != "Mon agenda" {
		t.Errorf("not French: %q, %q", v.Search.PlaceHolder, v.MyAgenda.Text)
	}
	if text := richText(v); !strings.Contains(text, "Questions politiques") || !strings.Contains(text, "Intervenants") {
		t.Errorf("the detail pane is not French: %.300s", text)
	}
	if p := os.Getenv("FLOOR_UI_PNG_FR"); p != "" {
		writePNG(t, p, w)
	}
}

// The console in Spanish; FLOOR_UI_PNG_ES_CONSOLE writes it as a picture.
func TestConsoleInSpanish(t *testing.T) {
	fs, dir := assets.Translations()
	t.Setenv("LANGUAGE", "es")
	if err := UseLanguage(fyne.CurrentApp(), fs, dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(fs, dir)
	}()
	v, w, _ := newConsole(t)
	if v.Next.Text != "Siguiente ponente (N)" || v.EndTurn.Text != "Terminar el turno (Esc)" || v.queue.Add.Text != "Añadir a la cola" {
		t.Errorf("not Spanish: %q %q %q", v.Next.Text, v.EndTurn.Text, v.queue.Add.Text)
	}
	if p := os.Getenv("FLOOR_UI_PNG_ES_CONSOLE"); p != "" {
		writePNG(t, p, w)
	}
}
