package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Labels of the confidence monitor's invite, as constants so the
// translation check finds them.
const (
	labelMonitor     = "Display link…"
	labelCopyMonitor = "Copy display link"
)

// newMonitorButton offers the confidence monitor's link: the speaker
// display in a browser, for a tablet on the lectern or a second screen.
func (p *hubsPanel) newMonitorButton() *widget.Button {
	p.Monitor = widget.NewButton(tr(labelMonitor), p.monitorDialog)
	return p.Monitor
}

// monitorDialog shows the link to copy, or says it needs the room open.
func (p *hubsPanel) monitorDialog() {
	link := p.access.DisplayLink()
	if link == "" {
		dialog.ShowInformation(tr(labelMonitor), tr("Open to hubs first: the speaker display page is served only while Floor is open to hubs."), p.win)
		return
	}
	text := widget.NewEntry()
	text.MultiLine = true
	text.Wrapping = fyne.TextWrapBreak
	text.SetText(link)
	p.monitorLink = text
	copyIt := widget.NewButton(tr(labelCopyMonitor), func() { fyne.CurrentApp().Clipboard().SetContent(link) })
	about := widget.NewLabel(tr("Open this in a browser on the lectern's tablet or a second screen: it shows the speaker display, read-only. The link changes each time Floor opens to hubs."))
	about.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(about, copyIt, nil, nil, text)
	d := dialog.NewCustom(tr(labelMonitor), tr("Done"), body, p.win)
	d.Resize(fyne.NewSize(640, 300))
	d.Show()
}
