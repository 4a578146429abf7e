// Package ical reads agendas published as iCalendar (RFC 5545), with the
// RFC 7986 additions schedules use: CONFERENCE join links and
// REFRESH-INTERVAL. Parsing itself is github.com/emersion/go-ical's.
package ical

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/google/uuid"

	"github.com/igf-floor/floor/app/agenda"
)

// MaxSize caps a calendar file, as for other schedules.
const MaxSize = 16 << 20

// MaxEvents caps the sessions of one calendar.
const MaxEvents = 50_000

// Looks reports whether data starts like an iCalendar file.
func Looks(data []byte) bool {
	head := bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 256)], []byte("\uFEFF")))
	return bytes.HasPrefix(bytes.ToUpper(head), []byte("BEGIN:VCALENDAR"))
}

// Calendar is what a calendar says about itself besides its sessions.
type Calendar struct {
	Refresh time.Duration // REFRESH-INTERVAL, 0 when not given
}

// Parse reads a calendar into a complete schedule: VEVENTs become sessions
// keyed by UID; ATTENDEEs with a name and "von: Name" lines become speakers.
func Parse(data []byte) (agenda.Schedule, agenda.Report, error) {
	sched, _, rep, err := ParseCalendar(data)
	return sched, rep, err
}

// ParseCalendar is Parse that also returns the calendar's own properties.
func ParseCalendar(data []byte) (sched agenda.Schedule, info Calendar, rep agenda.Report, err error) {
	// go-ical panics on some malformed input (fuzzing found a content line
	// that ends inside a parameter, "0;00="): refuse the file, keep running.
	defer func() {
		if r := recover(); r != nil {
			sched, err = agenda.Schedule{}, fmt.Errorf("not a valid iCalendar file: the parser failed (%v)", r)
		}
	}()
	return parseCalendar(data)
}

func parseCalendar(data []byte) (agenda.Schedule, Calendar, agenda.Report, error) {
	var rep agenda.Report
	var info Calendar
	if len(data) > MaxSize {
		return agenda.Schedule{}, info, rep, fmt.Errorf("%d bytes is more than a calendar Floor reads (limit %d MiB)", len(data), MaxSize>>20)
	}
	if err := agenda.CheckText(data); err != nil {
		return agenda.Schedule{}, info, rep, err
	}
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return agenda.Schedule{}, info, rep, fmt.Errorf("not a valid iCalendar file: %w", err)
	}
	name := text(cal.Props, "X-WR-CALNAME")
	if name == "" {
		name = text(cal.Props, "NAME")
	}
	zone := text(cal.Props, "X-WR-TIMEZONE")
	if zone == "" {
		zone = "UTC"
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return agenda.Schedule{}, info, rep, fmt.Errorf("unknown time zone %q", zone)
	}
	if p := cal.Props.Get("REFRESH-INTERVAL"); p != nil {
		if d, err := p.Duration(); err == nil && d > 0 {
			info.Refresh = d
		} else {
			rep.Add(0, fmt.Sprintf("REFRESH-INTERVAL %q is not a duration; ignored", p.Value))
		}
	}
	events := cal.Events()
	if len(events) == 0 {
		return agenda.Schedule{}, info, rep, errors.New("the calendar has no events")
	}
	if len(events) > MaxEvents {
		return agenda.Schedule{}, info, rep, fmt.Errorf("the calendar has %d events; Floor reads at most %d", len(events), MaxEvents)
	}
	id := slug(orDefault(name, text(cal.Props, goical.PropProductID)))
	if id == "" {
		return agenda.Schedule{}, info, rep, errors.New("the calendar has no name (X-WR-CALNAME) or product id to know it by")
	}
	source := "ical:" + id
	sched := agenda.Schedule{Event: agenda.Event{ID: id, Title: orDefault(name, id), Zone: zone}, Complete: true}
	seen := map[string]bool{}
	for i, ev := range events {
		s, err := session(ev, loc, source, id, &rep)
		if err != nil {
			return agenda.Schedule{}, info, rep, fmt.Errorf("event %d (%q): %w", i+1, text(ev.Props, goical.PropSummary), err)
		}
		if seen[s.GUID] {
			// A recurring event's instances share a UID; Floor lists the first.
			rep.Add(0, fmt.Sprintf("UID %s appears again (%q); the first is kept", s.GUID, s.Title))
			continue
		}
		seen[s.GUID] = true
		sched.Sessions = append(sched.Sessions, s)
	}
	sched.Refresh = info.Refresh
	return sched, info, rep, nil
}

