package ical

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/igf-floor/floor/app/agenda"
)

// when is a DATE or DATE-TIME value as written, before any zone.
type when struct {
	wall time.Time // its fields, in a UTC value
	date bool      // VALUE=DATE: a whole day
	utc  bool      // a UTC time (ends in Z)
	tzid string    // the TZID parameter of a local time
}

func readWhen(p *goical.Prop) (when, error) {
	if p == nil {
		return when{}, errors.New("missing")
	}
	return parseWhen(strings.TrimSpace(p.Value), valueParam(p), p.Params.Get(goical.ParamTimezoneID))
}

func parseWhen(v string, typ goical.ValueType, tzid string) (when, error) {
	var w when
	var err error
	switch {
	case len(v) == 8:
		w.date = true
		w.wall, err = time.Parse("20060102", v)
	case typ == goical.ValueDate:
		return when{}, fmt.Errorf("%q is not a DATE", v)
	case len(v) == 16 && v[15] == 'Z':
		w.utc = true
		w.wall, err = time.Parse("20060102T150405Z", v)
	case len(v) == 15:
		w.tzid = strings.TrimSpace(tzid)
		w.wall, err = time.Parse("20060102T150405", v)
	default:
		return when{}, fmt.Errorf("%q is not a DATE or DATE-TIME", v)
	}
	if err != nil {
		return when{}, fmt.Errorf("%q is not a DATE or DATE-TIME: %w", v, err)
	}
	return w, nil
}

// valueParam is the VALUE a property states, not go-ical's default.
func valueParam(p *goical.Prop) goical.ValueType {
	return goical.ValueType(strings.ToUpper(strings.TrimSpace(p.Params.Get(goical.ParamValue))))
}

// clock turns a calendar's values into instants, never through the
// importing machine's zone.
type clock struct {
	zones    *zones
	cal      zone // the calendar's zone: named, inferred, or UTC
	floatOK  bool // floating times have a zone to be read in
	floating int  // events written in floating time
	allDay   int  // all-day events
	html     int  // events whose DESCRIPTION is HTML
}

func newClock(cal *goical.Calendar, rep *agenda.Report) (*clock, error) {
	zs, err := newZones(cal, rep)
	if err != nil {
		return nil, err
	}
	c := &clock{zones: zs, cal: zone{name: "UTC", loc: time.UTC}}
	if p := cal.Props.Get("X-WR-TIMEZONE"); p != nil && strings.TrimSpace(p.Value) != "" {
		if c.cal, err = zs.get(p.Value); err != nil {
			return nil, fmt.Errorf("X-WR-TIMEZONE: %w", err)
		}
		c.floatOK = true
		return c, nil
	}
	// No zone named: the one every TZID resolves to is the event's (RFC
	// 5545 gives floating times the zone of the calendar's user).
	count, order := map[string]int{}, map[string]int{}
	byName := map[string]zone{}
	for _, ev := range cal.Events() {
		for _, name := range []string{goical.PropDateTimeStart, goical.PropDateTimeEnd} {
			p := ev.Props.Get(name)
			if p == nil || p.Params.Get(goical.ParamTimezoneID) == "" || len(strings.TrimSpace(p.Value)) != 15 {
				continue
			}
			z, err := zs.get(p.Params.Get(goical.ParamTimezoneID))
			if err != nil {
				return nil, fmt.Errorf("event %q, %s: %w", text(ev.Props, goical.PropSummary), name, err)
			}
			if _, ok := order[z.name]; !ok {
				order[z.name] = len(order)
			}
			count[z.name]++
			byName[z.name] = z
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return order[names[i]] < order[names[j]] // a tie: the first used
	})
	switch len(names) {
	case 0:
	case 1:
		c.cal, c.floatOK = byName[names[0]], true
		rep.Add(0, fmt.Sprintf("the calendar names no time zone (X-WR-TIMEZONE); every time in it with a zone is in %s, so that is the event's zone", names[0]))
	default:
		c.cal = byName[names[0]]
		rep.Add(0, fmt.Sprintf("the calendar names no time zone (X-WR-TIMEZONE) and its times use %d zones (%s); the event's zone is taken to be %s, the most used (on a tie, the first used), and each session keeps its own", len(names), strings.Join(names, ", "), names[0]))
	}
	return c, nil
}

