package floor

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxMessageRunes is the longest message to the speaker: a line the speaker
// display shows at a size read from the lectern.
const MaxMessageRunes = 200

// Edit corrects the speaker of request id: name, affiliation, group, region
// and youth, as the person said them. Where the speaker is (room or hub),
// the request's type and its place in the queue stay: a correction is not
// a new request, and a seat cannot move a request to a hub by editing it.
func (st State) Edit(id int, s Speaker) (State, error) {
	i := st.find(id)
	if i < 0 {
		return st, fmt.Errorf("%w: %d", ErrNoRequest, id)
	}
	s.Name = strings.TrimSpace(s.Name)
	switch {
	case s.Name == "":
		return st, fmt.Errorf("%w: a request needs a name", ErrBadSpeaker)
	case utf8.RuneCountInString(s.Name) > 200 || utf8.RuneCountInString(s.Affiliation) > 300:
		return st, fmt.Errorf("%w: the name or affiliation is too long", ErrBadSpeaker)
	}
	q := append([]Request(nil), st.Queue...)
	was := q[i].Speaker
	was.Name, was.Affiliation, was.Group, was.Region, was.Youth = s.Name, strings.TrimSpace(s.Affiliation), s.Group, s.Region, s.Youth
	q[i].Speaker = was
	st.Queue = q
	return st, nil
}

// TellSpeaker puts a message for the speaker on the floor (the speaker
// display and a hub on the floor show it); "" clears it. It is for the turn
// it was written in: a new turn, or the end of this one, clears it.
func (st State) TellSpeaker(text string) (State, error) {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > MaxMessageRunes {
		return st, fmt.Errorf("%w: a message to the speaker longer than %d characters", ErrBadSpeaker, MaxMessageRunes)
	}
	st.Message = text
	return st, nil
}
