package floor

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// QuestionState is where an audience question stands. Nothing a phone
// writes is shown to anyone but the moderators before it leaves Pending.
type QuestionState int

// Question states. Shown, Queued and Answered are visible to the room's
// phones; Pending and Dismissed only to the moderators.
const (
	UnknownQuestionState QuestionState = iota
	Pending                            // written, waiting for the moderators
	Shown                              // approved for the room's phones to read and upvote
	Queued                             // approved into the queue as a request for the floor
	Answered                           // answered by the moderators as text
	Dismissed                          // not taken up
)

// ErrQuestionState is a question's state this version does not know, or a
// step its state does not allow.
var ErrQuestionState = errors.New("the question cannot take that step")

// ErrBadQuestionText is a question or answer that is empty, too long or
// holds control characters.
var ErrBadQuestionText = errors.New("the text cannot be taken")

// ErrUpvoted is a phone's second upvote of the same question.
var ErrUpvoted = errors.New("this phone has already upvoted the question")

// Upvote is one phone's upvote of one question.
type Upvote struct {
	Question int
	Device   string
	At       time.Time
}

// Limits of what a phone writes.
const (
	MaxQuestionText = 500
	MaxAnswerWords  = 1000
	MaxPhoneName    = 80
	MaxPhoneAffil   = 120
)

func (s QuestionState) String() string {
	switch s {
	case Pending:
		return "pending"
	case Shown:
		return "shown"
	case Queued:
		return "queued"
	case Answered:
		return "answered"
	case Dismissed:
		return "dismissed"
	}
	return "unknown"
}

// ParseQuestionState reads a state's name as String writes it.
func ParseQuestionState(s string) (QuestionState, error) {
	for v := Pending; v <= Dismissed; v++ {
		if v.String() == s {
			return v, nil
		}
	}
	return UnknownQuestionState, fmt.Errorf("%w: unknown state %q", ErrQuestionState, s)
}

// Public reports whether the room's phones may read a question in s.
func (s QuestionState) Public() bool { return s == Shown || s == Queued || s == Answered }

// Open reports whether the moderators may still act on a question in s.
func (s QuestionState) Open() bool { return s == Pending || s == Shown }

// AudienceQuestion is a question written on a phone in the room.
type AudienceQuestion struct {
	ID      int
	Session string
	Device  string // the phone's hashed cookie
	Name    string // optional
	Text    string
	State   QuestionState
	Answer  string // the moderators' answer, when Answered
	Request int    // the request for the floor it became, when Queued
	Asked   time.Time
	Decided time.Time // when it left Pending (or Shown) for its end
	Upvotes int
}

// CleanText is s trimmed, or an error when it is empty (and required),
// longer than max characters, or holds control or bidirectional-override
// characters: they could hide or reorder what a screen or report shows.
// Markup is kept as text; the pages and the console never render it.
func CleanText(s string, max int, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" && required {
		return "", fmt.Errorf("%w: it is empty", ErrBadQuestionText)
	}
	if n := len([]rune(s)); n > max {
		return "", fmt.Errorf("%w: %d characters, at most %d", ErrBadQuestionText, n, max)
	}
	if err := checkText(s); err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadQuestionText, err)
	}
	return s, nil
}

// CleanLine is CleanText for a one-line text, a name or an affiliation:
// a line break or a tab is refused too.
func CleanLine(s string, max int, required bool) (string, error) {
	s, err := CleanText(s, max, required)
	if err == nil && strings.ContainsAny(s, "\n\t") {
		return "", fmt.Errorf("%w: a line break in a one-line text", ErrBadQuestionText)
	}
	return s, err
}

// Decide moves q to state to, with answer for Answered and request for
// Queued, at when; a question already queued, answered or dismissed
// cannot be moved again.
func (q AudienceQuestion) Decide(to QuestionState, answer string, request int, at time.Time) (AudienceQuestion, error) {
	if !q.State.Open() {
		return q, fmt.Errorf("%w: question %d is already %s", ErrQuestionState, q.ID, q.State)
	}
	switch to {
	case Shown:
		if q.State == Shown {
			return q, fmt.Errorf("%w: question %d is already shown", ErrQuestionState, q.ID)
		}
	case Answered:
		a, err := CleanText(answer, MaxAnswerWords, true)
		if err != nil {
			return q, fmt.Errorf("answer to question %d: %w", q.ID, err)
		}
		q.Answer = a
	case Queued:
		if request <= 0 {
			return q, fmt.Errorf("%w: question %d needs its request", ErrQuestionState, q.ID)
		}
		q.Request = request
	case Dismissed:
	default:
		return q, fmt.Errorf("%w: to %s", ErrQuestionState, to)
	}
	q.State = to
	if to != Shown {
		q.Decided = at
	}
	return q, nil
}
