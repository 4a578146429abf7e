package playback

import (
	"context"
	"errors"
	"image"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/rtp"

	"github.com/igf-floor/floor/media/fec"
	"github.com/igf-floor/floor/media/h264"
	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/vpx"
)

// VideoStats are what a receiver counts, read while it runs.
type VideoStats struct {
	Packets, Frames, Decoded, Damaged, Lost, Discarded atomic.Int64
	// Rebuilt counts packets rebuilt from the hub's repair packets (FEC).
	Rebuilt          atomic.Int64
	KeyframeRequests atomic.Int64
	Width, Height    atomic.Int64
	// Latency is capture → decoded for the last frame whose stamp could be
	// read (the hub's test source paints its capture time); 0 otherwise.
	LatencyMicros atomic.Int64
}

// Video receives one hub's video: RTP in, pictures out.
type Video struct {
	Stats VideoStats
	// Show gets every decoded picture with its RTP timestamp, in the
	// receiver's goroutine; the picture is reused by the next frame, so
	// Show copies what it keeps. capturedAt is the test source's stamp.
	Show func(img *image.YCbCr, ts uint32, capturedAt time.Time)
	// RequestKeyframe sends a PLI; it is called when loss broke the picture
	// and then at most every KeyframeEvery.
	RequestKeyframe func()
	KeyframeEvery   time.Duration
	// RecordFrame gets every whole frame before decoding (the recorder).
	RecordFrame func(Frame)
	// Decode says whether to decode now: only the hub on the floor is
	// decoded; the others are assembled and recorded, cheaply.
	Decode func() bool
	// Latencies, when set, gets every capture → decoded latency measured.
	Latencies func(time.Duration)
	// RTT, when set, is read once a second to size the wait for a
	// retransmission: one round trip, plus one NACK interval and a margin.
	RTT func() time.Duration

	asm      *Assembler
	fec      fec.Recoverer
	repairs  chan *rtp.Packet
	dec      decoder
	decoding bool // decoding now; off → on waits for a keyframe
	waitKey  bool
	mu       sync.Mutex
	last     time.Time // last keyframe request
}

// decoder is libvpx's VP8 decoder or openh264's.
type decoder interface {
	Decode(frame []byte) (*image.YCbCr, error)
	Close()
}

// NewVideo makes a VP8 receiver that waits up to wait (about one RTT) for a
// retransmission.
func NewVideo(wait time.Duration) (*Video, error) { return NewVideoOf(VP8, wait) }

// NewVideoOf makes a receiver of codec.
func NewVideoOf(codec Codec, wait time.Duration) (*Video, error) {
	var dec decoder
	var err error
	switch codec {
	case H264:
		dec, err = h264.NewDecoder()
	default:
		dec, err = vpx.NewDecoder()
	}
	if err != nil {
		return nil, err
	}
	return &Video{asm: NewAssemblerOf(codec, wait), dec: dec, KeyframeEvery: 500 * time.Millisecond,
		repairs: make(chan *rtp.Packet, 64)}, nil
}

// Repair takes one of the hub's repair packets (from another goroutine);
// when the receiver is behind, it is dropped.
func (v *Video) Repair(p *rtp.Packet) {
	select {
	case v.repairs <- p:
	default:
	}
}

// Run reads packets with read until it fails or ctx ends.
func (v *Video) Run(ctx context.Context, read func() (*rtp.Packet, error)) error {
	defer v.dec.Close()
	packets := make(chan *rtp.Packet, 256)
	errc := make(chan error, 1)
	go func() {
		for {
			p, err := read()
			if err != nil {
				errc <- err
				close(packets)
				return
			}
			select {
			case packets <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	rtt := time.NewTicker(time.Second)
	defer rtt.Stop()
	if v.RTT != nil {
		v.asm.Wait = WaitFor(v.RTT())
	}
	for {
		var frames []Frame
		select {
		case <-ctx.Done():
			return nil
		case <-rtt.C:
			if v.RTT != nil {
				v.asm.Wait = WaitFor(v.RTT())
			}
		case p, ok := <-packets:
			if !ok {
				return <-errc
			}
			v.Stats.Packets.Add(1)
			now := time.Now()
			frames = v.asm.Push(p, now)
			for _, q := range v.fec.Media(p, now) {
				frames = append(frames, v.asm.Push(q, now)...)
			}
		case p := <-v.repairs:
			now := time.Now()
			for _, q := range v.fec.Repair(p, now) {
				frames = append(frames, v.asm.Push(q, now)...)
			}
		case now := <-tick.C:
			for _, q := range v.fec.Tick(now) {
				frames = append(frames, v.asm.Push(q, now)...)
			}
			frames = append(frames, v.asm.Tick(now)...)
		}
		for _, f := range frames {
			if v.RecordFrame != nil {
				v.RecordFrame(f)
			}
			v.decode(f)
		}
		v.Stats.Rebuilt.Store(int64(v.fec.Rebuilt))
		v.Stats.Lost.Store(int64(v.asm.Lost))
		v.Stats.Discarded.Store(int64(v.asm.Discarded))
		v.Stats.Frames.Store(int64(v.asm.Frames))
		if v.asm.NeedKeyframe() {
			v.askKeyframe()
		}
	}
}

func (v *Video) decode(f Frame) {
	on := v.Decode == nil || v.Decode()
	if on && !v.decoding {
		// Frames were skipped: their references are missing until a keyframe.
		v.waitKey = true
	}
	v.decoding = on
	if !on {
		return
	}
	if v.waitKey && !f.Keyframe {
		v.askKeyframe()
		return
	}
	v.waitKey = false
	img, err := v.dec.Decode(f.Data)
	switch {
	case errors.Is(err, vpx.ErrCorrupt), errors.Is(err, h264.ErrCorrupt) && img != nil:
		v.Stats.Damaged.Add(1)
		v.askKeyframe()
	case err != nil || img == nil:
		v.Stats.Damaged.Add(1)
		v.askKeyframe()
		return
	}
	v.Stats.Decoded.Add(1)
	v.Stats.Width.Store(int64(img.Rect.Dx()))
	v.Stats.Height.Store(int64(img.Rect.Dy()))
	var captured time.Time
	if _, at, ok := testsrc.ReadStamp(img); ok {
		captured = at
		lat := time.Since(at)
		v.Stats.LatencyMicros.Store(lat.Microseconds())
		if v.Latencies != nil {
			v.Latencies(lat)
		}
	}
	if v.Show != nil {
		v.Show(img, f.Timestamp, captured)
	}
}

func (v *Video) askKeyframe() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.RequestKeyframe == nil || time.Since(v.last) < v.KeyframeEvery {
		return
	}
	v.last = time.Now()
	v.Stats.KeyframeRequests.Add(1)
	v.RequestKeyframe()
}

// WaitFor is how long a hole in a frame waits for its retransmission when
// the round trip is rtt. The NACK leaves at the next generator tick (at most
// 20 ms) and the packet is back one round trip later; when that copy is lost
// too, the next NACK brings another a round trip after. Waiting for two
// rounds costs only the rare twice-lost frame some latency, where giving up
// after one freezes the picture until a keyframe: under 2 % loss at 50 ms
// each way, one round lost 1–2 frames in 10 s and two rounds none, at the
// same 95th percentile; with FEC rebuilding most losses, one round still
// lost a frame in one run of three there, and 2 of ~300 among sixteen hubs.
func WaitFor(rtt time.Duration) time.Duration {
	return min(max(2*rtt+55*time.Millisecond, 40*time.Millisecond), 600*time.Millisecond)
}
