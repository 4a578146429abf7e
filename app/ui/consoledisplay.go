package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// displayPrefs are the session's speaker-display settings and where they
// are kept (nil: for this run only).
type displayPrefs struct {
	store   app.SettingsStore
	current app.DisplayPrefs
	window  fyne.Window
}

// Button labels, as constants so the translation check finds them.
const (
	labelBlank    = "Blank (B)"
	labelUnblank  = "Unblank (B)"
	labelSettings = "Display settings…"
)

func (v *ConsoleView) newDisplayButtons() {
	v.prefs.current = app.DefaultDisplayPrefs()
	v.BlankDisplay = widget.NewButton(tr(labelBlank), v.toggleBlank)
	v.BlankDisplay.Hide()
	v.DisplaySettings = widget.NewButton(tr(labelSettings), v.openDisplaySettings)
	v.DisplaySettings.Hide()
	v.Presets = v.newPresetsButton()
	v.displayRow = container.NewHBox(v.DisplayFullScreen, v.BlankDisplay, v.DisplaySettings, v.Presets)
	v.displayRow.Hide() // until a display is attached
}

// EnableDisplayPrefs reads the session's display settings from store, puts
// its thresholds on the timer, and offers Display settings… over w.
func (v *ConsoleView) EnableDisplayPrefs(store app.SettingsStore, w fyne.Window) {
	v.prefs.store, v.prefs.window = store, w
	p, err := app.LoadDisplayPrefs(v.ctx, store, v.sessionKey())
	if err != nil {
		v.Status.SetText(tr("Not done: {{.Why}}", "Why", err.Error()))
	}
	v.applyDisplayPrefs(p)
	v.DisplaySettings.Show()
	v.Presets.Show()
}

func (v *ConsoleView) sessionKey() string { return app.ModerationKey(v.session.Source, v.session.GUID) }

// applyDisplayPrefs makes p current on the timer and the display.
func (v *ConsoleView) applyDisplayPrefs(p app.DisplayPrefs) {
	v.prefs.current = p
	v.m.SetThresholds(p.Thresholds)
	if v.display != nil {
		v.display.SetPrefs(p)
	}
	v.Tick()
}

// SaveDisplayPrefs keeps p for the session and applies it.
func (v *ConsoleView) SaveDisplayPrefs(p app.DisplayPrefs) error {
	if v.prefs.store != nil {
		if err := app.SaveDisplayPrefs(v.ctx, v.prefs.store, v.sessionKey(), p); err != nil {
			return err
		}
	} else if err := p.Check(); err != nil {
		return err
	}
	v.applyDisplayPrefs(p)
	return nil
}

// displayForm is the Display settings dialogue's fields.
type displayForm struct {
	Warning, Danger *widget.Entry
	ShowRoom, Still *widget.Check
}

func (v *ConsoleView) newDisplayForm() *displayForm {
	p := v.prefs.current
	f := &displayForm{Warning: widget.NewEntry(), Danger: widget.NewEntry(),
		ShowRoom: widget.NewCheck(tr("Policy question and poll on the speaker display"), nil),
		Still:    widget.NewCheck(tr("Reduce motion: overtime and new messages never flash"), nil)}
	f.Warning.SetText(timer.Clock(p.Thresholds.Warning, false))
	f.Danger.SetText(timer.Clock(p.Thresholds.Danger, false))
	f.ShowRoom.SetChecked(!p.HideRoom)
	f.Still.SetChecked(p.ReduceMotion)
	return f
}

// prefs reads the form.
func (f *displayForm) prefs() (app.DisplayPrefs, error) {
	warn, err := parseLeft(f.Warning.Text)
	if err != nil {
		return app.DisplayPrefs{}, err
	}
	danger, err := parseLeft(f.Danger.Text)
	if err != nil {
		return app.DisplayPrefs{}, err
	}
	return app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: warn, Danger: danger},
		HideRoom: !f.ShowRoom.Checked, ReduceMotion: f.Still.Checked}, nil
}

// parseLeft reads a time left: seconds ("30") or minutes and seconds ("1:30").
func parseLeft(text string) (time.Duration, error) {
	t := strings.TrimSpace(text)
	if strings.Contains(t, ":") {
		_, d, err := parseTurn(t)
		return d, err
	}
	s, err := strconv.Atoi(t)
	if err != nil || s < 0 {
		return 0, errors.New(tr("a time left is seconds (“30”) or minutes and seconds (“1:30”), not “{{.Text}}”", "Text", text))
	}
	return time.Duration(s) * time.Second, nil
}

func (v *ConsoleView) openDisplaySettings() {
	if v.prefs.window == nil {
		return
	}
	f := v.newDisplayForm()
	items := []*widget.FormItem{
		widget.NewFormItem(tr("Wrap up at (time left)"), f.Warning),
		widget.NewFormItem(tr("Last seconds at (time left)"), f.Danger),
		widget.NewFormItem("", f.ShowRoom),
		widget.NewFormItem("", f.Still),
	}
	dialog.ShowForm(tr("Speaker display for this session"), tr("Keep"), tr("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p, err := f.prefs()
		if err == nil {
			err = v.SaveDisplayPrefs(p)
		}
		v.do(err)
	}, v.prefs.window)
}

// DisplayKeys gives the speaker display's own window (its canvas c) the
// console's B (blank) and C (clear the message) keys, so whoever stands at
// the display can black it out without reaching for the console.
func (v *ConsoleView) DisplayKeys(c fyne.Canvas) {
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case 'b', 'B':
			v.toggleBlank()
		case 'c', 'C':
			v.clearMessage()
		}
	})
}

// toggleBlank blacks the speaker display out, or brings it back.
func (v *ConsoleView) toggleBlank() {
	if v.display == nil {
		return
	}
	v.display.SetBlank(!v.display.Blank())
	if v.display.Blank() {
		setButtonText(v.BlankDisplay, tr(labelUnblank))
	} else {
		setButtonText(v.BlankDisplay, tr(labelBlank))
	}
	v.Tick()
}

// clearMessage takes the message off the speaker display, in the log, so
// the seats and a hub on the floor lose it too.
func (v *ConsoleView) clearMessage() {
	v.Message.SetText("")
	v.do(v.m.TellSpeaker(v.ctx, ""))
}

// nextInQueue is the name of who has the floor next, "" when nobody waits.
func nextInQueue(fs floor.State) string {
	if len(fs.Queue) == 0 {
		return ""
	}
	return fs.Queue[0].Speaker.Name
}
