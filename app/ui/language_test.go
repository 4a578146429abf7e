package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
)

// Every text the windows pass through lang.L has a French and a Spanish
// translation: a key added without them fails here.
func TestEveryKeyIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	sources, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`(?:lang\.[LX]|\btr)\(("(?:[^"\\]|\\.)*")`)
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
	for _, k := range translatedAtRunTime() {
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
	if text := richText(v); !strings.Contains(text, "Questions politiques") || !strings.Contains(text, "Intervenants") ||
		!strings.Contains(text, "60 min en ligne (prévu 90 min)") || !strings.Contains(text, "mercredi 11 novembre 2020") {
		t.Errorf("the detail pane is not French: %.300s", text)
	}
	if got := localDate("Wednesday 11 November 2020"); got != "mercredi 11 novembre 2020" {
		t.Errorf("a date in French: %q", got)
	}
	if got := localDate("Wed 11 Nov 15:04"); got != "mer 11 nov 15:04" {
		t.Errorf("a short date in French: %q", got)
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
	v, w, clock := newConsole(t)
	if v.Next.Text != "Siguiente (N)" || v.EndTurn.Text != "Fin del turno (Esc)" || v.queue.Add.Text != "Añadir a la cola" {
		t.Errorf("not Spanish: %q %q %q", v.Next.Text, v.EndTurn.Text, v.queue.Add.Text)
	}
	// Texts with numbers in them, and the timer's words, are Spanish too.
	if v.StartSession.Text != "Iniciar la sesión (60 min)" || v.SessionInfo.Text != "sin empezar · 60 min previstos" {
		t.Errorf("not Spanish: %q, %q", v.StartSession.Text, v.SessionInfo.Text)
	}
	if v.face.words.Text != "SIN ORADOR" {
		t.Errorf("timer words %q", v.face.words.Text)
	}
	test.Tap(v.StartSession)
	v.queue.Name.SetText("Barrack Otieno")
	test.Tap(v.queue.Add)
	test.Tap(v.Next) // the 3 min preset
	clock.now = clock.now.Add(150 * time.Second)
	v.Tick()
	if v.face.words.Text != "CONCLUYA" || !strings.HasPrefix(v.SessionInfo.Text, "quedan ") {
		t.Errorf("timer words %q, session %q", v.face.words.Text, v.SessionInfo.Text)
	}
	if p := os.Getenv("FLOOR_UI_PNG_ES_CONSOLE"); p != "" {
		writePNG(t, p, w)
	}
}

// translatedAtRunTime are the keys the windows build at run time, which the
// scan above cannot see: the timer's words (app/timer), the balance charts'
// dimensions, link states, the report's headcount fields, day and month
// names.
func translatedAtRunTime() []string {
	keys := []string{"NO SPEAKER", "SPEAKING", "OVER TIME", "LAST SECONDS", "WRAP UP", "PAUSED",
		"connected", "connecting", "disconnected", "failed", "new", "closed",
		"in the room", "online", "women and gender-diverse"}
	for _, d := range balanceDimensions() {
		keys = append(keys, "Speaking time by "+d)
	}
	for _, n := range dateNames {
		keys = append(keys, n)
	}
	return keys
}
