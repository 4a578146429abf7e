package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

// queueRow is what row i of the console's queue shows, made as the list
// makes it: the name line, and the group and place lines joined by " / ".
func queueRow(v *ConsoleView, i int) (string, string) {
	row := v.queue.create()
	v.queue.update(i, row)
	lines := row.(*fyne.Container).Objects
	name := lines[0].(*fyne.Container).Objects[0].(*widget.Label).Text
	return name, lines[1].(*widget.Label).Text + " / " + lines[2].(*widget.Label).Text
}

// ask fills the request form with name and group, chooses the type, and
// taps Add to queue.
func ask(v *ConsoleView, name, group string, typ floor.RequestType) {
	v.queue.Name.SetText(name)
	if group != "" {
		v.queue.Group.SetSelected(group)
	}
	v.queue.Type.SetSelectedIndex(indexOf(requestTypes(), typ))
	test.Tap(v.queue.Add)
}

func indexOf(ts []floor.RequestType, t floor.RequestType) int {
	for i, x := range ts {
		if x == t {
			return i
		}
	}
	return -1
}

// A point of order asked after a regular request is first in the queue,
// its type and time said in words (not colour alone).
func TestConsoleQueueShowsAPointOfOrderFirstInWords(t *testing.T) {
	v, _, _ := newConsole(t)
	ask(v, "Barrack Otieno", "", floor.Regular)
	ask(v, "Marilia Maciel", "Civil Society", floor.PointOfOrder)
	if name, who := queueRow(v, 0); name != "1. Marilia Maciel" || who != "Civil Society · GRULAC / POINT OF ORDER (1:00) · in the room" {
		t.Errorf("first row %q, %q", name, who)
	}
	if name, _ := queueRow(v, 1); name != "2. Barrack Otieno" {
		t.Errorf("second row %q", name)
	}
}

// After a request is added, the form's type is regular again.
func TestConsoleRequestFormTypeGoesBackToRegular(t *testing.T) {
	v, _, _ := newConsole(t)
	ask(v, "Marilia Maciel", "", floor.PointOfOrder)
	if v.queue.Type.Selected != "Regular" {
		t.Errorf("type after adding %q", v.queue.Type.Selected)
	}
}

// Next gives a point of order its own minute, whatever the preset.
func TestConsoleGivesAPointOfOrderItsOwnTime(t *testing.T) {
	v, _, _ := newConsole(t)
	test.Tap(v.StartSession)
	v.Preset.SetText("5 min")
	ask(v, "Marilia Maciel", "", floor.PointOfOrder)
	test.Tap(v.Next)
	if v.face.digits.Text != "1:00" {
		t.Errorf("a point of order's timer shows %q", v.face.digits.Text)
	}
}

// A direct reply asked before anybody spoke is refused in words.
func TestConsoleRefusesADirectReplyToNobody(t *testing.T) {
	v, _, _ := newConsole(t)
	ask(v, "Marilia Maciel", "", floor.DirectReply)
	if !strings.Contains(v.Status.Text, "nothing to reply to") || v.queue.List.Length() != 0 {
		t.Errorf("status %q, queue %d", v.Status.Text, v.queue.List.Length())
	}
}

// setBudget chooses dimension d and category c in the Budgets tab, types
// share and taps Set budget.
func setBudget(v *ConsoleView, d floor.Dimension, c, share string) {
	p := v.fair.budgets
	p.Dimension.SetSelectedIndex(indexOfDim(d))
	p.Category.SetSelected(categoryWords(c))
	p.Share.SetText(share)
	test.Tap(p.Set)
}

func indexOfDim(d floor.Dimension) int {
	for i, x := range budgetDimensions() {
		if x == d {
			return i
		}
	}
	return -1
}

// A budget set in the tab shows its plan at once.
func TestConsoleBudgetShowsItsPlan(t *testing.T) {
	v, _, _ := newConsole(t)
	v.EnableFairFloor()
	setBudget(v, floor.ByGroup, "Technical Community", "12")
	if got := v.fair.budgets.Usage[0].Text; got != "Stakeholder group · Technical Community: 0:00 of 12:00 spoken, 12:00 left · turns: 0" {
		t.Errorf("budget %q (status %q)", got, v.Status.Text)
	}
}

