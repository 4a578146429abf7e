package quietlocale

import (
	"strings"
	"testing"
)

func TestNeedsLanguage(t *testing.T) {
	for env, want := range map[string]bool{
		"LANG=C.UTF-8":                    true,
		"LANG=POSIX.utf8":                 true,
		"LC_ALL=C.UTF-8 LANG=en_GB.UTF-8": true,
		"LANG=C":                          false, // go-locale already treats a bare C as "no locale"
		"LANG=fr_FR.UTF-8":                false,
		"LANG=C.UTF-8 LANGUAGE=fr":        false,
		"":                                false,
	} {
		vars := map[string]string{}
		for _, kv := range strings.Fields(env) {
			for i := range kv {
				if kv[i] == '=' {
					vars[kv[:i]] = kv[i+1:]
				}
			}
		}
		if got := NeedsLanguage(func(k string) string { return vars[k] }); got != want {
			t.Errorf("%q: got %v, want %v", env, got, want)
		}
	}
}
