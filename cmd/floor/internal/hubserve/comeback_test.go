package hubserve

import (
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/cmd/floor/internal/hubjoin"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

// livePicture reports whether the console would show a decoded picture of
// the hub on the floor now.
func livePicture(s *Serving, hubID string) bool {
	var dst *image.RGBA
	_, age, ok := s.Play.Picture(hubID, &dst)
	return ok && age < time.Second
}

// A WHIP client without Floor's control channel (as OBS connects) is
// queued by the moderator, given the floor, decoded and recorded under its
// request like any remote turn.
func TestMediaOnlyClientIsQueuedGivenTheFloorAndRecorded(t *testing.T) {
	ctx := context.Background()
	s, db, m := openTestRoom(t, nil)
	dir := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	obs, token, err := dir.Add(ctx, app.NewHub{Name: "La Paz studio", City: "La Paz", Region: "Latin American and Caribbean Group (GRULAC)"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := media.NewEngine(media.Config{ListenAddr: "127.0.0.1:0", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	src := sender.NewTestSource(sender.Options{Width: 320, Height: 180, Kbps: 800})
	pub, err := whip.Publish(ctx, e.API, whip.NewPinnedClient(s.Addr.String(), token, s.Pin),
		whip.PublishOptions{Video: true, Audio: true, OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go src.Run(runCtx, pub.Video, pub.Audio)
	defer pub.Leave(ctx)
	waitUntil(t, "the client listed as media only", func() bool {
		for _, l := range s.Links() {
			if l.Hub.ID == obs.ID && l.State == "connected" && !l.Control {
				return true
			}
		}
		return false
	})
	id, err := s.QueueHub(ctx, obs.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Give(ctx, id, timer.CountDown, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "its picture decoded", func() bool { return livePicture(s, obs.ID) })
	time.Sleep(1500 * time.Millisecond)
	if err := m.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the recording finished", func() bool {
		recs, _ := db.Recordings(ctx, "igf/ws234")
		return len(recs) == 1 && !recs[0].Ended.IsZero()
	})
	recs, _ := db.Recordings(ctx, "igf/ws234")
	if recs[0].Request != id || recs[0].Hub != obs.ID {
		t.Fatalf("recording %+v, want request %d of %s", recs[0], id, obs.ID)
	}
	if st, err := os.Stat(recs[0].Video); err != nil || st.Size() < 1000 {
		t.Fatalf("video file %s: %v", recs[0].Video, err)
	}
	if iv := m.Floor().Interventions; len(iv) != 1 || iv[0].Speaker.HubID != obs.ID || iv[0].Speaker.Name != "La Paz studio" {
		t.Fatalf("interventions %+v", iv)
	}
}

// The hub on the floor loses its connection (the room sees it closed) and
// comes back by itself: its turn never stopped, its picture is decoded
// again, and its recording goes on under the same request (in the same
// file); the balance counts the turn once.
func TestHubOnTheFloorComesBackAndItsRecordingGoesOn(t *testing.T) {
	ctx := context.Background()
	s, db, m := openTestRoom(t, nil)
	dir := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dir.Add(ctx, app.NewHub{Name: "Nairobi", City: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	j, err := hubjoin.Join(ctx, app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin},
		hubjoin.Options{Source: "test", Width: 320, Height: 180, Clock: app.SystemClock{}})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Leave()
	if err := j.Client().RequestFloor(floor.Speaker{Name: "Grace Githaiga"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the request", func() bool { return len(m.Floor().Queue) == 1 })
	if err := m.Give(ctx, 0, timer.CountDown, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the picture", func() bool { return livePicture(s, h.ID) })
	request := m.Floor().Current.Request

	// The connection closes under the hub (a laptop's Wi-Fi, a crashed
	// tab): the room sees it closed, the hub's link mends it.
	first := j.Link.Publisher()
	first.PC.Close()
	lost := time.Now()
	waitUntil(t, "a new connection", func() bool { return j.Link.Publisher() != first && j.Link.State().Up() })
	waitUntil(t, "the picture decoded again", func() bool {
		var back bool
		for _, p := range s.Room.Present() {
			back = back || p.Hub.ID == h.ID && p.Away.IsZero()
		}
		return back && livePicture(s, h.ID)
	})
	t.Logf("connection dropped → picture decoded again in %v", time.Since(lost).Round(time.Millisecond))
	if cur := m.Floor().Current; cur == nil || cur.Request != request {
		t.Fatalf("the turn after the reconnect: %+v", cur)
	}
	time.Sleep(2 * time.Second)
	if err := m.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the recording finished", func() bool {
		recs, _ := db.Recordings(ctx, "igf/ws234")
		done := 0
		for _, r := range recs {
			if !r.Ended.IsZero() {
				done++
			}
		}
		return len(recs) >= 1 && done == len(recs)
	})
	// The room keeps one recording per turn and hub: the frames after the
	// reconnect go on in the same file, and every frame decodes.
	recs, _ := db.Recordings(ctx, "igf/ws234")
	for _, r := range recs {
		if r.Request != request || r.Hub != h.ID {
			t.Errorf("recording %+v is not the turn's (request %d)", r, request)
		}
	}
	if ffprobe, err := exec.LookPath("ffprobe"); err == nil {
		out, err := exec.Command(ffprobe, "-v", "error", "-count_frames", "-select_streams", "v",
			"-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", recs[0].Video).CombinedOutput()
		frames, _ := strconv.Atoi(strings.TrimSpace(string(out)))
		// 30 a second over the whole turn, before the drop and after it.
		turn := recs[0].Ended.Sub(recs[0].Started)
		t.Logf("frames decoded: %d over %v", frames, turn.Round(time.Millisecond))
		if err != nil || frames < int(0.7*30*turn.Seconds()) {
			t.Errorf("ffprobe read %q frames of the recording (%v): the part after the reconnect is missing or broken", out, err)
		}
		// The new connection's RTP clock starts anew: the files must still
		// run in order for the turn's length, not jump by hours.
		for _, f := range []string{recs[0].Video, recs[0].Audio} {
			out, err := exec.Command(ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", f).CombinedOutput()
			d, _ := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
			t.Logf("%s: %.2f s", filepath.Ext(f), d)
			if err != nil || d < turn.Seconds()-1 || d > turn.Seconds()+1 {
				t.Errorf("%s lasts %q s (%v), the turn %v", filepath.Base(f), out, err, turn)
			}
		}
	}
	if iv := m.Floor().Interventions; len(iv) != 1 {
		t.Fatalf("the turn counted %d times", len(iv))
	}
}

// With no sound card the console says the room cannot hear the hubs, in
// words that read ("on the no audio device" did not).
func TestSoundWordsWithoutAnAudioDevice(t *testing.T) {
	s, db, m := openTestRoom(t, nil)
	a := &Access{DB: db, Moderator: m, Clock: app.SystemClock{}}
	a.serving = s
	got := a.Sound()
	if s.Sound.Why == nil {
		t.Skipf("this machine has an audio device: %q", got)
	}
	if !strings.HasPrefix(got, "the room cannot hear the hubs: no audio device (null output); the hubs hear the room's") {
		t.Fatalf("%q", got)
	}
}
