// Package hubserve opens a moderator's Floor to remote hubs: the HTTPS
// WHIP endpoint and the UDP port on one port number, the hub room over the
// moderator, and the housekeeping between them. Nothing here runs until
// Open is called: participants never call it.
package hubserve

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/displaypage"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/hubpage"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/pollpage"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/roomagenda"
	"github.com/igf-floor/floor/app/seatlink"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/audioout"
	"github.com/igf-floor/floor/media/playback"
	"github.com/igf-floor/floor/media/returnfeed"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// DefaultPort is where Floor listens for hubs, TCP (HTTPS) and UDP (media).
const DefaultPort = 8443

// Config is what opening to hubs needs.
type Config struct {
	DB           *storage.DB
	Moderator    *app.Moderator
	SessionTitle string
	SessionKey   string // the moderation key recordings are filed under
	Listen       string // host:port for HTTPS; UDP uses the same port
	Certificate  tls.Certificate
	ICEServers   []webrtc.ICEServer
	Limits       whip.Limits
	Clock        app.Clock
	Polls        *app.Polls // when set, hubs vote over the channel and phones on /poll
	// Audience, when set, is the room's phones on /floor: requests for the
	// floor and written questions.
	Audience *app.Audience
	// Session, when set, is served as /schedule.json and /schedule.ics for
	// participants on the same network.
	Session *agenda.Session
	// SFU, when set, is a Janus server's HTTP API ("http://host:8088/janus")
	// whose VideoRoom SFURoom carries the hubs' media; the room subscribes
	// there to the hub on the floor. Control stays direct.
	SFU     string
	SFURoom int64
	// RoomSound is what the hubs hear of the room: "auto" (a microphone when
	// there is one, else the test tone), "mic" or "test".
	RoomSound string
	// HubGrace is how long a hub that dropped out keeps its place in the
	// queue (room.DefaultGrace when 0).
	HubGrace time.Duration
	// MaxHubs is how many hubs may be connected at once (Limits.MaxHubs
	// when 0).
	MaxHubs int
}

// ICEServers are the STUN and TURN servers announced to hubs behind NAT,
// from their URLs: the command line needs no WebRTC types of its own.
func ICEServers(stun, turn []string, turnUser, turnPassword string) []webrtc.ICEServer {
	ice := []webrtc.ICEServer{}
	if len(stun) > 0 {
		ice = append(ice, webrtc.ICEServer{URLs: stun})
	}
	if len(turn) > 0 {
		ice = append(ice, webrtc.ICEServer{URLs: turn, Username: turnUser, Credential: turnPassword})
	}
	return ice
}

// Serving is Floor open to hubs; Close closes it.
type Serving struct {
	Room      *room.Room
	Seats     *seatlink.Server // the session team's seats, on the same port
	Server    *whip.Server
	Play      *playback.Room       // the hubs' video and sound, decoded for the hub on the floor
	Sound     *audioout.Output     // where the room hears the hub on the floor
	Feed      *returnfeed.Feed     // the room to every hub
	RoomSound returnfeed.RoomSound // what the hubs hear of the room
	Addr      *net.TCPAddr
	UDP       *net.UDPAddr
	Pin       string
	// DisplayToken opens the confidence monitor's state (/display): made
	// anew each time the room opens, so an old link stops working.
	DisplayToken string
	engine       *media.Engine
	http         *http.Server
	cancel       context.CancelFunc
	unwatch      func()
	sfu          *sfuLink
	wg           sync.WaitGroup
	closeMu      sync.Once
}

