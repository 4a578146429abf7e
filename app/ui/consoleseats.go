package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// seatForm is the Invite a seat… dialog's fields, named so tests fill them.
type seatForm struct {
	Name       *widget.Entry
	Role       *widget.Select
	GiveRemote *widget.Check
	dialog     *dialog.FormDialog
}

// seatRoles are the roles a seat can have, in the order the dialog offers.
var seatRoles = []floor.SeatRole{floor.OnlineModerator, floor.RapporteurSeat, floor.CoModerator}

// seatDialog asks for the person and the role of a seat of the session
// team, and shows its invite to copy.
func (p *hubsPanel) seatDialog() {
	f := &seatForm{Name: widget.NewEntry(), GiveRemote: widget.NewCheck(tr("May give the floor to remote requests"), nil)}
	var names []string
	for _, r := range seatRoles {
		names = append(names, roleWords(r.String()))
	}
	f.Role = widget.NewSelect(names, func(s string) {
		if s == roleWords(floor.OnlineModerator.String()) {
			f.GiveRemote.Enable()
		} else {
			f.GiveRemote.Disable()
		}
	})
	f.GiveRemote.SetChecked(true)
	f.Role.SetSelectedIndex(0)
	items := []*widget.FormItem{widget.NewFormItem(tr("Name"), f.Name), widget.NewFormItem(tr("Role"), f.Role),
		widget.NewFormItem("", f.GiveRemote)}
	f.dialog = dialog.NewForm(tr("Invite a seat"), tr("Invite"), tr("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		role := seatRoles[max(0, f.Role.SelectedIndex())]
		s, inv, err := p.access.InviteSeat(p.v.ctx, app.NewSeat{Name: f.Name.Text, Role: role,
			GiveRemote: role == floor.OnlineModerator && f.GiveRemote.Checked})
		if err != nil {
			p.v.do(err)
			return
		}
		p.showSeatInvite(s, inv)
	}, p.win)
	p.seats = f
	f.dialog.Show()
}

func (p *hubsPanel) showSeatInvite(s floor.Seat, inv app.Invite) {
	text := widget.NewEntry()
	text.MultiLine = true
	text.Wrapping = fyne.TextWrapBreak
	text.SetText("floor seat '" + inv.URL() + "'")
	p.seatInvite = text
	copyIt := widget.NewButton(tr("Copy invite"), func() { fyne.CurrentApp().Clipboard().SetContent(inv.URL()) })
	body := container.NewBorder(widget.NewLabel(tr("Send this privately to {{.Hub}}. The token is shown only now.", "Hub", s.Name)), copyIt, nil, nil, text)
	d := dialog.NewCustom(tr("Invite for {{.Hub}}", "Hub", s.Name), tr("Done"), body, p.win)
	d.Resize(fyne.NewSize(640, 260))
	d.Show()
}