// The budget's used and left time move while its speaker has the floor.
func TestConsoleBudgetIsLive(t *testing.T) {
	v, _, clock := newConsole(t)
	v.EnableFairFloor()
	test.Tap(v.StartSession)
	setBudget(v, floor.ByGroup, "Technical Community", "20%")
	ask(v, "Barrack Otieno", "", floor.Regular)
	test.Tap(v.Next)
	clock.now = clock.now.Add(90 * time.Second)
	v.Tick()
	if got := v.fair.budgets.Usage[0].Text; got != "Stakeholder group · Technical Community: 1:30 of 12:00 spoken, 10:30 left · turns: 1" {
		t.Errorf("budget %q", got)
	}
}

// A share that is neither minutes nor a percentage is refused in words.
func TestConsoleBudgetRefusesAShareInWords(t *testing.T) {
	v, _, _ := newConsole(t)
	v.EnableFairFloor()
	setBudget(v, floor.ByGroup, "Civil Society", "lots")
	if !strings.Contains(v.Status.Text, "a share is minutes") || v.m.Floor().Plan != nil {
		t.Errorf("status %q, plan %v", v.Status.Text, v.m.Floor().Plan)
	}
}

// Equal time for the room and online is the IGF rule, two budgets of half.
func TestConsoleBudgetEqualRoomAndOnline(t *testing.T) {
	v, _, _ := newConsole(t)
	v.EnableFairFloor()
	test.Tap(v.fair.budgets.Equal)
	if len(v.fair.budgets.Usage) != 2 || v.fair.budgets.Usage[1].Text != "Place · online: 0:00 of 30:00 spoken, 30:00 left · turns: 0" {
		t.Errorf("budgets %d, %q", len(v.fair.budgets.Usage), v.fair.budgets.Usage[1].Text)
	}
}

// The typed requests' times are set in the Budgets tab and used by Next.
func TestConsoleSetsTheTimeOfADirectReply(t *testing.T) {
	v, _, clock := newConsole(t)
	v.EnableFairFloor()
	test.Tap(v.StartSession)
	v.fair.budgets.Reply.SetText("0:45")
	test.Tap(v.fair.budgets.SetTimes)
	ask(v, "Barrack Otieno", "", floor.Regular)
	test.Tap(v.Next)
	clock.now = clock.now.Add(time.Minute)
	ask(v, "Marilia Maciel", "", floor.DirectReply)
	test.Tap(v.EndTurn)
	test.Tap(v.Next)
	if v.face.digits.Text != "0:45" {
		t.Errorf("a direct reply's timer shows %q (status %q)", v.face.digits.Text, v.Status.Text)
	}
}

// fairRig is a console whose Technical Community has spoken two minutes,
// with group budgets of half each for it and Civil Society, and Barrack
// Otieno (Technical Community) then Marilia Maciel (Civil Society) waiting.
func fairRig(t *testing.T) *ConsoleView {
	t.Helper()
	v, _, _ := fairRigOn(t)
	return v
}

// fairRigOn is fairRig with its database.
func fairRigOn(t *testing.T) (*ConsoleView, fyne.Window, *storage.DB) {
	t.Helper()
	v, w, clock, db := newConsoleOn(t)
	v.EnableFairFloor()
	test.Tap(v.StartSession)
	setBudget(v, floor.ByGroup, "Technical Community", "50%")
	setBudget(v, floor.ByGroup, "Civil Society", "50%")
	ask(v, "David Koh", "Technical Community", floor.Regular)
	test.Tap(v.Next)
	clock.now = clock.now.Add(2 * time.Minute)
	test.Tap(v.EndTurn)
	ask(v, "Barrack Otieno", "", floor.Regular)
	ask(v, "Marilia Maciel", "Civil Society", floor.Regular)
	return v, w, db
}

