package frab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/igf-floor/floor/app/agenda"
)

// LooksJSON reports whether data starts like a c3voc schedule.json.
func LooksJSON(data []byte) bool {
	head := bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\uFEFF")))
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"schedule"`))
}

// flexString accepts a JSON string or number (ids are either, by tool).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	if _, err := strconv.ParseFloat(string(b), 64); err != nil {
		return fmt.Errorf("%s is neither a string nor a number", b)
	}
	*f = flexString(b)
	return nil
}

type jsonEvent struct {
	ID          flexString  `json:"id"`
	GUID        string      `json:"guid"`
	Date        string      `json:"date"`
	Start       string      `json:"start"`
	Duration    string      `json:"duration"`
	Room        string      `json:"room"`
	Slug        string      `json:"slug"`
	URL         string      `json:"url"`
	Title       string      `json:"title"`
	Subtitle    string      `json:"subtitle"`
	Track       string      `json:"track"`
	Type        string      `json:"type"`
	Language    string      `json:"language"`
	Abstract    string      `json:"abstract"`
	Description string      `json:"description"`
	FeedbackURL string      `json:"feedback_url"`
	OriginURL   string      `json:"origin_url"`
	Persons     jsonPersons `json:"persons"`
	Links       jsonLinks   `json:"links"`
}

type jsonSchedule struct {
	Schedule struct {
		Conference struct {
			Title   string `json:"title"`
			Acronym string `json:"acronym"`
			Zone    string `json:"time_zone_name"`
			Days    []struct {
				Rooms map[string][]jsonEvent `json:"rooms"`
			} `json:"days"`
			jsonConferenceV2
		} `json:"conference"`
		jsonV2
	} `json:"schedule"`
}

// ParseJSON reads a c3voc/pretalx schedule.json.
func ParseJSON(data []byte) (agenda.Schedule, agenda.Report, error) {
	var rep agenda.Report
	if len(data) > MaxSize {
		return agenda.Schedule{}, rep, fmt.Errorf("%d bytes is more than a schedule Floor reads (limit %d MiB)", len(data), MaxSize>>20)
	}
	data, mapped, err := rawText(data)
	if err != nil {
		return agenda.Schedule{}, rep, err
	}
	var doc jsonSchedule
	var ce *capError
	if err := decodeSchedule(data, &doc, true); errors.As(err, &ce) {
		return agenda.Schedule{}, rep, ce
	}
	if err := decodeSchedule(data, &doc, false); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			return agenda.Schedule{}, rep, &agenda.LineError{Line: 1 + bytes.Count(data[:min(se.Offset, int64(len(data)))], []byte("\n")), Msg: "not valid JSON: " + se.Error()}
		case errors.As(err, &ce):
			return agenda.Schedule{}, rep, ce
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return agenda.Schedule{}, rep, &agenda.LineError{Line: 1 + bytes.Count(data, []byte("\n")), Msg: "not valid JSON: unexpected end of JSON input"}
		case strings.HasPrefix(err.Error(), "not a schedule.json"):
			return agenda.Schedule{}, rep, err
		}
		return agenda.Schedule{}, rep, fmt.Errorf("not a schedule.json: %w", err)
	}
	c := doc.Schedule.Conference
	var events []event
	for _, d := range c.Days {
		for _, room := range sortedKeys(d.Rooms) {
			for _, e := range d.Rooms[room] {
				ev := event{ID: string(e.ID), GUID: e.GUID, Date: e.Date, Start: e.Start, Duration: e.Duration,
					Room: orDefault(e.Room, room), Slug: e.Slug, Title: e.Title, Subtitle: e.Subtitle, Track: e.Track,
					Type: e.Type, Language: e.Language, Abstract: e.Abstract, Description: e.Description, URL: e.URL,
					FeedbackURL: e.FeedbackURL, OriginURL: e.OriginURL}
				for _, p := range e.Persons {
					ev.Persons = append(ev.Persons, person{ID: string(p.ID), Name: orDefault(p.PublicName, p.Name)})
				}
				for _, l := range e.Links {
					ev.Links = append(ev.Links, link{Href: l.URL, Title: l.Title})
				}
				events = append(events, ev)
			}
		}
	}
	if v2 := doc.Schedule.Events; len(v2) > 0 {
		if len(events) > 0 {
			rep.Add(0, fmt.Sprintf("the schedule lists its events twice, by day and room (%d) and as one list (%d); the list (version 2) is read", len(events), len(v2)))
		}
		events = events[:0]
		for _, e := range v2 {
			events = append(events, e.event(c.jsonConferenceV2))
		}
	}
	conf := conference{Title: c.Title, Acronym: c.Acronym, Zone: c.Zone}
	for _, t := range c.Tracks {
		conf.Tracks = append(conf.Tracks, track{Name: t.Name, Colour: t.Colour})
	}
	sched, err := build(conf, events, mapped, &rep)
	return sched, rep, err
}