// Open starts listening. The UDP port is the HTTPS port's number, so a
// firewall needs one rule for both.
func Open(ctx context.Context, c Config) (*Serving, error) {
	host, port, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", c.Listen, err)
	}
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return nil, fmt.Errorf("open to hubs on %s: %w", c.Listen, err)
	}
	tcp := ln.Addr().(*net.TCPAddr)
	if port == "0" {
		port = strconv.Itoa(tcp.Port)
	}
	if c.MaxHubs > 0 {
		c.Limits.MaxHubs = c.MaxHubs
	}
	ip := net.ParseIP(host)
	engine, err := media.NewEngine(media.Config{ListenAddr: net.JoinHostPort(host, port), Loopback: ip != nil && ip.IsLoopback()})
	if err != nil {
		ln.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &Serving{engine: engine, cancel: cancel, Addr: tcp, UDP: engine.Addr(), Pin: whip.Pin(c.Certificate)}
	var questions []string
	if c.Session != nil {
		questions = c.Session.PolicyQuestions
	}
	s.Room = room.New(room.Config{Moderator: c.Moderator, Clock: c.Clock, SessionTitle: c.SessionTitle, Grace: c.HubGrace,
		Active: func(ctx context.Context, hubID string) bool {
			h, err := c.DB.Hub(ctx, hubID)
			return err != nil || h.Active() // a database that cannot answer now revokes nobody
		},
		Questions: questions, Record: c.DB, SessionKey: c.SessionKey, Audit: c.DB, Seat: c.DB.Seat, Connected: s.connected})
	s.Room.OnHeadcount(func(hub string, people int) {
		_ = c.DB.NoteHeadcount(context.Background(), c.SessionKey, hub, people)
	})
	s.Play = playback.NewRoom()
	if s.RoomSound, err = returnfeed.OpenRoomSound(ctx, c.RoomSound); err == nil {
		s.Feed, err = returnfeed.New(s.RoomSound)
		if err != nil {
			s.RoomSound.Close()
		}
	}
	if err != nil {
		cancel()
		engine.Close()
		ln.Close()
		return nil, err
	}
	s.Play.Tap = s.Feed.Hear
	dir := app.HubDirectory{Store: c.DB, Clock: c.Clock}
	s.Server, err = whip.NewServer(whip.Config{API: engine.API, Auth: dir, Audit: c.DB, Room: s.Room,
		ICEServers: c.ICEServers, Limits: c.Limits, Now: c.Clock.Now, OnTrack: s.Play.OnTrack, OnSenderReport: s.Play.SenderReport, ReturnFeed: s.Feed})
	if err != nil {
		cancel()
		s.Feed.Close()
		s.RoomSound.Close()
		engine.Close()
		ln.Close()
		return nil, err
	}
	s.Play.RequestKeyframe, s.Play.RTT = s.Server.RequestKeyframe, s.Server.RTT
	if c.SFU != "" {
		if s.sfu, err = openSFU(ctx, c.SFU, c.SFURoom, s.Play, s.Server.RequestKeyframe); err != nil {
			cancel()
			s.Server.Close()
			s.Feed.Close()
			s.RoomSound.Close()
			engine.Close()
			ln.Close()
			return nil, err
		}
		s.Play.RequestKeyframe = s.sfu.requestKeyframe
	}
	s.Sound = audioout.Open(s.Play.Mixer)
	s.Play.Dir = filepath.Join(filepath.Dir(c.DB.Path()), "recordings")
	s.Play.Recorded = func(hubID string, rec *playback.Recording, done bool) {
		if done {
			_ = c.DB.FinishRecording(context.Background(), rec.VideoPath, c.Clock.Now())
			return
		}
		r := floor.Recording{Session: c.SessionKey, Hub: hubID, Video: rec.VideoPath, Audio: rec.AudioPath, Started: c.Clock.Now()}
		r.Request = s.Room.LiveRequest(hubID)
		_ = c.DB.AddRecording(context.Background(), r)
	}
	handler, err := s.routes(c)
	if err != nil {
		cancel()
		s.Server.Close()
		engine.Close()
		ln.Close()
		return nil, err
	}
	s.http = &http.Server{
		Handler:           handler,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{c.Certificate}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	s.wg.Add(4)
	go func() { defer s.wg.Done(); s.Feed.Run(ctx) }()
	go func() {
		defer s.wg.Done()
		if err := s.http.ServeTLS(ln, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
			cancel()
		}
	}()
	go func() { defer s.wg.Done(); s.Room.Run(ctx) }()
	changed := make(chan struct{}, 1)
	s.unwatch = c.Moderator.Watch(func(timer.State, floor.State) {
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	go func() { defer s.wg.Done(); s.followLive(ctx, changed) }()
	return s, nil
}

// routes are WHIP for hubs, the seats of the session team, the browser hub
// page and, with polls, the page phones vote on, and with an audience the
// page phones ask for the floor on.
func (s *Serving) routes(c Config) (http.Handler, error) {
	mux := http.NewServeMux()
	s.Seats = seatlink.NewServer(seatlink.Config{Room: s.Room, Links: s, Auth: app.SeatDirectory{Store: c.DB, Clock: c.Clock}, Audit: c.DB, Clock: c.Clock})
	s.Seats.Register(mux)
	mux.Handle("/whip", s.Server.Handler())
	mux.Handle("/whip/", s.Server.Handler())
	if err := hubpage.Register(mux); err != nil {
		return nil, err
	}
	if c.Session != nil {
		roomagenda.Register(mux, *c.Session, "floor", c.Clock.Now)
	}
	token, err := displaypage.NewToken()
	if err != nil {
		return nil, err
	}
	display, err := displaypage.New(func() displaypage.State {
		return displaypage.StateOf(c.Moderator.TimerState(), c.Moderator.Thresholds(), c.Moderator.Floor(), c.Clock.Now())
	}, token)
	if err != nil {
		return nil, err
	}
	display.Register(mux)
	s.DisplayToken = token
	if c.Polls != nil {
		s.Room.UsePolls(c.Polls)
		page, err := pollpage.New(c.Polls, pollpage.Limits{})
		if err != nil {
			return nil, err
		}
		page.Register(mux)
	}
	if c.Audience != nil {
		s.Room.UseAudience(c.Audience) // the moderators' seats moderate the phones' questions
		page, err := phonepage.New(c.Audience, c.SessionTitle, phonepage.Limits{}, c.Clock.Now)
		if err != nil {
			return nil, err
		}
		page.Register(mux)
	}
	return mux, nil
}

// followLive decodes the hub on the floor and gives it the full video rate
// and a keyframe the moment the moderator gives it the floor; the others
// are held at the queued cap.
func (s *Serving) followLive(ctx context.Context, changed <-chan struct{}) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-tick.C:
		}
		live := s.Room.Live()
		s.Play.SetLive(live)
		_ = s.Feed.SetLive(live) // an encoder that cannot be made leaves that hub hearing the whole room
		s.Server.SetLive(live)
		if s.sfu != nil {
			s.sfu.follow(ctx, live)
		}
	}
}

