package floor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPhoneTextIsTextWithinLimits(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"  <b>Who certifies?</b>  ", "<b>Who certifies?</b>", true}, // markup stays text
		{"line\nbreak", "line\nbreak", true},
		{"", "", false},
		{"bell\a", "", false},
		{"evil\u202eorder", "", false},
		{"bad \xff utf-8", "", false},
		{strings.Repeat("é", MaxQuestionText+1), "", false},
	} {
		got, err := CleanText(tc.in, MaxQuestionText, true)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("CleanText(%q) = %q, %v", tc.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrBadQuestionText) {
			t.Errorf("CleanText(%q) error %v is not ErrBadQuestionText", tc.in, err)
		}
	}
	if _, err := CleanLine("Amina\nDiallo", 80, true); !errors.Is(err, ErrBadQuestionText) {
		t.Errorf("a name on two lines: %v", err)
	}
	if s, err := CleanLine(" Amina Diallo ", 80, true); s != "Amina Diallo" || err != nil {
		t.Errorf("a name: %q, %v", s, err)
	}
	if s, err := CleanText("  ", 10, false); s != "" || err != nil {
		t.Errorf("optional empty text: %q, %v", s, err)
	}
}

func TestAQuestionIsDecidedOnce(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 40, 0, 0, time.UTC)
	q := AudienceQuestion{ID: 1, Text: "Who certifies?", State: Pending}
	if q.State.Public() {
		t.Fatal("a pending question is public")
	}
	shown, err := q.Decide(Shown, "", 0, at)
	if err != nil || !shown.State.Public() || !shown.Decided.IsZero() {
		t.Fatalf("shown: %+v, %v", shown, err)
	}
	if _, err := shown.Decide(Shown, "", 0, at); !errors.Is(err, ErrQuestionState) {
		t.Errorf("shown twice: %v", err)
	}
	answered, err := shown.Decide(Answered, " Regulators, with vendors. ", 0, at)
	if err != nil || answered.Answer != "Regulators, with vendors." || answered.Decided != at {
		t.Fatalf("answered: %+v, %v", answered, err)
	}
	for _, to := range []QuestionState{Queued, Dismissed, Answered, Shown} {
		if _, err := answered.Decide(to, "again", 3, at); !errors.Is(err, ErrQuestionState) {
			t.Errorf("an answered question moved to %s: %v", to, err)
		}
	}
	if _, err := q.Decide(Queued, "", 0, at); !errors.Is(err, ErrQuestionState) {
		t.Errorf("queued without a request: %v", err)
	}
	if _, err := q.Decide(Answered, "\x00", 0, at); !errors.Is(err, ErrBadQuestionText) {
		t.Errorf("a control character answer: %v", err)
	}
	for _, s := range []QuestionState{Pending, Shown, Queued, Answered, Dismissed} {
		if back, err := ParseQuestionState(s.String()); err != nil || back != s {
			t.Errorf("state %s reads back as %s, %v", s, back, err)
		}
	}
}
