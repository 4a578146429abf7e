package floor

import (
	"fmt"
	"strings"
	"time"
)

// QuestionTurn is a policy question the moderator put on the table, and when.
type QuestionTurn struct {
	Number int       `json:"number"` // 1-based, as the session lists them
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

// MaxQuestions bounds the policy questions of one session; the reference
// session has three, IGF asks for at most a handful.
const MaxQuestions = 50

// TakeUpQuestion puts policy question n (1-based; 0 clears it) on the
// table. Every turn that begins from now on is tagged with it; the turn on
// the floor keeps the question it began under.
func (st State) TakeUpQuestion(n int, text string, at time.Time) (State, error) {
	text = strings.TrimSpace(text)
	switch {
	case n < 0 || n > MaxQuestions:
		return st, fmt.Errorf("policy question %d: %w: a session has questions 1 to %d", n, ErrBadQuestion, MaxQuestions)
	case n > 0 && text == "":
		return st, fmt.Errorf("policy question %d: %w: it has no wording", n, ErrBadQuestion)
	case len([]rune(text)) > 1000:
		return st, fmt.Errorf("policy question %d: %w: longer than 1000 characters", n, ErrBadQuestion)
	}
	st.Question, st.QuestionText = n, text
	if n > 0 {
		st.Questions = append(st.Questions[:len(st.Questions):len(st.Questions)], QuestionTurn{Number: n, Text: text, At: at})
	}
	return st, nil
}

// QuestionWording is the wording of policy question n as the moderator last
// put it on the table; "" when it never was.
func (st State) QuestionWording(n int) string {
	for i := len(st.Questions) - 1; i >= 0; i-- {
		if st.Questions[i].Number == n {
			return st.Questions[i].Text
		}
	}
	return ""
}
