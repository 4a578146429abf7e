package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// End turn pressed by mistake: Undo (or Ctrl+Z) puts the speaker back on
// the floor with the time they had left; then there is nothing to undo.
func TestConsoleUndoesAnEndTurn(t *testing.T) {
	v, w, clock := newConsole(t)
	if !v.Undo.Disabled() {
		t.Error("Undo is offered before anything was done")
	}
	consoleWithDisplay(t, v, w)
	clock.now = clock.now.Add(40 * time.Second)
	test.Tap(v.EndTurn)
	if v.face.words.Text != "NO SPEAKER" || v.Undo.Disabled() {
		t.Fatalf("after End turn: %q, undo disabled %v", v.face.words.Text, v.Undo.Disabled())
	}
	ctrlZ := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrlZ)
	if v.face.name.Text != "Barrack Otieno" || v.face.digits.Text != "2:20" || v.Status.Text != "" {
		t.Errorf("after Ctrl+Z: %q %q, status %q", v.face.name.Text, v.face.digits.Text, v.Status.Text)
	}
	if !v.Undo.Disabled() {
		t.Error("an undo can be undone")
	}
}
