package ical

import (
	"fmt"
	"io"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/igf-floor/floor/app/agenda"
)

// Write encodes sessions as an iCalendar agenda named name. Each session's
// UID is stable across exports (its GUID, qualified by its source when the
// GUID is not globally unique), so a calendar that subscribes to the export
// updates events instead of duplicating them. now stamps DTSTAMP.
func Write(w io.Writer, name string, sessions []agenda.Session, now time.Time) error {
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, "-//Floor//Agenda export//EN")
	cal.Props.SetText("X-WR-CALNAME", name)
	n := 0
	for _, s := range sessions {
		if !s.Scheduled() {
			continue // iCalendar needs a start; unscheduled sessions have none
		}
		ev := goical.NewEvent()
		ev.Props.SetText(goical.PropUID, UID(s))
		ev.Props.SetDateTime(goical.PropDateTimeStamp, now.UTC())
		ev.Props.SetDateTime(goical.PropDateTimeStart, s.Start.UTC())
		end := s.End
		if !end.After(s.Start) {
			end = s.Start.Add(s.Duration())
		}
		ev.Props.SetDateTime(goical.PropDateTimeEnd, end.UTC())
		ev.Props.SetText(goical.PropSummary, strings.TrimSpace(strings.Join([]string{s.Number, s.Title}, " ")))
		if s.Room != "" {
			ev.Props.SetText(goical.PropLocation, s.Room)
		}
		if d := strings.TrimSpace(strings.Join([]string{s.Abstract, s.Description}, "\n\n")); d != "" {
			ev.Props.SetText(goical.PropDescription, d)
		}
		if s.Track != "" {
			ev.Props.SetText(goical.PropCategories, s.Track)
		}
		for _, p := range s.People {
			if p.Name == "" {
				continue
			}
			a := goical.NewProp(goical.PropAttendee)
			a.Params.Set(goical.ParamCommonName, p.Name)
			a.Params.Set(goical.ParamRole, "REQ-PARTICIPANT")
			a.Value = "urn:floor:person:" + strings.ReplaceAll(p.Name, " ", "-")
			ev.Props.Add(a)
		}
		for _, l := range s.Links {
			if strings.HasPrefix(l.URL, "https://") || strings.HasPrefix(l.URL, "http://") {
				ev.Props.SetText(goical.PropURL, l.URL)
				break
			}
		}
		cal.Children = append(cal.Children, ev.Component)
		n++
	}
	if n == 0 {
		return fmt.Errorf("no scheduled session to export")
	}
	return goical.NewEncoder(w).Encode(cal)
}

// UID is the stable iCalendar UID of a session.
func UID(s agenda.Session) string {
	if strings.Contains(s.GUID, "@") {
		return s.GUID
	}
	return strings.ReplaceAll(s.GUID, " ", "-") + "@" + strings.ReplaceAll(s.Source, " ", "-") + ".floor"
}
