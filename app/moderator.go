package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// ModerationLog is where the moderator's commands are kept; storage.DB is one.
type ModerationLog interface {
	// AppendModeration writes one action's commands in one transaction, and
	// refuses when the log no longer holds exactly base (timer, floor) commands.
	AppendModeration(ctx context.Context, session string, base [2]int, t []timer.Command, f []floor.Command) error
	TimerLog(ctx context.Context, session string) ([]timer.Command, error)
	FloorLog(ctx context.Context, session string) ([]floor.Command, error)
}

// Moderator runs one session: its clock, the speaker timer and the queue
// for the floor. Every action is checked against the state, written to the
// log in one transaction, and only then made current, so what the room sees
// is never ahead of what survives a crash. It is safe for concurrent use:
// the console and every remote hub act on the same session.
type Moderator struct {
	mu         sync.Mutex
	watchers   map[int]func(timer.State, floor.State)
	watchID    int
	log        ModerationLog
	clock      Clock
	session    string
	timer      timer.State
	floor      floor.State
	thresholds timer.Thresholds
}

// ModerationKey names a session's logs: "igf/IGF 2020 WS #234".
func ModerationKey(source, guid string) string { return source + "/" + guid }

// OpenModerator rebuilds the session's timers and floor from its logs. A
// timer that was running when Floor stopped has kept running: its anchors
// are wall time.
func OpenModerator(ctx context.Context, log ModerationLog, clock Clock, session string) (*Moderator, error) {
	tcs, err := log.TimerLog(ctx, session)
	if err != nil {
		return nil, err
	}
	fcs, err := log.FloorLog(ctx, session)
	if err != nil {
		return nil, err
	}
	m := &Moderator{log: log, clock: clock, session: session, thresholds: timer.DefaultThresholds()}
	if m.timer, err = timer.Replay(tcs); err != nil {
		return nil, fmt.Errorf("rebuild the timers of %s: %w", session, err)
	}
	if m.floor, err = floor.Replay(fcs); err != nil {
		return nil, fmt.Errorf("rebuild the floor of %s: %w", session, err)
	}
	return m, nil
}

// now is the current wall time, as the log keeps it: the state in memory is
// then exactly the state a restart rebuilds (a monotonic reading would differ
// from the replayed one by microseconds, or by a whole step of the clock).
func (m *Moderator) now() time.Time { return m.clock.Now().Round(0).UTC() }

// commit applies the commands to copies of the state, logs them, and makes
// them current; on any error nothing changes.
func (m *Moderator) commit(ctx context.Context, tcs []timer.Command, fcs []floor.Command) error {
	if err := m.checkSeat(ctx, len(fcs) == 0, tcs, fcs); err != nil {
		return err
	}
	ts, fs := m.timer, m.floor
	for i, c := range tcs {
		next, err := timer.Apply(ts, c)
		if err != nil {
			return err
		}
		ts, tcs[i].At = next, next.Last // a clock set back is clamped
	}
	for _, c := range fcs {
		next, err := floor.Apply(fs, c)
		if err != nil {
			return err
		}
		fs = next
	}
	if err := m.log.AppendModeration(ctx, m.session, [2]int{m.timer.Applied, m.floor.Applied}, tcs, fcs); err != nil {
		return err
	}
	m.timer, m.floor = ts, fs
	for _, w := range m.watchers {
		w(ts, fs)
	}
	return nil
}

// Watch calls w with the new state after every change, whoever made it,
// until the returned stop is called. w runs while the moderator is locked:
// it must not call the moderator, and should only hand the state on.
func (m *Moderator) Watch(w func(timer.State, floor.State)) (stop func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.watchers == nil {
		m.watchers = map[int]func(timer.State, floor.State){}
	}
	m.watchID++
	id := m.watchID
	m.watchers[id] = w
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.watchers, id)
	}
}

