package floor

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// PollKind is how a poll is answered.
type PollKind string

// Poll kinds.
const (
	Single   PollKind = "single"   // one option
	Multiple PollKind = "multiple" // one or more options
	TextPoll PollKind = "text"     // a short text answer
)

// Limits on what a poll may hold, so a hostile hub or phone cannot make one
// that does not fit a screen or a report.
const (
	MaxOptions    = 12
	MaxOptionLen  = 120
	MaxPollText   = 300
	MaxAnswerText = 280
)

// Poll is a question put to the room and the hubs.
type Poll struct {
	ID       int       `json:"id"`
	Code     string    `json:"code,omitempty"` // what phones in the room type to reach it
	Question string    `json:"question"`
	Kind     PollKind  `json:"kind"`
	Options  []string  `json:"options,omitempty"`
	Opened   time.Time `json:"opened,omitzero"`
	Closed   time.Time `json:"closed,omitzero"`
}

// Open reports whether the poll takes votes.
func (p Poll) Open() bool { return !p.Opened.IsZero() && p.Closed.IsZero() }

// Errors for polls and votes that do not fit; nothing is counted.
var (
	ErrBadPoll    = errors.New("the poll is not usable")
	ErrBadVote    = errors.New("the vote is not usable")
	ErrPollClosed = errors.New("the poll is not open")
	ErrVoted      = errors.New("this voter has already voted")
)

// NewPoll checks and tidies a poll the moderator wrote.
func NewPoll(question string, kind PollKind, options []string) (Poll, error) {
	p := Poll{Question: strings.TrimSpace(question), Kind: kind}
	bad := func(why string, a ...any) (Poll, error) {
		return Poll{}, fmt.Errorf("%w: %s", ErrBadPoll, fmt.Sprintf(why, a...))
	}
	if p.Question == "" {
		return bad("it needs a question")
	}
	if len([]rune(p.Question)) > MaxPollText {
		return bad("the question is longer than %d characters", MaxPollText)
	}
	if err := checkText(p.Question); err != nil {
		return bad("the question has %v", err)
	}
	for _, o := range options {
		if o = strings.TrimSpace(o); o != "" {
			p.Options = append(p.Options, o)
		}
	}
	switch kind {
	case Single, Multiple:
		if len(p.Options) < 2 {
			return bad("a %s-choice poll needs at least two options", kind)
		}
	case TextPoll:
		if len(p.Options) > 0 {
			return bad("a text poll has no options")
		}
	default:
		return bad("unknown kind %q (single, multiple or text)", kind)
	}
	if len(p.Options) > MaxOptions {
		return bad("%d options, at most %d", len(p.Options), MaxOptions)
	}
	for i, o := range p.Options {
		if len([]rune(o)) > MaxOptionLen {
			return bad("option %d is longer than %d characters", i+1, MaxOptionLen)
		}
		if err := checkText(o); err != nil {
			return bad("option %d has %v", i+1, err)
		}
		if slices.Index(p.Options, o) != i {
			return bad("option %q is there twice", o)
		}
	}
	return p, nil
}

// Ballot is one vote. Voter identifies who voted, so nobody votes twice:
// "device:…" for a phone in the room, "hub:ID" for a hub voting as one,
// "hub:ID/n" for the n-th person a hub passes a vote through for.
type Ballot struct {
	Poll    int       `json:"poll"`
	Voter   string    `json:"voter"`
	Place   string    `json:"place"` // "in the room" or the hub's name
	Choices []int     `json:"choices,omitempty"`
	Text    string    `json:"text,omitempty"`
	At      time.Time `json:"at"`
}

// Check tidies b and reports whether it answers p: open at b.At, options in
// range and not repeated, one for a single-choice poll, a short text for a
// text poll. Markup in a text answer is kept as typed; whoever shows it
// escapes it.
func (p Poll) Check(b Ballot) (Ballot, error) {
	if !p.Open() || b.At.Before(p.Opened) {
		return b, fmt.Errorf("poll %d: %w", p.ID, ErrPollClosed)
	}
	bad := func(why string) (Ballot, error) { return b, fmt.Errorf("poll %d: %w: %s", p.ID, ErrBadVote, why) }
	if b.Voter == "" || len(b.Voter) > 200 {
		return bad("no voter")
	}
	b.Text = strings.TrimSpace(b.Text)
	switch p.Kind {
	case TextPoll:
		if len(b.Choices) > 0 || b.Text == "" {
			return bad("a text poll takes a text answer")
		}
		if len([]rune(b.Text)) > MaxAnswerText {
			return bad(fmt.Sprintf("the answer is longer than %d characters", MaxAnswerText))
		}
		if err := checkText(b.Text); err != nil {
			return bad(fmt.Sprintf("the answer has %v", err))
		}
		return b, nil
	case Single:
		if len(b.Choices) != 1 {
			return bad("choose exactly one option")
		}
	default:
		if len(b.Choices) == 0 {
			return bad("choose at least one option")
		}
	}
	if b.Text != "" {
		return bad("a choice poll takes no text")
	}
	b.Choices = slices.Clone(b.Choices)
	slices.Sort(b.Choices)
	for i, c := range b.Choices {
		if c < 0 || c >= len(p.Options) {
			return bad(fmt.Sprintf("there is no option %d", c+1))
		}
		if i > 0 && b.Choices[i-1] == c {
			return bad(fmt.Sprintf("option %d chosen twice", c+1))
		}
	}
	return b, nil
}

// Tally is a poll's result.
type Tally struct {
	Poll    Poll
	Voters  int            // ballots counted
	Counts  []int          // per option, for choice polls
	Answers []string       // text answers, in the order they came
	ByPlace map[string]int // ballots per place ("in the room", hub names)
}

// Count adds up ballots for p. Each voter counts once (the first ballot);
// ballots that do not check are left out.
func Count(p Poll, ballots []Ballot) Tally {
	t := Tally{Poll: p, Counts: make([]int, len(p.Options)), ByPlace: map[string]int{}}
	seen := make(map[string]bool, len(ballots))
	for _, b := range ballots {
		if seen[b.Voter] {
			continue
		}
		seen[b.Voter] = true
		t.Add(b)
	}
	return t
}

// Add counts one ballot that has been checked and is the voter's first.
func (t *Tally) Add(b Ballot) {
	t.Voters++
	t.ByPlace[b.Place]++
	for _, c := range b.Choices {
		if c >= 0 && c < len(t.Counts) {
			t.Counts[c]++
		}
	}
	if b.Text != "" {
		t.Answers = append(t.Answers, b.Text)
	}
}

// checkText refuses control and bidirectional-override characters, which
// could hide or reorder what a screen or report shows.
func checkText(s string) error {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r == unicode.ReplacementChar:
			return errors.New("invalid UTF-8")
		case unicode.IsControl(r):
			return fmt.Errorf("control character %U", r)
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return fmt.Errorf("bidirectional override %U", r)
		}
	}
	return nil
}