// Close stops listening and lets every hub go.
func (s *Serving) Close() error {
	var err error
	s.closeMu.Do(func() {
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		err = s.http.Shutdown(shut)
		s.Server.Close()
		s.Play.Close()
		s.Sound.Close()
		s.Room.Close()
		s.unwatch()
		s.cancel()
		s.wg.Wait()
		s.Feed.Close()
		s.RoomSound.Close()
		if s.sfu != nil {
			s.sfu.close()
		}
		if cerr := s.engine.Close(); err == nil {
			err = cerr
		}
	})
	return err
}

// Invite is the invite for hub with token, at the address hubs should use.
func (s *Serving) Invite(host, hubID, token string) app.Invite {
	return app.Invite{Host: host, Hub: hubID, Token: token, Pin: s.Pin}
}

// AdvertisedHost is host:port as hubs should dial it: the listen host, or
// for a wildcard listen, this machine's first non-loopback IPv4 address.
func AdvertisedHost(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
		return listen
	}
	return net.JoinHostPort(OutboundIP(), port)
}

// OutboundIP is this machine's first non-loopback IPv4 address, or
// 127.0.0.1 when it has none.
func OutboundIP() string {
	addrs, err := net.InterfaceAddrs()
	if err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
				return n.IP.String()
			}
		}
	}
	return "127.0.0.1"
}
