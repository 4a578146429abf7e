package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The console's clock work: when it wakes to redraw, and the setters that
// touch a widget only when what it shows changes (moved out of console.go,
// which had grown past 500 lines).

// The setters below touch a widget only when its content changes: the
// console ticks ten times a second, and each refresh costs a redraw.

func setCanvasText(t *canvas.Text, s string) {
	if t.Text != s {
		t.Text = s
		t.Refresh()
	}
}

func setLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

func setButtonText(b *widget.Button, s string) {
	if b.Text != s {
		b.SetText(s)
	}
}

func (v *ConsoleView) sessionPlanned() time.Duration {
	if d := v.session.Duration(); d > 0 {
		return d
	}
	return time.Hour
}

func sessionState(s timer.SessionReading) string {
	switch {
	case s.Ended:
		return " · " + tr("ended")
	case !s.Running:
		return " · " + tr("PAUSED")
	}
	return ""
}

func setEnabled(b *widget.Button, on bool) {
	switch {
	case on && b.Disabled():
		b.Enable()
	case !on && !b.Disabled():
		b.Disable()
	}
}

// Animate keeps the console current until ctx ends. Rather than polling, it
// sleeps until the next instant a figure on screen changes (a second ticks
// over on the session clock or the speaker timer), and at most a second.
// The goroutine reaches the widgets only through fyne.Do.
func (v *ConsoleView) Animate(ctx context.Context) {
	go func() {
		wait := time.Duration(0)
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			case <-v.changed:
			}
			fyne.DoAndWait(func() {
				v.queue.refresh()
				v.Tick()
				wait = v.untilNextChange()
			})
		}
	}()
}

// steppedSession is the session clock read at the last instant the speaker
// timer showed a new second, so both change together and the window redraws
// once a second instead of twice (Fyne repaints a whole window for any
// change). The session clock is then up to a second behind, which its
// minutes-and-seconds display can afford.
func (v *ConsoleView) steppedSession(r timer.Reading) timer.SessionReading {
	st := v.m.TimerState()
	if st.Speaker == nil || !st.Speaker.Clock.Running || !st.Session.Running {
		return r.Session
	}
	lag := st.Speaker.Clock.Elapsed(r.At) % time.Second
	return st.Read(r.At.Add(-lag), timer.Thresholds{}).Session
}

// untilNextChange is how long until a running clock shows a new second.
func (v *ConsoleView) untilNextChange() time.Duration {
	next := time.Second
	st := v.m.TimerState()
	now := v.m.Now()
	clocks := []timer.Stopwatch{st.Session, speakerClock(st)}
	if speakerClock(st).Running {
		clocks = clocks[1:] // the session clock steps with the speaker's
	}
	for _, w := range clocks {
		if !w.Running {
			continue
		}
		// Digits change when the elapsed time crosses a whole second, counting
		// up or down alike; 5 ms late so the new second has surely begun.
		left := time.Second - w.Elapsed(now)%time.Second + 5*time.Millisecond
		next = min(next, left)
	}
	if v.display != nil {
		if d := v.display.NextFlash(now); d > 0 {
			next = min(next, d)
		}
	}
	return max(next, 10*time.Millisecond)
}

func speakerClock(st timer.State) timer.Stopwatch {
	if st.Speaker == nil {
		return timer.Stopwatch{}
	}
	return st.Speaker.Clock
}

// turnKey names the turn on the floor: "" when nobody has it.
func turnKey(fs floor.State) string {
	if fs.Current == nil {
		return ""
	}
	return fmt.Sprintf("%d@%d", fs.Current.Request, fs.Current.Start.UnixNano())
}
