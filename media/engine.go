// Package media sets Pion up for Floor: the WebRTC API every peer connection
// is made from, listening on one UDP port. Later work adds WHIP, the data
// channel transport, decoding and playout here.
package media

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/interceptor/pkg/nack"
	"github.com/pion/transport/v5"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media/fec"
)

// DefaultReadBuffer is the UDP receive buffer Floor asks for. The kernel's
// default (~208 KB) overflows on a keyframe burst and loses dozens of
// packets even on loopback (DESIGN.md); Linux caps the request at
// net.core.rmem_max, 4 MiB on these machines.
const DefaultReadBuffer = 4 << 20

// Config says where the engine listens.
type Config struct {
	// ListenAddr is the one UDP address all ICE traffic uses, such as
	// "0.0.0.0:8443" or "127.0.0.1:0" (any free port).
	ListenAddr string
	// ReadBuffer is the UDP receive buffer to ask for; 0 means DefaultReadBuffer.
	ReadBuffer int
	// Loopback offers loopback candidates, for peers on the same machine.
	Loopback bool
	// Net, when set, replaces the machine's network: tests pass a
	// pion/transport vnet with delay, jitter and loss. No socket is opened.
	Net transport.Net
	// LostAfter and FailedAfter are how long a silent peer takes to be
	// Disconnected ("hub lost?") and Failed (removed); 0 means 5 s and 25 s,
	// near RFC 7675's consent expiry, which Pion does not run itself.
	LostAfter, FailedAfter time.Duration
	// NoRepair leaves out the video repair codec (package fec): the engine
	// then answers as a WHIP server that does not know it.
	NoRepair bool
}

func (cfg Config) timeouts(se *webrtc.SettingEngine) {
	lost, failed := cfg.LostAfter, cfg.FailedAfter
	if lost <= 0 {
		lost = 5 * time.Second
	}
	if failed <= 0 {
		failed = 25 * time.Second
	}
	se.SetICETimeouts(lost, failed, min(2*time.Second, lost/3))
	// SCTP doubles its retransmission timer on every loss up to 60 s: after
	// a 10 s cut the control channel would wait up to 16 s more once the
	// link is back. Capped at a second, the timers and the queue are back
	// within a second of the link (a few extra retransmits while cut).
	se.SetSCTPRTOMax(time.Second)
	// ICE marks a candidate pair failed after 7 unanswered checks (1.4 s at
	// one every 200 ms): an ICE restart begun while the link is still cut
	// then never sees it come back, and waits out its whole attempt. Kept
	// checking for 10 s (a hub's attempt), the pair connects within a round
	// trip of the link's return.
	se.SetICEMaxBindingRequests(maxBindingRequests)
}

// maxBindingRequests is 10 s of connectivity checks at Pion's 200 ms.
const maxBindingRequests = 50

// Engine owns the UDP port and the Pion API made over it.
type Engine struct {
	API  *webrtc.API
	conn *net.UDPConn
	mux  ice.UDPMux
}

// NewEngine opens the UDP port and builds the API. Nothing listens until it
// is called: participants never call it (DESIGN.md: nothing listens unless
// the moderator opens the floor).
func NewEngine(cfg Config) (*Engine, error) {
	if cfg.Net != nil {
		var se webrtc.SettingEngine
		se.SetNet(cfg.Net)
		cfg.timeouts(&se)
		se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
		se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
		api, err := newAPI(se, !cfg.NoRepair)
		if err != nil {
			return nil, err
		}
		return &Engine{API: api}, nil
	}
	addr, err := net.ResolveUDPAddr("udp4", cfg.ListenAddr)
	if err != nil {
		return nil, fmt.Errorf("media: listen address %q: %w", cfg.ListenAddr, err)
	}
	conn, err := net.ListenUDP("udp4", addr)
	if err != nil {
		return nil, fmt.Errorf("media: listen on %s: %w", cfg.ListenAddr, err)
	}
	size := cfg.ReadBuffer
	if size <= 0 {
		size = DefaultReadBuffer
	}
	if err := conn.SetReadBuffer(size); err != nil {
		conn.Close()
		return nil, fmt.Errorf("media: UDP read buffer: %w", err)
	}
	mux := webrtc.NewICEUDPMux(nil, conn)
	var se webrtc.SettingEngine
	se.SetICEUDPMux(mux)
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	se.SetIncludeLoopbackCandidate(cfg.Loopback)
	cfg.timeouts(&se)
	// mDNS candidates hide addresses but cost a multicast round and fail on
	// many networks; off unless a later issue asks for them.
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	api, err := newAPI(se, !cfg.NoRepair)
	if err != nil {
		mux.Close()
		conn.Close()
		return nil, err
	}
	return &Engine{API: api, conn: conn, mux: mux}, nil
}

// NackInterval is how often lost packets are asked for again. Pion's 100 ms
// default alone is more than the one round trip a frame may wait for its
// retransmission; at 20 ms a loss costs about one RTT.
const NackInterval = 20 * time.Millisecond

// newAPI is Pion's API with its default codecs and interceptors (NACK,
// RTCP reports, TWCC, stats), NACKs sent every NackInterval.
func newAPI(se webrtc.SettingEngine, repair bool) (*webrtc.API, error) {
	m := &webrtc.MediaEngine{}
	if err := m.RegisterDefaultCodecs(); err != nil {
		return nil, fmt.Errorf("media: codecs: %w", err)
	}
	// The hubs' video repair stream (package fec): a codec the room takes
	// as a track, and the interceptor that fills it, added last so it sees
	// each packet as the track wrote it and never a retransmission.
	if repair {
		if err := m.RegisterCodec(fec.Codec(), webrtc.RTPCodecTypeVideo); err != nil {
			return nil, fmt.Errorf("media: repair codec: %w", err)
		}
	}
	reg := &interceptor.Registry{}
	if err := webrtc.RegisterDefaultInterceptorsWithOptions(m, reg,
		webrtc.WithNackGeneratorOptions(nack.GeneratorInterval(NackInterval))); err != nil {
		return nil, fmt.Errorf("media: interceptors: %w", err)
	}
	reg.Add(fec.Factory{})
	return webrtc.NewAPI(webrtc.WithSettingEngine(se), webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(reg)), nil
}

// Addr is the UDP address the engine listens on; nil on a virtual network.
func (e *Engine) Addr() *net.UDPAddr {
	if e.conn == nil {
		return nil
	}
	return e.conn.LocalAddr().(*net.UDPAddr)
}

// Close stops listening.
func (e *Engine) Close() error {
	if e.mux == nil {
		return nil
	}
	err := e.mux.Close()
	// The mux closes the connection itself; closing it again is no error.
	if cerr := e.conn.Close(); err == nil && !errors.Is(cerr, net.ErrClosed) {
		err = cerr
	}
	return err
}
