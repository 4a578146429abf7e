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

type kind int

const (
	kindAbstract kind = iota + 1
	kindOrganiser
	kindSpeaker
	kindFormat
	kindOnlineFormat
	kindDescription
	kindIssues
	kindPolicy
	kindOutcomes
	kindModerator
	kindOnlineModerator
	kindRapporteur
	kindSDGs
	kindAgenda
	kindNote
)

// labelKind maps a label, lower-cased, to the field it fills.
func labelKind(label string) (kind, bool) {
	switch label {
	case "about this session", "about the session", "summary", "abstract":
		return kindAbstract, true
	case "organizer", "organiser", "organizers", "organisers":
		return kindOrganiser, true
	case "speaker", "speakers":
		return kindSpeaker, true
	case "format", "session format":
		return kindFormat, true
	case "new online format", "online format":
		return kindOnlineFormat, true
	case "description", "session description":
		return kindDescription, true
	case "issues":
		return kindIssues, true
	case "policy question(s)", "policy questions", "policy question":
		return kindPolicy, true
	case "expected outcomes", "expected outcome":
		return kindOutcomes, true
	case "moderator", "in-person moderator", "onsite moderator", "on-site moderator":
		return kindModerator, true
	case "online moderator", "remote moderator":
		return kindOnlineModerator, true
	case "rapporteur", "rapporteurs":
		return kindRapporteur, true
	case "sdgs", "sdg":
		return kindSDGs, true
	case "agenda":
		return kindAgenda, true
	case "relevance to internet governance", "relevance to theme", "discussion facilitation",
		"online participation", "additional tools proposed", "additional tools", "session outputs", "background paper":
		return kindNote, true
	}
	return 0, false
}

type section struct {
	kind  kind
	label string // as written, without the colon
	num   int    // "Speaker 3:" → 3; 0 when unnumbered
	line  int
	lines []line // the value on the label's own line comes first
}

// parseLabel returns a new section when l starts with a known label such as
// "Speaker 3:" or "Policy Question(s):". It is called on every line, so it
// looks at the few bytes before the first colon instead of running a regexp.
func parseLabel(l line) *section {
	colon := strings.IndexByte(l.text, ':')
	if colon < 2 || colon > 48 {
		return nil
	}
	name := strings.TrimSpace(l.text[:colon])
	num := 0
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		if n, err := strconv.Atoi(name[i+1:]); err == nil && n >= 0 && n < 1000 {
			num, name = n, strings.TrimSpace(name[:i])
		}
	}
	k, ok := labelKind(strings.ToLower(name))
	if !ok {
		return nil
	}
	sec := &section{kind: k, label: name, num: num, line: l.n}
	if v := strings.TrimSpace(l.text[colon+1:]); v != "" {
		sec.lines = append(sec.lines, line{n: l.n, text: v})
	}
	return sec
}

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
	}
}

// people reads "Speaker 3: Name, Group, Region" (one person, possibly wrapped
// over lines) or an unnumbered label followed by one person a line.
func (p *pageParser) people(sec *section, role agenda.Role) {
	if len(sec.lines) == 0 {
		p.rep.Add(sec.line, fmt.Sprintf("%q names nobody", sec.label))
		return
	}
	values := make([]string, 0, len(sec.lines))
	if sec.num > 0 {
		values = append(values, strings.ReplaceAll(texts(sec.lines), "\n", " "))
	} else {
		for _, l := range sec.lines {
			values = append(values, strings.TrimLeft(l.text, "-–•* "))
		}
	}
	for _, v := range values {
		person := parsePerson(v)
		person.Role = role
		p.s.People = append(p.s.People, person)
	}
}

// parsePerson reads "Name, Affiliation" or "Name, Group, Region", taking the
// group and region from the end so that a long title with commas stays whole.
func parsePerson(v string) agenda.Person {
	var person agenda.Person
	parts := strings.Split(v, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if n := len(parts); n > 0 {
		if r, err := agenda.ParseRegion(parts[n-1]); err == nil {
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
		p.s.SDGs = append(p.s.SDGs, agenda.SDG{Goal: goal, Title: strings.TrimSpace(m[2])})
	}
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
// space on both sides, so "cross-border" stays whole.
func splitAtDashes(s string) []string {
	var parts []string
	start := 0
	for i := 1; i < len(s); i++ {
		if s[i-1] != ' ' {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == '-' || r == '–' || r == '—') && i+size < len(s) && s[i+size] == ' ' {
			parts = append(parts, s[start:i])
			start = i + size
			i += size
		}
	}
	return append(parts, s[start:])
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }
