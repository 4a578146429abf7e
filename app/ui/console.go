package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// ConsoleView is the moderator's console: the session clock, the speaker
// timer, the queue for the floor, the balance and a message to the speaker.
// It redraws from the Moderator on every Tick; nothing it shows is ahead of
// what is in the log.
type ConsoleView struct {
	turn    string // the turn on the floor when the message was typed; a new turn clears it
	ctx     context.Context
	m       *app.Moderator
	session agenda.Session
	canvas  fyne.Canvas

	SessionClock                           *canvas.Text
	SessionInfo                            *widget.Label
	StartSession, PauseSession, EndSession *widget.Button

	face                             *timerFace
	PauseSpeaker, EndTurn, Next      *widget.Button
	Plus30, Minus30, Plus60, Minus60 *widget.Button
	Preset                           *widget.SelectEntry
	Message                          *widget.Entry
	DisplayFullScreen                *widget.Button // shown once AttachDisplay has a toggle
	Status                           *widget.Label
	Tabs                             *container.AppTabs // Balance, Polls, Report; nil with the balance alone
	queue                            *queuePanel
	hubs                             *hubsPanel // nil until EnableHubs
	centre, right                    fyne.CanvasObject
	stage                            *fyne.Container // the timer, with the live hub above it
	video                            *liveVideo
	changed                          chan struct{}   // the moderator's state changed, maybe from a hub
	charts                           []*balanceChart // speaking time by group, region, place and youth
	display                          *SpeakerDisplay // the second window, when open
	content                          fyne.CanvasObject
	interventions                    int // how many the balance shows
	chartsBox                        fyne.CanvasObject
	pollPanel                        *pollPanel   // nil until EnablePolls
	reportPanel                      *reportPanel // nil until EnableReport
	questions                        *questionRow
}

// Presets offered for a turn, as the Preset select shows them.
func presets() []string { return []string{"1 min", "2 min", "3 min", "5 min", tr("Count up")} }

// parseTurn reads a turn's length as the Preset box holds it: a preset,
// minutes ("4", "4 min") or minutes and seconds ("4:30").
func parseTurn(text string) (timer.Mode, time.Duration, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "min"))
	if strings.EqualFold(t, "count up") || strings.EqualFold(t, tr("Count up")) {
		return timer.CountUp, 0, nil
	}
	var m, sec int
	var err error
	if mm, ss, ok := strings.Cut(t, ":"); ok {
		m, err = strconv.Atoi(mm)
		if err == nil {
			sec, err = strconv.Atoi(ss)
		}
		if err == nil && (sec < 0 || sec > 59 || len(ss) != 2) {
			err = errors.New(tr("seconds run from 00 to 59"))
		}
	} else {
		m, err = strconv.Atoi(t)
	}
	if err != nil || m < 0 {
		return "", 0, errors.New(tr("a turn is minutes (“3”) or minutes and seconds (“2:30”), not “{{.Text}}”", "Text", text))
	}
	return timer.CountDown, time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}

