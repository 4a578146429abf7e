package whip

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media/fec"
)

// PublishOptions say what a hub sends.
type PublishOptions struct {
	Video     bool   // VP8, unless VideoMime says otherwise
	VideoMime string // webrtc.MimeTypeH264 to send as OBS does; "" for VP8
	// FEC sends repair packets with the video (package fec) on an m-line of
	// their own: the room rebuilds a lost packet without a round trip. Only
	// a Floor room takes them; leave it off towards an SFU.
	FEC         bool
	Audio       bool // Opus
	DataChannel bool // the "floor" control channel
	ICEServers  []webrtc.ICEServer
	// OnBitrate receives the video rate the room asks for (REMB), so the
	// encoder can follow it.
	OnBitrate func(bitsPerSecond int)
	// OnKeyframe is called when the room asks for a keyframe (PLI or FIR).
	OnKeyframe func()
	// Hear, when set, makes the audio line two-way and receives the room's
	// return feed on it (Opus).
	Hear func(*webrtc.TrackRemote)
	// OnControl and OnControlOpen, when set, are the control channel's
	// message and open handlers, set before the offer is sent, so no message
	// from the room can arrive before there is someone to take it.
	OnControl     func([]byte)
	OnControlOpen func()
	// OnControlClose, when set, is called when the control channel closes.
	OnControlClose func()
	// VideoTrack and AudioTrack, when set, are sent instead of new tracks:
	// a hub that connects again keeps its encoder writing to the same ones.
	VideoTrack, AudioTrack *webrtc.TrackLocalStaticSample
}

// Publisher is a hub's connection to the room.
type Publisher struct {
	PC       *webrtc.PeerConnection
	Control  *webrtc.DataChannel // nil without DataChannel
	Video    *webrtc.TrackLocalStaticSample
	Audio    *webrtc.TrackLocalStaticSample
	Location string
	ETag     string // the session's ICE state, for If-Match on a restart
	client   *Client
}

