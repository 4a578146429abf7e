package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/qr"
)

// pictureExtensions are the files the picture dialog lists (names, not words).
func pictureExtensions() []string { return []string{".png", ".jpg", ".jpeg"} }

// newOpenPicture is the share panel's way in for a code that arrived as a
// picture: a saved QR code, a screenshot, a phone's photo of a screen.
func (v *ParticipantView) newOpenPicture(p *sharePanel) *widget.Button {
	return widget.NewButton(tr("Open a picture of a code…"), func() {
		if v.window == nil {
			return
		}
		d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil || rc == nil {
				return // cancelled, or the dialog said why
			}
			defer rc.Close()
			data, err := io.ReadAll(io.LimitReader(rc, qr.MaxPictureBytes+1))
			if err != nil {
				p.Result.SetText(tr("Not added: {{.Why}}", "Why", err.Error()))
				return
			}
			v.takePicture(p, data)
		}, v.window)
		d.SetFilter(storage.NewExtensionFileFilter(pictureExtensions()))
		d.Show()
	})
}

// takePicture reads the code in a picture and adds its agenda, as a pasted
// link is added; a picture without a code is refused in words.
func (v *ParticipantView) takePicture(p *sharePanel, data []byte) {
	link, err := qr.ReadPicture(data)
	if err != nil {
		p.Result.SetText(tr("Not added: {{.Why}}", "Why", err.Error()))
		return
	}
	p.Paste.SetText(link)
	p.Add.OnTapped()
}
