package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
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
	logged  string // the message to the speaker the log had at the last tick
	ctx     context.Context
	m       *app.Moderator
	session agenda.Session
	canvas  fyne.Canvas

	SessionClock, SessionInfo              *glyphText // their figures change every second
	StartSession, PauseSession, EndSession *widget.Button

	face                             *timerFace
	PauseSpeaker, EndTurn, Next      *widget.Button
	Plus30, Minus30, Plus60, Minus60 *widget.Button
	Preset                           *widget.SelectEntry
	Message                          *widget.Entry
	ClearMessage                     *widget.Button
	DisplayFullScreen                *widget.Button // shown once AttachDisplay has a toggle
	BlankDisplay, DisplaySettings    *widget.Button // shown once AttachDisplay has a display
	Presets                          *widget.Button // shown once EnableDisplayPrefs has a store
	Undo                             *widget.Button // the last floor action taken back
	displayRow                       *fyne.Container
	prefs                            displayPrefs
	Status                           *widget.Label
	Tabs                             *container.AppTabs // Balance, Polls, Report; nil with the balance alone (unless folded)
	QueueTab, HubsTab                *container.TabItem // the queue's and the hubs' tabs when folded (consolefold.go), else nil
	queue                            *queuePanel
	hubs                             *hubsPanel // nil until EnableHubs
	centre, right                    fyne.CanvasObject
	folded, arranged                 bool            // two columns, not three (consolefold.go)
	parts                            centreParts     // the timers' column's objects, its rows rebuilt for the width
	split                            uint8           // which of its rows take two lines, folded (centreRowsSplit)
	stage                            *fyne.Container // the timer, with the live hub above it
	video                            *liveVideo
	changed                          chan struct{}   // the moderator's state changed, maybe from a hub
	charts                           []*balanceChart // speaking time by group, region, place and youth
	display                          *SpeakerDisplay // the second window, when open
	content                          fyne.CanvasObject
	interventions                    int // how many the balance shows
	chartsBox                        fyne.CanvasObject
	pollPanel                        *pollPanel      // nil until EnablePolls
	reportPanel                      *reportPanel    // nil until EnableReport
	questionsPanel                   *questionsPanel // nil until EnableAudience
	questions                        *questionRow
	fair                             *fairFloor            // the Budgets and Fair order tabs; nil until EnableFairFloor
	tabSlots                         [6]*container.TabItem // Balance, Polls, Report, Budgets, Fair order, Questions: what Alt+1 to 6 choose
}