// Timer gives a timer command (start, pause or resume the session or the
// speaker, add time). Ending the session also ends the turn on the floor.
func (m *Moderator) Timer(ctx context.Context, c timer.Command) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c.At = m.now()
	var fcs []floor.Command
	switch c.Kind {
	case timer.NextSpeaker, timer.EndSpeaker:
		return fmt.Errorf("%s: give or end the floor instead, so the turn is recorded", c.Kind)
	case timer.EndSession:
		if m.floor.Current != nil {
			fcs = append(fcs, m.ending(floor.Command{Kind: floor.End, At: c.At}))
		}
	}
	return m.commit(ctx, []timer.Command{c}, fcs)
}

// Ask puts a request for the floor in the queue.
func (m *Moderator) Ask(ctx context.Context, s floor.Speaker) error {
	_, err := m.Request(ctx, s)
	return err
}

// Request puts a request for the floor in the queue and returns its id.
func (m *Moderator) Request(ctx context.Context, s floor.Speaker) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.commit(ctx, nil, []floor.Command{{Kind: floor.Ask, At: m.now(), Speaker: s}}); err != nil {
		return 0, err
	}
	return m.floor.NextID, nil
}

// Withdraw takes request id out of the queue.
func (m *Moderator) Withdraw(ctx context.Context, id int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Withdraw, At: m.now(), ID: id}})
}

// Move puts request id at position pos of the queue (0 is next).
func (m *Moderator) Move(ctx context.Context, id, pos int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Move, At: m.now(), ID: id, Pos: pos}})
}

// Give hands the floor to request id (0: the next in the queue) and starts
// the speaker timer: counting down from allotted, or up when mode is CountUp.
func (m *Moderator) Give(ctx context.Context, id int, mode timer.Mode, allotted time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	if err := m.checkSeat(ctx, false, nil, nil); err != nil { // a seat's stale Give is told so, not "nobody waiting"
		return err
	}
	name, err := m.queuedName(id)
	if err != nil {
		return err
	}
	return m.commit(ctx,
		[]timer.Command{{Kind: timer.NextSpeaker, At: at, Name: name, Mode: mode, Duration: allotted}},
		[]floor.Command{m.ending(floor.Command{Kind: floor.Give, At: at, ID: id, Allotted: allotted})})
}

// EndTurn ends the current turn and stops the speaker timer.
func (m *Moderator) EndTurn(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	return m.commit(ctx, []timer.Command{{Kind: timer.EndSpeaker, At: at}},
		[]floor.Command{m.ending(floor.Command{Kind: floor.End, At: at})})
}

func (m *Moderator) queuedName(id int) (string, error) {
	for i, r := range m.floor.Queue {
		if r.ID == id || (id == 0 && i == 0) {
			return r.Speaker.Name, nil
		}
	}
	if id == 0 {
		return "", fmt.Errorf("%w: nobody is waiting for the floor", floor.ErrNoRequest)
	}
	return "", fmt.Errorf("%w: %d", floor.ErrNoRequest, id)
}

// ending fills in c how the current turn ends, from the speaker timer: its
// speaking time at c.At and its allotted time with adjustments.
func (m *Moderator) ending(c floor.Command) floor.Command {
	if t := m.timer.Speaker; t != nil {
		c.Spoke, c.Granted = t.Clock.Elapsed(c.At), t.Allotted
	}
	return c
}

// Now is the moderator's clock.
func (m *Moderator) Now() time.Time { return m.clock.Now() }

// Read is both timers now.
func (m *Moderator) Read() timer.Reading {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.timer.Read(m.clock.Now(), m.thresholds)
}

// TimerState is the timers' state after the last command.
func (m *Moderator) TimerState() timer.State {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.timer
}

// Floor is the queue, the current turn and the interventions so far.
func (m *Moderator) Floor() floor.State {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.floor
}

// SetThresholds changes when the speaker timer warns.
func (m *Moderator) SetThresholds(th timer.Thresholds) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.thresholds = th
}

// Thresholds are when the speaker timer warns.
func (m *Moderator) Thresholds() timer.Thresholds {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.thresholds
}

