package room

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// roomAudience is the room's phones' written questions, which the
// moderators' seats moderate as the console does.
type roomAudience struct {
	audience *app.Audience
	unwatch  func()
}

// UseAudience lets the seats that may moderate see the questions waiting
// and publish, queue, answer or dismiss them.
func (r *Room) UseAudience(a *app.Audience) {
	r.mu.Lock()
	if r.aud != nil {
		r.aud.unwatch()
	}
	r.aud = &roomAudience{audience: a, unwatch: a.Watch(func() { r.teamChanged(); r.wake() })}
	r.mu.Unlock()
	r.teamChanged()
	r.wake()
}

// hubDevice is hub id as the audience counts its upvotes: one device.
func hubDevice(id string) string { return "hub:" + id }

// upvote counts hub h's upvote of question id, once.
func (r *Room) upvote(h floor.Hub, id int) error {
	a := r.theAudience()
	if a == nil {
		return errors.New("this room takes no questions from phones")
	}
	err := a.Upvote(context.Background(), hubDevice(h.ID), id)
	if errors.Is(err, floor.ErrUpvoted) {
		return fmt.Errorf("this hub has already upvoted question %d", id) // the domain's words are a phone's
	}
	return err
}

// tellAudience sends each of the hubs ids the questions shown to the
// room, with its own upvotes, when they changed since it was last told.
// Read outside the room's lock: the audience calls the moderator, whose
// watchers wake the room.
func (r *Room) tellAudience(ids []string) {
	a := r.theAudience()
	if a == nil {
		return
	}
	public := a.Public()
	for _, id := range ids {
		m := control.AudienceMessage(public, func(q int) bool { return a.Upvoted(hubDevice(id), q) })
		b, err := control.Encode(m)
		if err != nil {
			continue
		}
		r.mu.Lock()
		rh := r.hubs[id]
		fresh := rh != nil && rh.send != nil && rh.toldAud != string(b)
		if fresh {
			rh.toldAud = string(b)
		}
		r.mu.Unlock()
		if fresh {
			r.sendRaw(id, b)
		}
	}
}

func (r *Room) theAudience() *app.Audience {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.aud == nil {
		return nil
	}
	return r.aud.audience
}

// audienceFor is every question for a seat with the right to moderate
// them, nil for any other: nothing a phone writes reaches a rapporteur's
// screen, and no phone's device leaves the room.
func (r *Room) audienceFor(rights []Right) []floor.AudienceQuestion {
	a := r.theAudience()
	if a == nil || !slices.Contains(rights, RightAudience) {
		return nil
	}
	qs := a.Questions()
	for i := range qs {
		qs[i].Device = ""
	}
	return qs
}

// moderateQuestion applies a seat's decision on an audience question. A
// question already queued, answered or dismissed (by the moderator or
// another seat) takes no second decision: the refusal says what it is.
// Queueing it makes a floor command, so it also needs the floor the seat
// saw.
func (r *Room) moderateQuestion(ctx context.Context, c SeatCommand) error {
	a := r.theAudience()
	if a == nil {
		return errors.New("this room takes no questions from phones")
	}
	switch c.Verb {
	case Publish:
		return a.Show(ctx, c.ID)
	case QueueQuestion:
		_, err := a.Queue(ctx, c.ID)
		return err
	case Answer:
		return a.Answer(ctx, c.ID, c.Text)
	case Dismiss:
		return a.Dismiss(ctx, c.ID)
	}
	return errors.New("not a question's decision")
}
