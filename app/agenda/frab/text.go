package frab

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

// marker is where rawText parks a raw C0 control character: XML and JSON
// both refuse those outright, yet one stray control must not refuse a whole
// congress. Plane 16's last private-use block is chosen because no schedule
// writes it; a document that does keeps today's refusal.
const marker = 0x10ff00

// maxControls caps the raw controls rawText repairs: a few stray ones are a
// copy-and-paste accident, millions would cost four bytes each to map.
const maxControls = 1000

// rawText checks a whole document before it is decoded: valid UTF-8, no NUL
// and no terminal escape sequence, each named by its line. Other raw C0
// controls are moved to the marker block (mapped is then true) so the
// decoder accepts them and cleanField can say which session held them.
func rawText(data []byte) (out []byte, mapped bool, err error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	line, controls, private := 1, 0, false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return nil, false, &agenda.LineError{Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", data[i])}
		case r == '\n':
			line++
		case r == 0:
			return nil, false, &agenda.LineError{Line: line, Msg: "a NUL character"}
		case r == 0x1b && i+1 < len(data) && data[i+1] >= 0x20 && data[i+1] < 0x7f:
			return nil, false, &agenda.LineError{Line: line, Msg: fmt.Sprintf("a terminal escape sequence (ESC %q)", data[i+1])}
		case r < 0x20 && r != '\t' && r != '\r':
			controls++
		case r >= marker:
			private = true
		}
		i += size
	}
	if controls == 0 {
		return data, false, nil
	}
	if controls > maxControls {
		return nil, false, fmt.Errorf("%d raw control characters; Floor reads a document with at most %d (a stray one is repaired, this many is not a schedule)", controls, maxControls)
	}
	if private {
		return nil, false, fmt.Errorf("%d raw control characters in a document that also uses U+10FF00 and above", controls)
	}
	out = make([]byte, 0, len(data)+3*controls)
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			out = utf8.AppendRune(out, marker+rune(b))
			continue
		}
		out = append(out, b)
	}
	return out, true, nil
}

// cleanField applies agenda.CleanField to one field of one session and
// notes what it removed; who names the session, name the field.
func cleanField(s *string, label, mapped bool, who, name string, rep *agenda.Report) error {
	if mapped {
		*s = unmark(*s)
	}
	clean, removed, err := agenda.CleanField(*s, label)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if removed != "" {
		rep.Add(0, fmt.Sprintf("%s, %s: %s", who, name, removed))
	}
	*s = clean
	return nil
}

// unmark turns marker runes back into the C0 controls they stand for.
func unmark(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > marker && r < marker+0x20 }) {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r > marker && r < marker+0x20 {
			rs[i] = r - marker
		}
	}
	return string(rs)
}

// cleanEvent cleans every field Floor keeps of one event. Titles, names,
// rooms and identifiers are labels; abstracts and descriptions free text.
// html is set when an abstract or a description was HTML and read as text.
func cleanEvent(ev *event, mapped bool, html *bool, rep *agenda.Report) error {
	who := "event " + ev.ID
	if err := cleanField(&ev.Title, true, mapped, who, "title", rep); err != nil {
		return err
	}
	who = fmt.Sprintf("event %s (%q)", ev.ID, short(ev.Title))
	labels := map[string]*string{"id": &ev.ID, "guid": &ev.GUID, "date": &ev.Date, "start": &ev.Start, "end": &ev.End,
		"duration": &ev.Duration, "room": &ev.Room, "slug": &ev.Slug, "subtitle": &ev.Subtitle, "track": &ev.Track,
		"type": &ev.Type, "language": &ev.Language, "url": &ev.URL}
	for _, name := range sortedKeys(labels) {
		if err := cleanField(labels[name], true, mapped, who, name, rep); err != nil {
			return err
		}
	}
	for i := range ev.Persons {
		if err := cleanField(&ev.Persons[i].Name, true, mapped, who, "person", rep); err != nil {
			return err
		}
	}
	for i := range ev.Links {
		if err := cleanField(&ev.Links[i].Href, true, mapped, who, "link", rep); err != nil {
			return err
		}
		if err := cleanField(&ev.Links[i].Title, true, mapped, who, "link title", rep); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		s    *string
		name string
	}{{&ev.Abstract, "abstract"}, {&ev.Description, "description"}} {
		if mapped {
			*f.s = unmark(*f.s)
		}
		if agenda.LooksHTML(*f.s) {
			*f.s = agenda.HTMLText(*f.s)
			*html = true
		}
		if err := cleanField(f.s, false, false, who, f.name, rep); err != nil {
			return err
		}
	}
	return nil
}

// cleanConference cleans the conference's own fields; all are labels.
func cleanConference(c *conference, mapped bool, rep *agenda.Report) error {
	fields := map[string]*string{"title": &c.Title, "acronym": &c.Acronym, "time zone": &c.Zone, "base url": &c.BaseURL}
	for _, name := range sortedKeys(fields) {
		if err := cleanField(fields[name], true, mapped, "the conference", name, rep); err != nil {
			return fmt.Errorf("the conference: %w", err)
		}
	}
	return nil
}
