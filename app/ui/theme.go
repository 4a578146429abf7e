package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Appearance is how the windows look: Fyne's theme, or a high-contrast
// one, with the text at a chosen scale. It is kept in the app's
// preferences and applied to every window at once.
type Appearance struct {
	HighContrast bool
	TextScale    float32 // 1 is Fyne's size; 1.25, 1.5, 2 larger
}

// Preference keys.
const (
	prefHighContrast = "highContrast"
	prefTextScale    = "textScale"
)

// textScales are the sizes offered, as the View menu lists them.
func textScales() []float32 { return []float32{1, 1.25, 1.5, 2} }

// LoadAppearance reads the appearance from the app's preferences.
func LoadAppearance(a fyne.App) Appearance {
	p := a.Preferences()
	ap := Appearance{HighContrast: p.Bool(prefHighContrast), TextScale: float32(p.FloatWithFallback(prefTextScale, 1))}
	if ap.TextScale < 1 || ap.TextScale > 2 {
		ap.TextScale = 1
	}
	return ap
}

// Apply sets the app's theme to ap and keeps it in the preferences.
func (ap Appearance) Apply(a fyne.App) {
	p := a.Preferences()
	p.SetBool(prefHighContrast, ap.HighContrast)
	p.SetFloat(prefTextScale, float64(ap.TextScale))
	a.Settings().SetTheme(ap.Theme())
}

// Theme is the Fyne theme for ap.
func (ap Appearance) Theme() fyne.Theme {
	if !ap.HighContrast && ap.TextScale <= 1 {
		return theme.DefaultTheme()
	}
	return &floorTheme{Theme: theme.DefaultTheme(), contrast: ap.HighContrast, scale: max(1, ap.TextScale)}
}

// ViewMenu is the View menu: high contrast on and off, and the text sizes;
// the ticks say which are chosen, in words as well as marks.
func ViewMenu(a fyne.App) *fyne.Menu {
	ap := LoadAppearance(a)
	menu := fyne.NewMenu(lang.L("View"))
	contrast := fyne.NewMenuItem(lang.L("High contrast"), nil)
	contrast.Checked = ap.HighContrast
	var sizes []*fyne.MenuItem
	refresh := func() {
		cur := LoadAppearance(a)
		contrast.Checked = cur.HighContrast
		for i, s := range textScales() {
			sizes[i].Checked = cur.TextScale == s
		}
		menu.Refresh()
	}
	contrast.Action = func() {
		cur := LoadAppearance(a)
		cur.HighContrast = !cur.HighContrast
		cur.Apply(a)
		refresh()
	}
	menu.Items = append(menu.Items, contrast, fyne.NewMenuItemSeparator())
	for _, s := range textScales() {
		item := fyne.NewMenuItem(scaleLabel(s), nil)
		item.Action = func() {
			cur := LoadAppearance(a)
			cur.TextScale = s
			cur.Apply(a)
			refresh()
		}
		item.Checked = ap.TextScale == s
		sizes = append(sizes, item)
		menu.Items = append(menu.Items, item)
	}
	return menu
}

func scaleLabel(s float32) string {
	switch s {
	case 1:
		return "Text 100 %"
	case 1.25:
		return "Text 125 %"
	case 1.5:
		return "Text 150 %"
	}
	return "Text 200 %"
}

// floorTheme is the default theme, in high contrast (white on black, a
// yellow accent, borders drawn white) and with text scaled.
type floorTheme struct {
	fyne.Theme
	contrast bool
	scale    float32
}

func (t *floorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !t.contrast {
		return t.Theme.Color(n, v)
	}
	black, white := color.NRGBA{0, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}
	yellow := color.NRGBA{255, 214, 0, 255} // 15:1 against black
	grey, dark := color.NRGBA{200, 200, 200, 255}, color.NRGBA{30, 30, 30, 255}
	switch n {
	case theme.ColorNameBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground:
		return black
	case theme.ColorNameOverlayBackground: // a dialog stands off the window behind it
		return dark
	case theme.ColorNameShadow: // drawn round a dialog or a menu: its edge, light on black
		return color.NRGBA{220, 220, 220, 255} // not grey's value: a colour is named by its value in goldens
	case theme.ColorNameForeground, theme.ColorNameInputBorder, theme.ColorNameSeparator:
		return white
	case theme.ColorNameHover, theme.ColorNamePressed: // under a white label: deep blue, 11:1, never white on white
		return color.NRGBA{0, 50, 120, 255}
	case theme.ColorNameButton, theme.ColorNameInputBackground, theme.ColorNameDisabledButton:
		return dark
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return grey
	case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
		return yellow
	case theme.ColorNameSelection: // under white text: deep blue, 9:1
		return color.NRGBA{0, 70, 160, 255}
	case theme.ColorNameForegroundOnPrimary:
		return black
	}
	return t.Theme.Color(n, theme.VariantDark)
}

func (t *floorTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		theme.SizeNameInlineIcon:
		return s * t.scale
	case theme.SizeNameInputBorder:
		if t.contrast {
			return max(s, 2)
		}
	}
	return s
}
