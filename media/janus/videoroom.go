package janus

import (
	"context"
	"fmt"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"
)

// VideoRoom is the Janus plugin Floor uses.
const VideoRoom = "janus.plugin.videoroom"

// CreateRoom makes room id (an error from Janus if it exists, which callers
// may ignore) for up to publishers hubs, VP8 and Opus.
func CreateRoom(ctx context.Context, c *Client, id int64, publishers int) error {
	h, err := c.Attach(ctx, VideoRoom)
	if err != nil {
		return err
	}
	return h.Request(ctx, map[string]any{"request": "create", "room": id, "publishers": publishers,
		"videocodec": "vp8", "audiocodec": "opus", "bitrate": 2_500_000, "fir_freq": 10}, nil)
}

// Publisher is a hub's media in a VideoRoom.
type Publisher struct {
	PC   *webrtc.PeerConnection
	Feed int64 // the publisher id subscribers ask for
}

// Publish joins room as display (Floor uses the hub's id, so the room can
// find it) and sends the tracks; onKeyframe (may be nil) is called when a
// subscriber, through Janus, asks for a keyframe.
func Publish(ctx context.Context, api *webrtc.API, c *Client, room int64, display string, onKeyframe func(), tracks ...webrtc.TrackLocal) (*Publisher, error) {
	h, err := c.Attach(ctx, VideoRoom)
	if err != nil {
		return nil, err
	}
	var joined struct {
		ID int64 `json:"id"`
	}
	if _, err := h.Message(ctx, map[string]any{"request": "join", "ptype": "publisher", "room": room, "display": display}, nil, &joined); err != nil {
		return nil, err
	}
	pc, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		return nil, fmt.Errorf("janus publish: %w", err)
	}
	for _, t := range tracks {
		s, err := pc.AddTransceiverFromTrack(t, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
		if err != nil {
			pc.Close()
			return nil, fmt.Errorf("janus publish: %w", err)
		}
		go drain(s.Sender(), onKeyframe)
	}
	offer, err := gatheredOffer(ctx, pc)
	if err != nil {
		pc.Close()
		return nil, err
	}
	answer, err := h.Message(ctx, map[string]any{"request": "publish", "audio": true, "video": true}, offer, nil)
	if err == nil && answer == nil {
		err = fmt.Errorf("%w: publish: no answer", ErrJanus)
	}
	if err == nil {
		err = pc.SetRemoteDescription(*answer)
	}
	if err != nil {
		pc.Close()
		return nil, fmt.Errorf("janus publish: %w", err)
	}
	return &Publisher{PC: pc, Feed: joined.ID}, nil
}

// drain reads a sender's RTCP, which the interceptors need read, and
// passes on keyframe requests.
func drain(s *webrtc.RTPSender, onKeyframe func()) {
	for {
		pkts, _, err := s.ReadRTCP()
		if err != nil {
			return
		}
		for _, p := range pkts {
			switch p.(type) {
			case *rtcp.PictureLossIndication, *rtcp.FullIntraRequest:
				if onKeyframe != nil {
					onKeyframe()
				}
			}
		}
	}
}

func gatheredOffer(ctx context.Context, pc *webrtc.PeerConnection) (*webrtc.SessionDescription, error) {
	offer, err := pc.CreateOffer(nil)
	if err != nil {
		return nil, fmt.Errorf("janus offer: %w", err)
	}
	return gathered(ctx, pc, offer)
}

// gathered sets desc and waits for its candidates: Janus takes a complete
// description, and every candidate comes from one port at once.
func gathered(ctx context.Context, pc *webrtc.PeerConnection, desc webrtc.SessionDescription) (*webrtc.SessionDescription, error) {
	done := webrtc.GatheringCompletePromise(pc)
	if err := pc.SetLocalDescription(desc); err != nil {
		return nil, fmt.Errorf("janus: %w", err)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Second):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return pc.LocalDescription(), nil
}

// Participant is a publisher in a room.
type Participant struct {
	ID        int64  `json:"id"`
	Display   string `json:"display"`
	Publisher bool   `json:"publisher"` // its media is flowing: it can be subscribed to
}

// Participants lists room's publishers.
func Participants(ctx context.Context, c *Client, room int64) ([]Participant, error) {
	h, err := c.Attach(ctx, VideoRoom)
	if err != nil {
		return nil, err
	}
	var out struct {
		Participants []Participant `json:"participants"`
	}
	err = h.Request(ctx, map[string]any{"request": "listparticipants", "room": room}, &out)
	return out.Participants, err
}

// Subscriber is the room's copy of one publisher's media.
type Subscriber struct {
	PC *webrtc.PeerConnection
}

// Subscribe receives feed's tracks from room; onTrack gets each as it
// arrives (playback.Room.OnTrack's reader, in Floor).
func Subscribe(ctx context.Context, api *webrtc.API, c *Client, room, feed int64, onTrack func(*webrtc.TrackRemote)) (*Subscriber, error) {
	h, err := c.Attach(ctx, VideoRoom)
	if err != nil {
		return nil, err
	}
	offer, err := h.Message(ctx, map[string]any{"request": "join", "ptype": "subscriber", "room": room,
		"streams": []map[string]any{{"feed": feed}}}, nil, nil)
	if err == nil && offer == nil {
		err = fmt.Errorf("%w: subscribe: no offer", ErrJanus)
	}
	if err != nil {
		return nil, err
	}
	pc, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		return nil, fmt.Errorf("janus subscribe: %w", err)
	}
	pc.OnTrack(func(t *webrtc.TrackRemote, _ *webrtc.RTPReceiver) { onTrack(t) })
	fail := func(err error) (*Subscriber, error) { pc.Close(); return nil, fmt.Errorf("janus subscribe: %w", err) }
	if err := pc.SetRemoteDescription(*offer); err != nil {
		return fail(err)
	}
	ans, err := pc.CreateAnswer(nil)
	if err != nil {
		return fail(err)
	}
	answer, err := gathered(ctx, pc, ans)
	if err != nil {
		return fail(err)
	}
	if _, err := h.Message(ctx, map[string]any{"request": "start", "room": room}, answer, nil); err != nil {
		return fail(err)
	}
	return &Subscriber{PC: pc}, nil
}
