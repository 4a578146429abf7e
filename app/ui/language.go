package ui

import (
	"embed"
	"os"

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
	system := fyne.NewMenuItem("System", func() { chooseLanguage(a, win, "") })
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
	dialog.ShowInformation(lang.L("Language"), "Floor will start in that language next time.", win)
}
