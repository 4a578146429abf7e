// Package frab reads the schedules conference tools publish in the frab
// family: Pentabarf/frab schedule.xml and the c3voc/pretalx schedule.json.
// Both carry the same model — a conference, days, rooms and events — so
// both are turned into sessions by the same code.
package frab

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/igf-floor/floor/app/agenda"
)

// MaxSize caps a schedule file: DebConf's 117 events are 200 KB, so 16 MiB
// holds any real conference while keeping a hostile file from costing memory.
const MaxSize = 16 << 20

// MaxEvents caps the sessions of one schedule.
const MaxEvents = 50_000

// MaxPeople caps the people and links of one schedule together: a real
// schedule names a few per event, a hostile one millions of empty ones.
const MaxPeople = 2 * MaxEvents

// MaxField caps one text field (a title, a description) in runes.
const MaxField = 64 << 10

type conference struct {
	Title, Acronym, Zone, BaseURL string
	Tracks                        []track // the conference's list of tracks, when it gives one
}

// track is a conference's track with the colour it gives it, as written.
type track struct{ Name, Colour string }

type person struct{ ID, Name, Role string }

type link struct{ Href, Title string }

type event struct {
	ID, GUID, Date, Start, End, Duration, Room, Slug, Title, Subtitle string
	Track, Type, Language, Abstract, Description, URL                 string
	// FeedbackURL and OriginURL are the c3voc schema's feedback_url and
	// origin_url (pretalx writes both): the session's feedback form and its
	// page in the system the schedule came from.
	FeedbackURL, OriginURL string
	Persons                []person
	Links                  []link
}

// namespaceFloor is the UUID namespace of GUIDs Floor derives for events
// that have none: the same source and id always give the same GUID.
func namespaceFloor() uuid.UUID {
	return uuid.UUID{0x8b, 0x6c, 0x3d, 0x1e, 0x5b, 0x0a, 0x4e, 0x53, 0x9c, 0x61, 0x2f, 0x0f, 0x6a, 0x7e, 0x5d, 0x10}
}

// build turns a parsed schedule into sessions, repairing what it can and
// saying so in rep; what it cannot repair is an error.
// mapped says rawText moved raw control characters to its marker block.
func build(conf conference, events []event, mapped bool, rep *agenda.Report) (agenda.Schedule, error) {
	if len(events) == 0 {
		return agenda.Schedule{}, fmt.Errorf("the schedule has no events")
	}
	if len(events) > MaxEvents {
		return agenda.Schedule{}, fmt.Errorf("the schedule has %d events; Floor reads at most %d", len(events), MaxEvents)
	}
	if err := cleanConference(&conf, mapped, rep); err != nil {
		return agenda.Schedule{}, err
	}
	htmlEvents := 0
	for i := range events {
		html := false
		if err := cleanEvent(&events[i], mapped, &html, rep); err != nil {
			return agenda.Schedule{}, fmt.Errorf("event %s (%q): %w", events[i].ID, short(events[i].Title), err)
		}
		if html {
			htmlEvents++
		}
	}
	if htmlEvents > 0 {
		what := fmt.Sprintf("%d events are", htmlEvents)
		if htmlEvents == 1 {
			what = "1 event is"
		}
		rep.Add(0, fmt.Sprintf("the abstract or description of %s HTML; Floor reads it as text (paragraphs, lists and link addresses kept)", what))
	}
	zone := strings.TrimSpace(conf.Zone)
	declared := zone != ""
	if !declared {
		var note string
		zone, note = inferZone(events)
		rep.Add(0, note)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return agenda.Schedule{}, fmt.Errorf("unknown time zone %q", zone)
	}
	acronym := strings.TrimSpace(conf.Acronym)
	if acronym == "" {
		acronym = strings.ToLower(strings.Join(strings.Fields(conf.Title), "-"))
	}
	if acronym == "" {
		return agenda.Schedule{}, fmt.Errorf("the schedule names no conference (no acronym or title)")
	}
	source := "frab:" + acronym
	sched := agenda.Schedule{Event: agenda.Event{ID: acronym, Title: orDefault(conf.Title, acronym), Zone: zone}, Complete: true}
	colours := trackColours(conf.Tracks, rep)
	seen := map[string]bool{}
	contradicts, utcDates := map[string]bool{}, 0
	var derived []string
	for _, ev := range events {
		s, err := session(ev, loc, source, acronym, &derived, rep)
		if err != nil {
			return agenda.Schedule{}, fmt.Errorf("event %s (%q): %w", ev.ID, short(ev.Title), err)
		}
		if seen[s.GUID] {
			rep.Add(0, fmt.Sprintf("event %s repeats the guid %s; it gets one of its own", ev.ID, s.GUID))
			s.GUID = uuid.NewSHA1(namespaceFloor(), []byte(source+"/dup/"+ev.ID+"/"+s.GUID)).String()
		}
		seen[s.GUID] = true
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(ev.Date)); err == nil {
			_, given := t.Zone()
			_, local := t.In(loc).Zone()
			switch {
			case given == local || !declared: // inferZone has said what it saw
			case strings.TrimSpace(ev.Start) == t.In(loc).Format("15:04"):
				utcDates++ // <date> in another offset, <start> local: the same instant
			default:
				contradicts[formatOffset(given)] = true
			}
		}
		s.TrackColour = colours[s.Track]
		sched.Sessions = append(sched.Sessions, s)
	}
	if len(derived) > 0 {
		rep.Add(0, derivedNote(derived))
	}
	if utcDates > 0 {
		rep.Add(0, fmt.Sprintf("%d events give <date> in another offset than their local <start>; both name the same instant, which is kept", utcDates))
	}
	for _, o := range sortedKeys(contradicts) {
		rep.Add(0, fmt.Sprintf("the schedule says its zone is %s, but gives times at %s; the times as written are kept", zone, o))
	}
	return sched, nil
}

