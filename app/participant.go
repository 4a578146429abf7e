package app

import (
	"context"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// Participant is the use case of someone following the agenda: list by day,
// search, favourites, and times in the zone of their choice. The window is a
// function of its state; every method is synchronous and cheap (a search
// over 100 000 sessions takes a few milliseconds).
type Participant struct {
	store  AgendaStore
	clock  Clock
	local  *time.Location
	filter agenda.Filter
	narrow Narrow
	zone   ZoneChoice

	listing agenda.Listing // after the search, before narrowing
	// unsearched is the last listing without a search, kept while a search
	// is typed so that clearing it costs no re-read (10 000 sessions: 60 ms);
	// Load, as after an import or a sync, reads it again.
	unsearched       *agenda.Listing
	unsearchedFilter agenda.Filter
	shown            []agenda.Session
	favs             map[int64]bool
	rows             []Row
	events           map[string]string // event titles by id, for the rows
	clash            map[int64]bool    // sessions of My agenda that overlap another there
	heading          agenda.Session    // the empty session of every day heading's row
}

// SettingsStore keeps what a window chose (filters, day, zone, size) for
// the next start, per database.
type SettingsStore interface {
	Setting(ctx context.Context, key string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, key, value string) error
}

// ChangeWatcher says whether the database changed since it last looked
// (another process imported, synced or repaired).
type ChangeWatcher interface {
	Changed(ctx context.Context) (bool, error)
}

// Row is one line of the agenda list: a day heading or a session.
type Row struct {
	Day string // set on a day heading, e.g. "Wednesday 11 November 2020"
	// Session is the session listed, shared with the listing rather than
	// copied (10 000 copies are 7 MB); a day heading's is an empty one.
	Session   *agenda.Session
	Favourite bool
	When      string // the viewer's time, e.g. "11:20–12:20 UTC"
	EventWhen string // the event's time when it reads differently, else "" (e.g. "11:20–12:20 UTC")
	Event     string // the event's title, e.g. "DebConf 23"
	Clash     bool   // in My agenda and overlapping another session there
}

// IsDay reports whether the row is a day heading.
func (r Row) IsDay() bool { return r.Day != "" }

// NewParticipant returns the use case over store; local is the computer's zone.
func NewParticipant(store AgendaStore, clock Clock, local *time.Location) *Participant {
	return &Participant{store: store, clock: clock, local: local, favs: map[int64]bool{}}
}

// Load reads the agenda for the current search and filter.
func (p *Participant) Load(ctx context.Context) error {
	p.unsearched = nil
	return p.load(ctx)
}

func (p *Participant) load(ctx context.Context) error {
	var listing agenda.Listing
	if p.filter.Search == "" && p.unsearched != nil && p.unsearchedFilter == p.filter {
		listing = *p.unsearched // the search cleared: the listing of before it
	} else {
		var err error
		if listing, err = p.store.ListSessions(ctx, p.filter); err != nil {
			return fmt.Errorf("load agenda: %w", err)
		}
	}
	if p.filter.Search == "" {
		p.unsearched, p.unsearchedFilter = &listing, p.filter
	}
	favs, err := p.store.FavouriteIDs(ctx)
	if err != nil {
		return fmt.Errorf("load agenda: %w", err)
	}
	if err := p.markClashes(ctx, favs); err != nil {
		return fmt.Errorf("load agenda: %w", err)
	}
	events := map[string]string{}
	for _, s := range listing.Sessions {
		if _, ok := events[s.EventID]; ok {
			continue
		}
		events[s.EventID] = s.EventID
		if ev, err := p.store.Event(ctx, s.EventID); err == nil && ev.Title != "" {
			events[s.EventID] = ev.Title
		}
	}
	p.listing, p.favs, p.events = listing, favs, events
	p.rebuild()
	return nil
}

// SetSearch shows only sessions matching q (titles, people, descriptions,
// policy questions); an empty q shows all.
func (p *Participant) SetSearch(ctx context.Context, q string) error {
	p.filter.Search = q
	return p.load(ctx)
}

// SetNarrow keeps only sessions of one event, day, track, room or type.
func (p *Participant) SetNarrow(n Narrow) {
	p.narrow = n
	p.rebuild()
}

// Narrowing is the current narrowing.
func (p *Participant) Narrowing() Narrow { return p.narrow }

// Choices are the events, days, tracks, rooms and types the list (search
// and My agenda applied) can be narrowed to.
func (p *Participant) Choices() Choices { return ChoicesOf(p.listing.Sessions) }

// Sessions are the sessions listed now.
func (p *Participant) Sessions() []agenda.Session { return p.shown }

// SetFavouritesOnly switches the "My agenda" view.
func (p *Participant) SetFavouritesOnly(ctx context.Context, on bool) error {
	p.filter.FavouritesOnly = on
	return p.Load(ctx)
}

// FavouritesOnly reports whether the "My agenda" view is on.
func (p *Participant) FavouritesOnly() bool { return p.filter.FavouritesOnly }

// SetZone changes in whose time sessions are shown.
func (p *Participant) SetZone(z ZoneChoice) {
	p.zone = z
	p.rebuild()
}

// Zone is the current time-zone choice.
func (p *Participant) Zone() ZoneChoice { return p.zone }

// ToggleFavourite marks or unmarks session id and returns its new state.
func (p *Participant) ToggleFavourite(ctx context.Context, id int64) (bool, error) {
	on := !p.favs[id]
	if err := p.store.SetFavourite(ctx, id, on, p.clock.Now()); err != nil {
		return !on, err
	}
	return on, p.Load(ctx)
}

// IsFavourite reports whether session id is marked.
func (p *Participant) IsFavourite(id int64) bool { return p.favs[id] }

// Rows is the agenda list: day headings, each followed by its sessions.
func (p *Participant) Rows() []Row { return p.rows }

// SessionCount is the number of sessions listed.
func (p *Participant) SessionCount() int { return len(p.shown) }

// Status is one line that explains the list, including why it is empty.
func (p *Participant) Status() string {
	n := len(p.shown)
	switch {
	case n == 0 && p.narrow != (Narrow{}):
		return "No session passes the filters"
	case p.listing.Truncated:
		return fmt.Sprintf("Showing the first %d matches: type more words to narrow the search", n)
	case n == 0 && p.filter.Search != "":
		return fmt.Sprintf("No session matches “%s”", p.filter.Search)
	case n == 0 && p.filter.FavouritesOnly:
		return "My agenda is empty: mark sessions with ☆ to add them"
	case n == 0:
		return "No sessions yet: import an agenda with “floor import FILE”"
	case n == 1:
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}

func (p *Participant) rebuild() {
	p.shown = p.narrow.Apply(p.listing.Sessions)
	rows := make([]Row, 0, len(p.shown)+8)
	lastDay := ""
	zones := zoneCache{}
	for i := range p.shown {
		s := &p.shown[i]
		day := "Time to be announced"
		var when, eventWhen string
		if s.Scheduled() {
			loc := p.zone.viewerLocationIn(zones, *s, p.local)
			day = s.Start.In(loc).Format("Monday 2 January 2006")
			when = span(*s, loc)
			if ev := span(*s, zones.event(*s)); ev != when {
				eventWhen = ev
			}
		}
		if day != lastDay {
			rows = append(rows, Row{Day: day, Session: &p.heading})
			lastDay = day
		}
		rows = append(rows, Row{Session: s, Favourite: p.favs[s.ID], When: when, EventWhen: eventWhen, Event: p.events[s.EventID],
			Clash: p.clash[s.ID]})
	}
	p.rows = rows
}

// Detail is everything the session view shows.
type Detail struct {
	Session   agenda.Session
	Event     agenda.Event
	Favourite bool
	When      string                // "Wednesday 11 November 2020, 11:20–12:20 UTC" in the viewer's zone
	EventWhen string                // the same in the event's zone when it reads differently
	Changes   []agenda.ChangeRecord // what imports and syncs changed in it, newest first
}

// Detail loads session id whole.
func (p *Participant) Detail(ctx context.Context, id int64) (Detail, error) {
	s, err := p.store.Session(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Session: s, Favourite: p.favs[id], When: "Time to be announced"}
	d.Event, err = p.store.Event(ctx, s.EventID)
	if err != nil {
		d.Event = agenda.Event{ID: s.EventID, Title: s.EventID} // show the session anyway
	}
	if d.Changes, err = p.store.SessionChanges(ctx, s.Source, s.GUID); err != nil {
		d.Changes = nil // the history is extra; the session still shows
	}
	if s.Scheduled() {
		loc := p.zone.viewerLocation(s, p.local)
		d.When = s.Start.In(loc).Format("Monday 2 January 2006") + ", " + span(s, loc)
		evLoc := eventLocation(s)
		if ev := s.Start.In(evLoc).Format("Monday 2 January 2006") + ", " + span(s, evLoc); ev != d.When {
			d.EventWhen = ev
		}
	}
	return d, nil
}

// Length says how long a session is, and how that changed for an online format.
func Length(s agenda.Session) string {
	switch {
	case s.Online > 0 && s.Planned > 0 && s.Online != s.Planned:
		return fmt.Sprintf("%d min online (planned %d min)", int(s.Online.Minutes()), int(s.Planned.Minutes()))
	case s.Duration() > 0:
		return fmt.Sprintf("%d min", int(s.Duration().Minutes()))
	}
	return ""
}

// Conflicts are the overlapping pairs among My agenda, across events.
func (p *Participant) Conflicts(ctx context.Context) ([]agenda.Conflict, error) {
	l, err := p.store.ListSessions(ctx, agenda.Filter{FavouritesOnly: true})
	if err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	return agenda.Conflicts(l.Sessions), nil
}

// NowAndNext are the sessions on now and those starting within window,
// across every loaded event.
func (p *Participant) NowAndNext(ctx context.Context, window time.Duration) (running, next []agenda.Session, err error) {
	l, err := p.store.ListSessions(ctx, agenda.Filter{})
	if err != nil {
		return nil, nil, fmt.Errorf("now and next: %w", err)
	}
	running, next = agenda.NowAndNext(l.Sessions, p.clock.Now(), window)
	return running, next, nil
}

// Now is the participant's clock.
func (p *Participant) Now() time.Time { return p.clock.Now() }

// AllFavourites are the sessions in My agenda, whatever the list shows.
func (p *Participant) AllFavourites(ctx context.Context) ([]agenda.Session, error) {
	l, err := p.store.ListSessions(ctx, agenda.Filter{FavouritesOnly: true})
	if err != nil {
		return nil, fmt.Errorf("my agenda: %w", err)
	}
	return l.Sessions, nil
}

// NowIndex is the index in Rows of the first session on at the
// participant's clock, else of the first to start after it; -1 when the
// list has neither.
func (p *Participant) NowIndex() int {
	now := p.clock.Now()
	next := -1
	for i, r := range p.rows {
		s := r.Session
		if r.IsDay() || !s.Scheduled() {
			continue
		}
		end := s.End
		if end.IsZero() || !end.After(s.Start) {
			end = s.Start.Add(s.Duration())
		}
		if !s.Start.After(now) && now.Before(end) {
			return i
		}
		if s.Start.After(now) && (next < 0 || s.Start.Before(p.rows[next].Session.Start)) {
			next = i
		}
	}
	return next
}
