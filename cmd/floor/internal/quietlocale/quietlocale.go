// Package quietlocale stops Fyne from logging "Error parsing user locale C"
// at every start on systems whose locale is C or C.UTF-8 (Debian and
// container defaults). Fyne reads the locale while packages initialise,
// before main runs, so this package does its work in init: imported by main,
// it is initialised before github.com/jeandeaual/go-locale, which Fyne uses,
// because the Go spec initialises ready packages in lexical order of import
// path.
//
// It sets only LANGUAGE (gettext's message-language list), never LC_* or
// LANG, so character handling, input methods and sorting are untouched.
package quietlocale

import (
	"os"
	"strings"
)

func init() {
	if NeedsLanguage(os.Getenv) {
		os.Setenv("LANGUAGE", "en")
	}
}

// NeedsLanguage reports whether the effective locale is the C locale with a
// suffix ("C.UTF-8"), which go-locale passes on to Fyne as the unparsable
// language "C", and LANGUAGE does not already name a language.
func NeedsLanguage(getenv func(string) string) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			base, _, _ := strings.Cut(v, ".")
			return v != base && (base == "C" || base == "POSIX")
		}
	}
	return false
}
