package whip

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/media/fec"
)

// session is one hub's connection: its PeerConnection and what we count.
type session struct {
	id     string
	hub    floor.Hub
	token  string // kept in memory only, to check it again while connected
	remote string
	pc     *webrtc.PeerConnection
	opened time.Time
	gen    atomic.Int64 // bumped by every ICE restart; part of the ETag
	ended  sync.Once

	mu           sync.Mutex
	state        webrtc.PeerConnectionState
	connectedAt  time.Time
	lostSince    time.Time // Disconnected: "hub lost?"
	firstRTP     time.Time
	videoSSRC    uint32
	joined       bool
	bitrateCap   uint64
	packets      atomic.Int64
	bytes        atomic.Int64
	videoFrames  atomic.Int64
	tracks       atomic.Int64 // tracks whose first packet came (OnTrack), for statsSafe
	lastQuality  qualitySample
	hasDataChann bool
	returnTrack  *webrtc.TrackLocalStaticSample // the room's sound to this hub; nil for a send-only hub
}

type qualitySample struct {
	at            time.Time
	bytes, frames int64
}

func (s *session) etag() string {
	return `"` + s.id[:8] + "-" + strconv.FormatInt(s.gen.Load(), 10) + `"`
}

// QueuedBitrate and LiveBitrate are the video rates asked of a hub with
// REMB: low while it waits in the queue (with 32 kbps of audio, a queued hub
// stays under 300 kbps), full when it has the floor.
const (
	QueuedBitrate = 250_000
	LiveBitrate   = 2_500_000
)

// open answers the offer on a new PeerConnection.
func (s *Server) open(ctx context.Context, hub floor.Hub, token, offer, remote string) (*session, string, error) {
	pc, err := s.cfg.API.NewPeerConnection(webrtc.Configuration{ICEServers: s.cfg.ICEServers})
	if err != nil {
		return nil, "", fmt.Errorf("new peer connection: %w", err)
	}
	sess := &session{id: newID(), hub: hub, token: token, remote: remote, pc: pc, opened: s.cfg.Now(), bitrateCap: QueuedBitrate}
	pc.OnConnectionStateChange(func(st webrtc.PeerConnectionState) { s.stateChanged(sess, st) })
	pc.OnTrack(func(t *webrtc.TrackRemote, r *webrtc.RTPReceiver) { s.track(sess, t, r) })
	pc.OnDataChannel(func(dc *webrtc.DataChannel) { s.dataChannel(sess, dc) })
	answer, err := s.answer(ctx, pc, webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer},
		func() error { return s.addReturnFeed(sess, offer) })
	if err != nil {
		s.dropReturnFeed(sess)
		pc.Close()
		return nil, "", err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		pc.Close()
		return nil, "", fmt.Errorf("the room is closing")
	}
	s.sessions[sess.id] = sess
	s.mu.Unlock()
	time.AfterFunc(s.lim.HalfOpen, func() {
		sess.mu.Lock()
		connected := !sess.connectedAt.IsZero()
		sess.mu.Unlock()
		if !connected {
			s.end(sess, control.Lost, fmt.Sprintf("half-open: not connected within %s", s.lim.HalfOpen))
		}
	})
	s.wg.Add(1)
	go s.capBitrate(sess)
	return sess, answer, nil
}

// answer sets the remote offer and returns our complete answer: candidates
// are gathered from the one UDP port at once, so no trickle is needed from
// our side and every WHIP client gets them in the 201.
func (s *Server) answer(ctx context.Context, pc *webrtc.PeerConnection, offer webrtc.SessionDescription, beforeAnswer func() error) (string, error) {
	if err := pc.SetRemoteDescription(offer); err != nil {
		return "", fmt.Errorf("the offer cannot be used: %w", err)
	}
	if beforeAnswer != nil {
		if err := beforeAnswer(); err != nil {
			return "", err
		}
	}
	ans, err := pc.CreateAnswer(nil)
	if err != nil {
		return "", fmt.Errorf("no answer to that offer: %w", err)
	}
	gathered := webrtc.GatheringCompletePromise(pc)
	if err := pc.SetLocalDescription(ans); err != nil {
		return "", fmt.Errorf("set answer: %w", err)
	}
	select {
	case <-gathered:
	case <-time.After(s.lim.GatherLimit):
	case <-ctx.Done():
		return "", ctx.Err()
	}
	return pc.LocalDescription().SDP, nil
}