func session(ev goical.Event, loc *time.Location, source, eventID string, rep *agenda.Report) (agenda.Session, error) {
	title := text(ev.Props, goical.PropSummary)
	if title == "" {
		return agenda.Session{}, errors.New("no SUMMARY")
	}
	start, err := ev.DateTimeStart(loc)
	if err != nil {
		return agenda.Session{}, fmt.Errorf("DTSTART: %w", err)
	}
	end, err := ev.DateTimeEnd(loc)
	if err != nil {
		return agenda.Session{}, fmt.Errorf("DTEND: %w", err)
	}
	if start.Year() < 1970 || start.Year() > 2200 {
		return agenda.Session{}, fmt.Errorf("the year %d is not plausible for a session", start.Year())
	}
	if end.Before(start) {
		return agenda.Session{}, fmt.Errorf("it ends (%s) before it starts (%s)", end.UTC().Format(time.RFC3339), start.UTC().Format(time.RFC3339))
	}
	uid := text(ev.Props, goical.PropUID)
	if uid == "" {
		uid = uuid.NewSHA1(uuid.NameSpaceURL, []byte(source+"/"+start.UTC().Format(time.RFC3339)+"/"+title)).String()
		rep.Add(0, fmt.Sprintf("%q has no UID; Floor derived %s from its start and title", title, uid))
	}
	desc := text(ev.Props, goical.PropDescription)
	s := agenda.Session{
		Source: source, GUID: uid, EventID: eventID, Title: title, Start: start.UTC(), End: end.UTC(),
		Planned: end.Sub(start), Zone: loc.String(), Room: text(ev.Props, goical.PropLocation), Description: desc,
	}
	if cats, err := textList(ev.Props, goical.PropCategories); err == nil && len(cats) > 0 {
		s.Track = cats[0]
	}
	for _, a := range ev.Props.Values(goical.PropAttendee) {
		if cn := strings.TrimSpace(a.Params.Get(goical.ParamCommonName)); cn != "" {
			s.People = append(s.People, agenda.Person{Role: agenda.RoleSpeaker, Name: cn})
		}
	}
	if len(s.People) == 0 {
		if m := byLine.FindStringSubmatch(desc); m != nil {
			for _, n := range strings.Split(m[1], ",") {
				if n = strings.TrimSpace(n); n != "" {
					s.People = append(s.People, agenda.Person{Role: agenda.RoleSpeaker, Name: n})
				}
			}
		}
	}
	if u := text(ev.Props, goical.PropURL); u != "" {
		s.Links = append(s.Links, agenda.Link{Label: "Session page", URL: u})
	}
	for _, c := range ev.Props.Values(goical.PropConference) {
		label := orDefault(c.Params.Get(goical.ParamLabel), "Join online")
		s.Links = append(s.Links, agenda.Link{Label: label, URL: c.Value})
	}
	if st, err := ev.Status(); err == nil && st == goical.EventCancelled {
		s.Title = "Cancelled: " + s.Title
		rep.Add(0, fmt.Sprintf("%q is cancelled", title))
	}
	return s, nil
}

// byLine finds "von: Name" / "by: Name" at the start of a description, as
// Kieler Linuxtage and other tools write the speaker.
var byLine = regexp.MustCompile(`(?i)^(?:von|by|speaker|referent(?:in)?):\s*([^\n]+)`)

func text(props goical.Props, name string) string {
	p := props.Get(name)
	if p == nil {
		return ""
	}
	t, err := p.Text()
	if err != nil {
		return strings.TrimSpace(p.Value)
	}
	return strings.TrimSpace(t)
}

func textList(props goical.Props, name string) ([]string, error) {
	p := props.Get(name)
	if p == nil {
		return nil, nil
	}
	return p.TextList()
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return strings.TrimSpace(s)
}

// slug is a stable key from a calendar's name: "18. Kieler Open Source und
// Linux Tage" becomes "18-kieler-open-source-und-linux-tage".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