// Publish connects to the room: an offer with our tracks, complete with
// candidates, posted once.
func Publish(ctx context.Context, api *webrtc.API, c *Client, o PublishOptions) (*Publisher, error) {
	pc, err := api.NewPeerConnection(webrtc.Configuration{ICEServers: o.ICEServers})
	if err != nil {
		return nil, fmt.Errorf("new peer connection: %w", err)
	}
	p := &Publisher{PC: pc, client: c}
	var repairSender *webrtc.RTPSender
	fail := func(err error) (*Publisher, error) {
		pc.Close()
		return nil, err
	}
	if o.Video {
		mime := webrtc.MimeTypeVP8
		if o.VideoMime != "" {
			mime = o.VideoMime
		}
		if p.Video = o.VideoTrack; p.Video == nil {
			if p.Video, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: mime}, "video", "floor-hub"); err != nil {
				return fail(err)
			}
		}
		sender, err := pc.AddTransceiverFromTrack(p.Video, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
		if err != nil {
			return fail(fmt.Errorf("video track: %w", err))
		}
		go readRTCP(sender.Sender(), o.OnBitrate, o.OnKeyframe)
		if o.FEC {
			repair, err := fec.NewTrack()
			if err != nil {
				return fail(err)
			}
			sender, err := pc.AddTransceiverFromTrack(repair, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
			if err != nil {
				return fail(fmt.Errorf("repair track: %w", err))
			}
			repairSender = sender.Sender()
			go readRTCP(repairSender, nil, nil)
		}
	}
	if o.Audio {
		if p.Audio = o.AudioTrack; p.Audio == nil {
			if p.Audio, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2}, "audio", "floor-hub"); err != nil {
				return fail(err)
			}
		}
		dir := webrtc.RTPTransceiverDirectionSendonly
		if o.Hear != nil {
			dir = webrtc.RTPTransceiverDirectionSendrecv
			pc.OnTrack(func(t *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
				if t.Kind() == webrtc.RTPCodecTypeAudio {
					o.Hear(t)
				}
			})
		}
		sender, err := pc.AddTransceiverFromTrack(p.Audio, webrtc.RTPTransceiverInit{Direction: dir})
		if err != nil {
			return fail(fmt.Errorf("audio track: %w", err))
		}
		go readRTCP(sender.Sender(), nil, nil)
	}
	if !o.Audio && o.Hear != nil { // media elsewhere (an SFU), the room's sound from the room
		pc.OnTrack(func(t *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
			if t.Kind() == webrtc.RTPCodecTypeAudio {
				o.Hear(t)
			}
		})
		if _, err := pc.AddTransceiverFromKind(webrtc.RTPCodecTypeAudio, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionRecvonly}); err != nil {
			return fail(fmt.Errorf("return feed: %w", err))
		}
	}
	if o.DataChannel {
		if p.Control, err = pc.CreateDataChannel("floor", nil); err != nil {
			return fail(fmt.Errorf("control channel: %w", err))
		}
		if o.OnControl != nil {
			p.Control.OnMessage(func(m webrtc.DataChannelMessage) { o.OnControl(m.Data) })
		}
		if o.OnControlOpen != nil {
			p.Control.OnOpen(o.OnControlOpen)
		}
		if o.OnControlClose != nil {
			p.Control.OnClose(o.OnControlClose)
		}
	}
	if !o.Video && !o.Audio && !o.DataChannel {
		return fail(errors.New("nothing to publish"))
	}
	offer, err := pc.CreateOffer(nil)
	if err != nil {
		return fail(fmt.Errorf("offer: %w", err))
	}
	gathered := webrtc.GatheringCompletePromise(pc)
	if err := pc.SetLocalDescription(offer); err != nil {
		return fail(fmt.Errorf("offer: %w", err))
	}
	select {
	case <-gathered:
	case <-time.After(2 * time.Second):
	case <-ctx.Done():
		return fail(ctx.Err())
	}
	answer, loc, etag, err := c.offer(ctx, pc.LocalDescription().SDP)
	if err != nil {
		return fail(err)
	}
	p.Location, p.ETag = loc, etag
	if repairSender != nil && !strings.Contains(answer, fec.Rtpmap) {
		// A room that does not take repair packets (an older Floor, another
		// WHIP server) rejected their line: send without them.
		if err := pc.RemoveTrack(repairSender); err != nil {
			return fail(fmt.Errorf("repair track: %w", err))
		}
	}
	if err := pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: answer}); err != nil {
		p.Leave(context.Background())
		return nil, fmt.Errorf("the room's answer: %w", err)
	}
	return p, nil
}

// readRTCP drains a sender's RTCP (the interceptors need it read) and
// passes on REMB and keyframe requests.
func readRTCP(s *webrtc.RTPSender, onBitrate func(int), onKeyframe func()) {
	for {
		pkts, _, err := s.ReadRTCP()
		if err != nil {
			return
		}
		for _, p := range pkts {
			switch v := p.(type) {
			case *rtcp.ReceiverEstimatedMaximumBitrate:
				if onBitrate != nil {
					onBitrate(int(v.Bitrate))
				}
			case *rtcp.PictureLossIndication, *rtcp.FullIntraRequest:
				if onKeyframe != nil {
					onKeyframe()
				}
			}
		}
	}
}

// Leave says goodbye with DELETE and closes the connection.
func (p *Publisher) Leave(ctx context.Context) error {
	var err error
	if p.Location != "" {
		err = p.client.Delete(ctx, p.Location)
	}
	if cerr := p.PC.Close(); err == nil {
		err = cerr
	}
	return err
}

// ErrNoControl is sending on a publisher made without a control channel.
var ErrNoControl = errors.New("this connection has no control channel")

// Send puts one control message on the "floor" channel.
func (p *Publisher) Send(b []byte) error {
	if p.Control == nil {
		return ErrNoControl
	}
	return p.Control.Send(b)
}

// OnControl hands every control message to receive, and calls opened once
// the channel is open (then the room is listening).
func (p *Publisher) OnControl(receive func([]byte), opened func()) {
	if p.Control == nil {
		return
	}
	p.Control.OnMessage(func(m webrtc.DataChannelMessage) { receive(m.Data) })
	p.Control.OnOpen(opened)
}
