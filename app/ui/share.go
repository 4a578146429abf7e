package ui

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/agenda/ical"
	"github.com/igf-floor/floor/app/qr"
)

// qrPixels is the side of the shared agenda's QR code: large enough for a
// phone's camera across a table.
const qrPixels = 280

// File names the share panel offers (names, not text for people).
const (
	qrFileName  = "my-agenda-qr.png"
	icsMyAgenda = "my-agenda-%s.ics"
)

// sharePanel is My agenda that travels without an account: a floor://
// link and its QR code (the favourites' keys, nothing else), My agenda as
// an iCalendar file, and a shared agenda pasted to be taken in.
type sharePanel struct {
	Link      *widget.Entry // the link to send
	Copy      *widget.Button
	QR        *canvas.Image
	SaveQR    *widget.Button
	ExportICS *widget.Button // My agenda as one .ics
	Paste     *widget.Entry  // a shared agenda's link
	Add       *widget.Button
	Picture   *widget.Button // a picture of a code, read for its link
	Result    *widget.Label
	content   fyne.CanvasObject
}

// Share is the last share panel shown, for tests.
func (v *ParticipantView) Share() *sharePanel { return v.share }

// ShowShare opens the share panel (Ctrl+Shift+S).
func (v *ParticipantView) ShowShare() {
	link, n, err := v.p.ShareMyAgenda(v.ctx)
	if err != nil {
		v.Status.SetText(tr("Could not share My agenda: {{.Why}}", "Why", err.Error()))
		return
	}
	p := &sharePanel{Link: widget.NewEntry(), Paste: widget.NewEntry(), Result: widget.NewLabel("")}
	p.Link.SetText(link)
	p.Link.OnChanged = func(string) { p.Link.SetText(link) } // read only, yet selectable and copyable
	p.Result.Wrapping = fyne.TextWrapWord
	p.Copy = widget.NewButton(tr("Copy link"), func() {
		fyne.CurrentApp().Clipboard().SetContent(link)
		p.Result.SetText(tr("The link is on the clipboard."))
	})
	png, err := qr.PNG(link, qrPixels)
	if err == nil {
		p.QR = canvas.NewImageFromReader(bytes.NewReader(png), qrFileName)
	} else { // more sessions than one code holds: the link still works
		p.QR = canvas.NewImageFromResource(nil)
		p.Result.SetText(tr("My agenda is too long for one QR code; send the link."))
	}
	p.QR.FillMode = canvas.ImageFillContain
	p.QR.SetMinSize(fyne.NewSize(qrPixels, qrPixels))
	p.SaveQR = widget.NewButton(tr("Save the QR code…"), func() { v.save(qrFileName, png) })
	if png == nil {
		p.SaveQR.Disable()
	}
	p.ExportICS = widget.NewButton(tr("Export My agenda .ics…"), v.exportMyAgenda)
	p.Paste.SetPlaceHolder(tr("Paste a shared agenda's floor://agenda link"))
	p.Add = widget.NewButton(tr("Add to My agenda"), func() {
		got, err := v.p.ImportShared(v.ctx, p.Paste.Text)
		if err != nil {
			p.Result.SetText(tr("Not added: {{.Why}}", "Why", err.Error()))
			return
		}
		p.Paste.SetText("")
		words := tr("{{.Added}} of its {{.N}} sessions added to My agenda.", "Added", got.Added, "N", got.Sessions)
		if got.Unknown > 0 {
			words += " " + tr("{{.N}} are of schedules this Floor has not imported: they join My agenda when you import them.", "N", got.Unknown)
		}
		p.Result.SetText(words)
		v.refresh()
	})
	p.Picture = v.newOpenPicture(p)
	intro := widget.NewLabel(tr("My agenda ({{.N}} sessions) as a link another Floor opens: only which sessions, nothing about you.", "N", n))
	if n == 1 {
		intro.SetText(tr("My agenda (1 session) as a link another Floor opens: only which session, nothing about you."))
	}
	intro.Wrapping = fyne.TextWrapWord
	p.content = container.NewVBox(intro, container.NewBorder(nil, nil, nil, p.Copy, p.Link),
		container.NewCenter(p.QR), container.NewHBox(p.SaveQR, p.ExportICS), widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, p.Add, p.Paste), container.NewHBox(p.Picture), p.Result)
	v.share = p
	if v.window == nil {
		return
	}
	d := dialog.NewCustom(tr("Share My agenda"), tr("Close"), container.NewVScroll(p.content), v.window)
	d.Resize(fyne.NewSize(640, 640))
	d.Show()
}

// exportMyAgenda writes every session of My agenda as one iCalendar file.
func (v *ParticipantView) exportMyAgenda() {
	favs, err := v.p.MyAgendaWhole(v.ctx)
	if err != nil {
		v.Status.SetText(tr("Could not export My agenda: {{.Why}}", "Why", err.Error()))
		return
	}
	var b bytes.Buffer
	if err := ical.Write(&b, tr("My agenda"), favs, v.p.Now()); err != nil {
		v.Status.SetText(tr("Could not export My agenda: {{.Why}}", "Why", err.Error()))
		return
	}
	v.save(fmt.Sprintf(icsMyAgenda, v.p.Now().Format("2006-01-02")), b.Bytes())
}
