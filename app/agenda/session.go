// Package agenda holds the domain of a conference agenda: events, sessions,
// the people in them and the stakeholder groups and regions IGF pages use.
// It is pure Go: parsers for external formats live in subpackages.
package agenda

import "time"

// Event is a conference or forum that sessions belong to (e.g. "IGF 2020").
type Event struct {
	ID    string // stable key, e.g. "igf-2020"
	Title string
	Zone  string // IANA time zone the event publishes its times in
}

// Session is one agenda item with everything a participant may want offline.
type Session struct {
	ID      int64  // storage key; 0 until stored
	Source  string // where the schedule came from, e.g. "igf"
	GUID    string // identity within Source; re-imports update the session with the same GUID
	EventID string

	Number       string // e.g. "WS #234"
	Title        string
	Format       string // e.g. "Round Table – Circle"; a schedule's event type
	Track        string
	TrackColour  string // the schedule's colour for Track, "#rrggbb"; empty when it gives none
	OnlineFormat string
	Planned      time.Duration // planned length, e.g. 90 min
	Online       time.Duration // online length when it differs from Planned, e.g. 60 min
	Start, End   time.Time     // UTC; zero when the source gives no time
	Zone         string        // the event's IANA zone
	Room         string

	Abstract         string
	Description      string
	Issues           string
	PolicyIntro      string // text that introduced the policy questions, e.g. "Tentative policy questions:"
	PolicyQuestions  []string
	ExpectedOutcomes string
	SDGs             []SDG
	AgendaItems      []string
	Links            []Link
	People           []Person
	Notes            []Note // further labelled sections of the page, kept as written
}

// Scheduled reports whether the session has a start time.
func (s Session) Scheduled() bool { return !s.Start.IsZero() }

// Duration is the length people will actually sit through: the online
// length when one was set, else the planned one, else End-Start.
func (s Session) Duration() time.Duration {
	switch {
	case s.Online > 0:
		return s.Online
	case s.Planned > 0:
		return s.Planned
	case s.Scheduled() && s.End.After(s.Start):
		return s.End.Sub(s.Start)
	}
	return 0
}

// PeopleWith returns the people who have role r, in page order.
func (s Session) PeopleWith(r Role) []Person {
	var out []Person
	for _, p := range s.People {
		if p.Role == r {
			out = append(out, p)
		}
	}
	return out
}

// Person is someone with a role in a session.
type Person struct {
	Role        Role
	Name        string // may be empty: some pages give only group and region
	Affiliation string // organisation or title as the page gives it
	Group       StakeholderGroup
	Region      Region
}

// DisplayName is the name, or a placeholder that says it was not given.
func (p Person) DisplayName() string {
	if p.Name == "" {
		return "(name not given)"
	}
	return p.Name
}

// SDG is one UN Sustainable Development Goal a session relates to.
type SDG struct {
	Goal  int
	Title string
}

// Link is a labelled address; URL may be empty when the page named a link
// whose address was lost (e.g. "Register here" in copied text).
type Link struct {
	Label string
	URL   string
}

// Note is a labelled section of a session page that has no field of its own.
type Note struct {
	Label string
	Text  string
}

// Schedule is what a parser produces from one document.
type Schedule struct {
	Event    Event
	Sessions []Session
	// Complete is true when the document is a whole schedule of its source, so
	// sessions missing from it were removed; false for single session pages.
	Complete bool
	// Refresh is how often the publisher asks to be polled (iCalendar's
	// REFRESH-INTERVAL); 0 when it does not say.
	Refresh time.Duration
}

// Report lists what a parser noticed and repaired: never silent.
type Report struct {
	Warnings []Warning
}

// Warning is one thing the user should know about an import.
type Warning struct {
	Line int // 1-based; 0 when not tied to a line
	Text string
}

// Add appends a warning.
func (r *Report) Add(line int, text string) {
	r.Warnings = append(r.Warnings, Warning{Line: line, Text: text})
}
