package frab

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// LooksXML reports whether data starts like a frab schedule.xml.
func LooksXML(data []byte) bool {
	head := bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\uFEFF")))
	return bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<schedule")) ||
		bytes.HasPrefix(head, []byte("<schedule"))
}

type xmlEvent struct {
	ID          string      `xml:"id,attr"`
	GUID        string      `xml:"guid,attr"`
	Date        string      `xml:"date"`
	Start       string      `xml:"start"`
	Duration    string      `xml:"duration"`
	Room        string      `xml:"room"`
	Slug        string      `xml:"slug"`
	Title       string      `xml:"title"`
	Subtitle    string      `xml:"subtitle"`
	Track       string      `xml:"track"`
	Type        string      `xml:"type"`
	Language    string      `xml:"language"`
	Abstract    string      `xml:"abstract"`
	Description string      `xml:"description"`
	URL         string      `xml:"url"`
	FeedbackURL string      `xml:"feedback_url"`
	OriginURL   string      `xml:"origin_url"`
	Persons     []xmlPerson `xml:"persons>person"`
	// Some generators write <person> straight under <event>, without the
	// <persons> list; readers such as Giggity take a person at either place.
	Direct []xmlPerson `xml:"person"`
	Links  []struct {
		Href  string `xml:"href,attr"`
		Title string `xml:",chardata"`
		// The CCC hub (39C3) writes a link's text as a <title> child.
		Named string `xml:"title"`
	} `xml:"links>link"`
}

type xmlPerson struct {
	ID   string `xml:"id,attr"`
	Name string `xml:",chardata"`
}

type xmlConference struct {
	Title   string `xml:"title"`
	Acronym string `xml:"acronym"`
	Zone    string `xml:"time_zone_name"`
	BaseURL string `xml:"base_url"`
	// DayChange is the time of day a schedule day starts (Pentabarf,
	// FOSDEM): an event whose day gives its date and starts before it is
	// on the next calendar day.
	DayChange string `xml:"day_change"`
	// Tracks with their colours: c3voc and pretalx write <track> straight
	// under <conference>; a <tracks> list holds them elsewhere.
	Tracks []xmlTrack `xml:"track"`
	Listed []xmlTrack `xml:"tracks>track"`
}

type xmlTrack struct {
	Name   string `xml:"name,attr"`
	Colour string `xml:"color,attr"`
	Text   string `xml:",chardata"`
}

// countingTokens passes a decoder's tokens on and counts the elements
// that cost memory once decoded: events, people and links. It stops the
// document as soon as one count passes its cap, before a byte more is
// decoded, so no input costs more memory than the caps allow.
type countingTokens struct {
	raw     *xml.Decoder
	events  int
	people  int // persons and links
	inEvent int // persons and links of the current event
	tracks  int // <track> elements: one an event, and the conference's list
}

func (c *countingTokens) Token() (xml.Token, error) {
	tok, err := c.raw.Token()
	if se, ok := tok.(xml.StartElement); ok {
		switch se.Name.Local {
		case "event":
			c.inEvent = 0
			if c.events++; c.events > MaxEvents {
				return nil, &capError{fmt.Sprintf("the schedule has more than %d events; Floor reads at most %d", MaxEvents, MaxEvents)}
			}
		case "track":
			if c.tracks++; c.tracks > 2*MaxEvents {
				return nil, &capError{fmt.Sprintf("the schedule has more than %d track elements; Floor reads at most %d", 2*MaxEvents, 2*MaxEvents)}
			}
		case "person", "link":
			if c.inEvent++; c.inEvent > maxPerEvent {
				return nil, &capError{fmt.Sprintf("an event names more than %d people and links; Floor reads at most %d", maxPerEvent, maxPerEvent)}
			}
			if c.people++; c.people > MaxPeople {
				return nil, &capError{fmt.Sprintf("the schedule names more than %d people and links; Floor reads at most %d", MaxPeople, MaxPeople)}
			}
		}
	}
	return tok, err
}

// capError is a document refused for passing a cap while it was read.
type capError struct{ msg string }

func (e *capError) Error() string { return e.msg }

