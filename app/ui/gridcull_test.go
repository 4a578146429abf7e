package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
)

// fosdemGrid shows a FOSDEM-sized day's grid in a 1280×800 window.
func fosdemGrid(t *testing.T) (*ParticipantView, fyne.Window) {
	test.NewTempApp(t)
	v := &ParticipantView{p: app.NewParticipant(nil, fixedClock{}, time.UTC), gridOn: true}
	v.grid = newAgendaGrid(v)
	w := test.NewWindow(v.grid.content)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1280, 800))
	v.canvas = w.Canvas()
	v.installGridKeys()
	v.grid.show(fosdemDay(), "Sunday 1 February 2026")
	return v, w
}

func inTree(g *agendaGrid, b *gridBlock) bool {
	return slices.Contains(g.body.Objects, fyne.CanvasObject(b))
}

// Fyne paints every object in the tree each frame, seen or not: the grid
// holds the blocks near the view only, and the others once scrolled to.
func TestGridHoldsOnlyTheBlocksNearTheView(t *testing.T) {
	v, _ := fosdemGrid(t)
	g := v.grid
	first, last := g.Blocks[0], g.Blocks[len(g.Blocks)-1]
	held := len(g.body.Objects) - len(g.fixed)
	if held == 0 || held > 300 || !inTree(g, first) || inTree(g, last) {
		t.Fatalf("%d of %d blocks held; the first %v, the last %v", held, len(g.Blocks), inTree(g, first), inTree(g, last))
	}
	v.ScrollGrid(1e6, 1e6) // to the day's far corner
	if !inTree(g, last) || inTree(g, first) {
		t.Fatalf("at the far corner: the last block held %v, the first %v", inTree(g, last), inTree(g, first))
	}
}

// Alt+Down scrolls the grid two hours, Alt+Right three rooms, for a user
// with the keyboard alone; the rooms' heading follows.
func TestAltArrowsScrollTheGrid(t *testing.T) {
	v, w := fosdemGrid(t)
	typed := w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
	g := v.grid
	if want := fyne.NewPos(3*gridColumn, 2*gridHour); g.scroll.Offset != want || g.headRow.Offset.X != want.X {
		t.Fatalf("after Alt+Down and Alt+Right: %v (heading at %v), want %v", g.scroll.Offset, g.headRow.Offset, want)
	}
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	typed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if g.scroll.Offset.X != 0 {
		t.Fatalf("scrolled left past the first room: %v", g.scroll.Offset)
	}
}

// Tab walks the blocks one after another, however far, and each one it
// reaches is brought into view.
func TestTabReachesEveryBlockInView(t *testing.T) {
	v, w := fosdemGrid(t)
	g := v.grid
	c := w.Canvas()
	c.Focus(g.Blocks[0])
	for i := 1; i < 80; i++ {
		c.FocusNext()
		b := g.Blocks[i]
		if c.Focused() != b {
			t.Fatalf("Tab %d: the focus is on %v, not block %d", i, c.Focused(), i)
		}
		at, view, p := g.scroll.Offset, g.scroll.Size(), b.Position()
		if p.X < at.X || p.Y < at.Y || p.X+b.Size().Width > at.X+view.Width || p.Y+b.Size().Height > at.Y+view.Height {
			t.Fatalf("block %d at %v is out of the view %v+%v", i, p, at, view)
		}
	}
}
