package frab

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// A schedule.json is read as a stream: the decoder walks the objects that
// lead to events and decodes one event at a time, counting, so a document
// of millions of empty events is refused at the first one past the cap
// instead of after all of them are built.

// jsonWalk walks one document.
type jsonWalk struct {
	dec                    *json.Decoder
	events, listed, people int // by day and room, as one list, people and links
	rooms                  int
	count                  bool
}

// object reads an object (or null), calling fn for each key; fn must read
// the key's value.
func (w *jsonWalk) object(what string, fn func(key string) error) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("not a schedule.json: %s is %s, not an object", what, kind(tok))
	}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		if err := fn(tok.(string)); err != nil {
			return err
		}
	}
	_, err = w.dec.Token() // '}'
	return err
}

// array reads an array (or null), calling fn for each element; fn must
// read the element.
func (w *jsonWalk) array(what string, fn func() error) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("not a schedule.json: %s is %s, not a list", what, kind(tok))
	}
	for w.dec.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	_, err = w.dec.Token() // ']'
	return err
}

// skip reads one value of any kind, keeping none of it.
func (w *jsonWalk) skip() error {
	depth := 0
	for {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// event counts one more event in a list (each list has the cap) and
// refuses it past the cap.
func (w *jsonWalk) event(n *int) error {
	if *n++; *n > MaxEvents {
		return &capError{fmt.Sprintf("the schedule has more than %d events; Floor reads at most %d", MaxEvents, MaxEvents)}
	}
	return nil
}

// named counts an event's people and links toward MaxPeople.
func (w *jsonWalk) named(n int) error {
	if w.people += n; w.people > MaxPeople {
		return &capError{fmt.Sprintf("the schedule names more than %d people and links; Floor reads at most %d", MaxPeople, MaxPeople)}
	}
	return nil
}

func (w *jsonWalk) value(what string, v any) error {
	if err := w.dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var ce *capError
		if errors.As(err, &se) || errors.As(err, &ce) {
			return err
		}
		return fmt.Errorf("not a schedule.json: %s: %w", what, err)
	}
	return nil
}

func kind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "a list"
		}
		return "an object"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	}
	return "a number"
}

// decodeSchedule reads data into doc as json.Unmarshal would (keys match
// without regard to case), but streaming.
// With count, events are counted and skipped, not decoded: a first pass
// that refuses a document past the cap before anything of it is built.
func decodeSchedule(data []byte, doc *jsonSchedule, count bool) error {
	w := &jsonWalk{dec: json.NewDecoder(bytes.NewReader(data)), count: count}
	c := &doc.Schedule.Conference
	err := w.object("the document", func(key string) error {
		if !strings.EqualFold(key, "schedule") {
			return w.skip()
		}
		return w.object("schedule", func(key string) error {
			switch {
			case strings.EqualFold(key, "events"):
				doc.Schedule.Events = doc.Schedule.Events[:0]
				return w.array("events", func() error {
					if err := w.event(&w.listed); err != nil || w.count {
						return cmp.Or(err, w.countEvent())
					}
					var e jsonEventV2
					if err := w.value("an event", &e); err != nil {
						return err
					}
					if err := w.named(len(e.People) + len(e.Links)); err != nil {
						return err
					}
					doc.Schedule.Events = append(doc.Schedule.Events, e)
					return nil
				})
			case strings.EqualFold(key, "conference"):
				return w.object("conference", func(key string) error {
					switch strings.ToLower(key) {
					case "title":
						return w.value("title", &c.Title)
					case "acronym":
						return w.value("acronym", &c.Acronym)
					case "time_zone_name":
						return w.value("time_zone_name", &c.Zone)
					case "rooms", "tracks":
						if w.count {
							return w.countList("the conference's "+strings.ToLower(key), MaxEvents)
						}
						if strings.EqualFold(key, "rooms") {
							return w.value("rooms", &c.Rooms)
						}
						return w.value("tracks", &c.Tracks)
					case "days":
						c.Days = c.Days[:0]
						return w.array("days", func() error {
							rooms := map[string][]jsonEvent{}
							err := w.object("a day", func(key string) error {
								if !strings.EqualFold(key, "rooms") {
									return w.skip()
								}
								return w.object("rooms", func(room string) error {
									if w.rooms++; w.rooms > MaxEvents {
										return &capError{fmt.Sprintf("the schedule has more than %d rooms; Floor reads at most %d", MaxEvents, MaxEvents)}
									}
									return w.array("room "+room, func() error {
										if err := w.event(&w.events); err != nil || w.count {
											return cmp.Or(err, w.countEvent())
										}
										var e jsonEvent
										if err := w.value("an event", &e); err != nil {
											return err
										}
										if err := w.named(len(e.Persons) + len(e.Links)); err != nil {
											return err
										}
										rooms[room] = append(rooms[room], e)
										return nil
									})
								})
							})
							c.Days = append(c.Days, struct {
								Rooms map[string][]jsonEvent `json:"rooms"`
							}{rooms})
							return err
						})
					}
					return w.skip()
				})
			}
			return w.skip()
		})
	})
	if err != nil {
		return err
	}
	if _, err := w.dec.Token(); err == nil {
		return fmt.Errorf("not a schedule.json: more after the end of the schedule")
	}
	return nil
}

