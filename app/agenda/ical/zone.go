package ical

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
	"github.com/yaegashi/wtz.go"

	"github.com/igf-floor/floor/app/agenda"
)

// zone is a TZID as Floor reads it: an IANA location when one is known
// (by name, through CLDR's Windows mapping, or the VTIMEZONE's
// X-LIC-LOCATION), else the file's own VTIMEZONE rules.
type zone struct {
	name string         // the IANA name a session shows its times in
	loc  *time.Location // nil when only the VTIMEZONE's rules are known
	vtz  *vtimezone
}

// instant is the moment a wall-clock time (its fields, in a UTC value)
// names in the zone.
func (z zone) instant(wall time.Time) time.Time {
	if z.loc != nil {
		return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, z.loc).UTC()
	}
	return wall.Add(-z.vtz.offset(wall)).UTC()
}

// wall is the wall-clock time of an instant in the zone, as a UTC value.
func (z zone) wall(t time.Time) time.Time {
	if z.loc != nil {
		l := t.In(z.loc)
		return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
	}
	guess := t.UTC().Add(z.vtz.offset(t.UTC()))
	return t.UTC().Add(z.vtz.offset(guess))
}

// zones resolves the TZIDs of one calendar, each once, and notes how.
type zones struct {
	vtz  map[string]*vtimezone
	bad  map[string]error // VTIMEZONEs Floor cannot read, refused only when used
	done map[string]zone
	rep  *agenda.Report
}

func newZones(cal *goical.Calendar, rep *agenda.Report) (*zones, error) {
	z := &zones{vtz: map[string]*vtimezone{}, bad: map[string]error{}, done: map[string]zone{}, rep: rep}
	for _, c := range cal.Children {
		if c.Name != goical.CompTimezone {
			continue
		}
		p := c.Props.Get(goical.PropTimezoneID)
		if p == nil {
			continue // a VTIMEZONE no TZID can name
		}
		id := strings.TrimSpace(p.Value)
		v, err := parseVTimezone(c)
		if err != nil {
			z.bad[id] = fmt.Errorf("its VTIMEZONE cannot be read: %w", err)
			continue
		}
		z.vtz[id] = v
	}
	return z, nil
}

// machineZone is what Go would read from the importing machine.
func machineZone(id string) bool {
	return strings.EqualFold(id, "Local") || strings.EqualFold(id, "localtime") || strings.HasPrefix(id, ":")
}

func (zs *zones) get(id string) (zone, error) {
	id = strings.TrimSpace(id)
	if z, ok := zs.done[id]; ok {
		return z, nil
	}
	z, err := zs.resolve(id)
	if err != nil {
		return zone{}, err
	}
	zs.done[id] = z
	return z, nil
}

func (zs *zones) resolve(id string) (zone, error) {
	if id == "" || machineZone(id) {
		return zone{}, fmt.Errorf("the time zone %q is the importing computer's own zone: the times would change with the machine that reads them, so Floor refuses it (the calendar must name a zone such as Europe/Berlin)", id)
	}
	if loc, err := time.LoadLocation(id); err == nil {
		return zone{name: id, loc: loc}, nil
	}
	if iana, ok := wtz.WindowsToUnixMap[id]; ok {
		if loc, err := time.LoadLocation(iana); err == nil {
			zs.rep.Add(0, fmt.Sprintf("the time zone %q is Windows' name for %s (CLDR windowsZones); times in it are read as %s", id, iana, iana))
			return zone{name: iana, loc: loc}, nil
		}
	}
	v := zs.vtz[id]
	if err := zs.bad[id]; v == nil && err != nil {
		return zone{}, fmt.Errorf("unknown time zone %q: %w", id, err)
	}
	if z, note, ok := offsetZone(id); ok && v == nil {
		zs.rep.Add(0, note)
		return z, nil
	}
	if v == nil {
		return zone{}, fmt.Errorf("unknown time zone %q: not an IANA zone, not a Windows zone CLDR maps, and the calendar has no VTIMEZONE for it", id)
	}
	if v.location != "" {
		if loc, err := time.LoadLocation(v.location); err == nil && !machineZone(v.location) {
			zs.rep.Add(0, fmt.Sprintf("the time zone %q is read as %s, the location its VTIMEZONE names", id, v.location))
			return zone{name: v.location, loc: loc}, nil
		}
	}
	name, shown := "UTC", "shown in UTC"
	if off, fixed := v.fixed(); fixed && off%3600 == 0 && off/3600 >= -12 && off/3600 <= 14 {
		// Etc/GMT-1 is UTC+1: POSIX signs.
		name = "Etc/GMT" + strconv.Itoa(-off/3600)
		if off == 0 {
			name = "Etc/GMT"
		} else if off < 0 {
			name = "Etc/GMT+" + strconv.Itoa(-off/3600)
		}
		shown = "shown as " + name + ", the fixed offset it keeps"
	}
	zs.rep.Add(0, fmt.Sprintf("the time zone %q is not one Floor knows by name; its times are computed from the calendar's own VTIMEZONE rules and %s", id, shown))
	loc, err := time.LoadLocation(name)
	if err != nil || name == "UTC" {
		return zone{name: name, vtz: v}, nil
	}
	return zone{name: name, loc: loc}, nil
}

// vtimezone is a VTIMEZONE's observances (STANDARD and DAYLIGHT).
type vtimezone struct {
	location string // X-LIC-LOCATION, as Thunderbird and Google write
	obs      []observance
	trans    []transition // every onset to 2200, in time order
}

