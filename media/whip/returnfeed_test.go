package whip_test

import (
	"context"
	"math"
	"math/cmplx"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"
	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/playback"
	"github.com/igf-floor/floor/media/returnfeed"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/whip"
)

// ear is a hub's return feed, decoded as it arrives.
type ear struct {
	mu  sync.Mutex
	pcm []int16 // interleaved stereo, 48 kHz
}

func (e *ear) hear(t *webrtc.TrackRemote) {
	dec, err := opus.NewDecoder()
	if err != nil {
		return
	}
	defer dec.Close()
	frame := make([]int16, 2*opus.FrameSamples)
	for {
		p, _, err := t.ReadRTP()
		if err != nil {
			return
		}
		n, err := dec.Decode(p.Payload, frame)
		if err != nil {
			continue
		}
		e.mu.Lock()
		e.pcm = append(e.pcm, frame[:2*n]...)
		e.mu.Unlock()
	}
}

// since is what the ear heard after sample offset from.
func (e *ear) since(from int) []int16 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]int16(nil), e.pcm[min(from, len(e.pcm)):]...)
}

func (e *ear) len() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.pcm)
}

// spectrum is the left channel's FFT magnitude at each frequency, as a
// share of the strongest bin, over a Hann window.
func spectrum(pcm []int16, hz ...float64) []float64 {
	n := len(pcm) / 2
	x := make([]float64, n)
	for i := range x {
		w := 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n-1))
		x[i] = w * float64(pcm[2*i])
	}
	coeff := fourier.NewFFT(n).Coefficients(nil, x)
	peak := 0.0
	for _, c := range coeff[1:] {
		peak = math.Max(peak, cmplx.Abs(c))
	}
	out := make([]float64, len(hz))
	for i, f := range hz {
		bin := int(math.Round(f * float64(n) / 48000))
		for b := bin - 2; b <= bin+2; b++ { // the window spreads a tone over a few bins
			out[i] = math.Max(out[i], cmplx.Abs(coeff[b])/peak)
		}
	}
	return out
}

// feedingRoom is a room that plays its hubs and sends them its return
// feed, the room's sound being its test tone.
func feedingRoom(t testing.TB, src returnfeed.Source) (*room, *playback.Room, *returnfeed.Feed) {
	feed, err := returnfeed.New(src)
	if err != nil {
		t.Fatal(err)
	}
	play := playback.NewRoom()
	play.Tap = feed.Hear
	r := newRoomFeeding(t, whip.Limits{PerAddress: 1e6, PerHub: 1e6}, hubEngine(t), app.SystemClock{}, play, feed)
	play.RequestKeyframe, play.RTT = r.server.RequestKeyframe, r.server.RTT
	ctx, cancel := context.WithCancel(context.Background())
	go feed.Run(ctx)
	t.Cleanup(func() { cancel(); play.Close(); feed.Close() })
	return r, play, feed
}

