package agenda

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SameName reports whether a and b are one name as schedules write it:
// case, dashes, spacing and accents aside ("Marília  Maciel" is "marilia
// maciel"). An empty name is nobody's.
func SameName(a, b string) bool {
	fa, fb := foldName(a), foldName(b)
	return fa != "" && fa == fb
}

// HasPerson reports whether s names someone called name, in any role.
func (s Session) HasPerson(name string) bool {
	for _, p := range s.People {
		if SameName(p.Name, name) {
			return true
		}
	}
	return false
}

func foldName(s string) string {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			out = append(out, r)
		}
	}
	return normalizeName(string(out))
}
