package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app/floor"
)

// A hub chooses "Point of order" and asks: the room's queue holds a point
// of order from the hub, at its head.
func TestHubWindowAsksAPointOfOrder(t *testing.T) {
	r := newHubRoomRig(t)
	if _, err := r.m.Request(t.Context(), floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	r.v.Name.SetText("Wanjiru K.")
	r.v.Type.SetSelected("Point of order")
	test.Tap(r.v.Request)
	until(t, r.v, "queued", func() bool { return len(r.m.Floor().Queue) == 2 })
	if q := r.m.Floor().Queue[0]; q.Speaker.Name != "Wanjiru K." || q.Speaker.Type != floor.PointOfOrder || q.Speaker.HubID != "hn" {
		t.Errorf("head of the queue %+v", q)
	}
}
