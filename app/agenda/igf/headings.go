package igf

import (
	"strconv"
	"strings"
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
	kindRoom
	kindDuration
	kindDate
	kindNote
)

// headingKind maps a heading, lower-cased, to the field it fills. The set is
// the headings the IGF site used on session pages from 2019 to 2025, in
// every session type (workshop, open forum, lightning talk, launch/award,
// networking, town hall, day 0, main session): the page is read by its
// headings, not by the order one year's layout put them in. Headings with no
// field of their own are kept as notes.
func headingKind(h string) (kind, bool) {
	switch h {
	case "about this session", "about the session", "summary", "abstract", "session summary":
		return kindAbstract, true
	case "organizer", "organiser", "organizers", "organisers", "co-organizers", "co-organisers",
		"organizing team", "organising team", "proposer", "proposers", "organizer(s)":
		return kindOrganiser, true
	case "speaker", "speakers", "speaker(s)", "panelists", "panellists", "presenters", "presenter":
		return kindSpeaker, true
	case "format", "session format":
		return kindFormat, true
	case "new online format", "online format":
		return kindOnlineFormat, true
	case "description", "session description", "session content", "content of the session":
		return kindDescription, true
	case "issues", "issue", "issue(s)":
		return kindIssues, true
	case "policy question(s)", "policy questions", "policy question", "key policy questions", "key policy question":
		return kindPolicy, true
	case "expected outcomes", "expected outcome", "outcomes":
		return kindOutcomes, true
	case "moderator", "moderators", "in-person moderator", "onsite moderator", "on-site moderator",
		"onsite moderators", "on site moderator":
		return kindModerator, true
	case "online moderator", "online moderators", "remote moderator":
		return kindOnlineModerator, true
	case "rapporteur", "rapporteurs", "rapporteur(s)":
		return kindRapporteur, true
	case "sdgs", "sdg", "sustainable development goals":
		return kindSDGs, true
	case "agenda", "session agenda":
		return kindAgenda, true
	case "room", "venue", "location":
		return kindRoom, true
	case "duration (minutes)", "duration", "duration (min)":
		return kindDuration, true
	case "time and date", "date and time", "date & time", "time", "date", "event calendar date":
		return kindDate, true
	case "relevance to internet governance", "relevance to theme", "discussion facilitation",
		"online participation", "additional tools proposed", "additional tools", "session outputs",
		"background paper", "targets", "format description", "theme", "subtheme", "sub-theme",
		"organization's website", "organisation's website", "organization website", "language",
		"report", "session report", "key takeaways", "key session takeaways", "call to action",
		"call to actions", "interventions", "diversity", "gender issues", "participants",
		"online participation link", "session type", "track", "tags", "hosted by":
		return kindNote, true
	}
	return 0, false
}

type section struct {
	kind     kind
	label    string // as written, without the colon
	num      int    // "Speaker 3:" → 3; 0 when unnumbered
	line     int
	implicit bool   // opened by a line that says what it is ("GOAL 9: …"), not by a heading
	lines    []line // the value on the heading's own line comes first
}

// maxHeading bounds the text looked at as a heading: the longest IGF heading
// is under 40 bytes, and the check runs on every line.
const maxHeading = 48

// parseLabel returns a new section when l is a known heading: either with a
// colon and maybe a value ("Speaker 3: Name, …", "Policy Question(s):") or
// alone on its line without one ("Policy Question(s)", "Onsite Moderator"),
// in any case.
func parseLabel(l line) *section {
	name, value := l.text, ""
	if colon := strings.IndexByte(l.text, ':'); colon >= 0 && colon <= maxHeading {
		name, value = l.text[:colon], strings.TrimSpace(l.text[colon+1:])
	} else if len(l.text) > maxHeading {
		return nil
	}
	name = strings.TrimSpace(name)
	if len(name) < 2 {
		return nil
	}
	num := 0
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		if n, err := strconv.Atoi(name[i+1:]); err == nil && n >= 0 && n < 1000 {
			num, name = n, strings.TrimSpace(name[:i])
		}
	}
	k, ok := headingKind(strings.ToLower(name))
	// Only people are numbered ("Speaker 3:"): "Room 3" is a room's name.
	if !ok || (num > 0 && !k.isPeople()) {
		return nil
	}
	sec := &section{kind: k, label: name, num: num, line: l.n}
	if value != "" {
		sec.lines = append(sec.lines, line{n: l.n, text: value})
	}
	return sec
}

// isPeople reports whether a section lists people.
func (k kind) isPeople() bool {
	switch k {
	case kindOrganiser, kindSpeaker, kindModerator, kindOnlineModerator, kindRapporteur:
		return true
	}
	return false
}
