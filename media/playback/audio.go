package playback

import (
	"sync"
	"time"

	"github.com/pion/rtp"

	"github.com/igf-floor/floor/media/opus"
)

// Sound from the hubs: 48 kHz stereo, 20 ms frames.
const (
	frameSamples = opus.FrameSamples // per channel
	// Buffered is the jitter buffer's depth: playing starts once this many
	// frames (40 ms) are waiting; the device's own buffer adds about 20 ms.
	Buffered = 2
	// maxHeld bounds the packets one hub can make the room hold.
	maxHeld = 50
)

// AudioStats count what a hub's sound went through.
type AudioStats struct {
	Played, Rebuilt, Concealed, Late, Underruns int
}

// AudioBuffer is one hub's sound: Opus packets in, in any order; 20 ms
// frames out in order, a lost packet rebuilt from the next one's FEC or
// concealed, never a gap of silence in the middle of a word.
type AudioBuffer struct {
	// Played, when set, is told the RTP timestamp of each frame played and
	// when it leaves the speaker (lip sync). It runs under the buffer's lock.
	Played func(ts uint32, at time.Time)

	mu      sync.Mutex
	dec     *opus.Decoder
	packets map[uint16]heldPacket
	next    uint16
	playing bool
	missing int // frames concealed in a row
	stats   AudioStats
}

// heldPacket is one Opus packet waiting to be played.
type heldPacket struct {
	data []byte
	ts   uint32
}

// NewAudioBuffer makes an empty buffer.
func NewAudioBuffer() (*AudioBuffer, error) {
	dec, err := opus.NewDecoder()
	if err != nil {
		return nil, err
	}
	return &AudioBuffer{dec: dec, packets: map[uint16]heldPacket{}}, nil
}

// Push takes one packet.
func (b *AudioBuffer) Push(p *rtp.Packet) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.playing && before(p.SequenceNumber, b.next) {
		b.stats.Late++
		return
	}
	if len(b.packets) >= maxHeld {
		b.reset() // far behind: start again from what comes now
	}
	b.packets[p.SequenceNumber] = heldPacket{data: append([]byte(nil), p.Payload...), ts: p.Timestamp}
}

// Frame writes the next 20 ms into pcm (2×FrameSamples values) and reports
// false while buffering, when there is nothing to play.
func (b *AudioBuffer) Frame(pcm []int16) bool { return b.FrameAt(pcm, time.Time{}) }

// FrameAt is Frame for sound that leaves the speaker at at, which Played
// is told.
func (b *AudioBuffer) FrameAt(pcm []int16, at time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.playing {
		if len(b.packets) < Buffered {
			return false
		}
		b.playing, b.next = true, b.lowest()
	}
	var err error
	next, hasNext := b.packets[b.next+1]
	switch p, ok := b.packets[b.next]; {
	case ok:
		_, err = b.dec.Decode(p.data, pcm)
		b.stats.Played++
		b.missing = 0
		b.played(p.ts, at)
	case hasNext:
		_, err = b.dec.DecodeFEC(next.data, pcm)
		b.stats.Rebuilt++
		b.missing = 0
		b.played(next.ts-frameSamples, at)
	default:
		_, err = b.dec.Conceal(pcm)
		b.stats.Concealed++
		b.missing++
	}
	delete(b.packets, b.next)
	b.next++
	if err != nil {
		clear(pcm)
	}
	if b.missing > 5 { // 100 ms of nothing: the hub stopped; buffer again
		b.stats.Underruns++
		b.reset()
	}
	return true
}

func (b *AudioBuffer) played(ts uint32, at time.Time) {
	if b.Played != nil && !at.IsZero() {
		b.Played(ts, at)
	}
}

// Reset drops everything held: the hub stopped speaking to the room.
func (b *AudioBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.reset()
}

func (b *AudioBuffer) reset() {
	clear(b.packets)
	b.playing, b.missing = false, 0
}

func (b *AudioBuffer) lowest() uint16 {
	first, set := uint16(0), false
	for s := range b.packets {
		if !set || before(s, first) {
			first, set = s, true
		}
	}
	return first
}

// Stats reads the counters.
func (b *AudioBuffer) Stats() AudioStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stats
}

// Close frees the decoder.
func (b *AudioBuffer) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dec.Close()
}
