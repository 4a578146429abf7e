package seatlink

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// The online moderator moderates the room's phones' questions from its
// own machine: it sees them waiting (the rapporteur does not), publishes,
// queues, answers and dismisses them, each in the audit with its name; a
// question already dismissed is refused a second decision in words, and
// the rapporteur's try is refused naming the right.
func TestOnlineModeratorModeratesTheAudienceFromItsSeat(t *testing.T) {
	checkRoutines(t)
	r := newRig(t)
	ctx := context.Background()
	aud, err := app.OpenAudience(ctx, r.db, r.mod, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	r.room.UseAudience(aud)
	online, _ := r.seat(t, app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator})
	rapporteur, _ := r.seat(t, app.NewSeat{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat})
	var ids []int
	for i, text := range []string{"Who certifies?", "Is liability fair?", "What of open source?", "Buy my product!"} {
		q, err := aud.AskQuestion(ctx, "phone"+string(rune('a'+i)), "Amina", text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	eventually(t, "the questions on the online moderator's screen", func() bool { return len(online.Status().State.Audience) == 4 })
	eventually(t, "the rapporteur following", func() bool { return !rapporteur.Status().Stale })
	if a := rapporteur.Status().State.Audience; a != nil {
		t.Errorf("the rapporteur sees the phones' questions: %+v", a)
	}
	st := online.Status().State
	if q := st.Audience[0]; q.State != "pending" || q.Text != "Who certifies?" || q.Name != "Amina" {
		t.Errorf("a question as the seat sees it: %+v", q)
	}
	if !slices.Contains(st.Seat.Rights, "audience") {
		t.Errorf("the online moderator's rights: %v", st.Seat.Rights)
	}
	do := func(c control.SeatCommandWire) error { return online.Do(ctx, c) } // based on the state it saw last
	for _, c := range []control.SeatCommandWire{{Verb: "publish", ID: ids[0]}, {Verb: "queue-question", ID: ids[1]},
		{Verb: "answer", ID: ids[2], Text: "The panel takes it up after the break."}, {Verb: "dismiss", ID: ids[3]}} {
		if err := do(c); err != nil {
			t.Fatalf("%s %d: %v", c.Verb, c.ID, err)
		}
	}
	eventually(t, "the decisions on the seat's screen", func() bool {
		a := online.Status().State.Audience
		return len(a) == 4 && a[3].State == "dismissed"
	})
	a := online.Status().State.Audience
	if a[0].State != "shown" || a[1].State != "queued" || a[2].State != "answered" || a[2].Answer != "The panel takes it up after the break." {
		t.Errorf("the questions after the seat's decisions: %+v", a)
	}
	q := r.mod.Floor().Queue
	if len(q) != 1 || q[0].ID != a[1].Request || q[0].Speaker.Name != "Amina" || q[0].Speaker.Source != floor.FromPhone {
		t.Fatalf("the queued question's request: %+v (question %+v)", q, a[1])
	}
	if cmds, err := r.db.FloorLog(ctx, "igf/ws234"); err != nil || cmds[len(cmds)-1].By != "Ginger Paque" {
		t.Errorf("the request's command is not signed by the seat: %+v, %v", cmds, err)
	}
	// A dismissed question cannot be approved again, nor a queued one twice.
	for _, c := range []control.SeatCommandWire{{Verb: "queue-question", ID: ids[3]}, {Verb: "publish", ID: ids[1]}, {Verb: "queue-question", ID: ids[1]}} {
		err := do(c)
		var refused *Refusal
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), "already") {
			t.Errorf("%s %d again: %v", c.Verb, c.ID, err)
		}
	}
	if n := len(r.mod.Floor().Queue); n != 1 {
		t.Errorf("the refused approvals changed the queue: %d requests", n)
	}
	err = rapporteur.Do(ctx, control.SeatCommandWire{Verb: "publish", ID: ids[0]})
	var refused *Refusal
	if !errors.As(err, &refused) || refused.Reply.Right != "audience" || !strings.Contains(err.Error(), "moderate the audience's questions") {
		t.Fatalf("the rapporteur publishing: %v", err)
	}
	audit, err := r.db.Audit(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range audit {
		if strings.HasPrefix(e.Kind, "seat-command") || strings.HasPrefix(e.Kind, "seat-refused") {
			lines = append(lines, e.Kind+" "+e.Detail)
		}
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"seat-command Ginger Paque (online moderator) publish", "seat-command Ginger Paque (online moderator) queue-question",
		"seat-command Ginger Paque (online moderator) answer", "seat-command Ginger Paque (online moderator) dismiss",
		"seat-refused Ginger Paque (online moderator) queue-question", "seat-refused Vladimir Radunovic (rapporteur) publish"} {
		if !strings.Contains(all, want) {
			t.Errorf("the audit has no %q:\n%s", want, all)
		}
	}
}
