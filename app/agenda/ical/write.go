package ical

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"github.com/igf-floor/floor/app/agenda"
)

// Write encodes sessions as an iCalendar agenda named name. Each session's
// UID is stable across exports (its GUID, qualified by its source when the
// GUID is not globally unique), so a calendar that subscribes to the export
// updates events instead of duplicating them. now stamps DTSTAMP.
//
// The calendar is built and checked in memory and written in one piece: an
// error writes nothing, and names the session it is about. Line breaks in a
// text (CR, LF or CRLF) are written as TEXT's \n escape, other control
// characters are left out (RFC 5545 TEXT has no place for them), and lines
// are folded at 75 octets.
func Write(w io.Writer, name string, sessions []agenda.Session, now time.Time) error {
	cal := newCalendar(name)
	n := 0
	for _, s := range sessions {
		if !s.Scheduled() {
			continue // iCalendar needs a start; unscheduled sessions have none
		}
		ev := goical.NewEvent()
		setText(ev.Props, goical.PropUID, UID(s))
		ev.Props.SetDateTime(goical.PropDateTimeStamp, now.UTC())
		ev.Props.SetDateTime(goical.PropDateTimeStart, s.Start.UTC())
		end := s.End
		if !end.After(s.Start) {
			end = s.Start.Add(s.Duration())
		}
		ev.Props.SetDateTime(goical.PropDateTimeEnd, end.UTC())
		setText(ev.Props, goical.PropSummary, strings.TrimSpace(strings.Join([]string{s.Number, s.Title}, " ")))
		if s.Room != "" {
			setText(ev.Props, goical.PropLocation, s.Room)
		}
		if d := strings.TrimSpace(strings.Join([]string{s.Abstract, s.Description}, "\n\n")); d != "" {
			setText(ev.Props, goical.PropDescription, d)
		}
		if s.Track != "" {
			setText(ev.Props, goical.PropCategories, s.Track)
		}
		addPeople(ev.Props, s.People)
		for _, l := range s.Links {
			if strings.HasPrefix(l.URL, "https://") || strings.HasPrefix(l.URL, "http://") {
				setText(ev.Props, goical.PropURL, l.URL)
				break
			}
		}
		// Each event is encoded alone first, so an error names its session.
		one := newCalendar(name)
		one.Children = []*goical.Component{ev.Component}
		if err := goical.NewEncoder(io.Discard).Encode(one); err != nil {
			return fmt.Errorf("session %s (%q): %w", strings.TrimSpace(s.Number+" "+s.GUID), s.Title, err)
		}
		cal.Children = append(cal.Children, ev.Component)
		n++
	}
	if n == 0 {
		return fmt.Errorf("no scheduled session to export")
	}
	var buf bytes.Buffer
	if err := goical.NewEncoder(&buf).Encode(cal); err != nil {
		return err
	}
	_, err := w.Write(foldLines(buf.Bytes()))
	return err
}

// roleParam is the ATTENDEE ROLE (RFC 5545 3.2.16) a session role is
// written with: moderators chair, speakers take part, the others attend
// for information. X-FLOOR-ROLE (an x-param, 3.2) keeps the exact role
// for a reader that knows it; others ignore it.
var roleParam = map[agenda.Role]string{
	agenda.RoleOrganiser: "NON-PARTICIPANT", agenda.RoleSpeaker: "REQ-PARTICIPANT",
	agenda.RoleModerator: "CHAIR", agenda.RoleOnlineModerator: "CHAIR", agenda.RoleRapporteur: "NON-PARTICIPANT",
}

// floorRole is the x-param that names a person's role in the session.
const floorRole = "X-FLOOR-ROLE"

// addPeople writes a session's people as a calendar expects them: one
// ORGANIZER per event (RFC 5545 3.8.4.3), the first organiser; everyone
// else, further organisers included, an ATTENDEE with a ROLE and a name.
// Nobody is asked to reply (RSVP=FALSE): the export is an agenda, not an
// invitation.
func addPeople(props goical.Props, people []agenda.Person) {
	organizer := false
	for _, p := range people {
		if p.Name == "" {
			continue
		}
		// A parameter value cannot escape a line break or a double quote.
		cn := strings.ReplaceAll(strings.Join(strings.Fields(textValue(p.Name)), " "), `"`, "'")
		address := "urn:floor:person:" + url.PathEscape(strings.ReplaceAll(cn, " ", "-"))
		if p.Role == agenda.RoleOrganiser && !organizer {
			o := goical.NewProp(goical.PropOrganizer)
			o.Params.Set(goical.ParamCommonName, cn)
			o.Value = address
			props.Add(o)
			organizer = true
			continue
		}
		role, known := roleParam[p.Role]
		if !known {
			role = "REQ-PARTICIPANT"
		}
		a := goical.NewProp(goical.PropAttendee)
		a.Params.Set(goical.ParamCommonName, cn)
		a.Params.Set(goical.ParamRole, role)
		a.Params.Set(goical.ParamRSVP, "FALSE")
		if known {
			a.Params.Set(floorRole, strings.ToUpper(strings.ReplaceAll(p.Role.String(), " ", "-")))
		}
		a.Value = address
		props.Add(a)
	}
}

func newCalendar(name string) *goical.Calendar {
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, "-//Floor//Agenda export//EN")
	setText(cal.Props, "X-WR-CALNAME", name)
	return cal
}

// setText sets a TEXT property to textValue(text).
func setText(props goical.Props, name, text string) {
	props.SetText(name, textValue(text))
}

// textValue is text as RFC 5545 TEXT can carry it: CRLF and a lone CR
// become LF (which go-ical writes as \n); other controls but tab go.
func textValue(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, text)
}

// foldLines breaks every content line longer than 75 octets (RFC 5545 3.1),
// never inside a UTF-8 sequence: CRLF and a space start each continuation.
func foldLines(data []byte) []byte {
	const limit = 75
	out := make([]byte, 0, len(data)+len(data)/limit*3)
	for len(data) > 0 {
		end := bytes.Index(data, []byte("\r\n"))
		if end < 0 {
			end = len(data)
		}
		line := data[:end]
		width := limit
		for len(line) > width {
			cut := width
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out = append(out, line[:cut]...)
			out = append(out, "\r\n "...)
			line = line[cut:]
			width = limit - 1 // the space counts
		}
		out = append(out, line...)
		if end < len(data) {
			out = append(out, "\r\n"...)
			end += 2
		}
		data = data[end:]
	}
	return out
}

// UID is the stable iCalendar UID of a session.
func UID(s agenda.Session) string {
	if strings.Contains(s.GUID, "@") {
		return s.GUID
	}
	return strings.ReplaceAll(s.GUID, " ", "-") + "@" + strings.ReplaceAll(s.Source, " ", "-") + ".floor"
}
