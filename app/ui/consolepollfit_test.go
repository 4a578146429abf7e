package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/igf-floor/floor/app/floor"
)

// Issue 18: the Polls tab's status ran over the Open and Close buttons. At
// 1280×780, in French (the longer words), an open poll's status wraps
// above the buttons and within the tab.
func TestPollsTabStatusStaysAboveItsButtons(t *testing.T) {
	inLanguage(t, "fr")
	pc := newPollConsole(t)
	v, w := pc.v, pc.w
	v.EnableFairFloor()
	ctx := context.Background()
	p, err := pc.polls.Create(ctx, "Who should certify connected products in every region of the world?", floor.Single,
		[]string{"Vendors", "Regulators", "Third parties"})
	if err != nil {
		t.Fatal(err)
	}
	if err := pc.polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1280, 780))
	v.Tabs.Select(v.tabSlots[1])
	v.Tick()
	d := fyne.CurrentApp().Driver()
	pp := v.pollPanel
	info, open := d.AbsolutePositionForObject(pp.Info), d.AbsolutePositionForObject(pp.Open)
	if pp.Info.Text == "" || info.Y+pp.Info.Size().Height > open.Y+1 {
		t.Errorf("status %q ends at %.0f, the buttons begin at %.0f", pp.Info.Text, info.Y+pp.Info.Size().Height, open.Y)
	}
	tab := d.AbsolutePositionForObject(v.Tabs).X + v.Tabs.Size().Width
	if end := info.X + pp.Info.Size().Width; end > tab+1 {
		t.Errorf("status ends at %.0f, past the tab's edge at %.0f", end, tab)
	}
	if end := d.AbsolutePositionForObject(pp.Close).X + pp.Close.Size().Width; end > tab+1 {
		t.Errorf("Close ends at %.0f, past the tab's edge at %.0f", end, tab)
	}
}
