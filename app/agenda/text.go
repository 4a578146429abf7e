package agenda

import (
	"bytes"
	"fmt"
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
