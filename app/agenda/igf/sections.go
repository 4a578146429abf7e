package igf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

func texts(ls []line) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// appendText adds a paragraph to a field, saying so when the page repeats a
// label. Paragraphs are joined once, at the end: adding to a string for every
// repeat was quadratic, and a hostile page can repeat a label 100 000 times.
func (p *pageParser) appendText(dst *string, sec *section) {
	t := texts(sec.lines)
	if t == "" {
		return
	}
	if len(p.paragraphs[dst]) > 0 {
		p.rep.Add(sec.line, fmt.Sprintf("%q appears again; its text is added to the first", sec.label))
	}
	if p.paragraphs == nil {
		p.paragraphs = map[*string][]string{}
	}
	p.paragraphs[dst] = append(p.paragraphs[dst], t)
}

// joinParagraphs writes the collected paragraphs into their fields.
func (p *pageParser) joinParagraphs() {
	for dst, paras := range p.paragraphs {
		*dst = strings.Join(paras, "\n\n")
	}
}

func (p *pageParser) fill(sec *section) {
	s := &p.s
	switch sec.kind {
	case kindAbstract:
		p.appendText(&s.Abstract, sec)
	case kindDescription:
		p.appendText(&s.Description, sec)
	case kindIssues:
		p.appendText(&s.Issues, sec)
	case kindOutcomes:
		p.appendText(&s.ExpectedOutcomes, sec)
	case kindOnlineFormat:
		p.appendText(&s.OnlineFormat, sec)
	case kindNote:
		if t := texts(sec.lines); t != "" {
			s.Notes = append(s.Notes, agenda.Note{Label: sec.label, Text: t})
		}
	case kindOrganiser:
		p.people(sec, agenda.RoleOrganiser)
	case kindSpeaker:
		p.people(sec, agenda.RoleSpeaker)
	case kindModerator:
		p.people(sec, agenda.RoleModerator)
	case kindOnlineModerator:
		p.people(sec, agenda.RoleOnlineModerator)
	case kindRapporteur:
		p.people(sec, agenda.RoleRapporteur)
	case kindFormat:
		p.format(sec)
	case kindPolicy:
		s.PolicyIntro, s.PolicyQuestions = policyQuestions(sec.lines)
	case kindSDGs:
		p.sdgs(sec)
	case kindAgenda:
		p.agendaItems(sec)
	case kindRoom:
		p.room(sec)
	case kindDuration:
		p.duration(sec)
	case kindDate:
		// The date line itself is read where it stands; anything else under
		// "Time and Date" is not a time.
		for _, l := range sec.lines {
			p.keep(l, fmt.Sprintf("is under %q but is not a date line", sec.label))
		}
	}
}

// room reads "Room: Workshop Room 3" or a "Room" heading with the name on
// the next line. Copies of 2021–2025 pages repeat the label inside the
// value ("Room: Room: …"), so repeats are dropped.
func (p *pageParser) room(sec *section) {
	for i, l := range sec.lines {
		if i > 0 {
			p.keep(l, fmt.Sprintf("follows the room %q but is not part of it", p.s.Room))
			continue
		}
		v := l.text
		for len(v) > 5 && strings.EqualFold(v[:5], "room:") {
			v = strings.TrimSpace(v[5:])
		}
		if p.s.Room != "" && p.s.Room != v {
			p.rep.Add(l.n, fmt.Sprintf("the page names two rooms, %q and %q; kept %q", p.s.Room, v, v))
		}
		p.s.Room = v
	}
	if len(sec.lines) == 0 {
		p.rep.Add(sec.line, fmt.Sprintf("%q names no room", sec.label))
	}
}

var durationValue = regexp.MustCompile(`(?i)^(\d{1,4})\s*(?:min(?:ute)?s?\.?)?$`)

// duration reads "Duration (minutes): 60" or the number on the next line.
func (p *pageParser) duration(sec *section) {
	for i, l := range sec.lines {
		if m := durationValue.FindStringSubmatch(l.text); m != nil && i == 0 {
			n, _ := strconv.Atoi(m[1])
			if p.s.Planned != 0 && p.s.Planned != minutes(n) {
				p.rep.Add(l.n, fmt.Sprintf("the page gives two lengths, %v and %d minutes; kept %d", p.s.Planned, n, n))
			}
			p.s.Planned = minutes(n)
			continue
		}
		p.keep(l, fmt.Sprintf("is under %q but is not a number of minutes", sec.label))
	}
}