func (s *Server) stateChanged(sess *session, st webrtc.PeerConnectionState) {
	now := s.cfg.Now()
	sess.mu.Lock()
	sess.state = st
	switch st {
	case webrtc.PeerConnectionStateConnected:
		if sess.connectedAt.IsZero() {
			sess.connectedAt = now
		}
		sess.lostSince = time.Time{}
	case webrtc.PeerConnectionStateDisconnected:
		sess.lostSince = now
	}
	sess.mu.Unlock()
	switch st {
	case webrtc.PeerConnectionStateFailed:
		s.end(sess, control.Lost, "connection failed")
	case webrtc.PeerConnectionStateClosed:
		s.end(sess, control.Lost, "connection closed")
	}
}

// track reads a hub's media, unless the playback layer takes it.
func (s *Server) track(sess *session, t *webrtc.TrackRemote, r *webrtc.RTPReceiver) {
	sess.tracks.Add(1)
	if t.Kind() == webrtc.RTPCodecTypeVideo && t.Codec().MimeType != fec.MimeType {
		sess.mu.Lock()
		sess.videoSSRC = uint32(t.SSRC())
		sess.mu.Unlock()
	}
	if report := s.cfg.OnSenderReport; report != nil {
		go readSenderReports(r, t, func(sr *rtcp.SenderReport) { report(sess.hub.ID, t.Kind(), sr) })
	}
	var sink func(*rtp.Packet)
	if s.cfg.OnTrack != nil {
		if f, ok := s.cfg.OnTrack(sess.hub.ID, t); ok {
			sink = f
		}
	}
	for {
		p, _, err := t.ReadRTP()
		if err != nil {
			if sink != nil {
				sink(nil)
			}
			return
		}
		sess.count(p.Marker, len(p.Payload), t.Kind() == webrtc.RTPCodecTypeVideo, s.cfg.Now())
		if sink != nil {
			sink(p)
		}
	}
}

// readSenderReports reads a track's RTCP until the hub leaves and hands on
// the sender reports of that track's stream.
func readSenderReports(r *webrtc.RTPReceiver, t *webrtc.TrackRemote, report func(*rtcp.SenderReport)) {
	for {
		pkts, _, err := r.ReadRTCP()
		if err != nil {
			return
		}
		for _, p := range pkts {
			if sr, ok := p.(*rtcp.SenderReport); ok && sr.SSRC == uint32(t.SSRC()) {
				report(sr)
			}
		}
	}
}

func (sess *session) count(marker bool, n int, video bool, now time.Time) {
	if sess.packets.Add(1) == 1 {
		sess.mu.Lock()
		sess.firstRTP = now
		sess.mu.Unlock()
	}
	sess.bytes.Add(int64(n))
	if video && marker {
		sess.videoFrames.Add(1)
	}
}

// dataChannel carries the control protocol; any other channel is closed.
func (s *Server) dataChannel(sess *session, dc *webrtc.DataChannel) {
	if dc.Label() != "floor" || s.cfg.Room == nil {
		dc.Close()
		return
	}
	// Pion runs OnOpen in its own goroutine while the read loop starts, so
	// messages wait until the room has welcomed the hub.
	joined := make(chan struct{})
	dc.OnOpen(func() {
		sess.mu.Lock()
		sess.joined, sess.hasDataChann = true, true
		sess.mu.Unlock()
		s.cfg.Room.Join(sess.hub, sess.id, func(b []byte) error { return dc.SendText(string(b)) }) // JSON is text: a browser reads a string
		close(joined)
	})
	dc.OnMessage(func(m webrtc.DataChannelMessage) {
		select {
		case <-joined:
		case <-s.done:
			return
		}
		if len(m.Data) > 0 {
			s.cfg.Room.Receive(sess.hub.ID, m.Data)
		}
	})
}

