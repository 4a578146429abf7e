package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/igf-floor/floor/app/floor"
)

// AskQuestion keeps device's written question for the moderators; nobody
// else sees it until they approve it.
func (a *Audience) AskQuestion(ctx context.Context, device, name, text string) (floor.AudienceQuestion, error) {
	q := floor.AudienceQuestion{Session: a.session, Device: device, State: floor.Pending, Asked: a.clock.Now().UTC()}
	var err error
	if q.Text, err = floor.CleanText(text, floor.MaxQuestionText, true); err != nil {
		return q, fmt.Errorf("question: %w", err)
	}
	if q.Name, err = floor.CleanLine(name, floor.MaxPhoneName, false); err != nil {
		return q, fmt.Errorf("name: %w", err)
	}
	if device == "" {
		return q, fmt.Errorf("%w: no phone", floor.ErrBadQuestionText)
	}
	a.mu.Lock()
	if a.blocked[device] {
		a.mu.Unlock()
		return q, ErrBlocked
	}
	open := 0
	for _, o := range a.questions {
		if o.Device == device && o.State == floor.Pending {
			open++
		}
	}
	if open >= MaxOpenQuestions {
		a.mu.Unlock()
		return q, fmt.Errorf("%w (%d)", ErrTooManyAsked, open)
	}
	// Written under the lock: a phone cannot slip past its limit by
	// writing many at once, and the ids stay in order.
	q, err = a.store.AddQuestion(ctx, q)
	if err == nil {
		a.questions = append(a.questions, q)
	}
	a.mu.Unlock()
	if err == nil {
		a.changed()
	}
	return q, err
}

// Upvote counts device's upvote of question id, once: the question must
// be shown to the room and still open, and not the phone's own.
func (a *Audience) Upvote(ctx context.Context, device string, id int) error {
	a.mu.Lock()
	if a.blocked[device] {
		a.mu.Unlock()
		return ErrBlocked
	}
	i := a.index(id)
	if i < 0 || a.questions[i].State != floor.Shown || device == "" {
		a.mu.Unlock()
		return fmt.Errorf("%w: %d is not open for upvotes", ErrNoSuchQuestion, id)
	}
	if a.questions[i].Device == device {
		a.mu.Unlock()
		return fmt.Errorf("%w: it is this phone's own question", floor.ErrUpvoted)
	}
	if a.upvoters[id] == nil {
		a.upvoters[id] = map[string]bool{}
	}
	if a.upvoters[id][device] {
		a.mu.Unlock()
		return fmt.Errorf("question %d: %w", id, floor.ErrUpvoted)
	}
	a.upvoters[id][device] = true // reserved while it is written
	a.mu.Unlock()
	_, err := a.ups.do(context.WithoutCancel(ctx), floor.Upvote{Question: id, Device: device, At: a.clock.Now().UTC()})
	a.mu.Lock()
	if err != nil && !errors.Is(err, floor.ErrUpvoted) {
		delete(a.upvoters[id], device)
	} else if err == nil {
		a.questions[a.index(id)].Upvotes++
	}
	a.mu.Unlock()
	if err == nil {
		a.changed()
	}
	return err
}

// Upvoted reports whether device has upvoted question id.
func (a *Audience) Upvoted(device string, id int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.upvoters[id][device]
}

func (a *Audience) index(id int) int {
	return slices.IndexFunc(a.questions, func(q floor.AudienceQuestion) bool { return q.ID == id })
}

// Questions are every question, for the moderators, in the order written.
func (a *Audience) Questions() []floor.AudienceQuestion {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.questions)
}

// Public are the questions the room's phones may read: shown, queued or
// answered; the most upvoted first, then the oldest.
func (a *Audience) Public() []floor.AudienceQuestion {
	a.mu.Lock()
	var out []floor.AudienceQuestion
	for _, q := range a.questions {
		if q.State.Public() {
			out = append(out, q)
		}
	}
	a.mu.Unlock()
	slices.SortStableFunc(out, func(x, y floor.AudienceQuestion) int { return cmp.Compare(y.Upvotes, x.Upvotes) })
	return out
}

// Mine are device's own questions, whatever their state.
func (a *Audience) Mine(device string) []floor.AudienceQuestion {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []floor.AudienceQuestion
	for _, q := range a.questions {
		if device != "" && q.Device == device {
			out = append(out, q)
		}
	}
	return out
}

// Show lets the room's phones read question id and upvote it.
func (a *Audience) Show(ctx context.Context, id int) error {
	return a.decide(ctx, id, floor.Shown, "", 0)
}

// Answer answers question id as text, shown to the room's phones.
func (a *Audience) Answer(ctx context.Context, id int, text string) error {
	return a.decide(ctx, id, floor.Answered, text, 0)
}

// Dismiss takes question id off the moderators' list; it was not taken up.
func (a *Audience) Dismiss(ctx context.Context, id int) error {
	return a.decide(ctx, id, floor.Dismissed, "", 0)
}

// Queue approves question id into the queue as a request for the floor,
// in the name its phone gave (else "Audience question"), and returns the
// request's id: the person reads it out when given the floor.
func (a *Audience) Queue(ctx context.Context, id int) (int, error) {
	// Held throughout, so two moderators approving at once make one
	// request (the moderator never calls the audience back).
	a.mu.Lock()
	i := a.index(id)
	if i < 0 {
		a.mu.Unlock()
		return 0, fmt.Errorf("%w: %d", ErrNoSuchQuestion, id)
	}
	q := a.questions[i]
	if _, err := q.Decide(floor.Queued, "", 1, a.clock.Now()); err != nil {
		a.mu.Unlock()
		return 0, err // checked before the request is made
	}
	name := q.Name
	if name == "" {
		name = "Audience question"
	}
	req, err := a.m.Request(ctx, floor.Speaker{Name: name, Source: floor.FromPhone, Device: q.Device})
	if err == nil {
		q, err = q.Decide(floor.Queued, "", req, a.clock.Now().UTC())
	}
	if err == nil {
		err = a.store.DecideQuestion(ctx, q)
	}
	if err == nil {
		a.questions[i] = q
	}
	a.mu.Unlock()
	a.changed()
	return req, err
}

func (a *Audience) decide(ctx context.Context, id int, to floor.QuestionState, answer string, request int) error {
	a.mu.Lock()
	i := a.index(id)
	if i < 0 {
		a.mu.Unlock()
		return fmt.Errorf("%w: %d", ErrNoSuchQuestion, id)
	}
	q, err := a.questions[i].Decide(to, answer, request, a.clock.Now().UTC())
	if err == nil {
		err = a.store.DecideQuestion(ctx, q)
	}
	if err == nil {
		a.questions[i] = q
	}
	a.mu.Unlock()
	if err == nil {
		a.changed()
	}
	return err
}