// hubWithEar joins a hub that sends its own tone (and a small picture)
// and hears the room; send-only when ear is nil.
func hubWithEar(t testing.TB, r *room, name string, toneHz float64, e *ear) floor.Hub {
	h, token := r.addHub(t, name)
	src := sender.NewTestSource(sender.Options{Width: 160, Height: 90, Kbps: 300, ToneHz: toneHz})
	o := whip.PublishOptions{Video: true, Audio: true, DataChannel: true, OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe}
	if e != nil {
		o.Hear = e.hear
	}
	pub, err := whip.Publish(context.Background(), hubEngine(t).API, r.client(token), o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go src.Run(ctx, pub.Video, pub.Audio)
	t.Cleanup(func() { cancel(); pub.PC.Close() })
	return h
}

// Two hubs on the floor hear the room and each other, never themselves; a
// queued hub hears everyone; a send-only hub still sends. Each hub sends a
// tone of its own frequency, and an FFT of what comes back says who is in it.
func TestReturnFeedIsAMixMinus(t *testing.T) {
	r, play, feed := feedingRoom(t, returnfeed.TestTone(""))
	var nairobiEar, accraEar, limaEar ear
	nairobi := hubWithEar(t, r, "Nairobi", 1000, &nairobiEar)
	accra := hubWithEar(t, r, "Accra", 1500, &accraEar)
	hubWithEar(t, r, "Lima", 2200, &limaEar)
	sendOnly := hubWithEar(t, r, "Quito", 2600, nil)
	eventually(t, "the room's tone at every hub that can hear", func() bool {
		return nairobiEar.len() > 48000 && accraEar.len() > 48000 && limaEar.len() > 48000
	})
	eventually(t, "the send-only hub's media in the room", func() bool {
		s := play.Stats(sendOnly.ID)
		return s != nil && s.Packets.Load() > 0
	})

	live := map[string]bool{nairobi.ID: true, accra.ID: true}
	play.SetLive(live)
	if err := feed.SetLive(live); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the hubs' sound through the room's jitter buffer
	from := [3]int{nairobiEar.len(), accraEar.len(), limaEar.len()}
	time.Sleep(1500 * time.Millisecond)

	const room, n, a, l = returnfeed.ToneHz, 1000.0, 1500.0, 2200.0
	heard := func(e *ear, from int) []float64 { return spectrum(e.since(from), room, n, a, l) }
	for _, c := range []struct {
		name      string
		got       []float64
		want, not []int // indexes into room, n, a, l
	}{
		{"Nairobi (live)", heard(&nairobiEar, from[0]), []int{0, 2}, []int{1, 3}},
		{"Accra (live)", heard(&accraEar, from[1]), []int{0, 1}, []int{2, 3}},
		{"Lima (queued)", heard(&limaEar, from[2]), []int{0, 1, 2}, []int{3}},
	} {
		for _, i := range c.want {
			if c.got[i] < 0.2 {
				t.Errorf("%s: too little at %v Hz: %.4f of the peak (spectrum %.4f)", c.name, []float64{room, n, a, l}[i], c.got[i], c.got)
			}
		}
		for _, i := range c.not {
			if c.got[i] > 0.01 {
				t.Errorf("%s: hears %v Hz: %.4f of the peak (spectrum %.4f)", c.name, []float64{room, n, a, l}[i], c.got[i], c.got)
			}
		}
		t.Logf("%s: room %.3f, Nairobi %.5f, Accra %.5f, Lima %.5f", c.name, c.got[0], c.got[1], c.got[2], c.got[3])
	}
}

// clicks is a room that is silent but for a 10 ms burst every 400 ms, and
// notes when each left the room's source.
type clicks struct {
	mu    sync.Mutex
	n     int // frames made
	sent  []time.Time
	tone  testsrc.Tone
	burst []int16
}

func (c *clicks) Fill(pcm []int16) {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(pcm)
	if c.n%20 == 0 {
		if c.burst == nil {
			c.tone.Freq, c.burst = 1000, make([]int16, len(pcm))
		}
		c.tone.Fill(c.burst)
		for i := range len(pcm) / 2 { // the first 10 ms, at three times the tone's level
			pcm[i] = 3 * c.burst[i]
		}
		c.sent = append(c.sent, time.Now())
	}
	c.n++
}

func (c *clicks) times() []time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Time(nil), c.sent...)
}

// BenchmarkRoomToHubClick is the room's sound reaching a hub's ear: from
// the moment a click leaves the room's source to the moment the hub plays
// the frame it starts in, out of its 40 ms jitter buffer, on loopback.
func BenchmarkRoomToHubClick(b *testing.B) {
	src := &clicks{}
	r, _, _ := feedingRoom(b, src)
	heardAt := make(chan time.Time, 1000)
	hear := func(t *webrtc.TrackRemote) {
		buf, err := playback.NewAudioBuffer()
		if err != nil {
			return
		}
		done := make(chan struct{})
		defer close(done)
		go func() { // the hub's output: a frame every 20 ms from the jitter buffer
			pcm := make([]int16, 2*opus.FrameSamples)
			quiet := true
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
				}
				if !buf.Frame(pcm) {
					continue
				}
				loud := false
				for _, v := range pcm {
					if v > 12000 || v < -12000 {
						loud = true
						break
					}
				}
				if loud && quiet {
					select {
					case heardAt <- time.Now():
					default:
					}
				}
				quiet = !loud
			}
		}()
		for {
			p, _, err := t.ReadRTP()
			if err != nil {
				return
			}
			buf.Push(p)
		}
	}
	_, token := r.addHub(b, "Nairobi")
	pub, err := whip.Publish(context.Background(), hubEngine(b).API, r.client(token), whip.PublishOptions{Audio: true, Hear: hear})
	if err != nil {
		b.Fatal(err)
	}
	defer pub.PC.Close()
	var lat []time.Duration
	b.ResetTimer()
	for range b.N {
		for got := 0; got < 10; got++ {
			at := <-heardAt
			sent := src.times()
			// the click heard is the last one sent before it was heard
			i := len(sent) - 1
			for i > 0 && sent[i].After(at) {
				i--
			}
			lat = append(lat, at.Sub(sent[i]))
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(p95(lat).Microseconds())/1000, "ms-p95")
}
