package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// fosdemDay is a FOSDEM-sized day: 900 sessions in 35 rooms from 09:00 to
// 19:00, 20 to 50 minutes each, in Brussels.
func fosdemDay() []app.Row {
	brussels, _ := time.LoadLocation("Europe/Brussels")
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, brussels)
	rows := []app.Row{{Day: "Sunday 1 February 2026"}}
	for i := range 900 {
		room := i % 35
		start := at.Add(time.Duration(i/35) * 23 * time.Minute)
		length := time.Duration(20+i%4*10) * time.Minute
		rows = append(rows, app.Row{Session: &agenda.Session{ID: int64(i + 1), Title: fmt.Sprintf("A talk about free software number %d", i),
			Room: fmt.Sprintf("UB%d.%03d", room%5, room*7), Track: fmt.Sprintf("Devroom %d", room%12), Start: start.UTC(),
			End: start.Add(length).UTC(), Zone: "Europe/Brussels"}})
	}
	return rows
}

// BenchmarkGridOfAFOSDEMDay builds the grid of a FOSDEM-sized day, as
// choosing the grid or another day's tab does (README: < 50 ms).
func BenchmarkGridOfAFOSDEMDay(b *testing.B) {
	test.NewTempApp(b)
	p := app.NewParticipant(nil, fixedClock{}, time.UTC)
	v := &ParticipantView{p: p}
	g := newAgendaGrid(v)
	w := test.NewWindow(g.content)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	rows := fosdemDay()
	b.ResetTimer()
	for b.Loop() {
		g.show(rows, "Sunday 1 February 2026")
	}
	if len(g.Blocks) != 900 || len(g.grid.Rooms) != 35 {
		b.Fatalf("%d blocks in %d rooms", len(g.Blocks), len(g.grid.Rooms))
	}
}

// BenchmarkGridScrollFrame is one frame of scrolling a FOSDEM-sized day's
// grid at 1280×800: the offset moves 40 px down and 25 px across (back to
// the top-left at the far corner), the heading follows, and the whole
// window is painted by Fyne's software painter. Its inverse is the frame
// rate that painter reaches (README: at least 30 a second).
func BenchmarkGridScrollFrame(b *testing.B) {
	test.NewTempApp(b)
	p := app.NewParticipant(nil, fixedClock{}, time.UTC)
	v := &ParticipantView{p: p}
	g := newAgendaGrid(v)
	w := test.NewWindow(g.content)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	g.show(fosdemDay(), "Sunday 1 February 2026")
	c := w.Canvas()
	c.Capture() // the first frame measures every text once
	limit := g.scroll.Content.Size().Subtract(g.scroll.Size())
	at := fyne.NewPos(0, 0)
	frames := 0
	b.ResetTimer()
	for b.Loop() {
		at = fyne.NewPos(at.X+25, at.Y+40)
		if at.X > limit.Width || at.Y > limit.Height {
			at = fyne.NewPos(0, 0)
		}
		g.scroll.ScrollToOffset(at)
		g.scroll.OnScrolled(g.scroll.Offset)
		if img := c.Capture(); img.Bounds().Dx() == 0 {
			b.Fatal("nothing painted")
		}
		frames++
	}
	b.ReportMetric(float64(frames)/b.Elapsed().Seconds(), "frames/s")
	if g.scroll.Offset == (fyne.Position{}) && frames > 1 {
		b.Fatal("the grid did not scroll")
	}
}
