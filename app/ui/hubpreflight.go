package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// Words of the pre-flight check; the window's language has them all.
const (
	labelCamera     = "Camera"
	labelMicrophone = "Microphone"
	labelCheck      = "Check before joining"
	noneFound       = "(none found)"
	checkCameraOK   = "✓ Camera: {{.Device}}"
	checkMicOK      = "✓ Microphone: {{.Device}}, heard at {{.Level}} %"
	checkNoCamera   = "✗ No camera found: the room will see the test picture (or choose Audio only)."
	checkNoMic      = "✗ No microphone found: plug one in, or the room hears only a test tone."
	checkMicSilent  = "✗ The microphone hears nothing: is it muted, or the wrong one?"
	checkMicFailed  = "✗ The microphone could not be opened: {{.Why}}"
	checkRoomOK     = "✓ The room answers at {{.Host}}."
	checkNoRoom     = "✗ The room does not answer at {{.Host}}: is the moderator's Floor open to hubs, and is this the right invite?"
	checkCertOK     = "✓ The room's certificate is the one the invite pins."
	checkWrongRoom  = "✗ The room at {{.Host}} is not the one this invite names (its certificate differs): ask the moderator for a new invite."
	checkCertFailed = "✗ The secure link to {{.Host}} failed: {{.Why}}"
	checkAllWell    = "All set: join when you are ready."
)

// hubPreflight is the hub window's camera and microphone pickers, the
// microphone's level and the check before joining.
type hubPreflight struct {
	v      *HubView
	check  app.HubPreflight
	ids    map[string]string // a device's label in a picker → its ID
	Camera *widget.Select
	Mic    *widget.Select
	Level  *levelMeter // the microphone's level at the last check
	Check  *widget.Button
	Result *widget.Label
	box    *fyne.Container
}

// EnablePreflight offers the camera and microphone pickers and the check
// before joining, over the machine's devices in p.
func (v *HubView) EnablePreflight(p app.HubPreflight) {
	f := &hubPreflight{v: v, check: p, ids: map[string]string{}, Level: newLevelMeter(), Result: widget.NewLabel("")}
	f.Result.Wrapping = fyne.TextWrapWord
	var cams, mics []string
	if p.Devices != nil {
		for _, d := range p.Devices() {
			label := d.Label
			if _, dup := f.ids[label]; dup || label == "" {
				label = fmt.Sprintf("%s (%s)", d.Label, d.ID)
			}
			f.ids[label] = d.ID
			if d.Camera {
				cams = append(cams, label)
			} else {
				mics = append(mics, label)
			}
		}
	}
	f.Camera, f.Mic = picker(cams), picker(mics)
	f.Check = widget.NewButton(tr(labelCheck), f.run)
	v.form.Append(tr(labelCamera), f.Camera) // in the join's form, its labels aligned with the others
	v.form.Append(tr(labelMicrophone), f.Mic)
	f.box = container.NewVBox(container.NewBorder(nil, nil, f.Check, nil, f.Level), f.Result)
	v.preflight = f
	v.checks.Objects = []fyne.CanvasObject{f.box}
	v.checks.Show()
}

// picker is a drop-down of labels, the first chosen; "(none found)"
// when there are none.
func picker(labels []string) *widget.Select {
	if len(labels) == 0 {
		s := widget.NewSelect([]string{tr(noneFound)}, nil)
		s.SetSelectedIndex(0)
		s.Disable()
		return s
	}
	s := widget.NewSelect(labels, nil)
	s.SetSelectedIndex(0)
	return s
}

// Chosen is the picked camera's and microphone's IDs, "" where none is.
func (f *hubPreflight) Chosen() (camera, mic string) {
	return f.ids[f.Camera.Selected], f.ids[f.Mic.Selected]
}

// run checks in the background and says the outcome in words.
func (f *hubPreflight) run() {
	inv, err := app.ParseInvite(f.v.Invite.Text)
	if err != nil {
		f.Result.SetText(tr("That is not a Floor invite: paste the floor://… link the moderator sent."))
		return
	}
	camera, mic := f.Chosen()
	audioOnly := f.v.AudioOnly.Checked
	f.Check.Disable()
	f.Result.SetText(tr("Checking…"))
	f.v.Background(func() {
		r := f.check.Check(f.v.ctx, inv, camera, mic, audioOnly)
		fyne.Do(func() { f.show(inv, r) })
	})
}

func (f *hubPreflight) show(inv app.Invite, r app.PreflightReport) {
	f.Check.Enable()
	f.Level.SetValue(r.Microphone.Level)
	var lines []string
	add := func(s string) {
		if s != "" {
			lines = append(lines, s)
		}
	}
	switch r.Camera.Status {
	case app.PreflightOK:
		add(tr(checkCameraOK, "Device", r.Camera.Detail))
	case app.PreflightMissing:
		add(tr(checkNoCamera))
	}
	switch r.Microphone.Status {
	case app.PreflightOK:
		add(tr(checkMicOK, "Device", f.Mic.Selected, "Level", int(r.Microphone.Level*100+0.5)))
	case app.PreflightMissing:
		add(tr(checkNoMic))
	case app.PreflightSilent:
		add(tr(checkMicSilent))
	case app.PreflightFailed:
		add(tr(checkMicFailed, "Why", r.Microphone.Detail))
	}
	if r.Room.Status == app.PreflightOK {
		add(tr(checkRoomOK, "Host", inv.Host))
	} else {
		add(tr(checkNoRoom, "Host", inv.Host))
	}
	switch r.Certificate.Status {
	case app.PreflightOK:
		add(tr(checkCertOK))
	case app.PreflightWrongRoom:
		add(tr(checkWrongRoom, "Host", inv.Host))
	case app.PreflightFailed:
		add(tr(checkCertFailed, "Host", inv.Host, "Why", r.Certificate.Detail))
	}
	if r.OK() {
		add(tr(checkAllWell))
	}
	f.Result.SetText(strings.Join(lines, "\n"))
}
