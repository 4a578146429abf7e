package agenda

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// LineError is a problem at one line of an input document.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// CheckText rejects what no agenda text should hold: invalid UTF-8, control
// characters other than tab and line breaks, and the bidirectional overrides
// that make text display differently from what it says ("Trojan Source").
// A leading byte-order mark is allowed. The error names the line.
func CheckText(data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return &LineError{Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", data[i])}
		}
		switch {
		case r == '\n':
			line++
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return &LineError{Line: line, Msg: fmt.Sprintf("control character U+%04X", r)}
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return &LineError{Line: line, Msg: fmt.Sprintf("bidirectional override U+%04X (text would display differently from what it says)", r)}
		case r == 0xfeff:
			return &LineError{Line: line, Msg: "byte-order mark inside the text"}
		}
		i += size
	}
	return nil
}

// CleanField applies the agenda text policy to one field after its format's
// escapes are undone (a JSON "\u0000" must meet the same rule as a raw NUL).
// It refuses what can hurt: NUL, terminal escape sequences (ESC then a
// printable character, as in "\x1b[31m"), and in labels (titles, names,
// rooms) the bidirectional controls that make text display differently from
// what it says. Other control characters (DEL, C0 but tab and line breaks,
// C1), a lone ESC, byte-order marks and, in free text, bidirectional controls
// are harmless: they are removed and removed names them ("" when none was).
func CleanField(s string, label bool) (clean, removed string, err error) {
	if !needsCleaning(s) {
		return s, "", nil
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	var gone []string
	for i, r := range rs {
		switch {
		case r == 0:
			return "", "", errors.New("a NUL character")
		case r == 0x1b && i+1 < len(rs) && rs[i+1] >= 0x20 && rs[i+1] < 0x7f:
			return "", "", fmt.Errorf("a terminal escape sequence (ESC %q)", rs[i+1])
		case isBidiControl(r) && label:
			return "", "", fmt.Errorf("bidirectional control U+%04X (text would display differently from what it says)", r)
		case isBidiControl(r) || isStrippable(r):
			if u := fmt.Sprintf("U+%04X", r); !slices.Contains(gone, u) {
				gone = append(gone, u)
			}
		default:
			out = append(out, r)
		}
	}
	return string(out), "removed " + strings.Join(gone, ", "), nil
}

func needsCleaning(s string) bool {
	for _, r := range s {
		if r == 0 || isBidiControl(r) || isStrippable(r) {
			return true
		}
	}
	return false
}

// isStrippable is a control character no text needs (tab and line breaks
// are text), or a byte-order mark inside the text.
func isStrippable(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0) || r == 0xfeff
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