// derived collects the ids of events whose guid Floor made, for one note.
func session(ev event, loc *time.Location, source, eventID string, derived *[]string, rep *agenda.Report) (agenda.Session, error) {
	for _, f := range []string{ev.Title, ev.Abstract, ev.Description, ev.Subtitle} {
		if len([]rune(f)) > MaxField {
			return agenda.Session{}, fmt.Errorf("a text field is longer than %d characters", MaxField)
		}
	}
	title := strings.TrimSpace(ev.Title)
	if title == "" {
		return agenda.Session{}, fmt.Errorf("no title")
	}
	start, err := startTime(ev, loc, rep)
	if err != nil {
		return agenda.Session{}, err
	}
	dur := time.Duration(0)
	if end := strings.TrimSpace(ev.End); end != "" {
		// schedule.json v2 gives an end and deprecates the duration.
		t, err := time.Parse(time.RFC3339, end)
		if err != nil {
			return agenda.Session{}, fmt.Errorf("cannot read its end %q", short(end))
		}
		if dur = t.Sub(start); dur < 0 {
			return agenda.Session{}, fmt.Errorf("it ends (%s) before it starts (%s)", end, start.Format(time.RFC3339))
		}
	} else if strings.TrimSpace(ev.Duration) != "" {
		d, ambiguous, err := agenda.ParseClockDuration(ev.Duration)
		if err != nil {
			return agenda.Session{}, err
		}
		if ambiguous {
			rep.Add(0, fmt.Sprintf("event %s: duration %q read as hours:minutes:seconds, not days:hours:minutes", ev.ID, ev.Duration))
		}
		dur = d
	}
	if dur > 7*24*time.Hour {
		return agenda.Session{}, fmt.Errorf("a duration of %v is not a session", dur)
	}
	guid := strings.TrimSpace(ev.GUID)
	if guid == "" {
		key := orDefault(ev.ID, ev.Slug)
		if key == "" {
			return agenda.Session{}, fmt.Errorf("no guid, id or slug to know it by")
		}
		guid = uuid.NewSHA1(namespaceFloor(), []byte(source+"/"+key)).String()
		*derived = append(*derived, key)
	}
	s := agenda.Session{
		Source: source, GUID: guid, EventID: eventID, Title: title, Format: strings.TrimSpace(ev.Type),
		Track: strings.TrimSpace(ev.Track), Start: start, End: start.Add(dur), Planned: dur, Zone: loc.String(),
		Room: strings.TrimSpace(ev.Room), Abstract: strings.TrimSpace(joinNonEmpty("\n\n", ev.Subtitle, ev.Abstract)),
		Description: strings.TrimSpace(ev.Description),
	}
	// A <person> (a persons entry) is one person, as the frab schema and the
	// c3voc schema define it, whatever punctuation its name holds: FOSDEM
	// writes "Jann Traschewski, DG8NGN", a name with a call sign.
	for _, p := range ev.Persons {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			continue
		}
		role := agenda.RoleSpeaker
		if p.Role != "" {
			if r, err := agenda.ParseRole(p.Role); err == nil {
				role = r
			} else {
				rep.Add(0, fmt.Sprintf("event %s: %s's role %q is not one Floor knows; read as speaker", ev.ID, short(p.Name), short(p.Role)))
			}
		}
		s.People = append(s.People, agenda.Person{Role: role, Name: name})
	}
	if u := strings.TrimSpace(ev.URL); u != "" {
		s.Links = append(s.Links, agenda.Link{Label: "Session page", URL: u})
	}
	for _, l := range ev.Links {
		if h := strings.TrimSpace(l.Href); h != "" {
			s.Links = append(s.Links, agenda.Link{Label: orDefault(strings.TrimSpace(l.Title), h), URL: h})
		}
	}
	for _, l := range []agenda.Link{{Label: "Feedback", URL: ev.FeedbackURL}, {Label: "Submission page", URL: ev.OriginURL}} {
		l.URL = strings.TrimSpace(l.URL)
		if l.URL != "" && !slices.ContainsFunc(s.Links, func(k agenda.Link) bool { return k.URL == l.URL }) {
			s.Links = append(s.Links, l)
		}
	}
	if ev.Language != "" {
		s.Notes = append(s.Notes, agenda.Note{Label: "Language", Text: ev.Language})
	}
	return s, nil
}

