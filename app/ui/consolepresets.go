package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

const (
	labelPresets  = "Presets…"
	presetSaved   = "Saved as “{{.Name}}”."
	presetApplied = "“{{.Name}}” applied to this session."
)

// presetForm is the Presets dialogue's fields: this session's settings
// saved under a name, or a saved preset applied to this session.
type presetForm struct {
	Name   *widget.Entry
	Save   *widget.Button
	Choice *widget.Select
	Apply  *widget.Button
	Said   *widget.Label // what was done, or why not
}

// newPresetsButton offers the Presets dialogue once the console has a
// store for them (EnableDisplayPrefs).
func (v *ConsoleView) newPresetsButton() *widget.Button {
	b := widget.NewButton(tr(labelPresets), v.openPresets)
	b.Hide()
	return b
}

func (v *ConsoleView) openPresets() {
	if v.prefs.store == nil || v.prefs.window == nil {
		return
	}
	f := v.newPresetForm()
	body := container.NewVBox(
		widget.NewLabel(tr("Save this session's display thresholds, typed requests' times and turn length:")),
		container.NewBorder(nil, nil, nil, f.Save, f.Name),
		widget.NewSeparator(),
		widget.NewLabel(tr("Or apply a saved preset to this session:")),
		container.NewBorder(nil, nil, nil, f.Apply, f.Choice),
		f.Said)
	dialog.ShowCustom(tr("Session presets"), tr("Close"), body, v.prefs.window)
}

func (v *ConsoleView) newPresetForm() *presetForm {
	f := &presetForm{Name: widget.NewEntry(), Choice: widget.NewSelect(nil, nil), Said: widget.NewLabel("")}
	f.Name.SetPlaceHolder(tr("Preset name, e.g. IGF workshop"))
	f.Said.Wrapping = fyne.TextWrapWord
	f.Save = widget.NewButton(tr("Save"), func() { f.say(v.savePreset(f.Name.Text), f.Name.Text, presetSaved) })
	f.Apply = widget.NewButton(tr("Apply"), func() {
		f.say(v.applyPreset(f.Choice.Selected), f.Choice.Selected, presetApplied)
	})
	f.reload(v)
	return f
}

func (f *presetForm) reload(v *ConsoleView) {
	names, err := app.PresetNames(v.ctx, v.prefs.store)
	f.Choice.SetOptions(names)
	f.Choice.Refresh()
	setEnabled(f.Apply, len(names) > 0)
	if err != nil {
		f.Said.SetText(tr("Not done: {{.Why}}", "Why", err.Error()))
	}
}

func (f *presetForm) say(err error, name, done string) {
	if err != nil {
		f.Said.SetText(tr("Not done: {{.Why}}", "Why", err.Error()))
		return
	}
	f.Said.SetText(tr(done, "Name", name))
}

// savePreset keeps this session's settings as the preset name.
func (v *ConsoleView) savePreset(name string) error {
	p := app.SessionPreset{Name: name, Display: v.prefs.current, Times: v.m.Floor().Times, Turn: v.Preset.Text}
	return app.SavePreset(v.ctx, v.prefs.store, p)
}

// applyPreset makes the preset name this session's: the display's
// settings kept for the session, the typed requests' times in the log,
// the turn's length in its box.
func (v *ConsoleView) applyPreset(name string) error {
	p, ok, err := app.LoadPreset(v.ctx, v.prefs.store, name)
	if err != nil {
		return err
	}
	if !ok {
		return app.ErrBadPreset
	}
	if err := v.SaveDisplayPrefs(p.Display); err != nil {
		return err
	}
	if err := v.m.SetTypeTimes(v.ctx, p.Times); err != nil {
		return err
	}
	if p.Turn != "" {
		v.Preset.SetText(p.Turn)
	}
	v.do(nil)
	return nil
}
