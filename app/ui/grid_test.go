package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Ctrl+G shows the chosen day as a grid: a column per room, a block per
// session; with All days it takes the shown session's day.
func TestCtrlGShowsTheDayAsAGrid(t *testing.T) {
	s := startAgenda(t, debConfFile(t))
	defer s.end()
	test.Tap(s.v.filters.Days.Tab("Mon 11 Sep 2023"))
	ctrlG := &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault}
	s.w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrlG)
	if !s.v.gridOn || s.v.List.Visible() || !s.v.grid.content.Visible() || s.v.View.Selected != "Grid" {
		t.Fatalf("after Ctrl+G: grid %v, list shown %v", s.v.gridOn, s.v.List.Visible())
	}
	g := s.v.grid
	if !strings.HasPrefix(g.Note.Text, "Monday 11 September 2023: 17 sessions in 4 rooms") || len(g.Blocks) != 17 {
		t.Fatalf("the grid: %q, %d blocks", g.Note.Text, len(g.Blocks))
	}
}

// Tapping a block shows its session in the detail pane and outlines it.
func TestGridBlockOpensItsSession(t *testing.T) {
	s := startAgenda(t, debConfFile(t))
	defer s.end()
	test.Tap(s.v.filters.Days.Tab("Tue 12 Sep 2023"))
	s.v.setGrid(true)
	b := s.v.grid.Blocks[len(s.v.grid.Blocks)/2]
	test.Tap(b)
	if s.v.selected != b.block.Session.ID || !b.chosen || !strings.Contains(richText(s.v), b.block.Session.Title) {
		t.Fatalf("after tapping %q the pane shows %d", b.block.Session.Title, s.v.selected)
	}
}

// A block reached with Tab opens with Space, for a user with the keyboard
// alone.
func TestGridBlockOpensWithSpace(t *testing.T) {
	s := startAgenda(t, debConfFile(t))
	defer s.end()
	test.Tap(s.v.filters.Days.Tab("Tue 12 Sep 2023"))
	s.v.setGrid(true)
	b := s.v.grid.Blocks[0]
	s.w.Canvas().Focus(b)
	test.Type(b, " ")
	if s.v.selected != b.block.Session.ID {
		t.Fatalf("Space on %q: the pane shows %d", b.block.Session.Title, s.v.selected)
	}
}

// The grid view is kept for the next start.
func TestAgendaRemembersTheGrid(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	test.Tap(first.v.filters.Days.Tab("Wed 13 Sep 2023"))
	first.v.View.SetSelected("Grid")
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if !again.v.gridOn || len(again.v.grid.Blocks) == 0 || !strings.HasPrefix(again.v.grid.Note.Text, "Wednesday 13 September 2023") {
		t.Fatalf("at the next start: grid %v, %q", again.v.gridOn, again.v.grid.Note.Text)
	}
}
