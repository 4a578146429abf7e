package playback

import (
	"encoding/binary"
	"math"
	"sync"
	"time"
)

// Mixer is what the room hears: the sound of every hub on the floor added
// together, at the moderator's volume, as 16-bit little-endian stereo at
// 48 kHz. It is the audio device's io.Reader, so the device's pace drives it.
type Mixer struct {
	mu      sync.Mutex
	sources map[string]*AudioBuffer
	volume  float64       // 0 mutes
	delay   time.Duration // from handing sound out to hearing it (the device's buffers)
	pending []byte        // mixed but not yet read
	out     []byte        // reused: pending is always read out before the next mix
	frame   []int16
	sum     []int32
}

// NewMixer mixes at full volume.
func NewMixer() *Mixer {
	return &Mixer{sources: map[string]*AudioBuffer{}, volume: 1, out: make([]byte, 4*frameSamples),
		frame: make([]int16, 2*frameSamples), sum: make([]int32, 2*frameSamples)}
}

// Set puts hub's sound in the mix, or takes it out (nil) at once.
func (m *Mixer) Set(hubID string, b *AudioBuffer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b == nil {
		delete(m.sources, hubID)
		return
	}
	m.sources[hubID] = b
}

// SetVolume sets the room's volume, 0 (mute) to 1.
func (m *Mixer) SetVolume(v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.volume = math.Max(0, math.Min(1, v))
}

// Volume is the room's volume.
func (m *Mixer) Volume() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.volume
}

// SetOutputDelay says how long sound read now takes to reach the speaker:
// the output calls it before each read. The hubs' pictures wait for it.
func (m *Mixer) SetOutputDelay(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.delay = max(d, 0)
}

// bytesPerSecond is 48 kHz × 2 channels × 2 bytes.
const bytesPerSecond = 192_000

// Read fills p with mixed sound; it never blocks and never runs dry
// (silence when nobody on the floor has sound).
func (m *Mixer) Read(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	// Sound mixed now is heard after what is still pending and after the
	// device's own delay.
	heard := time.Now().Add(m.delay)
	n := 0
	for n < len(p) {
		if len(m.pending) == 0 {
			m.mix(heard.Add(time.Duration(n) * time.Second / bytesPerSecond))
		}
		c := copy(p[n:], m.pending)
		m.pending = m.pending[c:]
		n += c
	}
	return n, nil
}

// mix makes the next 20 ms, heard at at.
func (m *Mixer) mix(at time.Time) {
	clear(m.sum)
	for _, b := range m.sources {
		if b.FrameAt(m.frame, at) {
			for i, v := range m.frame {
				m.sum[i] += int32(v)
			}
		}
	}
	for i, v := range m.sum {
		s := float64(v) * m.volume
		s = math.Max(math.MinInt16, math.Min(math.MaxInt16, s))
		binary.LittleEndian.PutUint16(m.out[2*i:], uint16(int16(s)))
	}
	m.pending = m.out
}