var (
	durationPattern = regexp.MustCompile(`(?i)^(.*?)\s*[–—-]?\s*(\d{1,4})\s*min(?:ute)?s?\.?$`)
	onlinePattern   = regexp.MustCompile(`(?i)online duration\b.*?(\d{1,4})\s*min`)
)

// format reads "Round Table – Circle – 90 Min" and "Online duration reset to 60 minutes."
func (p *pageParser) format(sec *section) {
	for i, l := range sec.lines {
		if m := onlinePattern.FindStringSubmatch(l.text); m != nil {
			min, _ := strconv.Atoi(m[1])
			p.s.Online = minutes(min)
			continue
		}
		if i == 0 {
			if m := durationPattern.FindStringSubmatch(l.text); m != nil {
				min, _ := strconv.Atoi(m[2])
				p.s.Planned = minutes(min)
				p.s.Format = strings.TrimRight(strings.TrimSpace(m[1]), " –—-")
			} else {
				p.s.Format = l.text
			}
			continue
		}
		p.keep(l, "is not a format or a duration")
	}
}

var (
	sdgPattern    = regexp.MustCompile(`(?i)^(?:goal|sdg)?\s*(\d{1,2})\s*[:.)–-]\s*(.+)$`)
	bulletPattern = regexp.MustCompile(`^(?:[-–—•*]|\d{1,2}[.)])\s+`)
)

func (p *pageParser) sdgs(sec *section) {
	for _, l := range sec.lines {
		m := sdgPattern.FindStringSubmatch(l.text)
		goal := 0
		if m != nil {
			goal, _ = strconv.Atoi(m[1])
		}
		if goal < 1 || goal > 17 {
			p.keep(l, "is not a Sustainable Development Goal (GOAL 1 to 17)")
			continue
		}
		p.addSDG(goal, strings.TrimSpace(m[2]))
	}
}

// addSDG adds a goal once: a page may list it under "SDGs" and again in
// its targets.
func (p *pageParser) addSDG(goal int, title string) {
	for _, g := range p.s.SDGs {
		if g.Goal == goal {
			return
		}
	}
	p.s.SDGs = append(p.s.SDGs, agenda.SDG{Goal: goal, Title: title})
}

func (p *pageParser) agendaItems(sec *section) {
	for _, l := range sec.lines {
		switch strings.ToLower(strings.TrimRight(l.text, ".")) {
		case "tbc", "tbd", "to be confirmed", "to be determined", "n/a":
			continue
		}
		p.s.AgendaItems = append(p.s.AgendaItems, bulletPattern.ReplaceAllString(l.text, ""))
	}
}

// policyQuestions splits questions given one a line, or several on one line
// separated by dashes ("Tentative policy questions: – How … ? – What … ?").
// Text ending in a colon before the first question is returned as the intro.
func policyQuestions(ls []line) (intro string, qs []string) {
	for _, l := range ls {
		parts := splitAtDashes(" " + l.text)
		for i, part := range parts {
			part = strings.TrimSpace(bulletPattern.ReplaceAllString(strings.TrimSpace(part), ""))
			if part == "" {
				continue
			}
			if i == 0 && len(qs) == 0 && intro == "" && strings.HasSuffix(part, ":") {
				intro = part
				continue
			}
			qs = append(qs, part)
		}
	}
	return intro, qs
}

// splitAtDashes cuts s at every dash that starts a question: one with white
// space on both sides, so "cross-border" stays whole, and after the end of
// a question, an intro's colon or nothing, so a dash inside a question
// ("best practices – and allowing one to feed to another?") stays in it.
func splitAtDashes(s string) []string {
	var parts []string
	start := 0
	for i := 1; i < len(s); i++ {
		if s[i-1] != ' ' {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == '-' || r == '–' || r == '—') && i+size < len(s) && s[i+size] == ' ' && endsQuestion(s[start:i]) {
			parts = append(parts, s[start:i])
			start = i + size
			i += size
		}
	}
	return append(parts, s[start:])
}

// endsQuestion reports whether the text before a dash is empty or ends a
// question or an intro ("?" or ":").
func endsQuestion(s string) bool {
	s = strings.TrimRight(s, " ")
	return s == "" || s[len(s)-1] == '?' || s[len(s)-1] == ':'
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }
