package frab

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"

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
	Persons     []xmlPerson `xml:"persons>person"`
	// Some generators write <person> straight under <event>, without the
	// <persons> list; readers such as Giggity take a person at either place.
	Direct []xmlPerson `xml:"person"`
	Links  []struct {
		Href  string `xml:"href,attr"`
		Title string `xml:",chardata"`
	} `xml:"links>link"`
}

type xmlPerson struct {
	ID   string `xml:"id,attr"`
	Name string `xml:",chardata"`
}

type xmlSchedule struct {
	XMLName    xml.Name `xml:"schedule"`
	Conference struct {
		Title   string `xml:"title"`
		Acronym string `xml:"acronym"`
		Zone    string `xml:"time_zone_name"`
		BaseURL string `xml:"base_url"`
	} `xml:"conference"`
	Days []struct {
		Rooms []struct {
			Events []xmlEvent `xml:"event"`
		} `xml:"room"`
	} `xml:"day"`
}

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
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var doc xmlSchedule
	if err := dec.Decode(&doc); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return agenda.Schedule{}, rep, &agenda.LineError{Line: se.Line, Msg: "not a well-formed schedule.xml: " + se.Msg}
		}
		if errors.Is(err, io.EOF) {
			return agenda.Schedule{}, rep, fmt.Errorf("the file ends before the schedule does")
		}
		return agenda.Schedule{}, rep, fmt.Errorf("not a schedule.xml: %w", err)
	}
	conf := conference{Title: doc.Conference.Title, Acronym: doc.Conference.Acronym, Zone: doc.Conference.Zone, BaseURL: doc.Conference.BaseURL}
	var events []event
	for _, d := range doc.Days {
		for _, r := range d.Rooms {
			for _, e := range r.Events {
				ev := event{ID: e.ID, GUID: e.GUID, Date: e.Date, Start: e.Start, Duration: e.Duration, Room: e.Room,
					Slug: e.Slug, Title: e.Title, Subtitle: e.Subtitle, Track: e.Track, Type: e.Type, Language: e.Language,
					Abstract: e.Abstract, Description: e.Description, URL: e.URL}
				for _, p := range slices.Concat(e.Persons, e.Direct) {
					ev.Persons = append(ev.Persons, person{ID: p.ID, Name: p.Name})
				}
				for _, l := range e.Links {
					ev.Links = append(ev.Links, link{Href: l.Href, Title: l.Title})
				}
				events = append(events, ev)
			}
		}
	}
	sched, err := build(conf, events, mapped, &rep)
	return sched, rep, err
}
