package hubserve

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/janus"
	"github.com/igf-floor/floor/media/playback"
)

// sfuLink is the room's side of a Janus VideoRoom: it subscribes to the
// hub on the floor there and plays it like a hub connected directly.
type sfuLink struct {
	c      *janus.Client
	room   int64
	engine *media.Engine // on the machine's addresses: Janus offers no loopback
	play   *playback.Room
	direct func(hubID string) // a keyframe request to a hub connected directly

	mu   sync.Mutex
	subs map[string]*janus.Subscriber // live hubs, by id
	busy map[string]bool              // subscribing now
	err  error
}

func openSFU(ctx context.Context, url string, room int64, play *playback.Room, direct func(string)) (*sfuLink, error) {
	if room == 0 {
		room = 1234
	}
	c, err := janus.Connect(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("SFU %s: %w", url, err)
	}
	// The room may exist already (made by the event, or by an earlier run).
	if err := janus.CreateRoom(ctx, c, room, 64); err != nil && !errors.Is(err, janus.ErrJanus) {
		c.Close()
		return nil, fmt.Errorf("SFU %s: %w", url, err)
	}
	e, err := media.NewEngine(media.Config{ListenAddr: "0.0.0.0:0"})
	if err != nil {
		c.Close()
		return nil, err
	}
	return &sfuLink{c: c, room: room, engine: e, play: play, direct: direct,
		subs: map[string]*janus.Subscriber{}, busy: map[string]bool{}}, nil
}

// follow subscribes to hubs that came on the floor and drops the others.
// A hub not publishing in the room is left to its direct connection.
func (l *sfuLink) follow(ctx context.Context, live map[string]bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, sub := range l.subs {
		if !live[id] {
			sub.PC.Close()
			delete(l.subs, id)
		}
	}
	for id := range live {
		if l.subs[id] == nil && !l.busy[id] {
			l.busy[id] = true
			go l.subscribe(ctx, id)
		}
	}
}

func (l *sfuLink) subscribe(ctx context.Context, hubID string) {
	sub, err := l.find(ctx, hubID)
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.busy, hubID)
	if err != nil {
		l.err = err
		return
	}
	if sub != nil {
		l.subs[hubID] = sub
	}
}

// find subscribes to hubID's feed (its display name in the room); nil
// when the hub does not publish there.
func (l *sfuLink) find(ctx context.Context, hubID string) (*janus.Subscriber, error) {
	ps, err := janus.Participants(ctx, l.c, l.room)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if p.Display != hubID || !p.Publisher {
			continue
		}
		return janus.Subscribe(ctx, l.engine.API, l.c, l.room, p.ID, func(t *webrtc.TrackRemote) {
			sink, ok := l.play.OnTrack(hubID, t)
			if !ok {
				return
			}
			for {
				pkt, _, err := t.ReadRTP()
				if err != nil {
					sink(nil)
					return
				}
				sink(pkt)
			}
		})
	}
	return nil, nil
}

// requestKeyframe asks Janus (which asks the hub) when the hub's video
// comes through the room, else the hub directly.
func (l *sfuLink) requestKeyframe(hubID string) {
	l.mu.Lock()
	sub := l.subs[hubID]
	l.mu.Unlock()
	if sub == nil {
		l.direct(hubID)
		return
	}
	for _, r := range sub.PC.GetReceivers() {
		if t := r.Track(); t != nil && t.Kind() == webrtc.RTPCodecTypeVideo {
			_ = sub.PC.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: uint32(t.SSRC())}})
		}
	}
}

func (l *sfuLink) close() {
	l.mu.Lock()
	for id, sub := range l.subs {
		sub.PC.Close()
		delete(l.subs, id)
	}
	l.mu.Unlock()
	l.c.Close()
	l.engine.Close()
}
