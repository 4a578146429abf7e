package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The online moderator's Questions tab, against a real room over HTTPS:
// what the phones wrote waits there; Publish, Answer and Into the queue
// decide in the room; a question the moderator dismissed before this
// screen caught up is refused in words and nothing changes.
func TestOnlineModeratorSeatDecidesThePhonesQuestions(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	ctx := context.Background()
	var ids []int
	for i, text := range []string{"Who certifies <b>connected</b> products?", "How long are updates owed?", "Buy my product"} {
		q, err := r.aud.AskQuestion(ctx, []string{"phone-a", "phone-b", "phone-c"}[i], []string{"Amina", "", ""}[i], text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	p := r.v.Audience
	r.until(t, "the questions on the seat", func() bool { return p.item(ids[2]) != nil && !p.item(ids[0]).Publish.Disabled() })
	if got := p.item(ids[0]).Text.Text; !strings.Contains(got, "waiting for you") || !strings.Contains(got, "Amina\nWho certifies <b>connected</b> products?") {
		t.Errorf("the first question's row: %q", got)
	}
	if !strings.Contains(p.Summary.Text, "3 to decide") {
		t.Errorf("summary: %q", p.Summary.Text)
	}
	if out := os.Getenv("FLOOR_UI_PNG_SEAT_QUESTIONS"); out != "" { // the README's picture of the tab
		r.v.Tabs.Select(r.v.Tabs.Items[len(r.v.Tabs.Items)-2])
		writePNG(t, out, r.w)
	}
	test.Tap(p.item(ids[0]).Publish)
	r.v.settle()
	test.Type(p.Answer, "Five years at least.")
	test.Tap(p.item(ids[1]).AnswerIt)
	r.v.settle()
	if r.v.Result.Text != "" || p.Answer.Text != "" {
		t.Fatalf("publish and answer: %q, the answer entry %q", r.v.Result.Text, p.Answer.Text)
	}
	r.until(t, "the decisions back from the room", func() bool {
		return strings.Contains(p.item(ids[0]).Text.Text, "published to the phones") && p.item(ids[0]).Publish.Disabled() &&
			strings.Contains(p.item(ids[1]).Text.Text, "answered: Five years at least.")
	})
	test.Tap(p.item(ids[0]).Queue)
	r.v.settle()
	r.until(t, "the question in the room's queue", func() bool {
		_, ok := findShown(r.w, "1. Amina — in the room")
		return ok
	})
	// The moderator dismisses the third in the room; this screen has not
	// looked again, so its button is still on, and the room refuses.
	if err := r.aud.Dismiss(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.item(ids[2]).Queue)
	r.v.settle()
	if !strings.Contains(r.v.Result.Text, "Not done: ") || !strings.Contains(r.v.Result.Text, "already dismissed") {
		t.Errorf("queueing a dismissed question: %q", r.v.Result.Text)
	}
	if q := r.mod.Floor().Queue; len(q) != 1 {
		t.Errorf("the refused approval changed the queue: %+v", q)
	}
	r.until(t, "the dismissal on the seat", func() bool { return p.item(ids[2]).Queue.Disabled() })
}

// A seat that manages the queue sees the budgets used and left and the
// fair order's suggestion with its reasons; a rapporteur has no
// Questions tab and no phone's words.
func TestSeatShowsTheBudgetsAndTheFairOrder(t *testing.T) {
	r := newSeatRig(t, floor.CoModerator)
	ctx := context.Background()
	plan := floor.Plan{Session: time.Hour, Budgets: []floor.Budget{{Dimension: floor.ByGroup, Category: "Civil Society", Permille: 200}}}
	if err := r.mod.SetPlan(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	for _, sp := range []floor.Speaker{{Name: "Ana", Group: "Government"}, {Name: "Kwame", Group: "Government"}, {Name: "Nnenna", Group: "Civil Society"}} {
		if _, err := r.mod.Request(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	// Government has spoken, Civil Society not: the fair order suggests
	// Nnenna before Kwame, who asked first.
	if err := r.mod.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the budgets and the order on the seat", func() bool {
		return strings.Contains(r.v.Fair.Budgets.Text, "Civil Society: 0:00 of 12:00 spoken, 12:00 left") &&
			strings.Contains(r.v.Fair.Order.Text, "1. Nnenna (now 2.) — Civil Society has spoken 0:00 of its 12:00")
	})
	rap := newSeatRig(t, floor.RapporteurSeat)
	if _, err := rap.aud.AskQuestion(ctx, "phone-a", "", "Who certifies?"); err != nil {
		t.Fatal(err)
	}
	rap.until(t, "the rapporteur following", func() bool { return strings.Contains(rap.v.Who.Text, "Rapporteur") })
	for _, it := range rap.v.Tabs.Items {
		if it.Text == "Questions" {
			t.Error("a rapporteur has a Questions tab")
		}
	}
	if _, ok := findShown(rap.w, "Who certifies?"); ok || rap.v.Audience.item(1) != nil {
		t.Error("a rapporteur sees a phone's question")
	}
}
