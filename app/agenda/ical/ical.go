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
	Refresh     time.Duration // REFRESH-INTERVAL, 0 when not given
	Name        string        // X-WR-CALNAME or RFC 7986 NAME
	Description string        // X-WR-CALDESC or RFC 7986 DESCRIPTION
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
	data, err := unfold(data)
	if err != nil {
		return agenda.Schedule{}, info, rep, err
	}
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return agenda.Schedule{}, info, rep, fmt.Errorf("not a valid iCalendar file: %w", err)
	}
	for _, f := range []struct {
		to    *string
		props []string
		label bool
	}{{&info.Name, []string{"X-WR-CALNAME", "NAME"}, true}, {&info.Description, []string{"X-WR-CALDESC", goical.PropDescription}, false}} {
		for _, p := range f.props {
			if *f.to == "" {
				if *f.to, err = clean(text(cal.Props, p), f.label, "the calendar", p, &rep); err != nil {
					return agenda.Schedule{}, info, rep, fmt.Errorf("the calendar: %w", err)
				}
			}
		}
	}
	// PRODID names the software that wrote the file, not the calendar: two
	// Google calendars share one. A calendar without a name is known by its
	// description when that is one short line (linux.conf.au writes only
	// X-WR-CALDESC), and only then by PRODID.
	name := info.Name
	if name == "" && !strings.Contains(info.Description, "\n") && len([]rune(info.Description)) <= 80 {
		name = info.Description
	}
	clk, err := newClock(cal, &rep)
	if err != nil {
		return agenda.Schedule{}, info, rep, err
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
	id := slug(name)
	if id == "" {
		if id = slug(text(cal.Props, goical.PropProductID)); id == "" {
			return agenda.Schedule{}, info, rep, errors.New("the calendar has no name (X-WR-CALNAME) or product id to know it by")
		}
		rep.Add(0, fmt.Sprintf("the calendar has no name (X-WR-CALNAME); it is known by the software that wrote it (%s)", id))
	}
	source := "ical:" + id
	sched := agenda.Schedule{Event: agenda.Event{ID: id, Title: orDefault(name, id), Zone: clk.cal.name}, Complete: true}
	if sched.Sessions, err = clk.sessions(events, source, id, &rep); err != nil {
		return agenda.Schedule{}, info, rep, err
	}
	clk.notes(&rep)
	if prodid := text(cal.Props, goical.PropProductID); isSched(prodid) {
		applySched(&sched, prodid, &rep)
	}
	sched.Refresh = info.Refresh
	return sched, info, rep, nil
}

