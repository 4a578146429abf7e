package ical

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

// Sched (sched.com) exports follow rules of their own, applied to every
// calendar whose PRODID says Sched wrote it ("-//Sched.com <event>//EN"):
//   - the event's name is in PRODID; X-WR-CALNAME is its slug ("kccnceu2026");
//   - speakers are only in SUMMARY, after its last " - ": "Title - Ana Li,
//     Org; Bo Ek & Cy Do, Org2" (";" between affiliations, "&" or "and"
//     between people who share one, "&" between whole "Name, Title, Org"
//     entries);
//   - LOCATION is the room with the venue's city and country appended
//     ("Hall 12, Amsterdam, Netherlands");
//   - DESCRIPTION carries HTML entities ("&nbsp;").
const schedProduct = "-//Sched.com"

func isSched(prodid string) bool { return strings.HasPrefix(prodid, schedProduct) }

// maxNameWords bounds a speaker's name: a longer text before the comma is
// a title's clause ("Title - Part two, with commas"), not a name.
const maxNameWords = 6

func applySched(sched *agenda.Schedule, prodid string, rep *agenda.Report) {
	if name, _, _ := strings.Cut(strings.TrimPrefix(prodid, schedProduct), "//"); strings.TrimSpace(name) != "" &&
		!strings.Contains(sched.Event.Title, " ") {
		sched.Event.Title = strings.TrimSpace(name)
	}
	split := 0
	for i := range sched.Sessions {
		s := &sched.Sessions[i]
		s.Description = strings.ReplaceAll(html.UnescapeString(s.Description), "\u00a0", " ")
		if len(s.PeopleWith(agenda.RoleSpeaker)) > 0 {
			continue
		}
		if title, people := schedSpeakers(s.Title); len(people) > 0 {
			s.Title, s.People = title, append(s.People, people...)
			split++
		}
	}
	if split > 0 {
		rep.Add(0, fmt.Sprintf("Sched names speakers in the title: %d titles were split into title and speakers", split))
	}
	if suffix := commonRoomSuffix(sched.Sessions); suffix != "" {
		for i := range sched.Sessions {
			sched.Sessions[i].Room = strings.TrimSuffix(sched.Sessions[i].Room, suffix)
		}
		rep.Add(0, fmt.Sprintf("the city and country most rooms repeat (%q) are left out of the rooms", strings.TrimPrefix(suffix, ", ")))
	}
}

// schedSpeakers splits "Title - Ana Li, Org; Bo Ek & Cy Do, Org2" into the
// title and its speakers; no speakers when the text after the last " - "
// is no list of "Name, affiliation" entries.
func schedSpeakers(summary string) (string, []agenda.Person) {
	i := strings.LastIndex(summary, " - ")
	if i <= 0 {
		return summary, nil
	}
	title, list := strings.TrimSpace(summary[:i]), strings.TrimSpace(summary[i+3:])
	if title == "" || !strings.Contains(list, ", ") {
		return summary, nil
	}
	var people []agenda.Person
	for _, group := range strings.Split(list, "; ") {
		var pending []string // names that share the affiliation of the next entry
		first := len(people)
		for _, part := range strings.Split(group, " & ") {
			name, aff, ok := strings.Cut(strings.TrimSpace(part), ", ")
			names := strings.Split(name, " and ") // "Ana Li and Bo Ek, Org"
			for _, n := range names {
				if !plausibleName(n) {
					return summary, nil
				}
			}
			if !ok {
				pending = append(pending, names...)
				continue
			}
			for _, n := range append(pending, names...) {
				people = append(people, agenda.Person{Role: agenda.RoleSpeaker, Name: strings.TrimSpace(n), Affiliation: strings.TrimSpace(aff)})
			}
			pending = nil
		}
		switch {
		case len(pending) > 0 && len(people) > first: // "Ana, Johnson & Johnson": the "&" was the affiliation's
			people[len(people)-1].Affiliation += " & " + strings.Join(pending, " & ")
		default:
			for _, n := range pending {
				people = append(people, agenda.Person{Role: agenda.RoleSpeaker, Name: n})
			}
		}
	}
	return title, people
}

// plausibleName: a name is a few words, the first a capital, without the
// punctuation of a clause or a title.
func plausibleName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > maxNameWords || strings.ContainsAny(name, ":|?!") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	return unicode.IsUpper(first)
}

// commonRoomSuffix is the ", City, Country" that more than half of the
// rooms end with, or "" when there is none.
func commonRoomSuffix(sessions []agenda.Session) string {
	counts, rooms := map[string]int{}, 0
	for _, s := range sessions {
		if s.Room == "" {
			continue
		}
		rooms++
		if parts := strings.Split(s.Room, ", "); len(parts) >= 3 {
			counts[", "+parts[len(parts)-2]+", "+parts[len(parts)-1]]++
		}
	}
	best, n := "", 0
	for suffix, c := range counts {
		if c > n || (c == n && suffix < best) {
			best, n = suffix, c
		}
	}
	if n*2 <= rooms {
		return ""
	}
	return best
}
