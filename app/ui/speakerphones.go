package ui

import (
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// phoneCode is the room's phone page on the speaker display between
// turns: its QR code and its address, so the room can ask for the floor.
type phoneCode struct {
	box   *fyne.Container
	Code  *canvas.Image
	Where *widget.Label
	Room  *widget.Label // the room code, for a phone that cannot read the QR code
	key   string
}

func newPhoneCode() *phoneCode {
	p := &phoneCode{Code: canvas.NewImageFromImage(nil), Where: widget.NewLabel(""),
		Room: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	p.Room.SizeName = theme.SizeNameSubHeadingText
	p.Code.FillMode = canvas.ImageFillContain
	p.Code.ScaleMode = canvas.ImageScalePixels
	p.Code.SetMinSize(fyne.NewSize(220, 220))
	p.Where.Alignment = fyne.TextAlignCenter
	p.box = container.NewVBox(widget.NewLabelWithStyle(tr("Ask for the floor from your phone"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		p.Code, p.Room, p.Where) // the address on one line: a URL broken mid-way is typed wrong
	p.box.Hide()
	return p
}

// ShowPhones puts the phone page's QR code (of address) on the display
// while nobody has the floor; an empty address or a turn takes it away.
func (d *SpeakerDisplay) ShowPhones(address string, code image.Image, between bool) {
	on := address != "" && code != nil && between
	key := ""
	if on {
		key = address
	}
	if key == d.phones.key {
		return
	}
	d.phones.key = key
	if on {
		d.phones.Code.Image = code
		d.phones.Code.Refresh()
		setLabel(d.phones.Where, address)
		setLabel(d.phones.Room, tr("Room code {{.Code}}", "Code", address[strings.LastIndex(address, "/")+1:]))
	}
	showIf(d.phones.box, on)
	d.root.Refresh() // a Border sizes its edges only when it lays out
}
