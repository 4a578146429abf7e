package frab

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// The c3voc schedule.json as Floor writes it: the fields the schema
// requires and the ones its own reader takes back.
type (
	outSchedule struct {
		Schema    string       `json:"$schema"`
		Generator outGenerator `json:"generator"`
		Schedule  struct {
			Version    string        `json:"version"`
			Conference outConference `json:"conference"`
		} `json:"schedule"`
	}
	outGenerator struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	outConference struct {
		Acronym   string     `json:"acronym"`
		Title     string     `json:"title"`
		Start     string     `json:"start"`
		End       string     `json:"end"`
		DaysCount int        `json:"daysCount"`
		Timeslot  string     `json:"timeslot_duration"`
		Zone      string     `json:"time_zone_name"`
		Tracks    []outTrack `json:"tracks,omitempty"`
		Days      []outDay   `json:"days"`
	}
	outTrack struct {
		Name  string `json:"name"`
		Color string `json:"color,omitempty"`
	}
	outDay struct {
		Index    int                   `json:"index"`
		Date     string                `json:"date"`
		DayStart string                `json:"day_start"`
		DayEnd   string                `json:"day_end"`
		Rooms    map[string][]outEvent `json:"rooms"`
	}
	outEvent struct {
		GUID        string      `json:"guid"`
		ID          int         `json:"id"`
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
		Persons     []outPerson `json:"persons"`
		Links       []outLink   `json:"links"`
	}
	outPerson struct {
		Name       string `json:"name"`
		PublicName string `json:"public_name"`
	}
	outLink struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	}
)

// WriteJSON writes the scheduled sessions as a c3voc schedule.json in the
// first session's zone: days by that zone's date, rooms in each day, the
// policy questions at the end of the description. generator is Floor's
// version.
func WriteJSON(w io.Writer, title, acronym string, sessions []agenda.Session, generator string) error {
	var scheduled []agenda.Session
	for _, s := range sessions {
		if s.Scheduled() {
			scheduled = append(scheduled, s)
		}
	}
	if len(scheduled) == 0 {
		return fmt.Errorf("schedule.json: no scheduled session to write")
	}
	slices.SortFunc(scheduled, func(a, b agenda.Session) int { return a.Start.Compare(b.Start) })
	zone := cmp.Or(scheduled[0].Zone, "UTC")
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc, zone = time.UTC, "UTC"
	}
	var doc outSchedule
	doc.Schema = "https://c3voc.de/schedule/schema.json"
	doc.Generator = outGenerator{Name: "Floor", Version: generator}
	doc.Schedule.Version = time.Now().UTC().Format("2006-01-02 15:04")
	c := &doc.Schedule.Conference
	c.Title, c.Acronym, c.Zone, c.Timeslot = title, acronym, zone, "00:05"
	first, last := scheduled[0].Start.In(loc), scheduled[len(scheduled)-1].Start.In(loc)
	c.Start, c.End = first.Format("2006-01-02"), last.Format("2006-01-02")
	for i, s := range scheduled {
		start := s.Start.In(loc)
		date := start.Format("2006-01-02")
		if len(c.Days) == 0 || c.Days[len(c.Days)-1].Date != date {
			c.Days = append(c.Days, outDay{Index: len(c.Days), Date: date, DayStart: start.Format(time.RFC3339), Rooms: map[string][]outEvent{}})
		}
		d := &c.Days[len(c.Days)-1]
		end := start.Add(s.Duration())
		d.DayEnd = end.Format(time.RFC3339)
		room := cmp.Or(s.Room, "Online")
		d.Rooms[room] = append(d.Rooms[room], outEventOf(s, i+1, start, room))
	}
	c.DaysCount = len(c.Days)
	c.Tracks = tracksOf(scheduled)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

func outEventOf(s agenda.Session, id int, start time.Time, room string) outEvent {
	d := s.Duration()
	e := outEvent{GUID: s.GUID, ID: id, Date: start.Format(time.RFC3339), Start: start.Format("15:04"),
		Duration: fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60), Room: room,
		Slug:  strings.ToLower(strings.NewReplacer(" ", "-", "#", "").Replace(s.Number)),
		Title: strings.TrimSpace(s.Number + " " + s.Title), Track: s.Track, Type: s.Format, Language: "en",
		Abstract: s.Abstract, Description: s.Description, Persons: []outPerson{}, Links: []outLink{}}
	if len(s.PolicyQuestions) > 0 {
		var b strings.Builder
		b.WriteString(e.Description)
		b.WriteString("\n\nPolicy questions:\n")
		for i, q := range s.PolicyQuestions {
			fmt.Fprintf(&b, "%d. %s\n", i+1, q)
		}
		e.Description = strings.TrimSpace(b.String())
	}
	for _, p := range s.People {
		if p.Name != "" {
			e.Persons = append(e.Persons, outPerson{Name: p.Name, PublicName: p.Name})
		}
	}
	for _, l := range s.Links {
		e.Links = append(e.Links, outLink{URL: l.URL, Title: l.Label})
	}
	return e
}

// tracksOf lists the sessions' tracks once each, in agenda order, with the
// colour a schedule gave them, so a reader of the export keeps them.
func tracksOf(sessions []agenda.Session) []outTrack {
	var out []outTrack
	seen := map[string]bool{}
	for _, s := range sessions {
		if s.Track != "" && !seen[s.Track] {
			seen[s.Track] = true
			out = append(out, outTrack{Name: s.Track, Color: s.TrackColour})
		}
	}
	return out
}
