package ui

import (
	"embed"
	"os"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// Languages offered besides the system's, by code and in their own words.
func languages() [][2]string {
	return [][2]string{{"en", "English"}, {"fr", "Français"}, {"es", "Español"}}
}

const prefLanguage = "language"

// UseLanguage loads the translations and picks the language: the one
// chosen in View → Language, else the system's (LANGUAGE, LC_ALL, LANG).
// Call it before any window is built.
func UseLanguage(a fyne.App, translations embed.FS, dir string) error {
	if code := a.Preferences().String(prefLanguage); code != "" {
		os.Setenv("LANGUAGE", code) // Fyne reads the locale from the environment
	}
	return lang.AddTranslationsFS(translations, dir)
}

// LanguageMenu chooses the language for the next start.
func LanguageMenu(a fyne.App, win fyne.Window) *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Language"), nil)
	current := a.Preferences().String(prefLanguage)
	system := fyne.NewMenuItem(tr("System"), func() { chooseLanguage(a, win, "") })
	system.Checked = current == ""
	item.ChildMenu = fyne.NewMenu("", system)
	for _, l := range languages() {
		it := fyne.NewMenuItem(l[1], func() { chooseLanguage(a, win, l[0]) })
		it.Checked = current == l[0]
		item.ChildMenu.Items = append(item.ChildMenu.Items, it)
	}
	return item
}

func chooseLanguage(a fyne.App, win fyne.Window, code string) {
	a.Preferences().SetString(prefLanguage, code)
	dialog.ShowInformation(lang.L("Language"), tr("Floor will start in that language next time."), win)
}

// tr translates key, a text whose {{.Field}}s are filled from name, value
// pairs: tr("Poll {{.N}}: {{.Question}}", "N", 3, "Question", q). Keys are
// the English text; the translations are in assets/translations.
func tr(key string, pairs ...any) string {
	if len(pairs) == 0 {
		return lang.L(key)
	}
	data := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if name, ok := pairs[i].(string); ok {
			data[name] = pairs[i+1]
		}
	}
	return lang.L(key, data)
}

// dateWord matches the English day and month names Go's time formatting
// writes, whole or cut to three letters.
var dateWord = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b`)

// localDate translates the day and month names in a date Go formatted in
// English ("Wednesday 11 November 2020" → "mercredi 11 novembre 2020");
// a cut name becomes the first three letters of the translated one.
func localDate(s string) string {
	return dateWord.ReplaceAllStringFunc(s, func(w string) string {
		full, cut := dateNames[w], false
		if full == "" {
			for _, n := range dateNames {
				if len(w) == 3 && strings.HasPrefix(n, w) {
					full, cut = n, true
					break
				}
			}
		}
		if full == "" {
			return w
		}
		t := lang.L(full)
		if cut {
			if r := []rune(t); len(r) > 3 {
				t = string(r[:3])
			}
		}
		return t
	})
}

// dateNames are the day and month names, the keys of their translations.
var dateNames = func() map[string]string {
	m := map[string]string{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[d.String()] = d.String()
	}
	for mo := time.January; mo <= time.December; mo++ {
		m[mo.String()] = mo.String()
	}
	return m
}()

// timerWords translates the timer's state in words ("PAUSED · WRAP UP").
// No words (nobody speaking, or no timer yet) stay none: asking Fyne for
// the empty text logs a translation failure, ten times a second.
func timerWords(w string) string {
	if w == "" {
		return ""
	}
	parts := strings.Split(w, " · ")
	for i, p := range parts {
		parts[i] = lang.L(p)
	}
	return strings.Join(parts, " · ")
}
