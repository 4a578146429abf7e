// Package report is the rapporteur's session report: the session's facts,
// what the rapporteur wrote, the interventions grouped by policy question,
// the speaking-time balance with charts, the polls and participation, as
// Markdown, HTML or PDF. Every figure is computed here from the logs, so
// the three formats cannot disagree.
package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// Input is what a report is made from.
type Input struct {
	Session    agenda.Session
	Floor      floor.State // replayed from the floor log
	Polls      []floor.Tally
	Notes      floor.Rapporteur
	Headcounts []floor.Headcount
	Team       []floor.TeamNote // what the session team wrote, with who and when
	Served     []floor.Seat     // the seats that acted in the session
	Audience   []floor.AudienceQuestion
	Generated  time.Time
}

// Report is the report's content, every number computed.
type Report struct {
	Title, Number, When, Room string
	People                    []RolePeople
	Served                    []RolePeople // the team as it actually served, from the seats
	Takeaways, CallsToAction  []string
	KeyPoints                 []string // interventions the team marked, with who marked them
	Questions                 []QuestionTurns
	Interventions             int
	SpeakingTime              time.Duration
	StillSpeaking             string // who has the floor still, not counted
	Balance                   []Dimension
	Plan                      []PlanRow     // the speaking-time budgets, plan against actual; none without a plan
	PlanSession               time.Duration // the time the budgets share
	PointsOfOrder             int           // finished turns that were points of order
	DirectReplies             int           // and direct replies
	Polls                     []floor.Tally
	Audience                  Audience
	Participation             Participation
	Generated                 string
}

// RolePeople are the session's people of one role, as lines.
type RolePeople struct {
	Role   string
	People []string
}

// QuestionTurns are the turns taken under one policy question; Number 0
// holds the turns before any question was on the table.
type QuestionTurns struct {
	Number int
	Text   string
	Turns  []floor.Intervention
	Time   time.Duration
}

// Heading is how the report titles the group.
func (q QuestionTurns) Heading() string {
	if q.Number == 0 {
		return "Before the policy questions"
	}
	return "Policy question " + itoa(q.Number) + ": " + q.Text
}

// Dimension is one way of splitting the speaking time.
type Dimension struct {
	Name   string // "stakeholder group", "region", "place", "youth"
	Shares []floor.Share
}

// Participation is who took part: in the room, per hub, online, and the
// moderator's estimate of women and gender-diverse participants.
type Participation struct {
	InRoom, Online, Women int
	Hubs                  []floor.Headcount
	HubTotal, Total       int
	RoomVoters, HubVoters int // ballots over all polls
}

// clock is t in the session's zone, as layout and the zone's label: the
// report says every time in the zone its span is said in.
func clock(t time.Time, s agenda.Session, layout string) string {
	t = t.In(s.Location())
	return t.Format(layout) + " " + agenda.ZoneLabel(t)
}

// Build computes the report.
func Build(in Input) Report {
	s := in.Session
	r := Report{Title: s.Title, Number: s.Number, Room: s.Room, Polls: in.Polls,
		Takeaways: lines(in.Notes.Takeaways), CallsToAction: lines(in.Notes.CallsToAction),
		Generated: clock(in.Generated, s, "2 January 2006 15:04")}
	if s.Scheduled() {
		r.When = agenda.FormatSpan(s) // the session's zone at both ends, its weekdays
	}
	for _, role := range agenda.AllRoles() {
		var names []string
		for _, p := range s.People {
			if p.Role != role {
				continue
			}
			line := p.DisplayName()
			if p.Affiliation != "" {
				line += ", " + p.Affiliation
			}
			if p.Group != 0 {
				line += " (" + p.Group.String() + ")"
			}
			names = append(names, line)
		}
		if len(names) > 0 {
			r.People = append(r.People, RolePeople{Role: role.String(), People: names})
		}
	}

	r.team(in)
	r.audience(in)
	ivs := in.Floor.Interventions
	if cur := in.Floor.Current; cur != nil {
		r.StillSpeaking = cur.Speaker.Name
	}
	groups := map[int]*QuestionTurns{}
	for _, iv := range ivs {
		g, ok := groups[iv.Question]
		if !ok {
			text := in.Floor.QuestionWording(iv.Question)
			if text == "" && iv.Question > 0 && iv.Question <= len(s.PolicyQuestions) {
				text = s.PolicyQuestions[iv.Question-1]
			}
			g = &QuestionTurns{Number: iv.Question, Text: text}
			groups[iv.Question] = g
		}
		g.Turns = append(g.Turns, iv)
		g.Time += iv.Spoke
		r.Interventions++
		r.SpeakingTime += iv.Spoke
	}
	// Every policy question is in the report, turns or not: a session not
	// moderated yet still shows what it is to discuss.
	for i, text := range s.PolicyQuestions {
		if groups[i+1] == nil {
			groups[i+1] = &QuestionTurns{Number: i + 1, Text: text}
		}
	}
	for _, g := range groups {
		r.Questions = append(r.Questions, *g)
	}
	slices.SortFunc(r.Questions, func(a, b QuestionTurns) int { return cmp.Compare(a.Number, b.Number) })

	for _, sh := range floor.Balance(ivs) {
		if n := len(r.Balance); n == 0 || r.Balance[n-1].Name != sh.Dimension {
			r.Balance = append(r.Balance, Dimension{Name: sh.Dimension})
		}
		d := &r.Balance[len(r.Balance)-1]
		d.Shares = append(d.Shares, sh)
	}

	r.typed(ivs)
	r.plan(in.Floor)

	pa := Participation{InRoom: in.Notes.InRoom, Online: in.Notes.Online, Women: in.Notes.Women, Hubs: in.Headcounts}
	for _, h := range in.Headcounts {
		pa.HubTotal += h.People
	}
	pa.Total = pa.InRoom + pa.Online + pa.HubTotal
	for _, t := range in.Polls {
		for place, n := range t.ByPlace {
			if place == "in the room" {
				pa.RoomVoters += n
			} else {
				pa.HubVoters += n
			}
		}
	}
	r.Participation = pa
	return r
}

// Plural is n with its noun, "1 turn", "3 turns".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}

// RoleTitle is how the report labels a role's people: "Organisers".
func (rp RolePeople) RoleTitle() string {
	t := title(rp.Role)
	if len(rp.People) > 1 {
		t += "s"
	}
	return t
}

// Percent is part of whole in percent, rounded; 0 of 0 is 0.
func Percent(part, whole time.Duration) int {
	if whole <= 0 {
		return 0
	}
	return int((200*part + whole) / (2 * whole))
}

// Clock is a duration as m:ss, or h:mm:ss from an hour.
func Clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	if h > 0 {
		return itoa(h) + ":" + pad(m) + ":" + pad(s)
	}
	return itoa(m) + ":" + pad(s)
}

func pad(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

func itoa(n int) string { return strconv.Itoa(n) }

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-*•")); l != "" {
			out = append(out, l)
		}
	}
	return out
}