// at is the instant of a value and the zone it is in; ev is the zone of
// the event's DTSTART when that named one, for its other values.
func (c *clock) at(w when, ev *zone) (time.Time, zone, error) {
	switch {
	case w.utc:
		return w.wall, c.cal, nil
	case w.tzid != "":
		z, err := c.zones.get(w.tzid)
		if err != nil {
			return time.Time{}, zone{}, err
		}
		return z.instant(w.wall), z, nil
	case ev != nil:
		return ev.instant(w.wall), *ev, nil
	case w.date:
		return c.cal.instant(w.wall), c.cal, nil
	case !c.floatOK:
		return time.Time{}, zone{}, fmt.Errorf("%s is a floating time (no TZID, no Z) and the calendar names no zone (X-WR-TIMEZONE) nor uses one TZID throughout: Floor cannot tell when it is, and refuses to guess UTC",
			w.wall.Format("20060102T150405"))
	}
	return c.cal.instant(w.wall), c.cal, nil
}

// span is an event's start and end, its zone, and its DTSTART as written.
func (c *clock) span(ev goical.Event) (start, end time.Time, z zone, ws when, err error) {
	if ws, err = readWhen(ev.Props.Get(goical.PropDateTimeStart)); err != nil {
		return start, end, z, ws, fmt.Errorf("DTSTART: %w", err)
	}
	if start, z, err = c.at(ws, nil); err != nil {
		return start, end, z, ws, fmt.Errorf("DTSTART: %w", err)
	}
	var own *zone
	if ws.tzid != "" || ws.date {
		own = &z
	}
	switch {
	case ws.date:
		c.allDay++
	case !ws.utc && ws.tzid == "":
		c.floating++
	}
	end = start
	if ws.date {
		end = z.instant(ws.wall.AddDate(0, 0, 1))
	}
	if p := ev.Props.Get(goical.PropDateTimeEnd); p != nil {
		we, err := readWhen(p)
		if err != nil {
			return start, end, z, ws, fmt.Errorf("DTEND: %w", err)
		}
		if end, _, err = c.at(we, own); err != nil {
			return start, end, z, ws, fmt.Errorf("DTEND: %w", err)
		}
		if ws.date && !end.After(start) { // a one-day event written with DTEND = DTSTART
			end = z.instant(ws.wall.AddDate(0, 0, 1))
		}
	} else if p := ev.Props.Get(goical.PropDuration); p != nil {
		d, err := p.Duration()
		if err != nil {
			return start, end, z, ws, fmt.Errorf("DURATION: %w", err)
		}
		end = start.Add(d)
		if ws.date {
			end = z.instant(ws.wall.Add(d))
		}
	}
	return start, end, z, ws, nil
}

// notes says once how floating and all-day times and HTML descriptions
// were read.
func (c *clock) notes(rep *agenda.Report) {
	if c.html > 0 {
		rep.Add(0, fmt.Sprintf("the DESCRIPTION of %d event(s) is HTML, where RFC 5545 has plain text; Floor reads it as text (paragraphs, lists and link addresses kept)", c.html))
	}
	if c.floating > 0 {
		rep.Add(0, fmt.Sprintf("%d event(s) are written in floating time (no TZID, no Z): as RFC 5545 says, they are read in the calendar's zone, %s", c.floating, c.cal.name))
	}
	if c.allDay > 0 {
		where := c.cal.name
		if !c.floatOK {
			where += " (the calendar names no zone, so these are UTC days)"
		}
		rep.Add(0, fmt.Sprintf("%d all-day event(s) (VALUE=DATE) keep their dates: each is listed from midnight to midnight in %s", c.allDay, where))
	}
}
