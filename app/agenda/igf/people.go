package igf

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/igf-floor/floor/app/agenda"
)

// people reads "Speaker 3: Name, Organisation, Group, Region" (one person
// on the heading's line) or a heading followed by one person a line. A
// numbered heading names one person only: what follows it before the next
// heading is not part of that person (pages whose headings were lost glued
// the whole page into the last speaker that way), so it is kept and reported.
func (p *pageParser) people(sec *section, role agenda.Role) {
	if len(sec.lines) == 0 {
		p.rep.Add(sec.line, fmt.Sprintf("%q names nobody", sec.label))
		return
	}
	if sec.num > 0 {
		p.addPerson(parsePerson(sec.lines[0].text), role)
		for _, l := range sec.lines[1:] {
			p.keep(l, fmt.Sprintf("follows %q but does not name a person", sec.label+" "+fmt.Sprint(sec.num)))
		}
		return
	}
	var cur *agenda.Person
	for _, l := range sec.lines {
		if fields := personFields(l.text); fields != nil {
			// The 2024–2025 layout gives one person as "Organizational
			// Affiliation: …", "Stakeholder: …", "Regional Group: …" lines.
			if cur == nil || fields.startsNew(*cur) {
				p.addPerson(agenda.Person{}, role)
				cur = &p.s.People[len(p.s.People)-1]
			}
			if rest := fields.fill(cur); rest != "" {
				p.keep(line{n: l.n, text: rest}, fmt.Sprintf("is not a field of a person under %q", sec.label))
			}
			continue
		}
		v := strings.TrimLeft(l.text, "-–•* ")
		if v == "" {
			continue
		}
		p.addPerson(parsePerson(v), role)
		cur = &p.s.People[len(p.s.People)-1]
	}
}

func (p *pageParser) addPerson(person agenda.Person, role agenda.Role) {
	person.Role = role
	p.s.People = append(p.s.People, person)
}

// parsePerson reads "Name, Affiliation" or "Name, Organisation, Group,
// Region", taking the group and region from the end so that a long title
// with commas stays whole.
func parsePerson(v string) agenda.Person {
	var person agenda.Person
	parts := strings.Split(v, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if n := len(parts); n > 0 {
		if r, ok := parseRegion(parts[n-1]); ok {
			person.Region = r
			parts = parts[:n-1]
		}
	}
	if n := len(parts); n > 0 {
		if g, err := agenda.ParseGroup(parts[n-1]); err == nil {
			person.Group = g
			parts = parts[:n-1]
		}
	}
	if len(parts) > 0 {
		person.Name = parts[0]
		person.Affiliation = strings.Join(parts[1:], ", ")
	}
	return person
}

// parseRegion adds the short forms later IGF pages use ("APAC", "LAC") to
// agenda.ParseRegion.
func parseRegion(s string) (agenda.Region, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "APAC", "ASIA-PACIFIC (APAC)":
		return agenda.RegionAsiaPacific, true
	case "LAC":
		return agenda.RegionGRULAC, true
	}
	r, err := agenda.ParseRegion(s)
	return r, err == nil
}

// fieldKey finds "Organizational Affiliation:", "Stakeholder:" and the like,
// also several on one line, as copies of the 2025 pages run them together.
var fieldKey = regexp.MustCompile(`(?i)\b(organi[sz]ational affiliation|affiliation|organi[sz]ation|stakeholder group|stakeholder|regional group|region|name|moderator and organi[sz]er)\s*:`)

type personLine struct {
	name, affiliation, group, region string
	other                            []string // fields a person has no place for, as written
}

// personFields splits a line made of "Key: value" person fields; nil when
// the line does not start with one.
func personFields(s string) *personLine {
	locs := fieldKey.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		return nil
	}
	var f personLine
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key := strings.ToLower(s[loc[2]:loc[3]])
		value := strings.TrimSpace(s[loc[1]:end])
		switch {
		case key == "name":
			f.name = value
		case strings.Contains(key, "affiliation"), strings.HasPrefix(key, "organi"):
			f.affiliation = value
		case strings.HasPrefix(key, "stakeholder"):
			f.group = value
		case strings.HasPrefix(key, "region"):
			f.region = value
		default:
			f.other = append(f.other, strings.TrimSpace(s[loc[0]:end]))
		}
	}
	return &f
}

// startsNew reports whether the fields belong to a further person: one
// whose fields cur already has.
func (f *personLine) startsNew(cur agenda.Person) bool {
	return (f.name != "" && cur.Name != "") || (f.affiliation != "" && cur.Affiliation != "") ||
		(f.group != "" && cur.Group != agenda.GroupUnknown) || (f.region != "" && cur.Region != agenda.RegionUnknown)
}

// fill writes the fields into cur and returns the text it could not place.
func (f *personLine) fill(cur *agenda.Person) string {
	other := f.other
	if f.name != "" {
		cur.Name = f.name
	}
	if f.affiliation != "" {
		cur.Affiliation = f.affiliation
	}
	if f.group != "" {
		if g, err := agenda.ParseGroup(f.group); err == nil {
			cur.Group = g
		} else {
			other = append(other, "Stakeholder: "+f.group)
		}
	}
	if f.region != "" {
		if r, ok := parseRegion(f.region); ok {
			cur.Region = r
		} else {
			other = append(other, "Regional Group: "+f.region)
		}
	}
	return strings.Join(other, " ")
}