func (c *clock) session(ev goical.Event, source, eventID string, rep *agenda.Report) (s agenda.Session, ws when, z zone, err error) {
	title, err := clean(text(ev.Props, goical.PropSummary), true, "an event", "SUMMARY", rep)
	if err != nil {
		return agenda.Session{}, ws, z, err
	}
	if title == "" {
		return agenda.Session{}, ws, z, errors.New("no SUMMARY")
	}
	who := fmt.Sprintf("%q", title)
	field := func(name string, label bool) (string, error) {
		return clean(text(ev.Props, name), label, who, name, rep)
	}
	start, end, z, ws, err := c.span(ev)
	if err != nil {
		return s, ws, z, err
	}
	if start.Year() < 1970 || start.Year() > 2200 {
		return agenda.Session{}, ws, z, fmt.Errorf("the year %d is not plausible for a session", start.Year())
	}
	if end.Before(start) {
		return agenda.Session{}, ws, z, fmt.Errorf("it ends (%s) before it starts (%s)", end.UTC().Format(time.RFC3339), start.UTC().Format(time.RFC3339))
	}
	if d := end.Sub(start); d > MaxLength {
		return agenda.Session{}, ws, z, fmt.Errorf("it lasts %v, more than the %v a session can", d.Round(time.Hour), MaxLength)
	}
	uid, err := field(goical.PropUID, true)
	if err != nil {
		return agenda.Session{}, ws, z, err
	}
	room, err := field(goical.PropLocation, true)
	if err != nil {
		return agenda.Session{}, ws, z, err
	}
	// RFC 5545 3.8.1.5 makes DESCRIPTION plain text, but Google Calendar
	// writes its rich text there as HTML; it is read as text, and the text
	// check comes after its entities are undone.
	desc := text(ev.Props, goical.PropDescription)
	if agenda.LooksHTML(desc) {
		desc = agenda.HTMLText(desc)
		c.html++
	}
	if desc, err = clean(desc, false, who, goical.PropDescription, rep); err != nil {
		return agenda.Session{}, ws, z, err
	}
	if uid == "" {
		uid = uuid.NewSHA1(uuid.NameSpaceURL, []byte(source+"/"+start.UTC().Format(time.RFC3339)+"/"+title)).String()
		rep.Add(0, fmt.Sprintf("%q has no UID; Floor derived %s from its start and title", title, uid))
	}
	s = agenda.Session{
		Source: source, GUID: uid, EventID: eventID, Title: title, Start: start.UTC(), End: end.UTC(),
		Planned: end.Sub(start), Zone: z.name, Room: room, Description: desc,
	}
	if cats, err := textList(ev.Props, goical.PropCategories); err == nil && len(cats) > 0 {
		if s.Track, err = clean(strings.TrimSpace(cats[0]), true, who, goical.PropCategories, rep); err != nil {
			return agenda.Session{}, ws, z, err
		}
	}
	// ORGANIZER is whoever called the meeting (Outlook, Google invitations):
	// the session's organiser; ATTENDEEs with a name are its speakers, but
	// for ROLE=CHAIR, its moderators (RFC 5545 3.2.16), and for the role a
	// Floor export names in X-FLOOR-ROLE.
	if o := ev.Props.Get(goical.PropOrganizer); o != nil {
		cn, err := clean(strings.TrimSpace(o.Params.Get(goical.ParamCommonName)), true, who, "ORGANIZER", rep)
		if err != nil {
			return agenda.Session{}, ws, z, err
		}
		if cn != "" {
			s.People = append(s.People, agenda.Person{Role: agenda.RoleOrganiser, Name: cn})
		}
	}
	for _, a := range ev.Props.Values(goical.PropAttendee) {
		cn, err := clean(strings.TrimSpace(a.Params.Get(goical.ParamCommonName)), true, who, "ATTENDEE", rep)
		if err != nil {
			return agenda.Session{}, ws, z, err
		}
		if cn != "" {
			s.People = append(s.People, agenda.Person{Role: attendeeRole(a), Name: cn})
		}
	}
	if len(s.PeopleWith(agenda.RoleSpeaker)) == 0 {
		if m := byLine.FindStringSubmatch(desc); m != nil {
			for _, n := range strings.Split(m[1], ",") {
				if n = strings.TrimSpace(n); n != "" {
					s.People = append(s.People, agenda.Person{Role: agenda.RoleSpeaker, Name: n})
				}
			}
		}
	}
	u, err := field(goical.PropURL, true)
	if err != nil {
		return agenda.Session{}, ws, z, err
	}
	if u != "" {
		s.Links = append(s.Links, agenda.Link{Label: "Session page", URL: u})
	}
	for _, c := range ev.Props.Values(goical.PropConference) {
		label, err := clean(orDefault(c.Params.Get(goical.ParamLabel), "Join online"), true, who, "CONFERENCE", rep)
		if err != nil {
			return agenda.Session{}, ws, z, err
		}
		url, err := clean(c.Value, true, who, "CONFERENCE", rep)
		if err != nil {
			return agenda.Session{}, ws, z, err
		}
		s.Links = append(s.Links, agenda.Link{Label: label, URL: url})
	}
	if st, err := ev.Status(); err == nil && st == goical.EventCancelled {
		s.Title = "Cancelled: " + s.Title
		rep.Add(0, fmt.Sprintf("%q is cancelled", title))
	}
	return s, ws, z, nil
}

// byLine finds "von: Name" / "by: Name" at the start of a description, as
// Kieler Linuxtage and other tools write the speaker.
var byLine = regexp.MustCompile(`(?i)^(?:von|by|speaker|referent(?:in)?):\s*([^\n]+)`)

// text is a single-valued TEXT property, unescaped. go-ical's Text splits
// at unescaped commas, which RFC 5545 calls a list, but SUMMARY, LOCATION
// and DESCRIPTION hold one text and real calendars (JRES) leave commas bare.
func text(props goical.Props, name string) string {
	p := props.Get(name)
	if p == nil {
		return ""
	}
	return strings.TrimSpace(unescapeText(p.Value))
}

func unescapeText(v string) string {
	if !strings.Contains(v, "\\") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			b.WriteByte(v[i])
			continue
		}
		i++
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default: // \\ \, \; and, leniently, any other escaped byte
			b.WriteByte(v[i])
		}
	}
	return b.String()
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

// attendeeRole is the session role of an ATTENDEE.
func attendeeRole(a goical.Prop) agenda.Role {
	if r, err := agenda.ParseRole(a.Params.Get(floorRole)); err == nil {
		return r
	}
	if strings.EqualFold(a.Params.Get(goical.ParamRole), "CHAIR") {
		return agenda.RoleModerator
	}
	return agenda.RoleSpeaker
}