// Switched on, the fair order puts Civil Society first and says why.
func TestFairOrderSuggestsWithTheReason(t *testing.T) {
	v := fairRig(t)
	test.Tap(v.fair.order.Suggest)
	first, _, _ := strings.Cut(v.fair.order.Suggestion.Text, "\n")
	if first != "1. Marilia Maciel (now 2.) — Civil Society has spoken 0:00 of its 30:00" {
		t.Errorf("suggestion %q", v.fair.order.Suggestion.Text)
	}
}

// The suggestion never reorders the queue by itself.
func TestFairOrderDoesNotReorderByItself(t *testing.T) {
	v := fairRig(t)
	test.Tap(v.fair.order.Suggest)
	v.Tick()
	if name, _ := queueRow(v, 0); name != "1. Barrack Otieno" {
		t.Errorf("first in the queue %q", name)
	}
}

// Follow the suggestion puts the queue in its order, as a move in the log.
func TestFairOrderFollowedIsInTheLog(t *testing.T) {
	v, _, db := fairRigOn(t)
	test.Tap(v.fair.order.Suggest)
	test.Tap(v.fair.order.Follow)
	if name, _ := queueRow(v, 0); name != "1. Marilia Maciel" {
		t.Errorf("first in the queue %q (status %q)", name, v.Status.Text)
	}
	cmds, err := db.FloorLog(context.Background(), app.ModerationKey(v.session.Source, v.session.GUID))
	if err != nil {
		t.Fatal(err)
	}
	if last := cmds[len(cmds)-1]; last.Kind != floor.Move || last.Pos != 0 {
		t.Errorf("the log ends with %+v", last)
	}
}

// Off, the fair order shows nothing and offers nothing to follow.
func TestFairOrderOffShowsNothing(t *testing.T) {
	v := fairRig(t)
	if v.fair.order.Suggestion.Text != "" || !v.fair.order.Follow.Disabled() {
		t.Errorf("off: %q, follow disabled %v", v.fair.order.Suggestion.Text, v.fair.order.Follow.Disabled())
	}
}

// The speaker display shows the speaker's group budget while they speak.
func TestSpeakerDisplayShowsTheGroupBudget(t *testing.T) {
	v, _, clock := newConsole(t)
	v.EnableFairFloor()
	d := NewSpeakerDisplay()
	v.AttachDisplay(d, nil)
	test.Tap(v.StartSession)
	setBudget(v, floor.ByGroup, "Technical Community", "12")
	ask(v, "Barrack Otieno", "", floor.Regular)
	test.Tap(v.Next)
	clock.now = clock.now.Add(time.Minute)
	v.Tick()
	if !d.Budget.Visible() || d.Budget.Text != "Technical Community: 1:00 of 12:00 spoken, 11:00 left · turns: 1" {
		t.Errorf("display budget %q (shown %v)", d.Budget.Text, d.Budget.Visible())
	}
	if p := os.Getenv("FLOOR_UI_PNG_DISPLAY_BUDGET"); p != "" {
		dw := test.NewWindow(d.Content())
		defer dw.Close()
		dw.Resize(fyne.NewSize(800, 480))
		writePNG(t, p, dw)
	}
}

// The Budgets and Fair order tabs at 1280×760, budgets set and the fair
// order on; FLOOR_UI_PNG_BUDGETS and FLOOR_UI_PNG_FAIR write them as pictures.
func TestConsoleBudgetsAndFairOrderTabs(t *testing.T) {
	v, w, _ := fairRigOn(t)
	v.Tabs.SelectIndex(1)
	v.Tick()
	test.AssertRendersToMarkup(t, "console/budgets.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG_BUDGETS"); p != "" {
		writePNG(t, p, w)
	}
	ask(v, "Vladimir Radunovic", "Civil Society", floor.PointOfOrder)
	test.Tap(v.fair.order.Suggest)
	v.Tabs.SelectIndex(2)
	test.AssertRendersToMarkup(t, "console/fair-order.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG_FAIR"); p != "" {
		writePNG(t, p, w)
	}
}