// capBitrate tells the hub's encoder, once a second with REMB, how much
// video the room wants from it now.
func (s *Server) capBitrate(sess *session) {
	defer s.wg.Done()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-tick.C:
		}
		sess.mu.Lock()
		ssrc, rate, st := sess.videoSSRC, sess.bitrateCap, sess.state
		sess.mu.Unlock()
		if st == webrtc.PeerConnectionStateClosed || st == webrtc.PeerConnectionStateFailed {
			return
		}
		if ssrc != 0 {
			_ = sess.pc.WriteRTCP([]rtcp.Packet{&rtcp.ReceiverEstimatedMaximumBitrate{Bitrate: float32(rate), SSRCs: []uint32{ssrc}}})
		}
	}
}

// SetLive raises the video rate asked of the hubs in live and holds every
// other hub at QueuedBitrate.
func (s *Server) SetLive(live map[string]bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sess := range s.sessions {
		sess.mu.Lock()
		was := sess.bitrateCap == LiveBitrate
		sess.bitrateCap = QueuedBitrate
		if live[sess.hub.ID] {
			sess.bitrateCap = LiveBitrate
		}
		ssrc := sess.videoSSRC
		sess.mu.Unlock()
		if live[sess.hub.ID] && !was && ssrc != 0 {
			// Admitted: ask for a keyframe now rather than wait for one.
			_ = sess.pc.WriteRTCP([]rtcp.Packet{&rtcp.ReceiverEstimatedMaximumBitrate{Bitrate: LiveBitrate, SSRCs: []uint32{ssrc}},
				&rtcp.PictureLossIndication{MediaSSRC: ssrc}})
		}
	}
}

// end closes a session once, tells the room and records why.
func (s *Server) end(sess *session, d control.Departure, why string) {
	sess.ended.Do(func() {
		s.mu.Lock()
		if s.sessions[sess.id] == sess {
			delete(s.sessions, sess.id)
		}
		s.mu.Unlock()
		sess.pc.Close()
		s.dropReturnFeed(sess)
		sess.mu.Lock()
		joined := sess.joined
		sess.mu.Unlock()
		if joined {
			s.cfg.Room.Leave(sess.hub.ID, sess.id, d)
		}
		s.audit(floor.AuditEvent{At: s.cfg.Now(), Kind: "left", Hub: sess.hub.ID, Remote: sess.remote, Detail: why})
	})
}

func (s *Server) sessionOf(hubID string) *session {
	for _, sess := range s.sessions {
		if sess.hub.ID == hubID {
			return sess
		}
	}
	return nil
}

// Disconnect ends hub's session now, as when the moderator revokes it.
func (s *Server) Disconnect(hubID, why string) {
	s.mu.Lock()
	sess := s.sessionOf(hubID)
	s.mu.Unlock()
	if sess != nil {
		s.end(sess, control.Revoked, why)
	}
}

// revalidate checks every connected hub's token again, so a revocation
// from the command line or another window takes effect within seconds.
func (s *Server) revalidate() {
	defer s.wg.Done()
	tick := time.NewTicker(s.lim.Revalidate)
	defer tick.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-tick.C:
		}
		s.mu.Lock()
		all := make([]*session, 0, len(s.sessions))
		for _, sess := range s.sessions {
			all = append(all, sess)
		}
		s.mu.Unlock()
		for _, sess := range all {
			if _, err := s.cfg.Auth.Authenticate(context.Background(), sess.token); err != nil {
				s.end(sess, control.Revoked, "the hub's invite was revoked")
			}
		}
	}
}

// Close ends every session and stops housekeeping.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	all := make([]*session, 0, len(s.sessions))
	for _, sess := range s.sessions {
		all = append(all, sess)
	}
	s.mu.Unlock()
	for _, sess := range all {
		s.end(sess, control.RoomClosed, "the room closed")
	}
	close(s.done)
	s.wg.Wait()
	return nil
}

// RequestKeyframe asks hub's video for a keyframe (PLI) now.
func (s *Server) RequestKeyframe(hubID string) {
	s.mu.Lock()
	sess := s.sessionOf(hubID)
	s.mu.Unlock()
	if sess == nil {
		return
	}
	sess.mu.Lock()
	ssrc := sess.videoSSRC
	sess.mu.Unlock()
	if ssrc != 0 {
		_ = sess.pc.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: ssrc}})
	}
}
