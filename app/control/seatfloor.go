package control

import (
	"time"

	"github.com/igf-floor/floor/app/floor"
)

// The audience's questions and the fair floor on a seat's state: what the
// moderators' seats need to moderate the room's phones and follow the
// budgets and the suggested order as the console does.

// AudienceQuestionWire is a question a phone wrote, for a seat that may
// moderate it. The phone's device hash stays in the room.
type AudienceQuestionWire struct {
	ID      int       `json:"id"`
	Name    string    `json:"name,omitempty"`
	Text    string    `json:"text"`
	State   string    `json:"state"` // pending, shown, queued, answered, dismissed
	Answer  string    `json:"answer,omitempty"`
	Request int       `json:"request,omitempty"` // the request it became, when queued
	Asked   time.Time `json:"asked"`
	Decided time.Time `json:"decided,omitzero"`
	Upvotes int       `json:"upvotes,omitempty"`
}

// WireAudienceQuestion is q for the wire, without its device.
func WireAudienceQuestion(q floor.AudienceQuestion) AudienceQuestionWire {
	return AudienceQuestionWire{ID: q.ID, Name: q.Name, Text: q.Text, State: q.State.String(), Answer: q.Answer, Request: q.Request,
		Asked: q.Asked, Decided: q.Decided, Upvotes: q.Upvotes}
}

// UsageWire is one speaking-time budget against the time spoken.
type UsageWire struct {
	Dimension string  `json:"dimension"` // stakeholder group, region, place, youth
	Category  string  `json:"category"`
	Permille  int     `json:"permille"`
	PlannedNs int64   `json:"planned_ns,omitempty"` // 0: the plan has no session length
	UsedNs    int64   `json:"used_ns"`
	Turns     int     `json:"turns,omitempty"`
	Share     float64 `json:"share"` // of all the time spoken, 0 to 1
}

// WireUsage is u for the wire.
func WireUsage(u floor.Usage) UsageWire {
	return UsageWire{Dimension: u.Budget.Dimension.String(), Category: u.Budget.Category, Permille: u.Budget.Permille,
		PlannedNs: int64(u.Planned), UsedNs: int64(u.Used), Turns: u.Turns, Share: u.Share}
}

// Usage is w as the domain's (a dimension this version does not know is
// left unknown).
func (w UsageWire) Usage() floor.Usage {
	d, _ := floor.ParseDimension(w.Dimension)
	return floor.Usage{Budget: floor.Budget{Dimension: d, Category: w.Category, Permille: w.Permille},
		Planned: time.Duration(w.PlannedNs), Used: time.Duration(w.UsedNs), Turns: w.Turns, Share: w.Share}
}

// SuggestionWire is a request in the fair order: the request (the queue
// carries it), its place in the queue now, and why it is suggested there.
type SuggestionWire struct {
	Request int          `json:"request"`
	From    int          `json:"from"`
	Reasons []ReasonWire `json:"reasons,omitempty"`
}

// ReasonWire is one reason, with what a translation needs.
type ReasonWire struct {
	Kind   string     `json:"kind"` // order, reply, behind, over, first-from-hub, youth, waited, first-come
	Usage  *UsageWire `json:"usage,omitempty"`
	Name   string     `json:"name,omitempty"`
	Passed int        `json:"passed,omitempty"`
}

var reasonKinds = map[floor.ReasonKind]string{floor.ForOrder: "order", floor.ForReply: "reply", floor.ForBehind: "behind",
	floor.ForOver: "over", floor.ForFirstFromHub: "first-from-hub", floor.ForYouth: "youth", floor.ForWaited: "waited",
	floor.ForFirstCome: "first-come"}

// WireSuggestion is s for the wire.
func WireSuggestion(s floor.Suggestion) SuggestionWire {
	w := SuggestionWire{Request: s.Request.ID, From: s.From}
	for _, r := range s.Reasons {
		rw := ReasonWire{Kind: reasonKinds[r.Kind], Name: r.Name, Passed: r.Passed}
		if r.Kind == floor.ForBehind || r.Kind == floor.ForOver {
			u := WireUsage(r.Usage)
			rw.Usage = &u
		}
		if rw.Kind == "" {
			rw.Kind = "unknown"
		}
		w.Reasons = append(w.Reasons, rw)
	}
	return w
}

// Reason is w as the domain's; a kind this version does not know is
// UnknownReason.
func (w ReasonWire) Reason() floor.Reason {
	r := floor.Reason{Name: w.Name, Passed: w.Passed}
	for k, n := range reasonKinds {
		if n == w.Kind {
			r.Kind = k
		}
	}
	if w.Usage != nil {
		r.Usage = w.Usage.Usage()
	}
	return r
}
