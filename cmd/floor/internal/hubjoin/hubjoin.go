// Package hubjoin connects a remote hub to a moderator's Floor from an
// invite: the pinned WHIP client, the media source, and the control channel
// wired to an app.HubClient.
package hubjoin

import (
	"context"
	"errors"
	"fmt"
	"image"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/audioout"
	"github.com/igf-floor/floor/media/capture"
	"github.com/igf-floor/floor/media/janus"
	"github.com/igf-floor/floor/media/returnfeed"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

// Options say how the hub joins.
type Options struct {
	Source    string // "auto" (camera and microphone when present, else the test source), "camera", "test"
	AudioOnly bool   // for thin links: no video track
	Width     int
	Height    int
	People    int
	Clock     app.Clock
	// SFU, when set, is the Janus HTTP API the event's media goes through
	// (VideoRoom SFURoom); the control channel still goes to the room.
	SFU     string
	SFURoom int64
	// Camera and Microphone are the devices to open (IDs from Devices);
	// "" for the first there.
	Camera, Microphone string
}

// Joined is a hub in the room; Leave leaves.
type Joined struct {
	client    *app.HubClient
	audioOnly bool
	Link      *whip.Link // the connection to the room, mended when it breaks
	Source    *sender.Sender
	Sending   string           // what is sent, in words: "camera and microphone"
	Ear       *returnfeed.Ear  // the room's sound
	Speaker   *audioout.Output // where the hub hears the room
	engine    *media.Engine
	sfu       *janus.Client
	sfuPub    *janus.Publisher
	sfuVideo  *webrtc.TrackLocalStaticSample
	sfuAudio  *webrtc.TrackLocalStaticSample
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	sendErr   error
	once      sync.Once
}

// ErrSource is a --source this build cannot use.
var ErrSource = errors.New("unknown source; use auto, camera or test")

// sources opens what the hub sends and says so in words.
func sources(o Options) (sender.Pictures, sender.Sounds, string, error) {
	var pictures sender.Pictures
	var sounds sender.Sounds
	var said []string
	switch o.Source {
	case "", "auto", "camera":
		if !o.AudioOnly {
			cam, err := capture.OpenCamera(o.Camera, o.Width, o.Height, 30)
			switch {
			case err == nil:
				pictures, said = sender.FromCamera(cam, o.Width, o.Height), append(said, "camera")
			case o.Source == "camera":
				return nil, nil, "", err
			default:
				pictures, said = sender.TestPattern(o.Width, o.Height, 30), append(said, "test pattern (no camera found)")
			}
		}
		mic, err := capture.OpenMicrophone(o.Microphone)
		if err == nil {
			sounds, said = sender.FromMicrophone(mic), append(said, "microphone")
		} else {
			sounds, said = sender.TestTone(440), append(said, "test tone (no microphone found)")
		}
	case "test":
		if !o.AudioOnly {
			pictures, said = sender.TestPattern(o.Width, o.Height, 30), append(said, "test pattern")
		}
		sounds, said = sender.TestTone(440), append(said, "test tone")
	default:
		return nil, nil, "", fmt.Errorf("source %q: %w", o.Source, ErrSource)
	}
	return pictures, sounds, strings.Join(said, " and "), nil
}

// Join connects with inv and starts sending.
func Join(ctx context.Context, inv app.Invite, o Options) (*Joined, error) {
	if o.Width == 0 || o.Height == 0 {
		o.Width, o.Height = 640, 360
	}
	host, _, err := net.SplitHostPort(inv.Host)
	if err != nil {
		return nil, fmt.Errorf("invite host: %w", err)
	}
	ip := net.ParseIP(host)
	engine, err := media.NewEngine(media.Config{ListenAddr: "0.0.0.0:0", Loopback: ip != nil && ip.IsLoopback()})
	if err != nil {
		return nil, err
	}
	pictures, sounds, said, err := sources(o)
	if err != nil {
		engine.Close()
		return nil, err
	}
	src := sender.NewSender(sender.Options{Width: o.Width, Height: o.Height}, pictures, sounds)
	client := whip.NewPinnedClient(inv.Host, inv.Token, inv.Pin)
	ear := returnfeed.NewEar()
	// The control channel's handlers are set before the offer goes out: the
	// room may welcome the hub the moment the channel opens.
	var link *whip.Link
	var linkMu sync.Mutex
	hub := app.NewHubClient(o.Clock, func(b []byte) error {
		linkMu.Lock()
		l := link
		linkMu.Unlock()
		if l == nil {
			return errors.New("not connected yet")
		}
		return l.Send(b)
	})
	direct := o.SFU == "" // with an SFU, media goes there and only control (and the room's sound) to the room
	l, err := whip.Dial(ctx, whip.LinkConfig{API: engine.API, Client: client,
		Publish: whip.PublishOptions{
			Video: direct && !o.AudioOnly, FEC: direct, Audio: direct, DataChannel: true,
			OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe, Hear: ear.Hear, OnControl: hub.Receive,
		},
		Stale:   func() bool { return hub.Status().Stale },
		OnState: hub.SetLink,
		// Back on a new connection: the room knows the hub by its token and
		// gives back its requests; the hub only says again who is there.
		OnBack: func() { _ = hub.Hello(o.People) },
	})
	if err != nil {
		closeSources(pictures, sounds)
		engine.Close()
		return nil, err
	}
	linkMu.Lock()
	link = l
	linkMu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	j := &Joined{Link: l, Source: src, Sending: said, Ear: ear, engine: engine, cancel: cancel}
	j.client = hub
	j.audioOnly = o.AudioOnly
	select {
	case <-l.Opened():
	case <-time.After(15 * time.Second):
		return j.fail(errors.New("connected, but the room's control channel did not open within 15 s (a firewall on UDP?)"))
	case <-ctx.Done():
		return j.fail(ctx.Err())
	}
	select {
	case <-j.client.Welcomed():
	case <-time.After(10 * time.Second):
		return j.fail(errors.New("the room did not welcome this hub within 10 s"))
	case <-ctx.Done():
		return j.fail(ctx.Err())
	}
	if err := j.client.Hello(o.People); err != nil {
		return j.fail(err)
	}
	if !direct {
		if err := j.publishToSFU(ctx, inv.Hub, o); err != nil {
			return j.fail(err)
		}
	}
	j.Speaker = audioout.Open(ear) // the room's sound, once the room has let the hub in
	j.wg.Add(3)
	go func() { defer j.wg.Done(); j.client.Run(ctx) }()
	go func() { defer j.wg.Done(); l.Run(ctx) }()
	go func() {
		defer j.wg.Done()
		// The tracks outlive every connection: a new one sends the same.
		pub := l.Publisher()
		var video = pub.Video
		if o.AudioOnly {
			video = nil
		}
		audio := pub.Audio
		if j.sfuPub != nil {
			video, audio = j.sfuVideo, j.sfuAudio
		}
		if err := src.Run(ctx, video, audio); err != nil {
			j.sendErr = err
		}
	}()
	return j, nil
}

var _ app.HubConnection = (*Joined)(nil)

// Client is the hub's side of the control channel.
func (j *Joined) Client() *app.HubClient { return j.client }

// State is the link in words: the connection's state, or "revoked" when
// the room refused the invite and the link stopped mending.
func (j *Joined) State() string {
	if j.Link.State().Revoked {
		return "revoked"
	}
	return j.Link.Publisher().PC.ConnectionState().String()
}

// SendingKbps is the video rate aimed at now.
func (j *Joined) SendingKbps() int {
	if j.audioOnly {
		return 0
	}
	return int(j.Source.Stats.Kbps.Load())
}

// RoomSound is the room's sound level (0 to 1) and whether it is arriving.
func (j *Joined) RoomSound() (float64, bool) { return j.Ear.Level() }

// SetRoomVolume sets how loud the hub hears the room, 0 to 1.
func (j *Joined) SetRoomVolume(v float64) { j.Ear.SetVolume(v) }

// Preview copies the latest self-view picture.
func (j *Joined) Preview(dst **image.RGBA) bool { return !j.audioOnly && j.Source.Preview(dst) }

// fail leaves a half-made join: nothing is sending yet, so the sources
// are closed here.
func (j *Joined) fail(err error) (*Joined, error) {
	j.Leave()
	closeSources(j.Source.Pictures, j.Source.Sounds)
	return nil, err
}

func closeSources(p sender.Pictures, s sender.Sounds) {
	if p != nil {
		p.Close()
	}
	if s != nil {
		s.Close()
	}
}

// Leave says goodbye (WHIP DELETE) and stops sending.
func (j *Joined) Leave() error {
	var err error
	j.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		err = j.Link.Close(ctx)
		j.cancel()
		j.wg.Wait()
		if j.sfuPub != nil {
			j.sfuPub.PC.Close()
		}
		if j.sfu != nil {
			j.sfu.Close()
		}
		if j.Speaker != nil {
			j.Speaker.Close()
		}
		j.engine.Close()
		if err == nil {
			err = j.sendErr
		}
	})
	return err
}

// publishToSFU sends the hub's media into the event's Janus VideoRoom,
// under the hub's id, where the room finds it.
func (j *Joined) publishToSFU(ctx context.Context, hubID string, o Options) error {
	c, err := janus.Connect(ctx, o.SFU)
	if err != nil {
		return fmt.Errorf("SFU %s: %w", o.SFU, err)
	}
	j.sfu = c
	var tracks []webrtc.TrackLocal
	if !o.AudioOnly {
		if j.sfuVideo, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "video", "floor-hub"); err != nil {
			return err
		}
		tracks = append(tracks, j.sfuVideo)
	}
	if j.sfuAudio, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2}, "audio", "floor-hub"); err != nil {
		return err
	}
	tracks = append(tracks, j.sfuAudio)
	room := o.SFURoom
	if room == 0 {
		room = 1234
	}
	j.sfuPub, err = janus.Publish(ctx, j.engine.API, c, room, hubID, j.Source.RequestKeyframe, tracks...)
	if err != nil {
		return fmt.Errorf("SFU %s: %w", o.SFU, err)
	}
	return nil
}
