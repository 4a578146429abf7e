package floor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNewPollRefusesWhatCannotBeAnswered(t *testing.T) {
	for _, tc := range []struct {
		q       string
		kind    PollKind
		options []string
		want    string
	}{
		{"Who should certify?", Single, nil, "at least two options"},
		{"Who should certify?", Single, []string{"Vendors", "  "}, "at least two options"},
		{"  ", Single, []string{"a", "b"}, "needs a question"},
		{"Why?", TextPoll, []string{"a"}, "no options"},
		{"Why?", "ranked", []string{"a", "b"}, "unknown kind"},
		{"Q", Multiple, []string{"a", "a"}, "there twice"},
		{"Q", Single, []string{"a", "b\u202Ec"}, "bidirectional override"},
		{"Q", Single, make([]string, 0), "at least two"},
		{strings.Repeat("q", MaxPollText+1), TextPoll, nil, "longer than"},
	} {
		_, err := NewPoll(tc.q, tc.kind, tc.options)
		if !errors.Is(err, ErrBadPoll) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewPoll(%q, %s, %q) = %v, want %q", tc.q, tc.kind, tc.options, err, tc.want)
		}
	}
	p, err := NewPoll(" Who should certify? ", Multiple, []string{" Vendors ", "", "Regulators", "Third parties"})
	if err != nil || p.Question != "Who should certify?" || len(p.Options) != 3 || p.Options[0] != "Vendors" {
		t.Errorf("NewPoll = %+v, %v", p, err)
	}
}

func TestBallotsAreCheckedAndCountedOnce(t *testing.T) {
	p, err := NewPoll("Who should certify?", Single, []string{"Vendors", "Regulators"})
	if err != nil {
		t.Fatal(err)
	}
	p.ID = 7
	b := Ballot{Voter: "device:1", Place: "in the room", Choices: []int{1}, At: t0}
	if _, err := p.Check(b); !errors.Is(err, ErrPollClosed) {
		t.Errorf("vote before opening: %v", err)
	}
	p.Opened = t0
	for _, tc := range []struct {
		b    Ballot
		want string
	}{
		{Ballot{Voter: "d", Choices: []int{0, 1}, At: t0}, "exactly one"},
		{Ballot{Voter: "d", Choices: []int{2}, At: t0}, "no option 3"},
		{Ballot{Voter: "d", Choices: []int{-1}, At: t0}, "no option 0"},
		{Ballot{Voter: "", Choices: []int{0}, At: t0}, "no voter"},
		{Ballot{Voter: "d", Choices: []int{0}, Text: "<b>x</b>", At: t0}, "no text"},
	} {
		if _, err := p.Check(tc.b); !errors.Is(err, ErrBadVote) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Check(%+v) = %v, want %q", tc.b, err, tc.want)
		}
	}
	if _, err := p.Check(b); err != nil {
		t.Fatal(err)
	}
	p.Closed = t0.Add(time.Minute)
	if _, err := p.Check(b); !errors.Is(err, ErrPollClosed) {
		t.Errorf("vote after closing: %v", err)
	}
	tally := Count(p, []Ballot{b, b, {Voter: "hub:nbo", Place: "Nairobi", Choices: []int{0}}, {Voter: "hub:nbo/1", Place: "Nairobi", Choices: []int{1}}})
	if tally.Voters != 3 || tally.Counts[0] != 1 || tally.Counts[1] != 2 || tally.ByPlace["Nairobi"] != 2 || tally.ByPlace["in the room"] != 1 {
		t.Errorf("tally = %+v", tally)
	}

	m, _ := NewPoll("Which?", Multiple, []string{"a", "b", "c"})
	m.Opened = t0
	if _, err := m.Check(Ballot{Voter: "d", Choices: []int{2, 2}, At: t0}); !errors.Is(err, ErrBadVote) {
		t.Errorf("same option twice: %v", err)
	}
	if got, err := m.Check(Ballot{Voter: "d", Choices: []int{2, 0}, At: t0}); err != nil || got.Choices[0] != 0 {
		t.Errorf("two options: %+v, %v", got, err)
	}

	tp, _ := NewPoll("One word for security by design?", TextPoll, nil)
	tp.Opened = t0
	got, err := tp.Check(Ballot{Voter: "d", Text: "  <script>alert(1)</script> ", At: t0})
	if err != nil || got.Text != "<script>alert(1)</script>" {
		t.Errorf("markup answer = %q, %v (kept as typed, escaped when shown)", got.Text, err)
	}
	if _, err := tp.Check(Ballot{Voter: "d", Text: strings.Repeat("é", MaxAnswerText+1), At: t0}); !errors.Is(err, ErrBadVote) {
		t.Errorf("long answer: %v", err)
	}
}

func TestPolicyQuestionsTagTheTurnsThatBeginUnderThem(t *testing.T) {
	log := []Command{
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "A"}},
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "B"}},
		{Kind: Take, At: t0, Speaker: Speaker{Name: "Moderator"}},
		{Kind: Question, At: t0.Add(time.Minute), Pos: 1, Text: "Who is responsible?"},
		{Kind: Give, At: t0.Add(2 * time.Minute), Spoke: time.Minute},
		{Kind: Question, At: t0.Add(3 * time.Minute), Pos: 2, Text: "How to certify?"},
		{Kind: Give, At: t0.Add(4 * time.Minute), Spoke: 2 * time.Minute},
		{Kind: End, At: t0.Add(5 * time.Minute), Spoke: time.Minute},
	}
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, iv := range st.Interventions {
		got = append(got, iv.Question)
	}
	if len(got) != 3 || got[0] != 0 || got[1] != 1 || got[2] != 2 {
		t.Errorf("questions of the turns = %v, want [0 1 2]", got)
	}
	if st.Question != 2 || st.QuestionWording(1) != "Who is responsible?" || len(st.Questions) != 2 {
		t.Errorf("state = %d %q %v", st.Question, st.QuestionWording(1), st.Questions)
	}
	for _, c := range []Command{{Kind: Question, Pos: 1}, {Kind: Question, Pos: -1, Text: "x"}, {Kind: Question, Pos: MaxQuestions + 1, Text: "x"}} {
		if _, err := Apply(st, c); !errors.Is(err, ErrBadQuestion) {
			t.Errorf("Apply(%+v) = %v", c, err)
		}
	}
}
