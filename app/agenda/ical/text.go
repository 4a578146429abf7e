package ical

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

// MaxField caps one text field in runes, as for frab schedules.
const MaxField = 64 << 10

// MaxLength is the longest event Floor takes for a session, as for frab.
const MaxLength = 7 * 24 * time.Hour

// unfold joins folded content lines (a line break then a space or tab) and
// checks the result is UTF-8. RFC 5545 §3.1 folds at octets, not characters,
// so a fold may split a multi-byte sequence: only the unfolded text can be
// decoded. An error names the physical line the bad byte is on.
func unfold(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		if n := fold(data, i); n > 0 {
			i += n - 1
			continue
		}
		out = append(out, data[i])
	}
	if utf8.Valid(out) {
		return out, nil
	}
	bad := 0
	for {
		r, size := utf8.DecodeRune(out[bad:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	// Replay the unfolding to find the bad byte in data, and its line.
	line := 1
	for i, o := 0, 0; o <= bad && i < len(data); i++ {
		if n := fold(data, i); n > 0 {
			i += n - 1
			line++
			continue
		}
		if data[i] == '\n' {
			line++
		}
		o++
	}
	return nil, &agenda.LineError{Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", out[bad])}
}

// fold is the length of the fold (CRLF or LF, then a space or tab) at i, or 0.
func fold(data []byte, i int) int {
	switch {
	case data[i] == '\r' && i+2 < len(data) && data[i+1] == '\n' && (data[i+2] == ' ' || data[i+2] == '\t'):
		return 3
	case data[i] == '\n' && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\t'):
		return 2
	}
	return 0
}

// clean applies agenda.CleanField and the length cap to one field of one
// event, noting what it removed; who names the event, name the field.
func clean(s string, label bool, who, name string, rep *agenda.Report) (string, error) {
	if n := utf8.RuneCountInString(s); n > MaxField {
		return "", fmt.Errorf("%s is longer than %d characters (%d)", name, MaxField, n)
	}
	c, removed, err := agenda.CleanField(s, label)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if removed != "" {
		rep.Add(0, fmt.Sprintf("%s, %s: %s", who, name, removed))
	}
	return c, nil
}
