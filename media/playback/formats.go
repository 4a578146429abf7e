package playback

import (
	"bytes"

	"github.com/pion/rtp/codecs"
)

// Codec is a video codec the room decodes.
type Codec string

// Codecs: VP8 from Floor's hubs and browsers, H.264 from OBS and others.
const (
	VP8  Codec = "VP8"
	H264 Codec = "H264"
)

// format is what the assembler needs of a codec's RTP payload format.
type format interface {
	starts(payload []byte) bool // the packet begins a frame (VP8) or a NAL unit (H.264)
	depacketizer() depacketizer // one per frame: H.264 fragments span packets
	keyframe(frame []byte) bool // the whole frame decodes without references
}

type depacketizer interface {
	add(frame, payload []byte) []byte
}

// VP8 (RFC 7741): a frame starts at S=1 in partition 0; a keyframe has
// the P bit clear in the first byte of the payload header.
type vp8Format struct{}

func (vp8Format) starts(payload []byte) bool {
	var p codecs.VP8Packet
	_, err := p.Unmarshal(payload)
	return err == nil && p.S == 1 && p.PID == 0
}

func (vp8Format) depacketizer() depacketizer { return &vp8Depacketizer{} }

func (vp8Format) keyframe(frame []byte) bool { return frame[0]&1 == 0 }

type vp8Depacketizer struct{ p codecs.VP8Packet }

func (d *vp8Depacketizer) add(frame, payload []byte) []byte {
	data, err := d.p.Unmarshal(payload)
	if err != nil {
		return frame
	}
	return append(frame, data...)
}

// H.264 (RFC 6184), as Annex B: single NAL units, STAP-A and FU-A; an
// access unit is the packets of one timestamp, ending on the marker.
type h264Format struct{}

func (h264Format) starts(payload []byte) bool {
	if len(payload) < 2 {
		return false
	}
	switch t := payload[0] & 0x1f; {
	case t >= 1 && t <= 23, t == 24: // a NAL unit, or several
		return true
	case t == 28: // FU-A: its first fragment
		return payload[1]&0x80 != 0
	}
	return false
}

func (h264Format) depacketizer() depacketizer { return &h264Depacketizer{} }

// keyframe: an IDR slice, or the SPS that comes before one.
func (h264Format) keyframe(frame []byte) bool {
	for rest := frame; ; {
		i := bytes.Index(rest, []byte{0, 0, 1})
		if i < 0 || i+3 >= len(rest) {
			return false
		}
		switch rest[i+3] & 0x1f {
		case 5, 7:
			return true
		}
		rest = rest[i+3:]
	}
}

type h264Depacketizer struct{ p codecs.H264Packet }

func (d *h264Depacketizer) add(frame, payload []byte) []byte {
	data, err := d.p.Unmarshal(payload)
	if err != nil {
		return frame
	}
	return append(frame, data...)
}
