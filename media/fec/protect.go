// Package fec protects a hub's video with forward error correction, so a
// packet lost on the way is rebuilt in the room from the packets that came
// instead of waiting a round trip for its retransmission.
//
// At the end of each frame the hub sends FlexFEC-03 repair packets (Pion's
// encoder, draft-ietf-payload-flexible-fec-scheme-03) over that frame's
// packets, on a video m-line of its own with the codec MimeType: Pion
// receives no FEC stream grouped with its media (it drops a declared FEC
// SSRC), so the room takes it as a track. The repair is computed over each
// packet as packetized — the 12-byte header and the payload, without the
// header extensions the transport adds on the way — and rebuilt the same way.
package fec

import (
	"sync"

	"github.com/pion/interceptor"
	"github.com/pion/interceptor/pkg/flexfec"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// The repair stream's codec: a private name, because the stream is not the
// standard's FEC-FR group, and a payload type Pion's defaults leave free.
const (
	MimeType    = "video/x-floor-flexfec-03"
	PayloadType = 49
	ClockRate   = 90000
)

// Rtpmap is how the codec reads in SDP: an answer without it refused the
// repair stream.
const Rtpmap = "x-floor-flexfec-03/90000"

// PacketsPerRepair is how many of a frame's packets one repair packet
// covers (interleaved): one loss among them is rebuilt. At 2 % loss a
// frame of 8 loses two of one group about once in 100 frames.
const PacketsPerRepair = 8

// maxCovered is the most packets one repair's masks can name: 15 + 31 + 63.
// (Pion's encoder takes 110 but then leaves the last out of the mask while
// XORing it in.)
const maxCovered = 109

// Codec is the repair stream's codec, for media engines and tracks.
func Codec() webrtc.RTPCodecParameters {
	return webrtc.RTPCodecParameters{
		RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: MimeType, ClockRate: ClockRate},
		PayloadType:        PayloadType,
	}
}

// NewTrack is the hub's repair track: nothing is written to it; the
// interceptor sends on its stream.
func NewTrack() (*webrtc.TrackLocalStaticRTP, error) {
	return webrtc.NewTrackLocalStaticRTP(Codec().RTPCodecCapability, "fec", "floor-hub")
}

// Factory makes the sending interceptor, one per peer connection.
type Factory struct{}

// NewInterceptor implements interceptor.Factory.
func (Factory) NewInterceptor(string) (interceptor.Interceptor, error) {
	return &protector{}, nil
}

// protector watches the video stream and, at each frame's last packet,
// writes the repair packets for the frame on the repair stream.
type protector struct {
	interceptor.NoOp
	mu     sync.Mutex
	repair interceptor.RTPWriter // the repair stream, once bound
	info   *interceptor.StreamInfo
	enc    *flexfec.FlexEncoder03
}

// BindLocalStream implements interceptor.Interceptor.
func (p *protector) BindLocalStream(info *interceptor.StreamInfo, writer interceptor.RTPWriter) interceptor.RTPWriter {
	switch {
	case info.MimeType == MimeType:
		p.mu.Lock()
		p.repair, p.info = writer, info
		p.enc = flexfec.NewFlexEncoder03(info.PayloadType, info.SSRC)
		p.mu.Unlock()
		return writer
	case !isVideo(info.MimeType):
		return writer
	}
	var frame []rtp.Packet
	return interceptor.RTPWriterFunc(func(h *rtp.Header, payload []byte, a interceptor.Attributes) (int, error) {
		n, err := writer.Write(h, payload, a)
		if err != nil {
			return n, err
		}
		frame = append(frame, packetized(h, payload))
		if h.Marker || len(frame) == maxCovered {
			p.protect(frame)
			frame = frame[:0]
		}
		return n, nil
	})
}

func isVideo(mime string) bool {
	return mime == webrtc.MimeTypeVP8 || mime == webrtc.MimeTypeH264
}

// packetized is the packet as the repair covers it: header and payload,
// no extensions, CSRCs or padding; the payload is copied because the
// writer's buffer is reused.
func packetized(h *rtp.Header, payload []byte) rtp.Packet {
	return rtp.Packet{
		Header: rtp.Header{Version: 2, Marker: h.Marker, PayloadType: h.PayloadType,
			SequenceNumber: h.SequenceNumber, Timestamp: h.Timestamp, SSRC: h.SSRC},
		Payload: append([]byte(nil), payload...),
	}
}

// protect sends the repair packets for one frame.
func (p *protector) protect(frame []rtp.Packet) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.repair == nil {
		return // the room did not take a repair stream
	}
	n := (len(frame) + PacketsPerRepair - 1) / PacketsPerRepair
	for _, r := range p.enc.EncodeFec(frame, uint32(n)) {
		r.Timestamp = frame[0].Timestamp
		_, _ = p.repair.Write(&r.Header, r.Payload, nil) // a lost repair costs only the protection
	}
}
