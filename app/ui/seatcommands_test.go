package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The online moderator adds a request from the seat's form; the room has it.
func TestOnlineModeratorSeatAddsARequest(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Online moderator") })
	test.Type(r.v.Requests.Name, "Grace Githaiga")
	r.v.Requests.Group.SetSelected("Civil Society")
	r.v.Requests.Remote.SetChecked(true)
	test.Tap(r.v.Requests.Add)
	r.v.settle()
	q := r.mod.Floor().Queue
	if r.v.Result.Text != "" || len(q) != 1 || q[0].Speaker.Name != "Grace Githaiga" || q[0].Speaker.Group != "Civil Society" || !q[0].Speaker.Remote {
		t.Fatalf("add: %q, the room's queue %+v", r.v.Result.Text, q)
	}
	if r.v.Requests.Name.Text != "" {
		t.Errorf("the form still says %q", r.v.Requests.Name.Text)
	}
}

// Selecting a request puts it in the form; Save corrects it in the room
// and the seat's queue shows the correction.
func TestOnlineModeratorSeatCorrectsARequest(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	if _, err := r.mod.Request(context.Background(), floor.Speaker{Name: "Ana Kazakova"}); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the request on the seat", func() bool { return len(r.v.queue) == 1 })
	r.v.Queue.Select(0)
	if r.v.Requests.Name.Text != "Ana Kazakova" || r.v.Requests.Save.Disabled() {
		t.Fatalf("the form after selecting: %q, save disabled %v", r.v.Requests.Name.Text, r.v.Requests.Save.Disabled())
	}
	r.v.Requests.Name.SetText("Anastasiya Kazakova")
	r.v.Requests.Group.SetSelected("Private Sector")
	test.Tap(r.v.Requests.Save)
	r.v.settle()
	if sp := r.mod.Floor().Queue[0].Speaker; r.v.Result.Text != "" || sp.Name != "Anastasiya Kazakova" || sp.Group != "Private Sector" {
		t.Fatalf("save: %q, the room has %+v", r.v.Result.Text, sp)
	}
	r.until(t, "the correction on the seat", func() bool {
		_, ok := findShown(r.w, "1. Anastasiya Kazakova — in the room · Private Sector")
		return ok
	})
}