// transition is an observance's onset: from this wall time, offset to.
type transition struct {
	at time.Time
	to int
}

// maxTransitions bounds the onsets one VTIMEZONE may have (a yearly
// rule to 2200 has a few hundred).
const maxTransitions = 10_000

type observance struct {
	from, to int       // TZOFFSETFROM and TZOFFSETTO, in seconds
	start    time.Time // DTSTART, a wall time in "from"
	rule     *rrule.RRule
	rdates   []time.Time // RDATE onsets, as Thunderbird writes history
}

func parseVTimezone(c *goical.Component) (*vtimezone, error) {
	v := &vtimezone{}
	if p := c.Props.Get("X-LIC-LOCATION"); p != nil {
		v.location = strings.TrimSpace(p.Value)
	}
	for _, o := range c.Children {
		if o.Name != goical.CompTimezoneStandard && o.Name != goical.CompTimezoneDaylight {
			continue
		}
		var ob observance
		var err error
		if ob.from, err = utcOffset(o.Props.Get("TZOFFSETFROM")); err != nil {
			return nil, fmt.Errorf("%s TZOFFSETFROM: %w", o.Name, err)
		}
		if ob.to, err = utcOffset(o.Props.Get("TZOFFSETTO")); err != nil {
			return nil, fmt.Errorf("%s TZOFFSETTO: %w", o.Name, err)
		}
		w, err := readWhen(o.Props.Get(goical.PropDateTimeStart))
		if err != nil {
			return nil, fmt.Errorf("%s DTSTART: %w", o.Name, err)
		}
		ob.start = w.wall
		for _, p := range o.Props.Values(goical.PropRecurrenceDates) {
			for _, v := range strings.Split(p.Value, ",") {
				if w, err := parseWhen(strings.TrimSpace(v), valueParam(&p), ""); err == nil {
					ob.rdates = append(ob.rdates, w.wall)
				}
			}
		}
		if p := o.Props.Get(goical.PropRecurrenceRule); p != nil {
			opt, err := rrule.StrToROption(p.Value)
			if err != nil {
				return nil, fmt.Errorf("%s RRULE: %w", o.Name, err)
			}
			opt.Dtstart = ob.start
			if opt.Freq == rrule.YEARLY && ob.start.Year() < 1970 {
				// Outlook starts its rules in 1601; rrule-go looks only so
				// far ahead, and Floor reads no session before 1970.
				step := max(opt.Interval, 1)
				opt.Dtstart = ob.start.AddDate((1970-ob.start.Year()+step-1)/step*step, 0, 0)
			}
			if ob.rule, err = rrule.NewRRule(*opt); err != nil {
				return nil, fmt.Errorf("%s RRULE: %w", o.Name, err)
			}
		}
		v.obs = append(v.obs, ob)
	}
	if len(v.obs) == 0 {
		return nil, fmt.Errorf("no STANDARD or DAYLIGHT observance")
	}
	sort.SliceStable(v.obs, func(i, j int) bool { return v.obs[i].start.Before(v.obs[j].start) })
	end := time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, o := range v.obs {
		if o.rule == nil {
			v.trans = append(v.trans, transition{o.start, o.to})
		}
		for _, at := range o.rdates {
			v.trans = append(v.trans, transition{at, o.to})
		}
		if o.rule == nil {
			continue
		}
		next := o.rule.Iterator()
		for len(v.trans) < maxTransitions {
			at, ok := next()
			if !ok || !at.Before(end) {
				break
			}
			v.trans = append(v.trans, transition{at, o.to})
		}
		if len(v.trans) >= maxTransitions {
			return nil, fmt.Errorf("more than %d onsets", maxTransitions)
		}
	}
	sort.SliceStable(v.trans, func(i, j int) bool { return v.trans[i].at.Before(v.trans[j].at) })
	return v, nil
}

// offset is the UTC offset in force at a wall time: that of the last
// onset before it, or the first observance's TZOFFSETFROM before any.
func (v *vtimezone) offset(wall time.Time) time.Duration {
	i := sort.Search(len(v.trans), func(i int) bool { return v.trans[i].at.After(wall) })
	if i == 0 {
		return time.Duration(v.obs[0].from) * time.Second
	}
	return time.Duration(v.trans[i-1].to) * time.Second
}

// fixed reports whether the zone keeps one offset throughout.
func (v *vtimezone) fixed() (int, bool) {
	off := v.obs[0].to
	for _, o := range v.obs {
		if o.to != off || o.from != off {
			return 0, false
		}
	}
	return off, true
}

// utcOffset reads "+0100", "-0530" or "+013000" as seconds east of UTC.
func utcOffset(p *goical.Prop) (int, error) {
	if p == nil {
		return 0, fmt.Errorf("missing")
	}
	s := strings.TrimSpace(p.Value)
	if (len(s) != 5 && len(s) != 7) || (s[0] != '+' && s[0] != '-') {
		return 0, fmt.Errorf("%q is not a UTC offset", s)
	}
	n := 0
	for i, mul := range []int{3600, 60, 1} {
		if 1+2*i >= len(s) {
			break
		}
		v, err := strconv.Atoi(s[1+2*i : 3+2*i])
		if err != nil || v < 0 || v > 59 || (i == 0 && v > 23) {
			return 0, fmt.Errorf("%q is not a UTC offset", s)
		}
		n += v * mul
	}
	if s[0] == '-' {
		n = -n
	}
	return n, nil
}
