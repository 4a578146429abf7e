package ui

import (
	"image/color"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// High contrast is white on black with a yellow accent; text grows with the
// scale chosen; the choice survives in the preferences, and the View menu
// ticks what is chosen.
func TestAppearanceHighContrastAndTextScale(t *testing.T) {
	a := test.NewTempApp(t)
	ap := LoadAppearance(a)
	if ap.HighContrast || ap.TextScale != 1 {
		t.Fatalf("default appearance %+v", ap)
	}
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	Appearance{HighContrast: true, TextScale: 1.5}.Apply(a)
	th := a.Settings().Theme()
	if c := th.Color(theme.ColorNameBackground, theme.VariantLight); c != (color.NRGBA{0, 0, 0, 255}) {
		t.Errorf("background %v", c)
	}
	if c := th.Color(theme.ColorNameForeground, theme.VariantLight); c != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("foreground %v", c)
	}
	if s := th.Size(theme.SizeNameText); s != base*1.5 {
		t.Errorf("text size %v, want %v", s, base*1.5)
	}
	if got := LoadAppearance(a); !got.HighContrast || got.TextScale != 1.5 {
		t.Errorf("kept %+v", got)
	}
	menu := ViewMenu(a)
	ticked := map[string]bool{}
	for _, it := range menu.Items {
		ticked[it.Label] = it.Checked
	}
	if !ticked["High contrast"] || !ticked["Text 150 %"] || ticked["Text 100 %"] {
		t.Errorf("menu %v", ticked)
	}
	for _, it := range menu.Items {
		if it.Label == "High contrast" {
			it.Action()
		}
	}
	if LoadAppearance(a).HighContrast {
		t.Error("the menu did not turn high contrast off")
	}
}

// The participant window in high contrast at 125 %; FLOOR_UI_PNG_CONTRAST
// writes it as a picture.
func TestParticipantWindowInHighContrast(t *testing.T) {
	_, w := newView(t)
	Appearance{HighContrast: true, TextScale: 1.25}.Apply(fyne.CurrentApp())
	w.Content().Refresh()
	if c := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); c != (color.NRGBA{0, 0, 0, 255}) {
		t.Fatalf("background %v", c)
	}
	test.AssertRendersToMarkup(t, "participant/high-contrast.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG_CONTRAST"); p != "" {
		writePNG(t, p, w)
	}
}
