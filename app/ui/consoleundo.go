package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// labelUndo is the Undo button's label, a constant for the translation check.
const labelUndo = "Undo (Ctrl+Z)"

// newUndo makes the Undo button and its shortcut: the last floor action
// (an End turn pressed by mistake, a wrong Give) is taken back, in the log.
func (v *ConsoleView) newUndo() *widget.Button {
	v.Undo = widget.NewButton(tr(labelUndo), v.undo)
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { v.undo() })
	return v.Undo
}

func (v *ConsoleView) undo() { v.do(v.m.Undo(v.ctx)) }