// startTime takes <date> when it is a full date-time (DebConf writes it in
// UTC while <start> is local), else the day of <date> at <start> in the
// conference's zone. It says so when the two disagree.
func startTime(ev event, loc *time.Location, rep *agenda.Report) (time.Time, error) {
	date, clock := strings.TrimSpace(ev.Date), strings.TrimSpace(ev.Start)
	if t, err := time.Parse(time.RFC3339, date); err == nil {
		if err := plausible(t); err != nil {
			return time.Time{}, err
		}
		if clock != "" && t.In(loc).Format("15:04") != clock && t.Format("15:04") != clock {
			rep.Add(0, fmt.Sprintf("event %s: <date> %s and <start> %s disagree; the date is kept", ev.ID, date, clock))
		}
		return t.UTC(), nil
	}
	day, err := time.ParseInLocation("2006-01-02", date, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("cannot read its date %q", short(date))
	}
	hm, err := time.Parse("15:04", clock)
	if err != nil {
		return time.Time{}, fmt.Errorf("cannot read its start %q", short(clock))
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
	if err := plausible(t); err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// derivedNote says once which events had no guid: a Pentabarf schedule
// has none, and a note per event buried the others.
func derivedNote(ids []string) string {
	if len(ids) == 1 {
		return fmt.Sprintf("event %s has no guid; Floor derived one from its id", ids[0])
	}
	list := strings.Join(ids[:min(len(ids), 3)], ", ")
	if len(ids) > 3 {
		list += fmt.Sprintf(" and %d more", len(ids)-3)
	}
	return fmt.Sprintf("%d events have no guid; Floor derived each one from its id (events %s)", len(ids), list)
}

// plausible refuses dates no conference has: before 1970 or after 2200.
func plausible(t time.Time) error {
	if t.Year() < 1970 || t.Year() > 2200 {
		return fmt.Errorf("the year %d is not plausible for a session", t.Year())
	}
	return nil
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return strings.TrimSpace(s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// trackColours maps each track's name to the colour the schedule gives it
// (c3voc and pretalx write one per track); a colour that is not "#rrggbb"
// is left out with a note, and the track gets the palette's colour.
func trackColours(tracks []track, rep *agenda.Report) map[string]string {
	out := map[string]string{}
	for _, t := range tracks {
		name, given := strings.TrimSpace(t.Name), strings.TrimSpace(t.Colour)
		if name == "" || given == "" {
			continue
		}
		if c, ok := agenda.ParseColour(given); ok {
			out[name] = c
		} else {
			rep.Add(0, fmt.Sprintf("track %q: the colour %q is not #rrggbb; Floor picks one", short(name), short(given)))
		}
	}
	return out
}
