package ical

import (
	"fmt"
	"sort"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"github.com/igf-floor/floor/app/agenda"
)

// MaxOccurrences caps the sessions one recurring event becomes.
const MaxOccurrences = 500

// MaxRecurring caps the recurring events of one calendar that are
// expanded (a rule costs up to a few milliseconds); the others keep their
// first occurrence, said in a note.
const MaxRecurring = 200

// unboundedSpan is how far a rule without COUNT or UNTIL is expanded when
// the calendar has no other session to bound it.
const unboundedSpan = 366 * 24 * time.Hour

func recurring(ev goical.Event) bool {
	return ev.Props.Get(goical.PropRecurrenceRule) != nil || ev.Props.Get(goical.PropRecurrenceDates) != nil
}

// occurrences lists the wall-clock starts (in the zone ez, as UTC values)
// of a recurring event: DTSTART, the RRULE's and RDATE's instances, less
// EXDATE's, up to bound (an instant) and MaxOccurrences. Whatever it
// leaves out, it says.
func (c *clock) occurrences(ev goical.Event, ws when, ez zone, bound time.Time, who string, rep *agenda.Report) []time.Time {
	first := []time.Time{ws.wall}
	var walls []time.Time
	unbounded := false
	if p := ev.Props.Get(goical.PropRecurrenceRule); p != nil {
		opt, err := rrule.StrToROption(p.Value)
		if err == nil && (opt.Freq == rrule.SECONDLY || opt.Freq == rrule.MINUTELY || opt.Freq == rrule.HOURLY) {
			err = fmt.Errorf("FREQ=%v repeats faster than sessions do", opt.Freq)
		}
		if err != nil {
			rep.Add(0, fmt.Sprintf("%s: its RRULE %q is not one Floor expands (%v); only its first occurrence is listed", who, p.Value, err))
			return first
		}
		if !opt.Until.IsZero() && !ws.utc && strings.Contains(strings.ToUpper(p.Value), "Z") {
			opt.Until = ez.wall(opt.Until) // a UTC UNTIL, compared with local starts
		}
		unbounded = opt.Count == 0 && opt.Until.IsZero()
		limit := ez.wall(bound)
		if !unbounded {
			limit = ws.wall.AddDate(10, 0, 0) // COUNT or UNTIL ends it; MaxOccurrences caps it
		}
		if opt.Until.IsZero() || opt.Until.After(limit) {
			opt.Until = limit
		}
		// rrule-go checks UNTIL only on a match: a rule nothing matches
		// (BYMONTH=2;BYMONTHDAY=30) runs on to the year 9999. The Gregorian
		// calendar repeats every 400 years, so the rule is expanded that
		// many years later, close to 9999, and its instances moved back.
		shift := 400 * ((9999 - limit.Year() - 1) / 400)
		opt.Dtstart, opt.Until = ws.wall.AddDate(shift, 0, 0), opt.Until.AddDate(shift, 0, 0)
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			rep.Add(0, fmt.Sprintf("%s: its RRULE %q is not one Floor expands (%v); only its first occurrence is listed", who, p.Value, err))
			return first
		}
		next := r.Iterator()
		for n := 0; n <= MaxOccurrences*4; n++ { // EXDATEs aside, more than Floor lists
			t, ok := next()
			if !ok {
				break
			}
			if t = t.AddDate(-shift, 0, 0); t.After(limit) {
				break
			}
			walls = append(walls, t)
		}
	}
	walls = append(walls, c.dateList(ev, goical.PropRecurrenceDates, ws, ez, who, rep)...)
	excluded := map[time.Time]bool{}
	for _, t := range c.dateList(ev, goical.PropExceptionDates, ws, ez, who, rep) {
		excluded[t] = true
		if ws.date {
			excluded[t.Truncate(24*time.Hour)] = true
		}
	}
	walls = append(walls, ws.wall) // RFC 5545: DTSTART is the first instance
	sort.Slice(walls, func(i, j int) bool { return walls[i].Before(walls[j]) })
	var out []time.Time
	skipped := 0
	for i, t := range walls {
		if i > 0 && t.Equal(walls[i-1]) {
			continue
		}
		if excluded[t] {
			skipped++
			continue
		}
		if len(out) == MaxOccurrences {
			rep.Add(0, fmt.Sprintf("%s repeats more than %d times; Floor lists the first %d (to %s) and leaves the rest out", who, MaxOccurrences, MaxOccurrences, out[len(out)-1].Format("2006-01-02")))
			break
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		rep.Add(0, fmt.Sprintf("%s: every occurrence is excluded (EXDATE); it is not listed", who))
		return nil
	}
	msg := fmt.Sprintf("%s repeats: %d session(s), %s to %s", who, len(out), out[0].Format("2006-01-02"), out[len(out)-1].Format("2006-01-02"))
	if skipped > 0 {
		msg += fmt.Sprintf(", %d excluded (EXDATE)", skipped)
	}
	if unbounded {
		msg += fmt.Sprintf("; its rule has no end, so Floor lists it only up to %s", ez.wall(bound).Format("2006-01-02"))
	}
	rep.Add(0, msg)
	return out
}

