package ui

import (
	"image/color"
	"math"
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

// In high contrast a hovered or pressed button keeps its white label
// readable (it was white on white), and a dialog stands off the black
// window behind it: a dark grey body with a light edge.
func TestHighContrastHoverAndDialogEdges(t *testing.T) {
	th := &floorTheme{Theme: theme.DefaultTheme(), contrast: true, scale: 1}
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantDark) }
	for _, n := range []fyne.ThemeColorName{theme.ColorNameHover, theme.ColorNamePressed} {
		if r := contrastRatio(c(theme.ColorNameForeground), c(n)); r < 4.5 {
			t.Errorf("the label on %s: %.1f:1, want at least 4.5:1", n, r)
		}
	}
	if r := contrastRatio(c(theme.ColorNameShadow), c(theme.ColorNameBackground)); r < 3 {
		t.Errorf("a dialog's edge against the window: %.1f:1, want at least 3:1", r)
	}
	if c(theme.ColorNameOverlayBackground) == c(theme.ColorNameBackground) {
		t.Error("a dialog's body is the window's black")
	}
	if r := contrastRatio(c(theme.ColorNameForeground), c(theme.ColorNameOverlayBackground)); r < 7 {
		t.Errorf("text in a dialog: %.1f:1, want at least 7:1", r)
	}
}

// contrastRatio is WCAG 2's contrast between two colours, 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
