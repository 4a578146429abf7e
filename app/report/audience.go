package report

import (
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

// Audience is what the room's phones asked and wrote, and what became of
// it: every question, dismissed ones too (the report is the moderators').
type Audience struct {
	Questions                              []AudienceLine
	Queued, Answered, Dismissed, Undecided int
	Upvotes                                int
	PhoneTurns                             int           // turns given to requests asked from phones
	PhoneTime                              time.Duration // their speaking time
}

// AudienceLine is one question and its outcome in words.
type AudienceLine struct {
	Number  int
	Text    string
	Name    string // "" when the phone gave none
	Upvotes int
	Outcome string // "taken into the queue; spoke 2:10", "answered: …", "dismissed"
}

// Summary is the section's first sentence.
func (a Audience) Summary() string {
	return fmt.Sprintf("%s from phones in the room: %d taken into the queue, %d answered as text, %d dismissed, %d not decided; %s. %s from phones in the room, %s of speaking time.",
		Plural(len(a.Questions), "question"), a.Queued, a.Answered, a.Dismissed, a.Undecided, Plural(a.Upvotes, "upvote"),
		Plural(a.PhoneTurns, "turn"), Clock(a.PhoneTime))
}

func (r *Report) audience(in Input) {
	spoke := map[int]time.Duration{}
	turned := map[int]bool{}
	for _, iv := range in.Floor.Interventions {
		if iv.Speaker.Source == floor.FromPhone {
			r.Audience.PhoneTurns++
			r.Audience.PhoneTime += iv.Spoke
		}
		if iv.Request != 0 {
			spoke[iv.Request] += iv.Spoke
			turned[iv.Request] = true
		}
	}
	a := &r.Audience
	for _, q := range in.Audience {
		l := AudienceLine{Number: q.ID, Text: q.Text, Name: q.Name, Upvotes: q.Upvotes}
		a.Upvotes += q.Upvotes
		switch q.State {
		case floor.Queued:
			a.Queued++
			l.Outcome = "taken into the queue"
			if turned[q.Request] {
				l.Outcome += "; spoke " + Clock(spoke[q.Request])
			} else {
				l.Outcome += "; not given the floor"
			}
		case floor.Answered:
			a.Answered++
			l.Outcome = "answered: " + q.Answer
		case floor.Dismissed:
			a.Dismissed++
			l.Outcome = "dismissed"
		case floor.Shown:
			a.Undecided++
			l.Outcome = "shown to the room, not taken further"
		default:
			a.Undecided++
			l.Outcome = "not read by the moderators"
		}
		a.Questions = append(a.Questions, l)
	}
}
