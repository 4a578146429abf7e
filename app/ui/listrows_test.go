package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// The console wakes once a second and refreshes the queue and the hub
// list. A refresh that changed nothing must make no row: a row made inside
// the lists' theme override clears Fyne's whole text-measure cache, and
// then every label in the window is shaped again.
func TestAnUnchangedQueueAndHubListMakeNoRowEachSecond(t *testing.T) {
	v, w, clock := newConsole(t)
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		if err := v.m.Ask(v.ctx, floor.Speaker{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	nairobi := floor.Hub{ID: "hn", Name: "Nairobi"}
	v.EnableHubs(&memoryAccess{hubs: []floor.Hub{nairobi},
		links: []app.HubLink{{Hub: nairobi, State: "connected", RTT: 42 * time.Millisecond, FPS: 30, Kbps: 310, Control: true}}}, w)
	made := map[string]int{}
	queueCreate, hubCreate := v.queue.List.CreateItem, v.hubs.List.CreateItem
	v.queue.List.CreateItem = func() fyne.CanvasObject { made["queue"]++; return queueCreate() }
	v.hubs.List.CreateItem = func() fyne.CanvasObject { made["hubs"]++; return hubCreate() }
	v.queue.refresh()
	v.hubs.reload()
	test.WidgetRenderer(v.queue.List) // rows exist before counting
	made = map[string]int{}
	for range 5 {
		clock.now = clock.now.Add(time.Second)
		v.queue.refresh()
		v.hubs.reload()
		v.Tick()
	}
	if made["queue"] != 0 || made["hubs"] != 0 {
		t.Errorf("five unchanged seconds made %d queue rows and %d hub rows", made["queue"], made["hubs"])
	}
	// A change still reaches the screen.
	if err := v.m.Ask(v.ctx, floor.Speaker{Name: "David Koh"}); err != nil {
		t.Fatal(err)
	}
	v.queue.refresh()
	if got := v.queue.List.Length(); got != 3 {
		t.Errorf("the queue lists %d requests after a third asked", got)
	}
}
