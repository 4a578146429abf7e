package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// Issue 18, item 3: the moderator saves one session's display thresholds,
// typed requests' times and turn length as a preset, and applies it to
// another session on the same database.
func TestPresetSavedInOneSessionAppliesToAnother(t *testing.T) {
	ctx := context.Background()
	v, w, clock, db := newConsoleOn(t)
	v.EnableDisplayPrefs(db, w)
	if !v.Presets.Visible() {
		t.Fatal("no Presets button")
	}
	want := app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: time.Minute, Danger: 15 * time.Second}, ReduceMotion: true}
	if err := v.SaveDisplayPrefs(want); err != nil {
		t.Fatal(err)
	}
	times := floor.TypeTimes{PointOfOrder: 45 * time.Second, DirectReply: 90 * time.Second}
	if err := v.m.SetTypeTimes(ctx, times); err != nil {
		t.Fatal(err)
	}
	v.Preset.SetText("2:30")
	f := v.newPresetForm()
	f.Name.SetText("IGF workshop")
	test.Tap(f.Save)
	if f.Said.Text != "Saved as “IGF workshop”." {
		t.Fatalf("saving said %q", f.Said.Text)
	}

	// Another session, in a console of its own.
	other := v.session
	other.GUID, other.Number = "other-session", "WS #999"
	m, err := app.OpenModerator(ctx, db, clock, app.ModerationKey(other.Source, other.GUID))
	if err != nil {
		t.Fatal(err)
	}
	w2 := test.NewWindow(nil)
	t.Cleanup(w2.Close)
	v2 := NewConsoleView(ctx, m, other, w2)
	w2.SetContent(v2.Content())
	w2.Resize(fyne.NewSize(1280, 780))
	v2.EnableDisplayPrefs(db, w2)
	if v2.prefs.current == want {
		t.Fatal("the other session already has the preset's settings")
	}
	f2 := v2.newPresetForm()
	if len(f2.Choice.Options) != 1 || f2.Apply.Disabled() {
		t.Fatalf("presets offered %q", f2.Choice.Options)
	}
	f2.Choice.SetSelected("IGF workshop")
	test.Tap(f2.Apply)
	if f2.Said.Text != "“IGF workshop” applied to this session." {
		t.Fatalf("applying said %q", f2.Said.Text)
	}
	kept, err := app.LoadDisplayPrefs(ctx, db, v2.sessionKey())
	if err != nil || kept != want || v2.prefs.current != want {
		t.Errorf("the other session's display: kept %+v, current %+v, %v", kept, v2.prefs.current, err)
	}
	if got := m.Floor().Times; got != times || v2.Preset.Text != "2:30" {
		t.Errorf("the other session's times %+v, turn %q", got, v2.Preset.Text)
	}
	// The first session's own settings are untouched by the other's use.
	if p, _ := app.LoadDisplayPrefs(ctx, db, v.sessionKey()); p != want {
		t.Errorf("the first session now %+v", p)
	}
}

// A preset without a name is refused in words.
func TestPresetNeedsAName(t *testing.T) {
	v, w, _, db := newConsoleOn(t)
	v.EnableDisplayPrefs(db, w)
	f := v.newPresetForm()
	test.Tap(f.Save)
	if f.Said.Text != "Not done: preset refused: a preset needs a name on one line" || !f.Apply.Disabled() {
		t.Errorf("said %q", f.Said.Text)
	}
}
