package whip_test

import (
	"testing"
	"time"

	"github.com/igf-floor/floor/media"
)

// A hub sending repair packets to a room that does not take them (an older
// Floor, another WHIP server) is answered without the repair line and sends
// its video all the same.
func TestHubWithRepairJoinsARoomWithout(t *testing.T) {
	e, err := media.NewEngine(media.Config{ListenAddr: "127.0.0.1:0", Loopback: true, NoRepair: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	r, play, _ := playRoom(t, e)
	hub, token := r.addHub(t, "Nairobi")
	live := map[string]bool{hub.ID: true}
	play.SetLive(live)
	sendTestFEC(t, r, token, hubEngine(t), 320, 180, true)
	r.server.SetLive(live)
	eventually(t, "pictures decoded", func() bool { s := play.Stats(hub.ID); return s != nil && s.Decoded.Load() > 10 })
}

// Under 5 % loss each way the live hub's lost packets are rebuilt from the
// repair packets as they arrive, and the picture never has to wait for a
// keyframe.
func TestRepairPacketsRebuildLostVideo(t *testing.T) {
	roomNet, hubNet := wan(t, 10*time.Millisecond, 0, 0.05)
	r, play, _ := playRoom(t, roomNet)
	hub, token := r.addHub(t, "Nairobi")
	live := map[string]bool{hub.ID: true}
	play.SetLive(live)
	sendTest(t, r, token, hubNet, 640, 360)
	r.server.SetLive(live)
	eventually(t, "packets rebuilt", func() bool { s := play.Stats(hub.ID); return s != nil && s.Rebuilt.Load() >= 5 })
	st := play.Stats(hub.ID)
	t.Logf("%d packets, %d rebuilt, %d frames decoded, %d lost", st.Packets.Load(), st.Rebuilt.Load(), st.Decoded.Load(), st.Lost.Load())
}
