package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// Edit corrects request id's speaker (name, affiliation, group, region,
// youth); where they are, the type and the place in the queue stay.
func (m *Moderator) Edit(ctx context.Context, id int, s floor.Speaker) error {
	s, err := CheckSpeaker(s)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Edit, At: m.now(), ID: id, Speaker: s}})
}

// TellSpeaker shows text to the speaker on the floor (the speaker display,
// and the hub when a hub has the floor) until the turn changes; "" clears it.
func (m *Moderator) TellSpeaker(ctx context.Context, text string) error {
	if agenda.CheckText([]byte(text)) != nil {
		return errors.New("control or direction characters in the message to the speaker")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.floor.Current == nil && text != "" {
		return fmt.Errorf("%w: a message is for the speaker on the floor", floor.ErrNobody)
	}
	if m.floor.Message == strings.TrimSpace(text) {
		return nil // nothing to write: the same words, pressed twice
	}
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Message, At: m.now(), Text: text}})
}

// CheckSpeaker is s with its group and region in their canonical names,
// refused when a field carries control or direction characters.
func CheckSpeaker(s floor.Speaker) (floor.Speaker, error) {
	for _, f := range []string{s.Name, s.Affiliation} {
		if agenda.CheckText([]byte(f)) != nil {
			return s, errors.New("control or direction characters in the request")
		}
	}
	if s.Group != "" {
		g, err := agenda.ParseGroup(s.Group)
		if err != nil {
			return s, err
		}
		s.Group = g.String()
	}
	if s.Region != "" {
		r, err := agenda.ParseRegion(s.Region)
		if err != nil {
			return s, err
		}
		s.Region = r.String()
	}
	return s, nil
}

// Undo takes back the last floor action, an End turn pressed by mistake or
// a wrong Give (or a withdrawal or a move), as a command of its own in the
// log, so a restart replays it. The speaker timer follows the floor: a turn
// given back runs again with the time it had left (a count-up starts again
// from 0:00, its speaking time still counted whole in the record), and a
// turn taken back stops.
func (m *Moderator) Undo(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	back, err := m.floor.Undo()
	if err != nil {
		return err
	}
	var tcs []timer.Command
	was, now := m.floor.Current, back.Current
	switch {
	case now == nil && was != nil:
		tcs = append(tcs, timer.Command{Kind: timer.EndSpeaker, At: at})
	case now != nil && (was == nil || !was.Start.Equal(now.Start) || was.Request != now.Request):
		c := timer.Command{Kind: timer.NextSpeaker, At: at, Name: now.Speaker.Name, Mode: timer.CountUp}
		if now.Allotted > 0 {
			c.Mode, c.Duration = timer.CountDown, max(time.Second, now.Allotted-now.Spoke)
		}
		tcs = append(tcs, c)
	}
	return m.commit(ctx, tcs, []floor.Command{{Kind: floor.Undo, At: at}})
}

// CanUndo says whether Undo has a floor action to take back.
func (m *Moderator) CanUndo() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.floor.CanUndo()
}