// NewConsoleView builds the console for session over m and installs its
// keyboard shortcuts on w's canvas.
func NewConsoleView(ctx context.Context, m *app.Moderator, session agenda.Session, w fyne.Window) *ConsoleView {
	v := &ConsoleView{ctx: ctx, m: m, session: session, canvas: w.Canvas()}
	v.SessionClock = canvas.NewText("", nil)
	v.SessionClock.TextSize = 36
	v.SessionClock.TextStyle = fyne.TextStyle{Bold: true}
	v.SessionInfo = widget.NewLabel("")
	planned := session.Duration()
	if planned <= 0 {
		planned = time.Hour
	}
	v.StartSession = widget.NewButton(tr("Start session ({{.Minutes}} min)", "Minutes", int(planned.Minutes())), func() {
		v.do(m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: planned}))
	})
	v.PauseSession = widget.NewButton(lang.L("Pause session"), v.toggleSession)
	v.EndSession = widget.NewButton(lang.L("End session"), func() { v.do(m.Timer(ctx, timer.Command{Kind: timer.EndSession})) })

	v.face = newTimerFace()
	v.PauseSpeaker = widget.NewButton(lang.L("Pause (Space)"), v.toggleSpeaker)
	v.EndTurn = widget.NewButton(lang.L("End turn (Esc)"), func() { v.do(m.EndTurn(ctx)) })
	v.Next = widget.NewButton(lang.L("Next speaker (N)"), v.giveNext)
	v.Plus30 = widget.NewButton("+30 s (+)", func() { v.addTime(30 * time.Second) })
	v.Minus30 = widget.NewButton("−30 s (−)", func() { v.addTime(-30 * time.Second) })
	v.Plus60 = widget.NewButton("+1 min", func() { v.addTime(time.Minute) })
	v.Minus60 = widget.NewButton("−1 min", func() { v.addTime(-time.Minute) })
	v.Preset = widget.NewSelectEntry(presets())
	v.Preset.SetText("3 min")
	v.DisplayFullScreen = widget.NewButton(lang.L("Speaker display full screen (F11 there)"), nil)
	v.DisplayFullScreen.Hide()
	v.Message = widget.NewEntry()
	v.Message.SetPlaceHolder(lang.L("Message to the speaker (shown on the speaker display)"))
	v.Message.OnChanged = func(string) { v.Tick() }
	v.Status = widget.NewLabel("")
	v.Status.Wrapping = fyne.TextWrapWord
	v.queue = newQueuePanel(v)
	for _, dim := range balanceDimensions() {
		v.charts = append(v.charts, newBalanceChart(dim))
	}

	v.questions = newQuestionRow(v)
	clock := container.NewVBox(
		widget.NewLabelWithStyle(joinNonEmpty(" · ", session.Number, session.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(v.SessionClock, v.SessionInfo),
		container.NewHBox(v.StartSession, v.PauseSession, v.EndSession),
		v.questions.content)
	turn := container.NewVBox(
		container.NewHBox(widget.NewLabel(tr("Turn:")), container.NewGridWrap(fyne.NewSize(120, v.Preset.MinSize().Height), v.Preset),
			v.Next, v.PauseSpeaker, v.EndTurn),
		container.NewHBox(v.Minus60, v.Minus30, v.Plus30, v.Plus60, v.DisplayFullScreen),
		v.Message)
	v.stage = container.NewStack(v.face.container)
	v.video = newLiveVideo()
	centre := container.NewBorder(clock, container.NewVBox(turn, v.Status), nil, nil, v.stage)
	charts := container.NewVBox()
	for _, c := range v.charts {
		charts.Add(c.box)
	}
	v.chartsBox = container.NewVScroll(charts)
	v.centre, v.right = centre, v.chartsBox
	v.content = container.NewStack()
	v.rebuild()
	v.installShortcuts()
	// Hubs change the queue from network goroutines; the watcher runs under
	// the moderator's lock, so it only wakes Animate, which redraws.
	v.changed = make(chan struct{}, 1)
	m.Watch(func(timer.State, floor.State) { v.wake() })
	v.Tick()
	return v
}

// rebuild lays out the queue (and hubs) panel, the timers and the charts.
func (v *ConsoleView) rebuild() {
	split := container.NewHSplit(v.queue.content, container.NewHSplit(v.centre, v.right))
	split.Offset = 0.3
	split.Trailing.(*container.Split).Offset = 0.68
	c := v.content.(*fyne.Container)
	c.Objects = []fyne.CanvasObject{split}
	c.Refresh()
}

// wake asks Animate to redraw; safe from any goroutine, even under a lock.
func (v *ConsoleView) wake() {
	select {
	case v.changed <- struct{}{}:
	default:
	}
}

// rebuildRight puts the balance charts, and the Polls and Report tabs once
// enabled, on the right.
func (v *ConsoleView) rebuildRight() {
	if v.pollPanel == nil && v.reportPanel == nil {
		v.right = v.chartsBox
	} else {
		tabs := container.NewAppTabs(container.NewTabItem(lang.L("Balance"), v.chartsBox))
		if v.pollPanel != nil {
			tabs.Append(container.NewTabItem(lang.L("Polls"), v.pollPanel.content))
		}
		if v.reportPanel != nil {
			tabs.Append(container.NewTabItem(lang.L("Report"), v.reportPanel.content))
		}
		v.Tabs = tabs
		v.right = tabs
	}
	v.rebuild()
}

// Content is the console's root object.
func (v *ConsoleView) Content() fyne.CanvasObject { return v.content }

// AttachDisplay makes d show the speaker timer on every Tick; toggle, when
// not nil, switches the display's window to and from full screen.
func (v *ConsoleView) AttachDisplay(d *SpeakerDisplay, toggle func()) {
	v.display = d
	if toggle != nil {
		v.DisplayFullScreen.OnTapped = toggle
		v.DisplayFullScreen.Show()
	}
	v.Tick()
}

// installShortcuts: Space pause/resume, N next, + and − time, Esc end the
// turn. They are canvas keys, which Fyne delivers only when no text field
// has focus, so typing a name never starts or stops a timer.
func (v *ConsoleView) installShortcuts() {
	v.canvas.SetOnTypedRune(func(r rune) {
		switch r {
		case ' ':
			v.toggleSpeaker()
		case 'n', 'N':
			v.giveNext()
		case '+', '=':
			v.addTime(30 * time.Second)
		case '-', '−':
			v.addTime(-30 * time.Second)
		}
	})
	v.canvas.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			v.do(v.m.EndTurn(v.ctx))
		}
	})
	// Alt+1, 2, 3 choose the Balance, Polls and Report tabs: Fyne's tab
	// buttons take no keyboard focus, so without these a keyboard user
	// could never reach the polls or the report.
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3} {
		v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
			if v.Tabs != nil && i < len(v.Tabs.Items) {
				v.Tabs.SelectIndex(i)
			}
		})
	}
}

