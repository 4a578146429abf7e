// Package igf reads the session pages the Internet Governance Forum publishes
// (copied as text from intgovforum.org or an organiser's site), such as
// "IGF 2020 WS #234 Security of digital products".
package igf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

// MaxSize caps a session page: real ones are 5–20 KB, so 1 MiB is generous
// while keeping a hostile file from costing memory.
const MaxSize = 1 << 20

// Source is the source key of sessions read from IGF pages. A session's GUID
// is its full number ("IGF 2020 WS #234"), so any page of the same session
// updates it instead of adding a copy.
const Source = "igf"

// titlePattern matches "IGF 2020 WS #234 Security of digital products" and
// the other session types' numbers: "Open Forum #27", "Day 0 Event #95",
// "Launch / Award Event #34", "Lightning Talk #102".
var titlePattern = regexp.MustCompile(`^IGF\s+(\d{4})\s+([A-Za-z][A-Za-z0-9 .'’/-]{0,40}?)\s*#\s*(\d{1,5})\b\s*[:–—-]?\s*(.*)$`)

// dcTitle matches a dynamic coalition's session, which has no number:
// "IGF 2022 DC-Environment Internet & the Environment: Beyond Connectivity".
var dcTitle = regexp.MustCompile(`^IGF\s+(\d{4})\s+(DC-[A-Za-z0-9-]{1,40})\s+(.+)$`)

// sessionTitle matches the session types the IGF numbers by name rather
// than by "#n": "IGF 2021 Main Session Economic and Social Inclusion…",
// "IGF 2022 High-Level Leaders Session I: Universal, Affordable…", the
// parliamentary track, the leadership panel, the NRIs' collaborative,
// coordination and main sessions, the newcomers' session, the open
// microphone and the ceremonies. A numeral after the
// type ("I", "2") is part of the number only when a colon or dash follows.
var sessionTitle = regexp.MustCompile(`(?i)^IGF\s+(\d{4})\s+(Main Session|High[- ]Level (?:Leaders )?Session|Parliamentary (?:Track|Session|Roundtable)(?: Session)?|Leadership Panel(?: Session)?|NRIs? Collaborative Session|NRIs? (?:Annual )?Coordination Session|NRIs? Main Session|Newcomers(?:'|’)? Session|Open Mic(?:rophone)?(?: Session)?|(?:Opening|Closing) Ceremony)(?:\s+([IVX]{1,4}|\d{1,2})\s*[:–—-])?\s*[:–—-]?\s*(.*)$`)

// matchTitle returns the year, the session's number as the page writes it,
// its GUID form and the title; ok is false when s is no session title.
func matchTitle(s string) (year, number, guid, title string, ok bool) {
	if len(s) < 8 || s[:3] != "IGF" {
		return "", "", "", "", false
	}
	if m := titlePattern.FindStringSubmatch(s); m != nil {
		kind := strings.TrimSpace(m[2])
		return m[1], kind + " #" + m[3], "IGF " + m[1] + " " + strings.ToUpper(kind) + " #" + m[3], strings.TrimSpace(m[4]), true
	}
	if m := dcTitle.FindStringSubmatch(s); m != nil {
		return m[1], m[2], "IGF " + m[1] + " " + strings.ToUpper(m[2]), strings.TrimSpace(m[3]), true
	}
	if m := sessionTitle.FindStringSubmatch(s); m != nil {
		kind, title := m[2], strings.TrimSpace(m[4])
		if m[3] != "" { // "High-Level Leaders Session I": the numeral names it
			kind += " " + m[3]
			return m[1], kind, "IGF " + m[1] + " " + strings.ToUpper(kind), title, true
		}
		if title == "" { // "IGF 2022 NRIs Annual Coordination Session": one a year, named by its type
			return m[1], kind, "IGF " + m[1] + " " + strings.ToUpper(kind), kind, true
		}
		// Several sessions of the type a year: the title tells them apart.
		return m[1], kind, "IGF " + m[1] + " " + strings.ToUpper(kind) + ": " + title, title, true
	}
	return "", "", "", "", false
}

