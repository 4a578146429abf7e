package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// At 1280 wide with text at 150 % the console has two columns: the queue,
// with its count, and the hubs are tabs beside the Balance and Polls.
func TestConsoleFoldsWhenNarrowForItsText(t *testing.T) {
	pc := showConsole(t, "en", 1.5)
	pc.w.Resize(fyne.NewSize(1280, 800))
	v := pc.v
	if !v.folded || v.QueueTab == nil || v.HubsTab == nil {
		t.Fatalf("not folded at 1280 wide, text 150 %%: folded %v", v.folded)
	}
	if v.QueueTab.Text != "Queue (6)" {
		t.Errorf("the queue's tab reads %q, want Queue (6)", v.QueueTab.Text)
	}
	if v.Tabs.Selected() != v.QueueTab {
		t.Errorf("the folded console opens on %q, not the queue", v.Tabs.Selected().Text)
	}
}

// Alt+H and Alt+Q bring the hubs and the queue back from the keyboard.
func TestAltHAndQChooseTheFoldedHubsAndQueue(t *testing.T) {
	pc := showConsole(t, "en", 1.5)
	pc.w.Resize(fyne.NewSize(1280, 800))
	alt(pc.w.Canvas(), fyne.KeyH)
	if got := pc.v.Tabs.Selected(); got != pc.v.HubsTab {
		t.Errorf("Alt+H chose %q", got.Text)
	}
	alt(pc.w.Canvas(), fyne.KeyQ)
	if got := pc.v.Tabs.Selected(); got != pc.v.QueueTab {
		t.Errorf("Alt+Q chose %q", got.Text)
	}
}

// Widened, the console has three columns again and keeps the tab chosen.
func TestConsoleUnfoldsKeepingTheTabChosen(t *testing.T) {
	pc := showConsole(t, "en", 1.5)
	pc.w.Resize(fyne.NewSize(1280, 800))
	alt(pc.w.Canvas(), fyne.Key2) // Polls
	pc.w.Resize(fyne.NewSize(1920, 1080))
	v := pc.v
	if v.folded {
		t.Fatal("still folded at 1920 wide")
	}
	if got := v.Tabs.Selected(); got != v.tabSlots[1] {
		t.Errorf("unfolded on %q, want Polls", got.Text)
	}
	for _, it := range v.Tabs.Items {
		if it == v.QueueTab || it == v.HubsTab {
			t.Errorf("the %q tab is still in the right column", it.Text)
		}
	}
}

// Folded, in French at 150 %, the console asks no more than a 1280×800
// screen: the window is never pushed past the screen's foot.
func TestFoldedConsoleFitsA1280By800Screen(t *testing.T) {
	pc := showConsole(t, "fr", 1.5)
	pc.w.Resize(fyne.NewSize(1280, 800))
	if min := pc.v.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
		t.Errorf("the folded console asks %v, more than 1280×800", min)
	}
}
