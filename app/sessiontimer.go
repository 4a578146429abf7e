package app

import (
	"context"
	"fmt"

	"github.com/igf-floor/floor/app/timer"
)

// TimerLog is where timer commands are kept; storage.DB is one.
type TimerLog interface {
	AppendTimerCommand(ctx context.Context, session string, c timer.Command) error
	TimerLog(ctx context.Context, session string) ([]timer.Command, error)
}

// SessionTimer runs the session clock and the speaker timer of one moderated
// session. Every command is checked, written to the log, and only then made
// the current state, so what is on screen is never ahead of what survives a
// crash.
type SessionTimer struct {
	log        TimerLog
	clock      Clock
	session    string
	state      timer.State
	thresholds timer.Thresholds
}

// TimerSessionKey names a session's timer log: "igf/IGF 2020 WS #234".
func TimerSessionKey(source, guid string) string { return source + "/" + guid }

// OpenSessionTimer rebuilds the timers of session from its log. A timer that
// was running when Floor stopped has kept running: its anchors are wall time.
func OpenSessionTimer(ctx context.Context, log TimerLog, clock Clock, session string) (*SessionTimer, error) {
	cmds, err := log.TimerLog(ctx, session)
	if err != nil {
		return nil, err
	}
	st, err := timer.Replay(cmds)
	if err != nil {
		return nil, fmt.Errorf("rebuild the timers of %s: %w", session, err)
	}
	return &SessionTimer{log: log, clock: clock, session: session, state: st, thresholds: timer.DefaultThresholds()}, nil
}

// Do applies c at the current time. A command that does not fit the state
// (no speaker, a negative length, …) is refused with an error that says why,
// and nothing changes.
func (t *SessionTimer) Do(ctx context.Context, c timer.Command) error {
	// Wall time, as the log keeps it: the state in memory is then exactly
	// the state a restart rebuilds (a monotonic reading would differ from
	// the replayed one by microseconds, and by the whole step if the wall
	// clock was set meanwhile).
	c.At = t.clock.Now().Round(0)
	next, err := timer.Apply(t.state, c)
	if err != nil {
		return err
	}
	// Store what Apply used: a clock set back is clamped to the last command.
	c.At = next.Last
	if err := t.log.AppendTimerCommand(ctx, t.session, c); err != nil {
		return err
	}
	t.state = next
	return nil
}

// Read is both timers now.
func (t *SessionTimer) Read() timer.Reading { return t.state.Read(t.clock.Now(), t.thresholds) }

// State is the timers' state after the last command.
func (t *SessionTimer) State() timer.State { return t.state }

// SetThresholds changes when the speaker timer warns.
func (t *SessionTimer) SetThresholds(th timer.Thresholds) { t.thresholds = th }
