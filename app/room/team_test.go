package room

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type teamRig struct {
	db   *storage.DB
	mod  *app.Moderator
	room *Room
	seat map[floor.SeatRole]floor.Seat
}

func openTeamRig(t *testing.T) *teamRig {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	r := &teamRig{db: db, seat: map[floor.SeatRole]floor.Seat{}}
	if r.mod, err = app.OpenModerator(ctx, db, clock, "igf/ws234"); err != nil {
		t.Fatal(err)
	}
	r.room = New(Config{Moderator: r.mod, Clock: clock, SessionTitle: "WS #234", Questions: []string{"Q one?", "Q two?"},
		Record: db, SessionKey: "igf/ws234", Audit: db, Seat: db.Seat})
	t.Cleanup(r.room.Close)
	dir := app.SeatDirectory{Store: db, Clock: clock}
	for _, n := range []app.NewSeat{{Name: "Ginger Paque", Role: floor.OnlineModerator, GiveRemote: true},
		{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat}, {Name: "Co Mod", Role: floor.CoModerator}} {
		s, _, err := dir.Add(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		r.seat[n.Role] = s
	}
	return r
}

// Every verb against every role: what each may do is the table,
// and a refusal names the right.
func TestSeatRightsByRole(t *testing.T) {
	online := floor.Seat{Name: "Ginger", Role: floor.OnlineModerator, GiveRemote: true}
	onlineNoGive := floor.Seat{Name: "Ginger", Role: floor.OnlineModerator}
	rapporteur := floor.Seat{Name: "Vladimir", Role: floor.RapporteurSeat}
	co := floor.Seat{Name: "Co", Role: floor.CoModerator}
	unknown := floor.Seat{Name: "?"}
	allowed := map[Verb][]floor.Seat{
		Ask: {online, onlineNoGive, co}, Withdraw: {online, onlineNoGive, co}, Move: {online, onlineNoGive, co},
		QueueHub: {online, onlineNoGive, co}, Say: {online, onlineNoGive, co}, Edit: {online, onlineNoGive, co}, Tell: {online, onlineNoGive, co},
		Give: {co}, End: {co}, JoinTurn: {co}, Question: {co}, Start: {co}, Pause: {co}, Resume: {co}, AddTime: {co},
		OpenPoll: {co}, ClosePoll: {co},
		Takeaway: {rapporteur, co}, Call: {rapporteur, co}, KeyPoint: {rapporteur, co},
		Publish: {online, onlineNoGive, co}, QueueQuestion: {online, onlineNoGive, co}, Answer: {online, onlineNoGive, co}, Dismiss: {online, onlineNoGive, co},
	}
	for _, v := range Verbs() {
		for _, s := range []floor.Seat{online, onlineNoGive, rapporteur, co, unknown} {
			want := false
			for _, a := range allowed[v] {
				want = want || a == s
			}
			err := Allowed(s, v, false)
			if (err == nil) != want {
				t.Errorf("%s as %s (give remote %v): %v, want allowed %v", v, s.Role, s.GiveRemote, err, want)
			}
			if err != nil && (!errors.Is(err, ErrNoRight) || !strings.Contains(err.Error(), Needs(v, false).Words())) {
				t.Errorf("%s as %s: the refusal %q does not name the right", v, s.Role, err)
			}
		}
	}
	if err := Allowed(online, Give, true); err != nil {
		t.Errorf("an online moderator may give the floor to a remote request: %v", err)
	}
	if err := Allowed(onlineNoGive, Give, true); err == nil {
		t.Error("an online moderator the moderator switched off gave the floor")
	}
	if err := Allowed(rapporteur, Give, true); err == nil {
		t.Error("a rapporteur gave the floor")
	}
}

// Two seats press Give at the same moment on the same state: exactly one
// wins, the other is told in words, and the floor changed once.
func TestTwoSeatsGiveAtOnceExactlyOneWins(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	for _, n := range []string{"Anriette", "Kwame"} {
		if _, err := r.mod.Request(ctx, floor.Speaker{Name: n, Remote: true, Hub: "Nairobi"}); err != nil {
			t.Fatal(err)
		}
	}
	base := r.mod.Base()
	seats := []floor.Seat{r.seat[floor.OnlineModerator], r.seat[floor.CoModerator]}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, s := range seats {
		wg.Go(func() { errs[i] = r.room.Do(ctx, s, SeatCommand{Verb: Give, Base: base}) })
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, app.ErrStale):
			t.Errorf("the loser was refused with %v, want the room changed", err)
		}
	}
	fs := r.mod.Floor()
	if won != 1 || fs.Current == nil || fs.Current.Speaker.Name != "Anriette" || len(fs.Queue) != 1 {
		t.Fatalf("%d won; on the floor %+v, queue %d", won, fs.Current, len(fs.Queue))
	}
	log, err := r.db.FloorLog(ctx, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if last := log[len(log)-1]; last.Kind != floor.Give || last.By == "" {
		t.Errorf("the Give is logged as %+v, with no seat's name", last)
	}
}

