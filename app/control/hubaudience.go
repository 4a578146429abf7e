package control

import (
	"encoding/json"
	"fmt"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// The room's phones' questions on the hubs' channel: the room sends each
// hub the questions the moderators published (an "audience" message, when
// they change), and a hub upvotes one ("upvote"), once: a hub counts as one
// device, as a phone does.

// PublicQuestionWire is a question shown to the room, as a hub reads it.
// Only published, queued or answered questions leave the room this way.
type PublicQuestionWire struct {
	ID      int    `json:"id"`
	Name    string `json:"name,omitempty"` // as the phone gave it
	Text    string `json:"text"`
	State   string `json:"state"` // shown, queued, answered
	Answer  string `json:"answer,omitempty"`
	Upvotes int    `json:"upvotes,omitempty"`
	Upvoted bool   `json:"upvoted,omitempty"` // by this hub
}

// MaxHubQuestions is the most questions one audience message carries:
// the most upvoted first, as many as fit a message.
const MaxHubQuestions = 30

// AudienceMessage is the questions qs (the room's public ones, most
// upvoted first) for one hub, upvoted says which it upvoted: the first
// MaxHubQuestions that fit a message.
func AudienceMessage(qs []floor.AudienceQuestion, upvoted func(id int) bool) Message {
	m := Message{Type: Audience, Questions: []PublicQuestionWire{}}
	size := 64
	for _, q := range qs {
		if !q.State.Public() || len(m.Questions) == MaxHubQuestions {
			continue
		}
		w := PublicQuestionWire{ID: q.ID, Name: q.Name, Text: q.Text, State: q.State.String(), Answer: q.Answer, Upvotes: q.Upvotes, Upvoted: upvoted(q.ID)}
		b, _ := json.Marshal(w)
		if size+len(b)+1 > MaxMessage {
			break
		}
		size += len(b) + 1
		m.Questions = append(m.Questions, w)
	}
	return m
}

func (m Message) checkAudience() error {
	bad := func(why string) error { return fmt.Errorf("%w: %s: %s", ErrBadMessage, m.Type, why) }
	switch {
	case m.Type == Upvote && m.QuestionID <= 0:
		return bad("no question")
	case len(m.Questions) > MaxHubQuestions:
		return bad("too many questions")
	}
	for _, q := range m.Questions {
		if q.ID <= 0 || q.Upvotes < 0 {
			return bad("a question without its number")
		}
		if _, err := floor.ParseQuestionState(q.State); err != nil {
			return bad(err.Error())
		}
		for _, s := range []string{q.Name, q.Text, q.Answer} {
			if agenda.CheckText([]byte(s)) != nil {
				return bad("control or direction characters in a question")
			}
		}
	}
	return nil
}
