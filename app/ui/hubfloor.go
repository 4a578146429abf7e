package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// onFloorBanner is the hub window's large ON THE FLOOR, shown while the
// hub has the floor, as the browser page's: the remote speaker knows from
// across the room that the room hears them.
type onFloorBanner struct {
	text    *canvas.Text
	content *fyne.Container
}

func newOnFloorBanner() *onFloorBanner {
	b := &onFloorBanner{text: canvas.NewText(tr("ON THE FLOOR"), color.Black)}
	b.text.TextSize = 40
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.Alignment = fyne.TextAlignCenter
	b.content = container.NewStack(canvas.NewRectangle(color.White), b.text)
	b.content.Hide()
	return b
}

// show shows the banner while live.
func (b *onFloorBanner) show(live bool) { showIf(b.content, live) }