// Looks reports whether data reads like an IGF session page: one of its first
// lines is an IGF session title.
func Looks(data []byte) bool {
	seen := 0
	for _, l := range bytes.Split(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("\n")) {
		t := cleanLine(string(l))
		if t == "" {
			continue
		}
		if _, _, _, _, ok := matchTitle(t); ok {
			return true
		}
		if seen++; seen >= 10 {
			return false
		}
	}
	return false
}

type line struct {
	n    int
	text string
	gap  int // blank lines before this one
}

// Parse reads one session page. Every line ends up in a field or, when it
// cannot be placed, in the description and in the report.
func Parse(data []byte) (agenda.Schedule, agenda.Report, error) {
	var rep agenda.Report
	if len(data) > MaxSize {
		return agenda.Schedule{}, rep, fmt.Errorf("%d bytes is more than an IGF session page can be (limit %d)", len(data), MaxSize)
	}
	if err := agenda.CheckText(data); err != nil {
		return agenda.Schedule{}, rep, err
	}
	lines := splitLines(data)
	if len(lines) == 0 {
		return agenda.Schedule{}, rep, fmt.Errorf("the file is empty")
	}
	p := &pageParser{rep: &rep}
	if err := p.run(lines); err != nil {
		return agenda.Schedule{}, rep, err
	}
	s := p.session()
	year := s.EventID[len("igf-"):]
	sched := agenda.Schedule{
		Event:    agenda.Event{ID: s.EventID, Title: "IGF " + year, Zone: "UTC"},
		Sessions: []agenda.Session{s},
	}
	return sched, rep, nil
}

// splitLines returns the non-empty lines with their 1-based numbers, spaces
// folded (pages copied from the web are full of no-break spaces).
func splitLines(data []byte) []line {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var out []line
	gap := 0
	for i, raw := range strings.Split(string(data), "\n") {
		t := cleanLine(raw)
		if t == "" {
			gap++
			continue
		}
		out = append(out, line{n: i + 1, text: t, gap: gap})
		gap = 0
	}
	return out
}

// cleanLine trims the line and folds every run of white space (no-break
// spaces included) into one space, copying only when it must.
func cleanLine(s string) string {
	prevSpace := true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		}
		prevSpace = space
		i += size
	}
	if prevSpace && s != "" {
		return strings.TrimRight(s, " ")
	}
	return s
}

type pageParser struct {
	rep       *agenda.Report
	s         agenda.Session
	titleLine int
	sections  []*section
	unplaced  []line
	links     []agenda.Link
	// paragraphs collects the text of each free-text field until the end
	paragraphs map[*string][]string
}