// ParseXML reads a schedule.xml. The decoder is strict and knows only XML's
// five entities, so a document that declares its own ("billion laughs") is
// an error, and nesting is bounded by encoding/xml's depth limit.
func ParseXML(data []byte) (agenda.Schedule, agenda.Report, error) {
	var rep agenda.Report
	if len(data) > MaxSize {
		return agenda.Schedule{}, rep, fmt.Errorf("%d bytes is more than a schedule Floor reads (limit %d MiB)", len(data), MaxSize>>20)
	}
	data, mapped, err := rawText(data)
	if err != nil {
		return agenda.Schedule{}, rep, err
	}
	// First count, keeping nothing: a document past a cap is refused before
	// anything of it is built. Errors of form are the second pass's to name.
	pre := &countingTokens{raw: xml.NewDecoder(bytes.NewReader(data))}
	pre.raw.Strict = true
	for {
		_, err := pre.Token()
		var ce *capError
		if errors.As(err, &ce) {
			return agenda.Schedule{}, rep, ce
		}
		if err != nil {
			break
		}
	}
	raw := xml.NewDecoder(bytes.NewReader(data))
	raw.Strict = true
	dec := xml.NewTokenDecoder(&countingTokens{raw: raw})
	dec.Strict = true
	// The document is read element by element, each event decoded alone:
	// only what Floor keeps of the events so far is held.
	var conf conference
	var events []event
	var path []string
	var dayDate, dayChange string
	for done := false; !done; {
		tok, err := dec.Token()
		if err != nil {
			var se *xml.SyntaxError
			var ce *capError
			switch {
			case errors.As(err, &ce):
				return agenda.Schedule{}, rep, ce
			case errors.As(err, &se):
				return agenda.Schedule{}, rep, &agenda.LineError{Line: se.Line, Msg: "not a well-formed schedule.xml: " + se.Msg}
			case errors.Is(err, io.EOF):
				return agenda.Schedule{}, rep, fmt.Errorf("the file ends before the schedule does")
			}
			return agenda.Schedule{}, rep, fmt.Errorf("not a schedule.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 && t.Name.Local != "schedule" {
				return agenda.Schedule{}, rep, fmt.Errorf("not a schedule.xml: expected element type <schedule> but have <%s>", t.Name.Local)
			}
			path = append(path, t.Name.Local)
			var err error
			switch {
			case len(path) == 2 && path[1] == "conference":
				var c xmlConference
				err = dec.DecodeElement(&c, &t)
				conf = conference{Title: c.Title, Acronym: c.Acronym, Zone: c.Zone, BaseURL: c.BaseURL}
				for _, t := range append(c.Tracks, c.Listed...) {
					conf.Tracks = append(conf.Tracks, track{Name: orDefault(t.Name, t.Text), Colour: t.Colour})
				}
				dayChange = c.DayChange
				path = path[:1]
			case len(path) == 2 && path[1] == "day":
				dayDate = ""
				for _, a := range t.Attr {
					if a.Name.Local == "date" {
						dayDate = a.Value
					}
				}
			// An event sits in its room, or, in Pentabarf's FOSDEM schedules
			// of 2007–2012, straight in its day: it names its room itself.
			case len(path) == 4 && path[1] == "day" && path[2] == "room" && path[3] == "event",
				len(path) == 3 && path[1] == "day" && path[2] == "event":
				var e xmlEvent
				err = dec.DecodeElement(&e, &t)
				ev := e.event()
				if strings.TrimSpace(ev.Date) == "" {
					ev.Date = dateOfDay(dayDate, ev.Start, dayChange)
				}
				events = append(events, ev)
				path = path[:len(path)-1]
			}
			if err != nil {
				var ce *capError
				var se *xml.SyntaxError
				switch {
				case errors.As(err, &ce):
					return agenda.Schedule{}, rep, ce
				case errors.As(err, &se):
					return agenda.Schedule{}, rep, &agenda.LineError{Line: se.Line, Msg: "not a well-formed schedule.xml: " + se.Msg}
				case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
					return agenda.Schedule{}, rep, fmt.Errorf("the file ends before the schedule does")
				}
				return agenda.Schedule{}, rep, fmt.Errorf("not a schedule.xml: %w", err)
			}
		case xml.EndElement:
			path = path[:len(path)-1]
			done = len(path) == 0
		}
	}
	sched, err := build(conf, events, mapped, &rep)
	return sched, rep, err
}

// dateOfDay gives the date of an event that has no <date> (Pentabarf and
// FOSDEM write only <start>): its <day>'s date, or the next calendar day
// when it starts before the schedule's day_change (a 09:00 day change puts
// a 01:00 event after midnight). An unreadable day is returned as it is,
// for startTime to name.
func dateOfDay(day, start, dayChange string) string {
	d, err := time.Parse("2006-01-02", strings.TrimSpace(day))
	if err != nil {
		return day
	}
	if clockMinutes(start) < clockMinutes(dayChange) {
		d = d.AddDate(0, 0, 1)
	}
	return d.Format("2006-01-02")
}

// clockMinutes reads "09:00" or "09:00:00" as minutes after midnight; -1
// when it is no time of day.
func clockMinutes(s string) int {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Hour()*60 + t.Minute()
		}
	}
	return -1
}

// event is what Floor keeps of a decoded <event>.
func (e xmlEvent) event() event {
	ev := event{ID: e.ID, GUID: e.GUID, Date: e.Date, Start: e.Start, Duration: e.Duration, Room: e.Room,
		Slug: e.Slug, Title: e.Title, Subtitle: e.Subtitle, Track: e.Track, Type: e.Type, Language: e.Language,
		Abstract: dedentLater(e.Abstract), Description: dedentLater(e.Description), URL: e.URL, FeedbackURL: e.FeedbackURL, OriginURL: e.OriginURL}
	for _, p := range slices.Concat(e.Persons, e.Direct) {
		ev.Persons = append(ev.Persons, person{ID: p.ID, Name: p.Name})
	}
	for _, l := range e.Links {
		ev.Links = append(ev.Links, link{Href: l.Href, Title: orDefault(l.Title, l.Named)})
	}
	return ev
}

// dedentLater takes off the indent every later line of a text shares: a
// pretty-printing writer (the CCC hub's schedule.xml) indents a text's
// second and later lines to the element's depth, which is the document's
// layout, not the text's. Relative indents inside the text are kept.
func dedentLater(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) < 2 {
		return s
	}
	indent := ""
	first := true
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		switch {
		case first:
			indent, first = lead, false
		default:
			for !strings.HasPrefix(lead, indent) {
				indent = indent[:len(indent)-1]
			}
		}
		if indent == "" {
			return s
		}
	}
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], indent)
	}
	return strings.Join(lines, "\n")
}
