package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// writeSession prints every field of a session for a person to read.
func writeSession(w io.Writer, s agenda.Session, ev agenda.Event, favourite bool) {
	star := ""
	if favourite {
		star = "  ★ in My agenda"
	}
	fmt.Fprintf(w, "%s — %s%s\n\n", termText(s.GUID), termText(s.Title), star)
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-10s %s\n", label+":", termText(value))
		}
	}
	field("Event", ev.Title)
	field("When", app.FormatSpan(s))
	field("Room", s.Room)
	field("Track", s.Track)
	field("Format", app.FormatLine(s))
	field("Length", app.Length(s))

	for _, r := range agenda.AllRoles() {
		people := s.PeopleWith(r)
		if len(people) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", app.RoleHeading(r, len(people)))
		for i, p := range people {
			fmt.Fprintf(w, "  %d. %s\n", i+1, termText(app.PersonLine(p)))
		}
	}
	paragraph(w, "About this session", s.Abstract)
	paragraph(w, "Description", s.Description)
	paragraph(w, "Issues", s.Issues)
	if len(s.PolicyQuestions) > 0 {
		fmt.Fprintf(w, "\nPolicy questions")
		if s.PolicyIntro != "" {
			fmt.Fprintf(w, " (%s)", termText(strings.TrimSuffix(s.PolicyIntro, ":")))
		}
		fmt.Fprintln(w)
		for i, q := range s.PolicyQuestions {
			fmt.Fprintf(w, "  %d. %s\n", i+1, termText(q))
		}
	}
	paragraph(w, "Expected outcomes", s.ExpectedOutcomes)
	if len(s.SDGs) > 0 {
		fmt.Fprintf(w, "\nSustainable Development Goals\n")
		for _, g := range s.SDGs {
			fmt.Fprintf(w, "  %2d  %s\n", g.Goal, termText(g.Title))
		}
	}
	fmt.Fprintf(w, "\nAgenda\n")
	if len(s.AgendaItems) == 0 {
		fmt.Fprintf(w, "  to be confirmed\n")
	}
	for i, item := range s.AgendaItems {
		fmt.Fprintf(w, "  %d. %s\n", i+1, termText(item))
	}
	if len(s.Links) > 0 {
		fmt.Fprintf(w, "\nLinks\n")
		for _, l := range s.Links {
			if l.URL == "" {
				fmt.Fprintf(w, "  %s (the page gives no address)\n", termText(l.Label))
			} else {
				fmt.Fprintf(w, "  %s <%s>\n", termText(l.Label), termText(l.URL))
			}
		}
	}
	for _, n := range s.Notes {
		paragraph(w, termText(n.Label), n.Text)
	}
}

func paragraph(w io.Writer, heading, text string) {
	if text == "" {
		return
	}
	fmt.Fprintf(w, "\n%s\n", heading)
	for _, line := range strings.Split(text, "\n") {
		if line != "" {
			fmt.Fprintf(w, "  %s\n", line)
		} else {
			fmt.Fprintln(w)
		}
	}
}

// sessionJSON is the machine-readable form of a session: enums as words,
// times in RFC 3339, durations in minutes.
type sessionJSON struct {
	ID               int64         `json:"id"`
	Source           string        `json:"source"`
	GUID             string        `json:"guid"`
	Event            string        `json:"event"`
	Number           string        `json:"number"`
	Title            string        `json:"title"`
	Start            *time.Time    `json:"start,omitempty"`
	End              *time.Time    `json:"end,omitempty"`
	Zone             string        `json:"zone"`
	Room             string        `json:"room,omitempty"`
	Track            string        `json:"track,omitempty"`
	TrackColour      string        `json:"track_colour,omitempty"` // "#rrggbb", as the schedule gave it
	Format           string        `json:"format,omitempty"`
	OnlineFormat     string        `json:"online_format,omitempty"`
	PlannedMinutes   int           `json:"planned_minutes,omitempty"`
	OnlineMinutes    int           `json:"online_minutes,omitempty"`
	Favourite        bool          `json:"favourite"`
	Abstract         string        `json:"abstract,omitempty"`
	Description      string        `json:"description,omitempty"`
	Issues           string        `json:"issues,omitempty"`
	PolicyQuestions  []string      `json:"policy_questions,omitempty"`
	ExpectedOutcomes string        `json:"expected_outcomes,omitempty"`
	SDGs             []agenda.SDG  `json:"sdgs,omitempty"`
	AgendaItems      []string      `json:"agenda_items,omitempty"`
	Links            []agenda.Link `json:"links,omitempty"`
	People           []personJSON  `json:"people,omitempty"`
	Notes            []agenda.Note `json:"notes,omitempty"`
}

type personJSON struct {
	Role        string `json:"role"`
	Name        string `json:"name,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Group       string `json:"stakeholder_group,omitempty"`
	Region      string `json:"region,omitempty"`
}

func toJSON(s agenda.Session, favourite bool) sessionJSON {
	out := sessionJSON{ID: s.ID, Source: s.Source, GUID: s.GUID, Event: s.EventID, Number: s.Number, Title: s.Title,
		Zone: s.Zone, Room: s.Room, Track: s.Track, TrackColour: s.TrackColour, Format: s.Format, OnlineFormat: s.OnlineFormat,
		PlannedMinutes: int(s.Planned.Minutes()), OnlineMinutes: int(s.Online.Minutes()), Favourite: favourite,
		Abstract: s.Abstract, Description: s.Description, Issues: s.Issues, PolicyQuestions: s.PolicyQuestions,
		ExpectedOutcomes: s.ExpectedOutcomes, SDGs: s.SDGs, AgendaItems: s.AgendaItems, Links: s.Links, Notes: s.Notes}
	if s.Scheduled() {
		start, end := s.Start, s.End
		out.Start, out.End = &start, &end
	}
	for _, p := range s.People {
		out.People = append(out.People, personJSON{Role: p.Role.String(), Name: p.Name, Affiliation: p.Affiliation,
			Group: p.Group.String(), Region: p.Region.String()})
	}
	return out
}
