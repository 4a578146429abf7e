package whip_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

// TestHubsChild is the far side of BenchmarkHold16Hubs, run in its own
// process so the room's CPU is measured alone: it joins every hub in
// FLOOR_HOLD_TOKENS and sends the test source until killed.
func TestHubsChild(t *testing.T) {
	tokens := os.Getenv("FLOOR_HOLD_TOKENS")
	if tokens == "" {
		t.Skip("only as BenchmarkHold16Hubs's child")
	}
	host, pin := os.Getenv("FLOOR_HOLD_HOST"), os.Getenv("FLOOR_HOLD_PIN")
	for _, token := range strings.Split(tokens, ",") {
		e := hubEngine(t)
		src := sender.NewTestSource(sender.Options{Width: 320, Height: 180, FPS: 30})
		pub, err := whip.Publish(context.Background(), e.API, whip.NewPinnedClient(host, token, pin),
			whip.PublishOptions{Video: true, Audio: true, DataChannel: true, OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe})
		if err != nil {
			t.Fatal(err)
		}
		go src.Run(context.Background(), pub.Video, pub.Audio)
	}
	select {}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHold16Hubs is the room holding 16 queued hubs (each sending
// video at the queued cap and audio) for 10 s: its CPU per hub, in percent
// of one core, with the hubs in another process.
func BenchmarkHold16Hubs(b *testing.B) {
	const hubs = 16
	for i := 0; i < b.N; i++ {
		r := newRoom(b, whip.Limits{MaxHubs: hubs, PerAddress: 1e6, PerHub: 1e6})
		var tokens []string
		for h := 0; h < hubs; h++ {
			_, token := r.addHub(b, "Hub "+string(rune('A'+h)))
			tokens = append(tokens, token)
		}
		child := exec.Command(os.Args[0], "-test.run=^TestHubsChild$", "-test.timeout=0")
		child.Env = append(os.Environ(), "FLOOR_HOLD_TOKENS="+strings.Join(tokens, ","),
			"FLOOR_HOLD_HOST="+r.http.Listener.Addr().String(), "FLOOR_HOLD_PIN="+r.pin)
		if err := child.Start(); err != nil {
			b.Fatal(err)
		}
		eventually(b, "16 hubs sending", func() bool {
			qs := r.server.Quality()
			if len(qs) != hubs {
				return false
			}
			for _, q := range qs {
				if q.Packets == 0 || !q.ControlOpen {
					return false
				}
			}
			return true
		})
		time.Sleep(2 * time.Second) // past the first keyframes and rate changes
		r.server.Quality()
		cpu0, wall0 := cpuTime(), time.Now()
		time.Sleep(10 * time.Second)
		cpu, wall := cpuTime()-cpu0, time.Since(wall0)
		var kbps float64
		for _, q := range r.server.Quality() {
			kbps += q.Kbps
		}
		child.Process.Kill()
		child.Wait()
		b.ReportMetric(100*cpu.Seconds()/wall.Seconds()/hubs, "cpu-%-per-hub")
		b.ReportMetric(kbps/hubs, "kbps-per-hub")
	}
}
