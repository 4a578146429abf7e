// Package playback is the room's side of a hub's media: frames assembled
// from RTP as soon as their last packet arrives, decoded, handed to the
// screen; sound decoded with loss concealment; everything recorded from the
// payloads before decoding.
package playback

import (
	"time"

	"github.com/pion/rtp"
)

// Frame is one whole video frame: a VP8 frame, or an H.264 access unit in
// Annex B form.
type Frame struct {
	Data      []byte
	Timestamp uint32 // RTP, 90 kHz
	Keyframe  bool
	Arrived   time.Time // when its last packet came in
	Codec     Codec
}

// Assembler builds VP8 frames from RTP packets and hands each out the
// moment it is whole: on the marker bit when nothing is missing, which
// costs no delay (Pion's samplebuilder waits for the next frame's first
// packet, a whole frame time). A frame with a hole waits up to Wait for
// the retransmission NACK brings, then is given up; after that only a
// keyframe restarts the picture, and NeedKeyframe says so.
type Assembler struct {
	Wait time.Duration // how long a hole may wait for a retransmission: about one RTT

	codec   Codec
	format  format
	packets map[uint16]*rtp.Packet
	next    uint16 // the first sequence number not yet used or given up
	highest uint16 // the highest sequence number seen
	started bool
	broken  bool      // a frame was lost: decode nothing until a keyframe
	holeAt  time.Time // when a packet after a missing one arrived: the NACK went out then
	// Counters for the console and the tests.
	Frames, Lost, Discarded int
}

// NewAssembler assembles VP8 and waits up to wait for a lost packet.
func NewAssembler(wait time.Duration) *Assembler { return NewAssemblerOf(VP8, wait) }

// NewAssemblerOf assembles codec (VP8 or H264).
func NewAssemblerOf(codec Codec, wait time.Duration) *Assembler {
	f := format(vp8Format{})
	if codec == H264 {
		f = h264Format{}
	}
	return &Assembler{Wait: wait, codec: codec, format: f, packets: map[uint16]*rtp.Packet{}}
}

// maxPending bounds the packets held: a hub sending garbage or a burst of
// loss cannot grow the map without end.
const maxPending = 2048

// Push takes one packet received at now and returns the frames it
// completes, in order.
func (a *Assembler) Push(p *rtp.Packet, now time.Time) []Frame {
	if !a.started {
		a.started, a.next, a.highest = true, p.SequenceNumber, p.SequenceNumber
	}
	if before(p.SequenceNumber, a.next) {
		return nil // too late, or a duplicate of what is done
	}
	if before(a.highest, p.SequenceNumber) {
		a.highest = p.SequenceNumber
	}
	if len(a.packets) >= maxPending {
		a.giveUp(now)
	}
	a.packets[p.SequenceNumber] = p
	return a.drain(now)
}

// Tick gives up on a hole that waited too long; call it when no packet
// comes for a while.
func (a *Assembler) Tick(now time.Time) []Frame { return a.drain(now) }

// NeedKeyframe reports a picture broken by loss, for a PLI.
func (a *Assembler) NeedKeyframe() bool { return a.broken }

func (a *Assembler) drain(now time.Time) []Frame {
	var out []Frame
	for {
		f, ok := a.take(now)
		if !ok {
			// A hole is a missing packet with a later one already here; the
			// wait for its retransmission runs from when that was seen.
			if len(a.packets) == 0 || !a.hole() {
				a.holeAt = time.Time{}
				return out
			}
			if a.holeAt.IsZero() {
				a.holeAt = now
			}
			if now.Sub(a.holeAt) > a.Wait {
				a.giveUp(now)
				a.holeAt = time.Time{}
				continue
			}
			return out
		}
		a.holeAt = time.Time{}
		if f.Data != nil {
			out = append(out, f)
		}
	}
}

// take hands out the frame starting at a.next if it is whole.
func (a *Assembler) take(now time.Time) (Frame, bool) {
	first, ok := a.packets[a.next]
	if !ok {
		return Frame{}, false
	}
	if !a.format.starts(first.Payload) {
		// Not the start of a frame: the rest of one already given up.
		delete(a.packets, a.next)
		a.next++
		return Frame{}, true
	}
	f := Frame{Timestamp: first.Timestamp, Arrived: now, Codec: a.codec}
	d := a.format.depacketizer()
	for seq := a.next; ; seq++ {
		p, ok := a.packets[seq]
		if !ok {
			return Frame{}, false // a hole: wait for it
		}
		if p.Timestamp != f.Timestamp {
			// The next frame began without this one's marker: treat it as ended.
			return a.finish(f, a.next, seq), true
		}
		f.Data = d.add(f.Data, p.Payload)
		if p.Marker {
			return a.finish(f, a.next, seq+1), true
		}
		if seq-a.next > maxPending {
			return Frame{}, false
		}
	}
}

// hole reports whether some packet from a.next to a.highest is missing.
func (a *Assembler) hole() bool {
	for s := a.next; s != a.highest; s++ {
		if _, ok := a.packets[s]; !ok {
			return true
		}
	}
	return false
}

// finish removes packets [from, to) and decides whether f may be decoded.
func (a *Assembler) finish(f Frame, from, to uint16) Frame {
	for s := from; s != to; s++ {
		delete(a.packets, s)
	}
	a.next = to
	f.Keyframe = len(f.Data) > 0 && a.format.keyframe(f.Data)
	if f.Keyframe {
		a.broken = false
	}
	if a.broken {
		a.Discarded++
		return Frame{} // nothing to show until a keyframe
	}
	a.Frames++
	return f
}

// giveUp skips the hole at a.next: everything up to the start of the next
// frame (a later timestamp) is dropped and the picture waits for a keyframe.
func (a *Assembler) giveUp(time.Time) {
	a.Lost++
	a.broken = true
	// The first packet after the hole tells the broken frame's timestamp,
	// unless it starts a frame itself.
	var lost uint32
	known := false
	for {
		if len(a.packets) == 0 {
			return
		}
		a.next++
		if p, ok := a.packets[a.next]; ok {
			if a.format.starts(p.Payload) && (!known || p.Timestamp != lost) {
				return
			}
			if !known {
				lost, known = p.Timestamp, true
			}
			delete(a.packets, a.next)
		}
	}
}

// before reports whether sequence number a comes before b, with wrap.
func before(a, b uint16) bool { return a != b && b-a < 0x8000 }