// NewConsoleView builds the console for session over m and installs its
// keyboard shortcuts on w's canvas.
func NewConsoleView(ctx context.Context, m *app.Moderator, session agenda.Session, w fyne.Window) *ConsoleView {
	v := &ConsoleView{ctx: ctx, m: m, session: session, canvas: w.Canvas()}
	v.SessionClock = newGlyphText(nil)
	v.SessionClock.TextSize = 36
	v.SessionClock.TextStyle = fyne.TextStyle{Bold: true}
	v.SessionInfo = newGlyphText(nil)
	v.SessionInfo.TextSize = 0 // the theme's, as a label's
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
	// Enter writes the message to the log, so the seats and a hub on the
	// floor see it; until then the speaker display previews what is typed.
	v.Message.OnSubmitted = func(text string) { v.do(m.TellSpeaker(ctx, text)) }
	v.ClearMessage = widget.NewButton(tr("Clear message (C)"), v.clearMessage)
	v.newDisplayButtons()
	v.Status = widget.NewLabel("")
	v.Status.Wrapping = fyne.TextWrapWord
	v.queue = newQueuePanel(v)
	for _, dim := range balanceDimensions() {
		v.charts = append(v.charts, newBalanceChart(dim))
	}

	v.questions = newQuestionRow(v)
	title := widget.NewLabelWithStyle(joinNonEmpty(" · ", session.Number, session.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.parts = centreParts{title: title, turn: widget.NewLabel(tr("Turn:")), preset: container.New(presetWidth{}, v.Preset),
		undo: v.newUndo(), message: container.NewBorder(nil, nil, nil, v.ClearMessage, v.Message)}
	v.stage = container.NewStack(v.face.container)
	v.video = newLiveVideo()
	charts := container.NewVBox()
	for _, c := range v.charts {
		charts.Add(c.box)
	}
	v.chartsBox = container.NewVScroll(charts)
	v.right = v.chartsBox
	v.content = container.New(foldLayout{v})
	v.rebuild()
	v.installShortcuts()
	// Hubs change the queue from network goroutines; the watcher runs under
	// the moderator's lock, so it only wakes Animate, which redraws.
	v.changed = make(chan struct{}, 1)
	m.Watch(func(timer.State, floor.State) { v.wake() })
	v.Tick()
	return v
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
	if v.pollPanel != nil || v.reportPanel != nil || v.fair != nil || v.questionsPanel != nil {
		v.tabSlots = [6]*container.TabItem{container.NewTabItem(lang.L("Balance"), narrow(v.chartsBox))}
		if v.pollPanel != nil {
			v.tabSlots[1] = container.NewTabItem(lang.L("Polls"), narrow(v.pollPanel.content))
		}
		if v.reportPanel != nil {
			v.tabSlots[2] = container.NewTabItem(lang.L("Report"), narrow(v.reportPanel.content))
		}
		if v.fair != nil {
			v.tabSlots[3] = container.NewTabItem(lang.L("Budgets"), narrow(v.fair.budgets.content))
			v.tabSlots[4] = container.NewTabItem(lang.L("Fair order"), narrow(v.fair.order.content))
		}
		if v.questionsPanel != nil {
			v.tabSlots[5] = container.NewTabItem(lang.L("Questions"), v.questionsPanel.content)
		}
	}
	v.rebuild()
}

// narrow lets a tab of the right column be narrower than its content,
// which then scrolls sideways: a long French or Spanish title there must
// not take the queue's width for names.
func narrow(o fyne.CanvasObject) fyne.CanvasObject { return container.NewHScroll(o) }

// Content is the console's root object.
func (v *ConsoleView) Content() fyne.CanvasObject { return v.content }

// AttachDisplay makes d show the speaker timer on every Tick; toggle, when
// not nil, switches the display's window to and from full screen.
func (v *ConsoleView) AttachDisplay(d *SpeakerDisplay, toggle func()) {
	v.display = d
	d.SetPrefs(v.prefs.current)
	v.BlankDisplay.Show()
	v.DisplaySettings.Show()
	if toggle != nil {
		v.DisplayFullScreen.OnTapped = toggle
		v.DisplayFullScreen.Show()
	}
	v.displayRow.Show()
	v.content.Refresh() // the turn's rows grew by one
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
		case 'b', 'B':
			v.toggleBlank()
		case 'c', 'C':
			v.clearMessage()
		}
	})
	v.canvas.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			v.do(v.m.EndTurn(v.ctx))
		}
	})
	// Alt+1 to 6 choose the Balance, Polls, Report, Budgets, Fair order and Questions tabs, whichever are
	// there: Fyne's tab buttons take no keyboard focus, so without these a
	// keyboard user could never reach the polls or the report.
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6} {
		v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
			if v.Tabs != nil && v.tabSlots[i] != nil {
				v.Tabs.Select(v.tabSlots[i])
			}
		})
	}
	// Folded, Alt+Q and Alt+H bring back the queue and the hubs.
	for key, tab := range map[fyne.KeyName]func() *container.TabItem{
		fyne.KeyQ: func() *container.TabItem { return v.QueueTab }, fyne.KeyH: func() *container.TabItem { return v.HubsTab }} {
		v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
			if it := tab(); v.folded && it != nil {
				v.Tabs.Select(it)
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
	if typedAt(v.m.Floor(), id) {
		mode = timer.CountDown // a point of order or a direct reply has its type's time
	}
	v.do(v.m.GiveTyped(v.ctx, id, mode, d))
}

func (v *ConsoleView) addTime(d time.Duration) {
	v.do(v.m.Timer(v.ctx, timer.Command{Kind: timer.AddTime, Duration: d}))
}

// Tick redraws the clocks from the moderator's state; the window calls it
// ten times a second through fyne.Do, tests call it directly.
func (v *ConsoleView) Tick() {
	r := v.m.Read()
	s := v.steppedSession(r)
	v.nameQueueTab()
	if v.hubs != nil {
		v.hubs.tick(r.At)
	}
	switch {
	case !s.Started:
		setGlyphText(v.SessionClock, timer.Clock(0, false))
		setGlyphText(v.SessionInfo, tr("not started · {{.Minutes}} min planned", "Minutes", int(v.sessionPlanned().Minutes())))
	case s.Overrun > 0:
		setGlyphText(v.SessionClock, timer.Clock(s.Elapsed, false))
		setGlyphText(v.SessionInfo, tr("OVER TIME")+" +"+timer.Clock(s.Overrun, false)+sessionState(s))
	default:
		setGlyphText(v.SessionClock, timer.Clock(s.Elapsed, false))
		setGlyphText(v.SessionInfo, tr("{{.Left}} left of {{.Planned}}", "Left", timer.Clock(s.Remaining, true), "Planned", timer.Clock(s.Planned, false))+sessionState(s))
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
	// A message a seat sent (or this console's, once Enter wrote it) is
	// what the log says; the field follows the log when the log changes.
	if fs.Message != v.logged {
		v.logged = fs.Message
		if v.Message.Text != fs.Message {
			v.Message.SetText(fs.Message)
		}
	}
	for _, w := range fs.With { // a dialogue: everyone on the floor is named
		sp.Name += " · " + w.Speaker.Name
	}
	sp.Name = typedTurn(fs, sp.Name)
	v.face.show(sp, v.Message.Text)
	v.questions.show(fs)
	if v.fair != nil {
		v.fair.tick(fs)
	}
	var poll *floor.Tally
	if v.pollPanel != nil {
		v.pollPanel.tick()
		poll = v.pollPanel.displayed(fs)
	}
	if v.questionsPanel != nil {
		v.questionsPanel.tick()
	}
	if v.display != nil {
		v.display.ShowFrame(DisplayFrame{Reading: sp, Message: v.Message.Text, Sent: fs.Message, Next: nextInQueue(fs), Now: r.At})
		v.display.ShowRoom(fs.Question, fs.QuestionText, poll, v.pollAddress())
		if v.questionsPanel != nil {
			v.display.ShowPhones(v.questionsPanel.where, v.questionsPanel.Code.Image, fs.Current == nil)
		}
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
	setEnabled(v.Undo, fs.CanUndo() && !s.Ended)
	if ivs := v.m.Floor().Interventions; len(ivs) != v.interventions || v.charts[0].box.Objects == nil {
		v.interventions = len(ivs)
		shares := floor.Balance(ivs)
		for _, c := range v.charts {
			c.show(shares)
		}
	}
}
