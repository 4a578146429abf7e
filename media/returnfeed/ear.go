package returnfeed

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media/playback"
)

// Ear is a hub's side of the return feed: the room's sound through a
// jitter buffer, at the hub's volume, with a level for the meter. It is the
// audio output's io.Reader (48 kHz stereo, 16-bit little-endian).
type Ear struct {
	mu      sync.Mutex
	buf     *playback.AudioBuffer // nil until the room's track arrives
	volume  float64
	level   float64 // peak of the last frame played, 0 to 1, before the volume
	playing bool
	frame   []int16
	out     []byte
	pending []byte
}

// NewEar is an ear at full volume, silent until the room's sound arrives.
func NewEar() *Ear {
	return &Ear{volume: 1, frame: make([]int16, 2*FrameSamples), out: make([]byte, 4*FrameSamples)}
}

// Hear reads the room's track until it ends (whip.PublishOptions.Hear).
func (e *Ear) Hear(t *webrtc.TrackRemote) {
	buf, err := playback.NewAudioBuffer()
	if err != nil {
		return
	}
	e.mu.Lock()
	old := e.buf
	e.buf = buf
	e.mu.Unlock()
	if old != nil {
		old.Close()
	}
	for {
		p, _, err := t.ReadRTP()
		if err != nil {
			break
		}
		buf.Push(p)
	}
	e.mu.Lock()
	if e.buf == buf {
		e.buf, e.playing, e.level = nil, false, 0
	}
	e.mu.Unlock()
	buf.Close()
}

// SetVolume sets the hub's volume for the room, 0 (mute) to 1.
func (e *Ear) SetVolume(v float64) {
	e.mu.Lock()
	e.volume = math.Max(0, math.Min(1, v))
	e.mu.Unlock()
}

// Level is the room's sound level (peak of the last 20 ms, 0 to 1), and
// whether the room's sound is arriving at all.
func (e *Ear) Level() (float64, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.level, e.playing
}

// Read fills p with the room's sound; silence while none has come.
func (e *Ear) Read(p []byte) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for n < len(p) {
		if len(e.pending) == 0 {
			e.next()
		}
		c := copy(p[n:], e.pending)
		e.pending = e.pending[c:]
		n += c
	}
	return n, nil
}

func (e *Ear) next() {
	e.playing = e.buf != nil && e.buf.Frame(e.frame)
	if !e.playing {
		clear(e.frame)
	}
	peak := 0
	for i, v := range e.frame {
		peak = max(peak, abs(int(v)))
		s := math.Max(math.MinInt16, math.Min(math.MaxInt16, float64(v)*e.volume))
		binary.LittleEndian.PutUint16(e.out[2*i:], uint16(int16(s)))
	}
	e.level = float64(peak) / 32768
	e.pending = e.out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
