package agenda

import "strings"

// ParseColour reads a schedule's colour for a track, "#RGB" or "#RRGGBB"
// in any case, as "#rrggbb". Anything else (a name, rgb(), an alpha) is
// refused, so a colour is always one a screen can draw and never text.
func ParseColour(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return "", false
	}
	for _, r := range s[1:] {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return "", false
		}
	}
	if len(s) == 4 {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	return s, true
}
