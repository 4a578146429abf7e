package whip_test

import (
	"context"
	"image"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/whip"
)

// lipSync is what a run of a beeping hub measured in the room: for each
// beep, how long after capture the room heard it; for each picture, how
// long after capture it was decoded and how long after capture it was shown.
type lipSync struct {
	heard, decoded, shown []time.Duration
	hold                  time.Duration
}

// skew is the median sound latency minus the median picture latency:
// positive when the sound comes after the picture.
func skew(heard, seen []time.Duration) time.Duration {
	return median(heard) - median(seen)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// measureLipSync runs a hub whose test source beeps at each whole second of
// capture time through engines for d, with an audio device that is heard
// outputDelay after it reads (the test plays the device: 20 ms every 20 ms).
// Beep onsets are found in what the room's mixer gives the device; the
// pictures' capture times are read back from the stamps they carry.
func measureLipSync(t testing.TB, roomNet, hubNet *media.Engine, outputDelay, d time.Duration) lipSync {
	r, play, _ := playRoom(t, roomNet)
	hub, token := r.addHub(t, "Nairobi")
	var mu sync.Mutex
	var got lipSync
	play.Latencies = func(_ string, l time.Duration) { mu.Lock(); got.decoded = append(got.decoded, l); mu.Unlock() }
	var pic *image.RGBA
	play.Changed = func(id string) {
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		if fresh, _, ok := play.Picture(id, &pic); ok && fresh {
			if _, at, ok := testsrc.ReadStampRGBA(pic); ok {
				got.shown = append(got.shown, now.Sub(at))
			}
		}
	}
	live := map[string]bool{hub.ID: true}
	play.SetLive(live)
	src := sender.NewTestSource(sender.Options{Width: 640, Height: 360, Kbps: 1500, ToneHz: 660, SyncBeep: true})
	pub, err := whip.Publish(context.Background(), hubNet.API, r.client(token), whip.PublishOptions{
		Video: true, Audio: true, DataChannel: true, OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go src.Run(ctx, pub.Video, pub.Audio)
	defer func() { cancel(); pub.PC.Close() }()
	r.server.SetLive(live)

	// The device: every 20 ms it takes 20 ms of sound, heard outputDelay later.
	type block struct {
		at  time.Time
		pcm []byte
	}
	var sound []block
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for end := time.Now().Add(d); time.Now().Before(end); {
		<-tick.C
		play.Mixer.SetOutputDelay(outputDelay)
		b := block{at: time.Now().Add(outputDelay), pcm: make([]byte, 3840)}
		if _, err := play.Mixer.Read(b.pcm); err != nil {
			t.Fatal(err)
		}
		sound = append(sound, b)
	}
	got.hold = play.LipSyncHold(hub.ID)

	// Beep onsets: a 10 ms window slid 1 ms at a time; the beep has begun
	// when the window is half in it (a quarter of the full power).
	var pcm []byte
	var times []time.Time // of each sample
	for _, b := range sound {
		pcm = append(pcm, b.pcm...)
		for i := 0; i < len(b.pcm)/4; i++ {
			times = append(times, b.at.Add(time.Duration(i)*time.Second/testsrc.SampleRate))
		}
	}
	const window, step = 480, 48
	var power []float64
	full := 0.0
	for i := 0; i+window <= len(times); i += step {
		p := testsrc.TonePower(pcm[4*i:4*(i+window)], testsrc.MarkFreq)
		power = append(power, p)
		full = max(full, p)
	}
	var last time.Time
	for k := 1; k < len(power); k++ {
		if power[k] >= full/4 && power[k-1] < full/4 {
			onset := times[k*step+window/2]
			if !last.IsZero() && onset.Sub(last) < 500*time.Millisecond {
				continue
			}
			last = onset
			got.heard = append(got.heard, onset.Sub(onset.Truncate(time.Second))) // latency under 1 s
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return got
}

// The room shows a hub's pictures in step with its sound: the picture is
// held back by what the sound spends in the jitter buffer and the device,
// on the hub's clock from its RTCP sender reports. The device here is
// heard 80 ms after it reads, as USB and Bluetooth speakers are; without
// the hold the sound would come 100 ms or more after the lips.
func TestLipSyncFromSenderReports(t *testing.T) {
	if raceDetector {
		t.Skip("timing under the race detector is not the product's; .ci/run runs this test without -race")
	}
	got := measureLipSync(t, hubEngine(t), hubEngine(t), 80*time.Millisecond, 6*time.Second)
	if len(got.heard) < 4 || len(got.shown) < 50 {
		t.Fatalf("%d beeps heard, %d pictures shown", len(got.heard), len(got.shown))
	}
	unsynced, synced := skew(got.heard, got.decoded), skew(got.heard, got.shown)
	t.Logf("sound %v after capture (beeps %v); pictures decoded %v, shown %v after capture; hold %v; skew %v unsynced, %v synced",
		median(got.heard), got.heard, median(got.decoded), median(got.shown), got.hold, unsynced, synced)
	if unsynced < 80*time.Millisecond {
		t.Fatalf("the sound came only %v after the decoded picture: the measurement cannot see the device's delay", unsynced)
	}
	if synced < -40*time.Millisecond || synced > 40*time.Millisecond {
		t.Fatalf("sound %v off the shown picture, outside ±40 ms", synced)
	}
}

// BenchmarkLipSync80msDevice is the skew of sound against picture (median,
// positive when the sound is later) with a device heard 80 ms after it
// reads: as shown (held for the sound), and as decoded (had nothing been
// held), over 6 s per run.
func BenchmarkLipSync80msDevice(b *testing.B) {
	var synced, unsynced []time.Duration
	for i := 0; i < b.N; i++ {
		got := measureLipSync(b, hubEngine(b), hubEngine(b), 80*time.Millisecond, 6*time.Second)
		synced = append(synced, skew(got.heard, got.shown))
		unsynced = append(unsynced, skew(got.heard, got.decoded))
	}
	b.ReportMetric(float64(median(synced))/1e6, "skew-ms")
	b.ReportMetric(float64(median(unsynced))/1e6, "unheld-skew-ms")
}
