package app

import (
	"strings"

	"github.com/igf-floor/floor/app/agenda"
)

// PersonLine is how a person reads in lists: "Name, Affiliation — Group, Region".
func PersonLine(p agenda.Person) string {
	line := p.DisplayName()
	if p.Affiliation != "" {
		line += ", " + p.Affiliation
	}
	var tags []string
	if p.Group != agenda.GroupUnknown {
		tags = append(tags, p.Group.String())
	}
	if p.Region != agenda.RegionUnknown {
		tags = append(tags, p.Region.String())
	}
	if len(tags) > 0 {
		line += " — " + strings.Join(tags, ", ")
	}
	return line
}

// RoleHeading is the heading above n people with role r: "Speaker", "Speakers".
func RoleHeading(r agenda.Role, n int) string {
	h := strings.ToUpper(r.String()[:1]) + r.String()[1:]
	if n > 1 {
		h += "s"
	}
	return h
}

// FormatLine is the session's format with its online format when that differs.
func FormatLine(s agenda.Session) string {
	if s.OnlineFormat != "" && s.OnlineFormat != s.Format {
		if s.Format == "" {
			return "online: " + s.OnlineFormat
		}
		return s.Format + "; online: " + s.OnlineFormat
	}
	return s.Format
}