// TakeUpQuestion puts policy question n (1-based) of the session on the
// table, with its wording; 0 clears it. Turns that begin from now on are
// tagged with it.
func (m *Moderator) TakeUpQuestion(ctx context.Context, n int, text string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Question, At: m.now(), Pos: n, Text: text}})
}

// StepQuestion moves through the session's policy questions by delta (+1
// the next, -1 the one before) from the one on the table.
func (m *Moderator) StepQuestion(ctx context.Context, questions []string, delta int) error {
	if len(questions) == 0 {
		return fmt.Errorf("%w: this session lists no policy questions", floor.ErrBadQuestion)
	}
	n := m.Floor().Question + delta
	if n < 1 || n > len(questions) {
		return fmt.Errorf("%w: there is no question %d of %d", floor.ErrBadQuestion, n, len(questions))
	}
	return m.TakeUpQuestion(ctx, n, questions[n-1])
}

// Join brings request id into the turn on the floor: a dialogue, both
// live (seen, heard, each hearing the other) until the turn ends.
func (m *Moderator) Join(ctx context.Context, id int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	var spoke time.Duration
	if t := m.timer.Speaker; t != nil {
		spoke = t.Clock.Elapsed(at)
	}
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Join, At: at, ID: id, Spoke: spoke}})
}

// GiveTyped hands the floor to request id (0: the next in the queue) with
// the time its type gives: the session's time for a point of order or a
// direct reply (floor.State.Times), regular for a regular request.
func (m *Moderator) GiveTyped(ctx context.Context, id int, mode timer.Mode, regular time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	if err := m.checkSeat(ctx, false, nil, nil); err != nil { // a seat's stale Give is told so, not "nobody waiting"
		return err
	}
	name, err := m.queuedName(id)
	if err != nil {
		return err
	}
	allotted, err := m.floor.AllottedFor(id, regular)
	if err != nil {
		return err
	}
	return m.commit(ctx,
		[]timer.Command{{Kind: timer.NextSpeaker, At: at, Name: name, Mode: mode, Duration: allotted}},
		[]floor.Command{m.ending(floor.Command{Kind: floor.Give, At: at, ID: id, Allotted: allotted})})
}

// SetTypeTimes sets the times a point of order and a direct reply are
// given (zero: the defaults); it is in the log, so a restart keeps it.
func (m *Moderator) SetTypeTimes(ctx context.Context, tt floor.TypeTimes) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Times, At: m.now(), Times: tt}})
}

// SetPlan gives the session its speaking-time budgets (nil: none); it is
// in the log, so a restart and the report have it.
func (m *Moderator) SetPlan(ctx context.Context, p *floor.Plan) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commit(ctx, nil, []floor.Command{{Kind: floor.Budgets, At: m.now(), Plan: p}})
}

// Budgets is each budget of the plan used and left now, the turn on the
// floor counted by the speaker timer (pauses excluded); nil without a plan.
func (m *Moderator) Budgets() []floor.Usage {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.floor.Usage(m.liveSpoke())
}

// liveSpoke is the turn on the floor's speaking time now.
func (m *Moderator) liveSpoke() time.Duration {
	if t := m.timer.Speaker; t != nil && m.floor.Current != nil {
		return t.Clock.Elapsed(m.now())
	}
	return 0
}

// Suggest is the fair order of the queue now, with its reasons: by the
// session's budgets, or equal shares for the room and online when it has
// none. It changes nothing; FollowSuggestion does, when the moderator says.
func (m *Moderator) Suggest() []floor.Suggestion {
	m.mu.Lock()
	defer m.mu.Unlock()
	var p floor.Plan
	if m.floor.Plan != nil {
		p = *m.floor.Plan
	}
	return floor.SuggestLive(m.floor, p, m.liveSpoke())
}

// FollowSuggestion puts the queue in order (the ids of the whole queue, as
// floor.Order gives them) with moves in one transaction; it is refused when
// the queue has changed since.
func (m *Moderator) FollowSuggestion(ctx context.Context, order []int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	cmds, err := m.floor.Reorder(order, m.now())
	if err != nil || len(cmds) == 0 {
		return err
	}
	return m.commit(ctx, nil, cmds)
}