// listOf is a JSON list that refuses more than max elements before
// decoding any: it counts the list's own commas first.
func listOf[T any](b []byte, max int, what string, out *[]T) error {
	if n := countElements(b); n > max {
		return &capError{fmt.Sprintf("%s lists %d; Floor reads at most %d", what, n, max)}
	}
	return json.Unmarshal(b, out)
}

// countElements counts the elements of a JSON list or the members of an
// object, b being valid JSON (the decoder checked it before).
func countElements(b []byte) int {
	depth, n, inString, escaped, empty := 0, 0, false, false, true
	for _, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth == 1 {
				continue
			}
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 1:
			n++
		}
		if depth >= 1 && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			empty = false
		}
	}
	if empty {
		return 0
	}
	return n + 1
}

// maxPerEvent caps one event's people, links or languages, and the
// conference's rooms and tracks are capped at MaxEvents.
const maxPerEvent = 1000

type (
	jsonPersons []struct {
		ID         flexString `json:"id"`
		Name       string     `json:"name"`
		PublicName string     `json:"public_name"`
	}
	jsonParticipants []struct {
		Name string `json:"name"`
		Role string `json:"role"`
		GUID string `json:"guid"`
	}
	jsonLinks []struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	}
	jsonRefs []jsonRef
)

func (l *jsonPersons) UnmarshalJSON(b []byte) error {
	return listOf(b, maxPerEvent, "an event's persons", (*[]struct {
		ID         flexString `json:"id"`
		Name       string     `json:"name"`
		PublicName string     `json:"public_name"`
	})(l))
}

func (l *jsonParticipants) UnmarshalJSON(b []byte) error {
	return listOf(b, maxPerEvent, "an event's participants", (*[]struct {
		Name string `json:"name"`
		Role string `json:"role"`
		GUID string `json:"guid"`
	})(l))
}

func (l *jsonLinks) UnmarshalJSON(b []byte) error {
	return listOf(b, maxPerEvent, "an event's links", (*[]struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	})(l))
}

func (l *jsonRefs) UnmarshalJSON(b []byte) error {
	return listOf(b, MaxEvents, "the conference's rooms or tracks", (*[]jsonRef)(l))
}

// countEvent reads one event in the counting pass, refusing one whose
// lists pass maxPerEvent before any of it is decoded.
func (w *jsonWalk) countEvent() error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		if d, ok := tok.(json.Delim); ok && d == '[' {
			return w.skipRest()
		}
		return nil // a scalar: the second pass says what is wrong
	}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		switch k := strings.ToLower(tok.(string)); k {
		case "persons", "participants", "links", "abstract", "description":
			err = w.countList("an event's "+k, maxPerEvent)
		default:
			err = w.skip()
		}
		if err != nil {
			return err
		}
	}
	_, err = w.dec.Token()
	return err
}

// countList reads a list or an object, refusing it past max elements.
func (w *jsonWalk) countList(what string, max int) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	n := 0
	for w.dec.More() {
		if d == '{' {
			if _, err := w.dec.Token(); err != nil {
				return err
			}
		}
		if n++; n > max {
			return &capError{fmt.Sprintf("%s lists more than %d; Floor reads at most %d", what, max, max)}
		}
		if err := w.skip(); err != nil {
			return err
		}
	}
	_, err = w.dec.Token()
	return err
}

// skipRest reads to the end of a list or object already opened.
func (w *jsonWalk) skipRest() error {
	for w.dec.More() {
		if err := w.skip(); err != nil {
			return err
		}
	}
	_, err := w.dec.Token()
	return err
}
