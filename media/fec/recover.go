package fec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/pion/rtp"
)

// window is how many recent media packets are kept to rebuild from: more
// than a keyframe at 720p and the frames in flight behind it.
const window = 512

// maxPending bounds the repair packets waiting for more media to arrive.
const maxPending = 32

// TailWait is how long a repair waits before rebuilding the newest packet
// it covers: the repair travels on its own stream and often overtakes the
// frame's last packet inside the room (another goroutine), and a packet
// still on its way is not lost. A packet with a later one already here is
// rebuilt at once.
const TailWait = 4 * time.Millisecond

// Recoverer rebuilds a lost video packet when a repair packet covers it and
// every other packet that repair covers has arrived.
type Recoverer struct {
	media   [window]*rtp.Packet // by sequence number modulo window
	latest  uint16              // the newest sequence number seen
	started bool
	pending []repair
	// Rebuilt counts the packets rebuilt; Refused the repair packets that
	// did not parse.
	Rebuilt, Refused int
}

// repair is one parsed repair packet.
type repair struct {
	tail    time.Time // when it first missed only its newest packet
	ssrc    uint32
	covers  []uint16
	b1      byte
	length  uint16
	ts      uint32
	payload []byte
}

// Media remembers a media packet received at now and returns the packets it
// lets a waiting repair rebuild.
func (r *Recoverer) Media(p *rtp.Packet, now time.Time) []*rtp.Packet {
	r.media[p.SequenceNumber%window] = p
	if !r.started || int16(p.SequenceNumber-r.latest) > 0 {
		r.latest, r.started = p.SequenceNumber, true
	}
	if len(r.pending) == 0 {
		return nil
	}
	return r.retry(now)
}

// Tick rebuilds what waited TailWait; call it every few milliseconds.
func (r *Recoverer) Tick(now time.Time) []*rtp.Packet {
	if len(r.pending) == 0 {
		return nil
	}
	return r.retry(now)
}

// Repair takes a repair packet received at now and returns what it
// rebuilds, if anything.
func (r *Recoverer) Repair(p *rtp.Packet, now time.Time) []*rtp.Packet {
	rp, err := parseRepair(p.Payload)
	if err != nil {
		r.Refused++
		return nil
	}
	if len(r.pending) == maxPending {
		r.pending = r.pending[1:]
	}
	r.pending = append(r.pending, rp)
	return r.retry(now)
}

// retry tries every waiting repair; those done (rebuilt, or nothing
// missing) are dropped, those missing two or more wait, and so does one
// missing only its newest packet, for TailWait.
func (r *Recoverer) retry(now time.Time) []*rtp.Packet {
	var out []*rtp.Packet
	kept := r.pending[:0]
	for _, rp := range r.pending {
		if r.stale(rp) {
			continue // its packets have left the window: nothing to rebuild from
		}
		missing, n := uint16(0), 0
		for _, s := range rp.covers {
			if !r.have(s) {
				missing, n = s, n+1
			}
		}
		switch n {
		case 0:
		case 1:
			if !r.overtaken(missing) {
				if rp.tail.IsZero() {
					rp.tail = now
				}
				if now.Sub(rp.tail) < TailWait {
					kept = append(kept, rp)
					continue
				}
			}
			if p, ok := r.rebuild(rp, missing); ok {
				r.media[missing%window] = p
				r.Rebuilt++
				out = append(out, p)
			}
		default:
			kept = append(kept, rp)
		}
	}
	r.pending = kept
	return out
}

// overtaken reports a packet with a later one already here: lost, or very
// late.
func (r *Recoverer) overtaken(seq uint16) bool {
	return r.started && int16(r.latest-seq) > 0
}

// stale reports a repair whose first packet is half a window behind the
// newest: the frame it protects was shown or given up long ago.
func (r *Recoverer) stale(rp repair) bool {
	return r.started && int16(r.latest-rp.covers[0]) > window/2
}

func (r *Recoverer) have(seq uint16) bool {
	p := r.media[seq%window]
	return p != nil && p.SequenceNumber == seq
}

// rebuild XORs the repair with every other packet it covers.
func (r *Recoverer) rebuild(rp repair, seq uint16) (*rtp.Packet, bool) {
	b1, length, ts := rp.b1, rp.length, rp.ts
	payload := append([]byte(nil), rp.payload...)
	for _, s := range rp.covers {
		if s == seq {
			continue
		}
		q := r.media[s%window]
		if q.SSRC != rp.ssrc || len(q.Payload) > len(payload) {
			return nil, false // not the stream this repair protects
		}
		b1 ^= q.PayloadType
		if q.Marker {
			b1 ^= 0x80
		}
		length ^= uint16(len(q.Payload))
		ts ^= q.Timestamp
		for i, x := range q.Payload {
			payload[i] ^= x
		}
	}
	if int(length) > len(payload) {
		return nil, false
	}
	return &rtp.Packet{
		Header: rtp.Header{Version: 2, Marker: b1&0x80 != 0, PayloadType: b1 & 0x7f,
			SequenceNumber: seq, Timestamp: ts, SSRC: rp.ssrc},
		Payload: payload[:length],
	}, true
}

// errRepair is a repair packet that does not parse.
var errRepair = errors.New("fec: not a FlexFEC-03 repair packet")

// parseRepair reads the FlexFEC-03 header of one SSRC with its masks
// (draft-ietf-payload-flexible-fec-scheme-03, section 4.2): mask bit i set
// means the packet SN base + i is covered.
func parseRepair(b []byte) (repair, error) {
	if len(b) < 20 {
		return repair{}, fmt.Errorf("%w: %d bytes", errRepair, len(b))
	}
	if b[0]>>6 != 0 || b[8] != 1 {
		return repair{}, fmt.Errorf("%w: retransmission bits or %d SSRCs", errRepair, b[8])
	}
	rp := repair{b1: b[1], length: binary.BigEndian.Uint16(b[2:4]), ts: binary.BigEndian.Uint32(b[4:8]),
		ssrc: binary.BigEndian.Uint32(b[12:16])}
	base := binary.BigEndian.Uint16(b[16:18])
	cover := func(mask uint64, bits int, first int) {
		for i := 0; i < bits; i++ {
			if mask&(1<<(bits-1-i)) != 0 {
				rp.covers = append(rp.covers, base+uint16(first+i))
			}
		}
	}
	m1 := binary.BigEndian.Uint16(b[18:20])
	cover(uint64(m1), 15, 0)
	end := 20
	if m1>>15 == 0 {
		if len(b) < 24 {
			return repair{}, fmt.Errorf("%w: mask cut short", errRepair)
		}
		m2 := binary.BigEndian.Uint32(b[20:24])
		cover(uint64(m2), 31, 15)
		end = 24
		if m2>>31 == 0 {
			if len(b) < 32 {
				return repair{}, fmt.Errorf("%w: mask cut short", errRepair)
			}
			cover(binary.BigEndian.Uint64(b[24:32]), 63, 46)
			end = 32
		}
	}
	if len(rp.covers) == 0 {
		return repair{}, fmt.Errorf("%w: covers nothing", errRepair)
	}
	rp.payload = append([]byte(nil), b[end:]...)
	return rp, nil
}
