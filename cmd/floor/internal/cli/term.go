package cli

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// Text Floor prints comes from schedules on the web and from databases
// written by older versions, whose readers let more through. A control
// character or a bidirectional override printed raw lets a schedule move
// the cursor, recolour or clear the terminal, forge a line of output, or
// show a title in another order than its letters: every one is printed as
// a visible escape instead. The escapes are JSON's, so `--json` output
// stays valid JSON.

// unsafeRune says whether r must not reach a terminal raw: C0 and C1
// controls, DEL, the bidirectional marks, embeddings, overrides and
// isolates, and the Unicode line and paragraph separators.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// appendTerm appends p with every unsafe rune escaped; keepLines keeps
// newlines and tabs (a stream), else they are escaped too (one field).
// A byte that is not UTF-8 is written as \xNN.
func appendTerm(out, p []byte, keepLines bool) []byte {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, p[i])
		case keepLines && (r == '\n' || r == '\t'):
			out = append(out, byte(r))
		case r == '\n':
			out = append(out, `\n`...)
		case r == '\r':
			out = append(out, `\r`...)
		case r == '\t':
			out = append(out, `\t`...)
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, p[i:i+size]...)
		}
		i += size
	}
	return out
}

func needsEscape(p []byte, keepLines bool) bool {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if (r == utf8.RuneError && size == 1) || (unsafeRune(r) && !(keepLines && (r == '\n' || r == '\t'))) {
			return true
		}
		i += size
	}
	return false
}

// termText is s on one line, safe for a terminal: newlines, tabs and every
// unsafe rune escaped. Titles, rooms and names go through it where a line
// of output holds one of them.
func termText(s string) string {
	if !needsEscape([]byte(s), false) {
		return s
	}
	return string(appendTerm(nil, []byte(s), false))
}

// termWriter passes text to w with every unsafe rune but newline and tab
// escaped. Floor's commands write whole lines or cells, never half a rune.
type termWriter struct{ w io.Writer }

func (t termWriter) Write(p []byte) (int, error) {
	if !needsEscape(p, true) {
		return t.w.Write(p)
	}
	if _, err := t.w.Write(appendTerm(nil, p, true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
