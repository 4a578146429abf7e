package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// presetWidth lays the turn's length box out 120 wide at the default text
// size and wider as the text grows: a fixed 120 left "10 min" and its
// arrow cramped together at 150 %.
type presetWidth struct{}

func (presetWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(120*theme.TextSize()/theme.DefaultTheme().Size(theme.SizeNameText), h)
}

func (presetWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, (size.Height-o.MinSize().Height)/2))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}