// dateList reads RDATE or EXDATE values (lists, several lines) as wall
// times in ez, the zone the rule is expanded in.
func (c *clock) dateList(ev goical.Event, name string, ws when, ez zone, who string, rep *agenda.Report) []time.Time {
	var out []time.Time
	own := ez
	for _, p := range ev.Props.Values(name) {
		for _, v := range strings.Split(p.Value, ",") {
			v = strings.TrimSpace(v)
			if strings.Contains(v, "/") { // an RDATE period: its start
				v = v[:strings.Index(v, "/")]
			}
			w, err := parseWhen(v, valueParam(&p), p.Params.Get(goical.ParamTimezoneID))
			if err == nil && w.date && !ws.date {
				w.wall = w.wall.Add(ws.wall.Sub(ws.wall.Truncate(24 * time.Hour))) // a date at the event's time of day
			}
			var t time.Time
			if err == nil {
				t, _, err = c.at(w, &own)
			}
			if err != nil {
				rep.Add(0, fmt.Sprintf("%s: %s %q is not a date Floor reads (%v); ignored", who, name, v, err))
				continue
			}
			out = append(out, ez.wall(t))
		}
	}
	return out
}

// occurrenceID is the stable id of one occurrence: the UID and the
// instance's start (RECURRENCE-ID's form).
func occurrenceID(uid string, start time.Time, wall time.Time, date bool) string {
	if date {
		return uid + "/" + wall.Format("20060102")
	}
	return uid + "/" + start.UTC().Format("20060102T150405Z")
}

// parsed is one VEVENT read as a session, before recurrence.
type parsed struct {
	s  agenda.Session
	ws when
	z  zone
	ev goical.Event
}

// sessions reads every VEVENT and expands the recurring ones: each
// occurrence is a session of its own, id'd by UID and start, and a
// VEVENT with a RECURRENCE-ID replaces the occurrence it names.
func (c *clock) sessions(events []goical.Event, source, eventID string, rep *agenda.Report) ([]agenda.Session, error) {
	var plain, masters, overrides []parsed
	for i, ev := range events {
		s, ws, z, err := c.session(ev, source, eventID, rep)
		if err != nil {
			return nil, fmt.Errorf("event %d (%q): %w", i+1, text(ev.Props, goical.PropSummary), err)
		}
		p := parsed{s: s, ws: ws, z: z, ev: ev}
		switch {
		case ev.Props.Get(goical.PropRecurrenceID) != nil:
			overrides = append(overrides, p)
		case recurring(ev):
			masters = append(masters, p)
		default:
			plain = append(plain, p)
		}
	}
	var out []agenda.Session
	index := map[string]int{}
	add := func(s agenda.Session) {
		if _, dup := index[s.GUID]; dup {
			rep.Add(0, fmt.Sprintf("UID %s appears again (%q); the first is kept", s.GUID, s.Title))
			return
		}
		index[s.GUID] = len(out)
		out = append(out, s)
	}
	var last time.Time // the end of the calendar's last one-off session
	for _, p := range plain {
		add(p.s)
		if p.s.End.After(last) {
			last = p.s.End
		}
	}
	if n := len(masters) - MaxRecurring; n > 0 {
		rep.Add(0, fmt.Sprintf("the calendar has %d repeating events; Floor expands the first %d, and lists the other %d with their first occurrence only", len(masters), MaxRecurring, n))
	}
	for i, p := range masters {
		if i >= MaxRecurring {
			p.s.GUID = occurrenceID(p.s.GUID, p.s.Start, p.ws.wall, p.ws.date)
			add(p.s)
			continue
		}
		ez := p.z
		if p.ws.utc {
			ez = zone{name: "UTC", loc: time.UTC}
		}
		bound := p.s.Start.Add(unboundedSpan)
		if last.After(p.s.Start) {
			bound = last
		}
		span := ez.wall(p.s.End).Sub(p.ws.wall)
		for _, w := range c.occurrences(p.ev, p.ws, ez, bound, fmt.Sprintf("%q", p.s.Title), rep) {
			s := p.s
			s.People, s.Links = append([]agenda.Person(nil), p.s.People...), append([]agenda.Link(nil), p.s.Links...)
			s.Start = ez.instant(w)
			s.End = s.Start.Add(p.s.End.Sub(p.s.Start))
			if p.ws.date {
				s.End = ez.instant(w.Add(span))
			}
			s.Planned = s.End.Sub(s.Start)
			s.GUID = occurrenceID(p.s.GUID, s.Start, w, p.ws.date)
			add(s)
		}
		if len(out) > MaxEvents {
			return nil, fmt.Errorf("the calendar's events repeat into more than %d sessions; Floor reads at most %d", MaxEvents, MaxEvents)
		}
	}
	for _, p := range overrides {
		rid, err := readWhen(p.ev.Props.Get(goical.PropRecurrenceID))
		var t time.Time
		if err == nil {
			t, _, err = c.at(rid, &p.z)
		}
		if err != nil {
			return nil, fmt.Errorf("event %q: RECURRENCE-ID: %w", p.s.Title, err)
		}
		p.s.GUID = occurrenceID(p.s.GUID, t, rid.wall, rid.date)
		if i, ok := index[p.s.GUID]; ok {
			out[i] = p.s // the occurrence as its own VEVENT changed it
			continue
		}
		add(p.s)
	}
	return out, nil
}