// ▼ moves the selected request one place later in the room's queue.
func TestOnlineModeratorSeatReordersTheQueue(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	for _, n := range []string{"Ana", "Chen"} {
		if _, err := r.mod.Request(context.Background(), floor.Speaker{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	r.until(t, "the queue on the seat", func() bool { return len(r.v.queue) == 2 })
	r.v.Queue.Select(0)
	test.Tap(r.v.Down)
	r.v.settle()
	if q := r.mod.Floor().Queue; r.v.Result.Text != "" || q[0].Speaker.Name != "Chen" {
		t.Fatalf("move: %q, the room's queue %+v", r.v.Result.Text, q)
	}
}

// The online moderator's message reaches the speaker on the floor; the
// seat shows what the speaker reads.
func TestOnlineModeratorSeatTellsTheSpeaker(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	r.onTheFloor(t, "Barrack Otieno")
	test.Type(r.v.Messages.Text, "Please wrap up in 30 seconds")
	test.Tap(r.v.Messages.Speaker)
	r.v.settle()
	if got := r.mod.Floor().Message; r.v.Result.Text != "" || got != "Please wrap up in 30 seconds" {
		t.Fatalf("tell: %q, the room's message %q", r.v.Result.Text, got)
	}
	r.until(t, "what the speaker reads, on the seat", func() bool {
		return r.v.Messages.Shown.Text == "The speaker reads: Please wrap up in 30 seconds"
	})
}

// A rapporteur is offered neither the request form nor the messages.
func TestRapporteurSeatHasNoRequestsOrMessages(t *testing.T) {
	r := newSeatRig(t, floor.RapporteurSeat)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Rapporteur") })
	for _, it := range r.v.Tabs.Items {
		if it.Text == "Request" || it.Text == "Messages" {
			t.Errorf("a rapporteur has the %s tab", it.Text)
		}
	}
	if r.v.Tabs.Selected().Text != "Report notes" || !r.v.Polls.Open.Hidden || !r.v.Plus30.Hidden {
		t.Errorf("tab %q, open poll hidden %v, +30 s hidden %v", r.v.Tabs.Selected().Text, r.v.Polls.Open.Hidden, r.v.Plus30.Hidden)
	}
}

// +30 s on a co-moderator's seat gives the speaker on the floor more time.
func TestCoModeratorSeatAddsTime(t *testing.T) {
	r := newSeatRig(t, floor.CoModerator)
	r.onTheFloor(t, "Barrack Otieno")
	test.Tap(r.v.Plus30)
	r.v.settle()
	if sp := r.mod.TimerState().Speaker; r.v.Result.Text != "" || sp == nil || sp.Allotted != 90*time.Second {
		t.Fatalf("+30 s: %q, the speaker's time %+v", r.v.Result.Text, sp)
	}
}

// A co-moderator opens the chosen poll and closes it; the seat shows each
// poll's state and count.
func TestCoModeratorSeatRunsAPoll(t *testing.T) {
	r := newSeatRig(t, floor.CoModerator)
	p, err := r.polls.Create(context.Background(), "Who should be liable for insecure products?", floor.Single, []string{"Makers", "Sellers"})
	if err != nil {
		t.Fatal(err)
	}
	r.until(t, "the poll on the seat", func() bool { return len(r.v.Polls.Pick.Options) == 1 })
	r.v.Polls.Pick.SetSelectedIndex(0)
	test.Tap(r.v.Polls.Open)
	r.v.settle()
	if cur, ok := r.polls.Current(); r.v.Result.Text != "" || !ok || cur.ID != p.ID || cur.Opened.IsZero() {
		t.Fatalf("open: %q, the room's poll %+v", r.v.Result.Text, cur)
	}
	r.until(t, "the open poll on the seat", func() bool {
		return strings.Contains(r.v.Polls.Lines.Text, "1. Who should be liable for insecure products? — open · 0 voted: Makers 0, Sellers 0")
	})
	test.Tap(r.v.Polls.Close)
	r.v.settle()
	if cur, _ := r.polls.Current(); cur.Closed.IsZero() {
		t.Fatal("the poll is still open in the room")
	}
}

// The hubs tab lists each hub with its link figures as the room measures
// them, and queues a media-only hub.
func TestSeatShowsTheHubsLinksAndQueuesAMediaOnlyHub(t *testing.T) {
	links := fixedLinks{
		{Hub: floor.Hub{ID: "h-obs", Name: "OBS La Paz"}, State: "connected", RTT: 212 * time.Millisecond, Kbps: 640, FPS: 25, PacketsLost: 31},
	}
	r := newSeatRigWith(t, floor.OnlineModerator, links)
	r.until(t, "the hub's link on the seat", func() bool {
		return strings.Contains(r.v.Hubs.Lines.Text, "OBS La Paz · connected · 25 fps · 640 kbps · rtt 212 ms · 31 lost · media only")
	})
	if len(r.v.Hubs.Pick.Options) != 1 {
		t.Fatalf("media-only hubs offered: %v", r.v.Hubs.Pick.Options)
	}
	r.v.Hubs.Pick.SetSelectedIndex(0)
	test.Tap(r.v.Hubs.Queue)
	r.v.settle()
	if q := r.mod.Floor().Queue; r.v.Result.Text != "" || len(q) != 1 || q[0].Speaker.HubID != "h-obs" || q[0].Speaker.Name != "OBS La Paz" {
		t.Fatalf("queue the media-only hub: %q, the room's queue %+v", r.v.Result.Text, q)
	}
}

// onTheFloor gives name a minute's turn in the room and waits for the seat
// to show it.
func (r *seatRig) onTheFloor(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
	if _, err := r.mod.Request(ctx, floor.Speaker{Name: name}); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the turn on the seat", func() bool { return strings.Contains(r.v.OnFloor.Text, name) })
}

// The seat's request form asks a point of order, which the room puts at
// the head of the queue and the seat's queue names in words.
func TestSeatAsksAPointOfOrder(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	if _, err := r.mod.Request(context.Background(), floor.Speaker{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the queue on the seat", func() bool { return len(r.v.queue) == 1 })
	test.Type(r.v.Requests.Name, "Nnenna Nwakanma")
	r.v.Requests.Type.SetSelected("Point of order")
	test.Tap(r.v.Requests.Add)
	r.v.settle()
	if q := r.mod.Floor().Queue; r.v.Result.Text != "" || q[0].Speaker.Type != floor.PointOfOrder {
		t.Fatalf("ask: %q, the room's queue %+v", r.v.Result.Text, q)
	}
	r.until(t, "the point of order first on the seat", func() bool {
		_, ok := findShown(r.w, "1. Nnenna Nwakanma — in the room · POINT OF ORDER")
		return ok
	})
}

// A seat's timer warns at the session's thresholds, as the room's does: a
// minute's turn with the wrap-up set at 90 s says WRAP UP at once.
func TestSeatTimerWarnsAtTheRoomsThresholds(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	r.mod.SetThresholds(timer.Thresholds{Warning: 90 * time.Second, Danger: 10 * time.Second})
	r.onTheFloor(t, "Barrack Otieno")
	r.until(t, "the room's wrap-up on the seat", func() bool { return r.v.face.words.Text == "WRAP UP" })
}