func (p *pageParser) run(lines []line) error {
	var cur *section
	open := func(sec *section) {
		p.sections = append(p.sections, sec)
		cur = sec
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if p.titleLine == 0 {
			if year, number, guid, title, ok := matchTitle(l.text); ok {
				if err := p.title(l, year, number, guid, title); err != nil {
					return err
				}
				continue
			}
		}
		if looksLikeDate(l.text) {
			start, end, err := parseDateLine(l.text)
			if err != nil {
				return &agenda.LineError{Line: l.n, Msg: err.Error()}
			}
			p.s.Start, p.s.End = start, end
			if i+1 < len(lines) && isRoomLine(lines[i+1].text) {
				i++
				p.s.Room = lines[i].text
			}
			if cur != nil && cur.kind == kindDate {
				cur = nil // "Time and Date" holds only this line
			}
			continue
		}
		if isRegisterLine(l.text) {
			p.links = append(p.links, agenda.Link{Label: l.text})
			continue
		}
		// A heading always ends the section before it.
		if sec := parseLabel(l); sec != nil {
			open(sec)
			continue
		}
		// Lines that say what they are open their own section, so that a
		// page without headings does not glue them to the one before.
		if _, _, ok := sdgLine(l.text); ok && (cur == nil || cur.kind != kindSDGs) {
			open(&section{kind: kindSDGs, label: "SDGs", line: l.n, implicit: true, lines: []line{l}})
			continue
		}
		formatLine := isFormatLine(l.text) || (cur == nil && isShortFormatLine(l.text))
		if formatLine && (cur == nil || (cur.kind != kindFormat && cur.kind != kindOnlineFormat)) {
			open(&section{kind: kindFormat, label: "Format", line: l.n, implicit: true, lines: []line{l}})
			continue
		}
		if cur != nil && l.gap >= 2 && cur.kind != kindDescription && cur.kind != kindAbstract {
			// Copied pages leave two or more blank lines where a heading
			// was lost: what follows is not the section before.
			cur = nil
			p.keep(l, "follows a gap where the page's heading was lost")
			continue
		}
		switch {
		case cur != nil:
			cur.lines = append(cur.lines, l)
		case isChrome(l.text):
			p.rep.Add(l.n, fmt.Sprintf("skipped web-page text %q", l.text))
		default:
			p.keep(l, "is not part of any section")
		}
	}
	if p.titleLine == 0 {
		return fmt.Errorf("not an IGF session page: no title line such as \"IGF 2020 WS #234 Security of digital products\"")
	}
	for _, sec := range p.sections {
		p.fill(sec)
	}
	p.joinParagraphs()
	return nil
}

func (p *pageParser) title(l line, year, number, guid, title string) error {
	p.titleLine = l.n
	p.s.Number = number
	p.s.Title = title
	if p.s.Title == "" {
		return &agenda.LineError{Line: l.n, Msg: "the session has no title"}
	}
	p.s.Source = Source
	p.s.GUID = guid
	p.s.EventID = "igf-" + year
	p.s.Zone = "UTC"
	return nil
}

// keep puts a line the parser cannot place into the description and says so.
func (p *pageParser) keep(l line, why string) {
	p.unplaced = append(p.unplaced, l)
	p.rep.Add(l.n, fmt.Sprintf("%q %s; kept in the description", shorten(l.text), why))
}

func (p *pageParser) session() agenda.Session {
	s := p.s
	if len(p.unplaced) > 0 {
		var b strings.Builder
		b.WriteString(s.Description)
		for _, l := range p.unplaced {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(l.text)
		}
		s.Description = b.String()
	}
	s.Links = append(p.links, urlLinks(s)...)
	return s
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "..."
}

// isChrome recognises the event-calendar widgets pages copied from the web carry.
func isChrome(s string) bool {
	if len(s) > 60 {
		return false
	}
	switch strings.ToLower(s) {
	case "loading events", "« all events", "this event has passed.", "+ export events", "+ google calendar", "+ ical export",
		"check-in and access this session from the igf schedule.", "add to my schedule", "join here":
		return true
	}
	return false
}

func isRegisterLine(s string) bool {
	if len(s) > 14 {
		return false
	}
	switch strings.ToLower(strings.TrimRight(s, ".!")) {
	case "register here", "register", "registration":
		return true
	}
	return false
}

var urlPattern = regexp.MustCompile(`https?://[^\s()<>"']+`)

// urlLinks lists the distinct web addresses the session's text mentions.
func urlLinks(s agenda.Session) []agenda.Link {
	texts := []string{s.Abstract, s.Description, s.Issues, s.ExpectedOutcomes}
	for _, n := range s.Notes {
		texts = append(texts, n.Text)
	}
	seen := map[string]bool{}
	var out []agenda.Link
	for _, t := range texts {
		for _, u := range urlPattern.FindAllString(t, -1) {
			u = strings.TrimRight(u, ".,;:!?")
			key := strings.TrimRight(u, "/")
			if seen[key] {
				continue
			}
			seen[key] = true
			label := strings.TrimPrefix(strings.TrimPrefix(key, "https://"), "http://")
			out = append(out, agenda.Link{Label: label, URL: u})
		}
	}
	return out
}
