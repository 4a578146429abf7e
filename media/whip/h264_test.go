package whip_test

import (
	"context"
	"image"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/webrtc/v4"
	pmedia "github.com/pion/webrtc/v4/pkg/media"

	"github.com/igf-floor/floor/media/h264/h264test"
	"github.com/igf-floor/floor/media/whip"
)

// obsAPI is a WebRTC stack that, like OBS's WHIP output, offers H.264 and
// Opus and nothing else.
func obsAPI(t testing.TB) *webrtc.API {
	m := &webrtc.MediaEngine{}
	for _, c := range []webrtc.RTPCodecParameters{
		{RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeH264, ClockRate: 90000,
			SDPFmtpLine:  "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
			RTCPFeedback: []webrtc.RTCPFeedback{{Type: "nack"}, {Type: "nack", Parameter: "pli"}}}, PayloadType: 102},
	} {
		if err := m.RegisterCodec(c, webrtc.RTPCodecTypeVideo); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus,
		ClockRate: 48000, Channels: 2}, PayloadType: 111}, webrtc.RTPCodecTypeAudio); err != nil {
		t.Fatal(err)
	}
	reg := &interceptor.Registry{}
	if err := webrtc.RegisterDefaultInterceptors(m, reg); err != nil {
		t.Fatal(err)
	}
	var se webrtc.SettingEngine
	se.SetIncludeLoopbackCandidate(true)
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(reg), webrtc.WithSettingEngine(se))
}

// A hub that sends only H.264 (OBS over WHIP) is decoded on the floor and
// its turn recorded in a file ffprobe reads as H.264.
func TestH264HubIsDecodedAndRecorded(t *testing.T) {
	units := h264test.Stream(t, 320, 180, 90)
	r, play, _ := playRoom(t, hubEngine(t))
	play.Dir = t.TempDir()
	hub, token := r.addHub(t, "OBS studio")
	pub, err := whip.Publish(context.Background(), obsAPI(t), r.client(token), whip.PublishOptions{Video: true, VideoMime: webrtc.MimeTypeH264, Audio: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pub.PC.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		tick := time.NewTicker(33 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if err := pub.Video.WriteSample(pmedia.Sample{Data: units[i%len(units)], Duration: 33 * time.Millisecond}); err != nil {
				return
			}
		}
	}()
	eventually(t, "H.264 packets at the room", func() bool { s := play.Stats(hub.ID); return s != nil && s.Packets.Load() > 0 })
	play.SetLive(map[string]bool{hub.ID: true})
	var pic *image.RGBA
	eventually(t, "an H.264 picture decoded", func() bool { _, _, ok := play.Picture(hub.ID, &pic); return ok })
	if b := pic.Bounds(); b.Dx() != 320 || b.Dy() != 180 {
		t.Errorf("picture %v", b)
	}
	time.Sleep(time.Second)
	if s := play.Stats(hub.ID); s.Decoded.Load() < 20 || s.Damaged.Load() > 0 {
		t.Errorf("decoded %d, damaged %d", s.Decoded.Load(), s.Damaged.Load())
	}
	play.SetLive(map[string]bool{}) // the turn ends: its recording is closed
	ffprobe, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("no ffprobe")
	}
	files, _ := filepath.Glob(filepath.Join(play.Dir, "*.ivf"))
	if len(files) != 1 {
		t.Fatalf("recordings %v", files)
	}
	out, err := exec.Command(ffprobe, "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", files[0]).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "h264" {
		t.Errorf("ffprobe: %v %s", err, out)
	}
}