// A Give based on a state where the request was still waiting, after it
// was withdrawn, is refused and changes nothing.
func TestGiveToAWithdrawnRequestIsRefused(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	id, err := r.mod.Request(ctx, floor.Speaker{Name: "Kwame", Remote: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := r.mod.Base()
	if err := r.mod.Withdraw(ctx, id); err != nil {
		t.Fatal(err)
	}
	before := r.mod.Floor()
	err = r.room.Do(ctx, r.seat[floor.OnlineModerator], SeatCommand{Verb: Give, ID: id, Base: seen})
	if err == nil {
		t.Fatal("gave the floor to a withdrawn request")
	}
	if after := r.mod.Floor(); after.Applied != before.Applied || after.Current != nil {
		t.Fatalf("the floor changed: %+v", after)
	}
}

// The rapporteur writes a takeaway and marks a turn as a key point; the
// team's record keeps who wrote what, and a command it has no right to is
// refused naming the right.
func TestRapporteurWritesTheRecordAndNothingElse(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	if _, err := r.mod.Request(ctx, floor.Speaker{Name: "Kwame"}); err != nil {
		t.Fatal(err)
	}
	if err := r.room.Do(ctx, r.seat[floor.CoModerator], SeatCommand{Verb: Give, Base: r.mod.Base()}); err != nil {
		t.Fatal(err)
	}
	tlog, err := r.db.TimerLog(ctx, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if last := tlog[len(tlog)-1]; last.By != "Co Mod" {
		t.Errorf("the Give's timer command is logged as %+v, not signed by the co-moderator", last)
	}
	rap := r.seat[floor.RapporteurSeat]
	if err := r.room.Do(ctx, rap, SeatCommand{Verb: Takeaway, Text: "Security by design needs incentives."}); err != nil {
		t.Fatal(err)
	}
	if err := r.room.Do(ctx, rap, SeatCommand{Verb: KeyPoint, Turn: 1, Text: "Liability for insecure products"}); err != nil {
		t.Fatal(err)
	}
	if err := r.room.Do(ctx, rap, SeatCommand{Verb: KeyPoint, Turn: 5, Text: "no such turn"}); err == nil {
		t.Error("a key point on a turn that never happened was kept")
	}
	err = r.room.Do(ctx, rap, SeatCommand{Verb: End, Base: r.mod.Base()})
	if !errors.Is(err, ErrNoRight) || !strings.Contains(err.Error(), "give and end turns") {
		t.Errorf("the rapporteur ending the turn: %v", err)
	}
	v, err := r.room.View(ctx, rap)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) != 2 || v.Notes[0].By != "Vladimir Radunovic" || v.Notes[1].Kind != floor.KeyPoint || v.Notes[1].Turn != 1 {
		t.Fatalf("the team's record: %+v", v.Notes)
	}
	if v.Floor.Current == nil {
		t.Error("the turn ended")
	}
	audit, err := r.db.Audit(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, e := range audit {
		if e.Kind == "seat-refused" && strings.Contains(e.Detail, "Vladimir Radunovic") {
			refused++
		}
	}
	if refused != 2 {
		t.Errorf("%d refusals audited, want 2: %+v", refused, audit)
	}
}

// No more than app.MaxSeats seats connected at once; a seat's second
// connection counts once.
func TestNinthSeatIsRefused(t *testing.T) {
	r := openTeamRig(t)
	var leaves []func()
	for i := range app.MaxSeats {
		leave, err := r.room.ArriveSeat(floor.Seat{ID: string(rune('a' + i)), Name: "seat"})
		if err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, leave)
	}
	if _, err := r.room.ArriveSeat(floor.Seat{ID: "a", Name: "again"}); err != nil {
		t.Errorf("a seat's second window: %v", err)
	}
	if _, err := r.room.ArriveSeat(floor.Seat{ID: "z", Name: "ninth"}); !errors.Is(err, ErrFull) {
		t.Fatalf("a ninth seat: %v", err)
	}
	leaves[1]()
	if _, err := r.room.ArriveSeat(floor.Seat{ID: "z", Name: "ninth"}); err != nil {
		t.Errorf("a seat after one left: %v", err)
	}
}

// The online moderator corrects a request's name and group and tells the
// speaker to wrap up; the room keeps the place and the hub, signs both
// commands with the seat's name, and the next turn clears the message.
func TestOnlineModeratorEditsARequestAndTellsTheSpeaker(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	online := r.seat[floor.OnlineModerator]
	for _, sp := range []floor.Speaker{{Name: "Kwame"}, {Name: "nairobi hub", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}} {
		if _, err := r.mod.Request(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	id := r.mod.Floor().Queue[1].ID
	err := r.room.Do(ctx, online, SeatCommand{Verb: Edit, Base: r.mod.Base(), ID: id,
		Speaker: floor.Speaker{Name: "Grace Githaiga", Group: "civil society", Region: "African Group"}})
	if err != nil {
		t.Fatal(err)
	}
	q := r.mod.Floor().Queue[1]
	if q.Speaker.Name != "Grace Githaiga" || q.Speaker.Group != "Civil Society" || q.Speaker.HubID != "h-nbo" || !q.Speaker.Remote {
		t.Fatalf("the edited request: %+v", q.Speaker)
	}
	err = r.room.Do(ctx, online, SeatCommand{Verb: Edit, Base: r.mod.Base(), ID: id, Speaker: floor.Speaker{Name: "X", Group: "Martians"}})
	if err == nil {
		t.Error("an unknown stakeholder group was kept")
	}
	if err := r.room.Do(ctx, online, SeatCommand{Verb: Tell, Base: r.mod.Base(), Text: "Please wrap up"}); !errors.Is(err, floor.ErrNobody) {
		t.Errorf("a message with nobody on the floor: %v", err)
	}
	if err := r.mod.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := r.room.Do(ctx, online, SeatCommand{Verb: Tell, Base: r.mod.Base(), Text: "Please wrap up in 30 seconds"}); err != nil {
		t.Fatal(err)
	}
	if got := r.mod.Floor().Message; got != "Please wrap up in 30 seconds" {
		t.Fatalf("the message on the floor: %q", got)
	}
	if err := r.room.Do(ctx, r.seat[floor.RapporteurSeat], SeatCommand{Verb: Tell, Base: r.mod.Base(), Text: "hi"}); !errors.Is(err, ErrNoRight) {
		t.Errorf("the rapporteur messaged the speaker: %v", err)
	}
	flog, err := r.db.FloorLog(ctx, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if last := flog[len(flog)-1]; last.Kind != floor.Message || last.By != "Ginger Paque" {
		t.Errorf("the message is logged as %+v", last)
	}
	if err := r.mod.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := r.mod.Floor().Message; got != "" {
		t.Errorf("the next speaker still reads %q", got)
	}
}

// A seat's Give without a time gives a point of order its type's time, not
// the regular three minutes.
func TestSeatGivesAPointOfOrderItsTypesTime(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	if _, err := r.mod.Request(ctx, floor.Speaker{Name: "Kwame"}); err != nil {
		t.Fatal(err)
	}
	co := r.seat[floor.CoModerator]
	if err := r.room.Do(ctx, co, SeatCommand{Verb: Ask, Base: r.mod.Base(), Speaker: floor.Speaker{Name: "Nnenna", Type: floor.PointOfOrder}}); err != nil {
		t.Fatal(err)
	}
	if q := r.mod.Floor().Queue; q[0].Speaker.Name != "Nnenna" {
		t.Fatalf("the point of order is not at the head: %+v", q)
	}
	if err := r.room.Do(ctx, co, SeatCommand{Verb: Give, Base: r.mod.Base()}); err != nil {
		t.Fatal(err)
	}
	sp := r.mod.TimerState().Speaker
	if want := floor.DefaultTypeTimes().PointOfOrder; sp == nil || sp.Name != "Nnenna" || sp.Allotted != want {
		t.Fatalf("the point of order was given %+v (want %v)", sp, want)
	}
}
