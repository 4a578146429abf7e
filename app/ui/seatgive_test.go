package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/seatlink"
)

// An online moderator may give the floor to a remote request only: Give
// is not offered for a request in the room (it was offered, then refused),
// and is for a remote one, selected or first.
func TestOnlineModeratorIsOfferedGiveForRemoteRequestsOnly(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	ctx := context.Background()
	if err := r.mod.Ask(ctx, floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the room's queue", func() bool { return len(r.v.queue) == 1 })
	if !r.v.Give.Disabled() {
		t.Fatal("Give offered for a request in the room")
	}
	if err := r.mod.Ask(ctx, floor.Speaker{Name: "Grace Githaiga", Remote: true}); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the remote request", func() bool { return len(r.v.queue) == 2 })
	r.v.Queue.Select(1)
	if r.v.Give.Disabled() {
		t.Fatal("Give not offered for the remote request selected")
	}
	test.Tap(r.v.Give)
	r.v.settle()
	if cur := r.mod.Floor().Current; r.v.Result.Text != "" || cur == nil || cur.Speaker.Name != "Grace Githaiga" {
		t.Fatalf("give: %q, on the floor %+v", r.v.Result.Text, cur)
	}
}

// A seat whose room fell silent says STALE even while it reconnects, and
// its hubs are marked as the room's last word.
func TestSeatSaysStaleWhileReconnecting(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Online moderator") })
	r.stopRoom()
	r.until(t, "STALE", func() bool { return strings.HasPrefix(r.v.Link.Text, "STALE") })
	if !r.v.Give.Disabled() || !r.v.Requests.Add.Disabled() {
		t.Error("commands offered while the room is out of reach")
	}
}

// The room's refusals read in the window's language where the reply says
// what kind they are: a right lacking, a stale screen, the room away.
func TestSeatRefusalsReadInTheWindowsLanguage(t *testing.T) {
	test.NewTempApp(t)
	inLanguage(t, "fr")
	for _, c := range []struct {
		err  error
		want string
	}{
		{&seatlink.Refusal{Reply: control.SeatReplyWire{Error: "ending the turn needs the right to give and end turns", Right: "floor"}},
			"ce poste ne peut pas donner et terminer les tours de parole"},
		{&seatlink.Refusal{Reply: control.SeatReplyWire{Error: "the room changed", Stale: true}}, "la salle a changé depuis la dernière vue de cet écran (quelqu’un a agi avant) ; rien n’a été fait"},
		{seatlink.ErrOutOfReach, "la salle est injoignable : rien n’a été envoyé"},
		{&seatlink.Refusal{Reply: control.SeatReplyWire{Error: "request 9 is not waiting in the queue"}}, "request 9 is not waiting in the queue"},
	} {
		if got := refusalWords(c.err); got != c.want {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
}