// The fair order and the budgets in French: the reasons and the figures.
func TestFairOrderInFrench(t *testing.T) {
	inLanguage(t, "fr")
	v := fairRig(t)
	test.Tap(v.fair.order.Suggest)
	first, _, _ := strings.Cut(v.fair.order.Suggestion.Text, "\n")
	if first != "1. Marilia Maciel (actuellement 2e) — Civil Society a parlé 0:00 de ses 30:00" || v.fair.order.Follow.Text != "Suivre la suggestion" {
		t.Errorf("suggestion %q, follow %q", v.fair.order.Suggestion.Text, v.fair.order.Follow.Text)
	}
	if got := v.fair.budgets.Usage[1].Text; got != "Groupe de parties prenantes · Civil Society : 0:00 de 30:00 parlées, reste 30:00 · tours : 0" {
		t.Errorf("budget %q", got)
	}
}

// inLanguage switches the windows to code, as a user's LANGUAGE does, and
// back to English when the test ends.
func inLanguage(t *testing.T, code string) {
	t.Helper()
	fs, dir := assets.Translations()
	t.Setenv("LANGUAGE", code)
	if err := UseLanguage(fyne.CurrentApp(), fs, dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(fs, dir) // back to English for the other tests
	})
}

// Alt+4 and Alt+5 reach the Budgets and Fair order tabs from the keyboard.
func TestAltFourAndFiveChooseBudgetsAndFairOrder(t *testing.T) {
	v, w, _ := newConsole(t)
	v.EnableFairFloor()
	alt(w.Canvas(), fyne.Key5)
	if v.Tabs.Selected().Text != "Fair order" {
		t.Errorf("Alt+5 chose %q", v.Tabs.Selected().Text)
	}
	alt(w.Canvas(), fyne.Key4)
	if v.Tabs.Selected().Text != "Budgets" {
		t.Errorf("Alt+4 chose %q", v.Tabs.Selected().Text)
	}
}

// The console's timer and the speaker display name a point of order as such.
func TestPointOfOrderIsNamedOnTheSpeakerDisplay(t *testing.T) {
	v, _, _ := newConsole(t)
	d := NewSpeakerDisplay()
	v.AttachDisplay(d, nil)
	test.Tap(v.StartSession)
	ask(v, "Marilia Maciel", "", floor.PointOfOrder)
	test.Tap(v.Next)
	if d.face.name.Text != "Marilia Maciel · POINT OF ORDER" || v.face.name.Text != d.face.name.Text {
		t.Errorf("display %q, console %q", d.face.name.Text, v.face.name.Text)
	}
}

// Times set elsewhere (floor serve, a seat) show in the Budgets tab.
func TestConsoleBudgetsTabShowsTimesSetElsewhere(t *testing.T) {
	v, _, _ := newConsole(t)
	v.EnableFairFloor()
	if err := v.m.SetTypeTimes(t.Context(), floor.TypeTimes{PointOfOrder: 30 * time.Second}); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	if v.fair.budgets.Order.Text != "0:30" || v.fair.budgets.Reply.Text != "2:00" {
		t.Errorf("times %q, %q", v.fair.budgets.Order.Text, v.fair.budgets.Reply.Text)
	}
}

// A request that arrives between the suggestion shown and Follow makes
// Follow refuse, in words: the moderator follows only what they saw.
func TestFairOrderFollowRefusesAStaleSuggestion(t *testing.T) {
	v := fairRig(t)
	test.Tap(v.fair.order.Suggest)
	if _, err := v.m.Request(t.Context(), floor.Speaker{Name: "Grace", Remote: true, Hub: "Nairobi", HubID: "hn"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(v.fair.order.Follow)
	if name, _ := queueRow(v, 0); name != "1. Barrack Otieno" || !strings.HasPrefix(v.Status.Text, "Not done: ") {
		t.Errorf("first %q, status %q", name, v.Status.Text)
	}
}