// do shows the outcome of an action: an error in words, or the new state.
func (v *ConsoleView) do(err error) {
	if err != nil {
		v.Status.SetText(tr("Not done: {{.Why}}", "Why", err.Error()))
	} else {
		v.Status.SetText("")
	}
	v.queue.refresh()
	v.Tick()
}

func (v *ConsoleView) toggleSpeaker() {
	kind := timer.PauseSpeaker
	if r := v.m.Read().Speaker; r.Active && !r.Running {
		kind = timer.ResumeSpeaker
	}
	v.do(v.m.Timer(v.ctx, timer.Command{Kind: kind}))
}

func (v *ConsoleView) toggleSession() {
	kind := timer.PauseSession
	if r := v.m.Read().Session; r.Started && !r.Running {
		kind = timer.ResumeSession
	}
	v.do(v.m.Timer(v.ctx, timer.Command{Kind: kind}))
}

func (v *ConsoleView) giveNext() { v.give(0) }

func (v *ConsoleView) give(id int) {
	mode, d, err := parseTurn(v.Preset.Text)
	if err != nil {
		v.do(err)
		return
	}
	v.do(v.m.Give(v.ctx, id, mode, d))
}

func (v *ConsoleView) addTime(d time.Duration) {
	v.do(v.m.Timer(v.ctx, timer.Command{Kind: timer.AddTime, Duration: d}))
}

// Tick redraws the clocks from the moderator's state; the window calls it
// ten times a second through fyne.Do, tests call it directly.
func (v *ConsoleView) Tick() {
	r := v.m.Read()
	s := v.steppedSession(r)
	if v.hubs != nil {
		v.hubs.tick(r.At)
	}
	switch {
	case !s.Started:
		setCanvasText(v.SessionClock, timer.Clock(0, false))
		setLabel(v.SessionInfo, tr("not started · {{.Minutes}} min planned", "Minutes", int(v.sessionPlanned().Minutes())))
	case s.Overrun > 0:
		setCanvasText(v.SessionClock, timer.Clock(s.Elapsed, false))
		setLabel(v.SessionInfo, tr("OVER TIME")+" +"+timer.Clock(s.Overrun, false)+sessionState(s))
	default:
		setCanvasText(v.SessionClock, timer.Clock(s.Elapsed, false))
		setLabel(v.SessionInfo, tr("{{.Left}} left of {{.Planned}}", "Left", timer.Clock(s.Remaining, true), "Planned", timer.Clock(s.Planned, false))+sessionState(s))
	}
	setEnabled(v.StartSession, !s.Started)
	setEnabled(v.PauseSession, s.Started && !s.Ended)
	setEnabled(v.EndSession, s.Started && !s.Ended)
	if s.Started && !s.Running && !s.Ended {
		setButtonText(v.PauseSession, lang.L("Resume session"))
	} else {
		setButtonText(v.PauseSession, lang.L("Pause session"))
	}
	sp := r.Speaker
	fs := v.m.Floor()
	// A message is for the speaker it was typed for: the next turn starts
	// without it ("Please wrap up in 30 seconds" is not for the next one).
	if turn := turnKey(fs); turn != v.turn {
		v.turn = turn
		if v.Message.Text != "" {
			v.Message.SetText("")
		}
	}
	for _, w := range fs.With { // a dialogue: everyone on the floor is named
		sp.Name += " · " + w.Speaker.Name
	}
	v.face.show(sp, v.Message.Text)
	v.questions.show(fs)
	var poll *floor.Tally
	if v.pollPanel != nil {
		v.pollPanel.tick()
		poll = v.pollPanel.displayed(fs)
	}
	if v.display != nil {
		v.display.Show(sp, v.Message.Text)
		v.display.ShowRoom(fs.Question, fs.QuestionText, poll, v.pollAddress())
	}
	for _, b := range []*widget.Button{v.PauseSpeaker, v.EndTurn, v.Plus30, v.Minus30, v.Plus60, v.Minus60} {
		setEnabled(b, sp.Active && !s.Ended)
	}
	if sp.Active && !sp.Running {
		setButtonText(v.PauseSpeaker, lang.L("Resume (Space)"))
	} else {
		setButtonText(v.PauseSpeaker, lang.L("Pause (Space)"))
	}
	setEnabled(v.Next, len(v.m.Floor().Queue) > 0 && !s.Ended)
	if ivs := v.m.Floor().Interventions; len(ivs) != v.interventions || v.charts[0].box.Objects == nil {
		v.interventions = len(ivs)
		shares := floor.Balance(ivs)
		for _, c := range v.charts {
			c.show(shares)
		}
	}
}

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
