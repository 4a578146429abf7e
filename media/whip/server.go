package whip

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/rtp"
	"github.com/pion/sdp/v3"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// Authenticator says which hub a bearer token belongs to; app.HubDirectory
// is one. Any error means 401.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (floor.Hub, error)
}

// Auditor keeps the security record; storage.DB is one.
type Auditor interface {
	AppendAudit(ctx context.Context, e floor.AuditEvent) error
}

// Room is the moderator's side of the control channel; room.Room is one.
// conn names the WHIP session: a hub that reconnects joins on a new one
// before the room may hear that the old one ended.
type Room interface {
	Join(h floor.Hub, conn string, send func([]byte) error)
	Receive(hubID string, msg []byte)
	Leave(hubID, conn string, d control.Departure)
}

// Limits of the endpoint; zero values take the defaults.
type Limits struct {
	MaxHubs     int           // hubs connected at once (16)
	MaxBody     int64         // SDP body (64 KiB)
	HalfOpen    time.Duration // a session not connected by then is closed (15 s)
	PerAddress  float64       // requests per second from one address without a valid token (5, burst 30); also each hub's PATCH and DELETE
	PerHub      float64       // joins (POST) per second with one token (1, burst 5)
	Revalidate  time.Duration // how often live sessions' tokens are checked again (2 s)
	GatherLimit time.Duration // longest wait for our own ICE candidates (2 s)
}

func (l Limits) withDefaults() Limits {
	def := Limits{MaxHubs: 16, MaxBody: 64 << 10, HalfOpen: 15 * time.Second, PerAddress: 5, PerHub: 1,
		Revalidate: 2 * time.Second, GatherLimit: 2 * time.Second}
	if l.MaxHubs <= 0 {
		l.MaxHubs = def.MaxHubs
	}
	if l.MaxBody <= 0 {
		l.MaxBody = def.MaxBody
	}
	if l.HalfOpen <= 0 {
		l.HalfOpen = def.HalfOpen
	}
	if l.PerAddress <= 0 {
		l.PerAddress = def.PerAddress
	}
	if l.PerHub <= 0 {
		l.PerHub = def.PerHub
	}
	if l.Revalidate <= 0 {
		l.Revalidate = def.Revalidate
	}
	if l.GatherLimit <= 0 {
		l.GatherLimit = def.GatherLimit
	}
	return l
}

// Config is what the endpoint needs.
type Config struct {
	API        *webrtc.API // from media.Engine: one UDP port, big read buffer
	Auth       Authenticator
	Audit      Auditor
	Room       Room               // nil: media only
	ICEServers []webrtc.ICEServer // STUN/TURN, announced to hubs in Link headers
	Limits     Limits
	Now        func() time.Time // nil: time.Now
	// OnTrack, when set, is offered each hub track; the sink it returns gets
	// every packet after the server has counted it (the playback work). The
	// sink must not block; it is called until the track ends, then closed
	// with nil.
	OnTrack func(hubID string, track *webrtc.TrackRemote) (sink func(*rtp.Packet), ok bool)
	// OnSenderReport, when set, gets each RTCP sender report a hub sends
	// for its audio or video: the clock its streams share (lip sync).
	OnSenderReport func(hubID string, kind webrtc.RTPCodecType, sr *rtcp.SenderReport)
	// ReturnFeed, when set, gives each hub whose offer can receive audio a
	// track to hear the room on (package returnfeed).
	ReturnFeed ReturnFeed
}

// ReturnFeed is the room's sound for the hubs.
type ReturnFeed interface {
	Track(hubID string) (*webrtc.TrackLocalStaticSample, error)
	Drop(hubID string, t *webrtc.TrackLocalStaticSample)
}

// Server is the WHIP endpoint: POST /whip, PATCH and DELETE /whip/{id}.
type Server struct {
	cfg      Config
	lim      Limits
	byAddr   *limiters // requests without a valid token, by address
	byHub    *limiters // joins (POST), by hub
	byHubRes *limiters // PATCH and DELETE on its sessions, by hub
	mu       sync.Mutex
	sessions map[string]*session // by resource id
	closed   bool
	done     chan struct{}
	wg       sync.WaitGroup
}

// NewServer makes the endpoint and starts its housekeeping (half-open
// deadlines, token revalidation); Close stops it.
func NewServer(cfg Config) (*Server, error) {
	if cfg.API == nil || cfg.Auth == nil || cfg.Audit == nil {
		return nil, errors.New("whip: the server needs an API, an authenticator and an audit log")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	lim := cfg.Limits.withDefaults()
	s := &Server{cfg: cfg, lim: lim, byAddr: newLimiters(lim.PerAddress, 30), byHub: newLimiters(lim.PerHub, 5),
		byHubRes: newLimiters(lim.PerAddress, 30),
		sessions: map[string]*session{}, done: make(chan struct{})}
	s.wg.Add(1)
	go s.revalidate()
	return s, nil
}

// Handler routes the endpoint's methods; anything else is 404 or 405.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /whip", s.post)
	mux.HandleFunc("OPTIONS /whip", s.options)
	mux.HandleFunc("PATCH /whip/{id}", s.patch)
	mux.HandleFunc("DELETE /whip/{id}", s.delete)
	return mux
}

// options answers a CORS preflight and says which methods exist.
func (s *Server) options(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "OPTIONS, POST")
	s.linkHeaders(w)
	w.WriteHeader(http.StatusNoContent)
}

// post is a hub joining: checks in order of cost, so a stranger never gets
// as far as the SDP parser.
func (s *Server) post(w http.ResponseWriter, r *http.Request) {
	now := s.cfg.Now()
	hub, ok := s.admit(w, r, now)
	if !ok {
		return
	}
	if !s.bodyType(w, r, "application/sdp") {
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	if err := checkOffer(body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	old := s.sessionOf(hub.ID)
	full := old == nil && len(s.sessions) >= s.lim.MaxHubs
	s.mu.Unlock()
	if full {
		w.Header().Set("Retry-After", "30")
		http.Error(w, fmt.Sprintf("the room holds %d hubs at once; try again later", s.lim.MaxHubs), http.StatusServiceUnavailable)
		return
	}
	if old != nil { // the same hub again (a restart): the new connection wins
		s.end(old, control.Replaced, "replaced by a new connection")
	}
	sess, answer, err := s.open(r.Context(), hub, bearer(r), string(body), clientAddr(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.audit(floor.AuditEvent{At: now, Kind: "joined", Hub: hub.ID, Remote: clientAddr(r), Detail: sess.id})
	w.Header().Set("Content-Type", "application/sdp")
	w.Header().Set("Location", "/whip/"+sess.id)
	w.Header().Set("ETag", sess.etag())
	w.Header().Set("Accept-Patch", "application/trickle-ice-sdpfrag")
	s.linkHeaders(w)
	w.WriteHeader(http.StatusCreated)
	io.WriteString(w, answer)
}

// admit applies the address limit, the token, and the hub's own limit.
//
// An address out of allowance is refused before its token is looked at,
// but only requests without a valid token spend that allowance: a known
// hub's requests count against its own limits. Hubs share addresses (a
// venue's NAT), and after a restart every hub knocks at once, each with a
// PATCH (its old session is gone) and a POST — 32 for a full room, past
// the address's burst — while one hub flooding with its token would, on
// a shared allowance, push its neighbours out.
func (s *Server) admit(w http.ResponseWriter, r *http.Request, now time.Time) (floor.Hub, bool) {
	addr := clientAddr(r)
	if ok, wait := s.byAddr.check(addr, now); !ok {
		tooMany(w, wait, "too many requests from your address")
		return floor.Hub{}, false
	}
	token := bearer(r)
	hub, err := s.cfg.Auth.Authenticate(r.Context(), token)
	if err != nil {
		if ok, wait := s.byAddr.allow(addr, now); !ok { // others spent the last one meanwhile
			tooMany(w, wait, "too many requests from your address")
			return floor.Hub{}, false
		}
		detail := "wrong or revoked token"
		if token == "" {
			detail = "no token"
		}
		s.audit(floor.AuditEvent{At: now, Kind: "auth-failed", Remote: addr, Detail: r.Method + " " + detail})
		w.Header().Set("WWW-Authenticate", `Bearer realm="floor", error="invalid_token"`)
		http.Error(w, "a valid hub token is needed (Authorization: Bearer TOKEN from the invite)", http.StatusUnauthorized)
		return hub, false
	}
	// Joining is the costly request (a new peer connection); trickle
	// PATCHes come in bursts, so they (and DELETE) have a limit of their
	// own, as generous as an address's.
	lim, why := s.byHub, "too many joins with this hub's token"
	if r.Method != http.MethodPost {
		lim, why = s.byHubRes, "too many requests with this hub's token"
	}
	if ok, wait := lim.allow(hub.ID, now); !ok {
		tooMany(w, wait, why)
		return hub, false
	}
	return hub, true
}

func tooMany(w http.ResponseWriter, wait time.Duration, why string) {
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter(wait)))
	http.Error(w, why, http.StatusTooManyRequests)
}

func (s *Server) bodyType(w http.ResponseWriter, r *http.Request, want string) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != want {
		w.Header().Set("Accept", want)
		http.Error(w, "the body must be "+want, http.StatusUnsupportedMediaType)
		return false
	}
	return true
}

func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.ContentLength > s.lim.MaxBody {
		http.Error(w, fmt.Sprintf("the body is over %d bytes", s.lim.MaxBody), http.StatusRequestEntityTooLarge)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.lim.MaxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		http.Error(w, fmt.Sprintf("the body is over %d bytes", s.lim.MaxBody), http.StatusRequestEntityTooLarge)
		return nil, false
	}
	if err != nil {
		http.Error(w, "reading the body: "+err.Error(), http.StatusBadRequest)
		return nil, false
	}
	return body, true
}

// checkOffer parses the offer before Pion sees it, for a clear answer: it
// must be SDP with at least one media section and ICE credentials.
func checkOffer(body []byte) error {
	var d sdp.SessionDescription
	if err := d.Unmarshal(body); err != nil {
		return fmt.Errorf("the offer is not valid SDP: %w", err)
	}
	if len(d.MediaDescriptions) == 0 {
		return errors.New("the offer has no media")
	}
	return nil
}

// bearer is the token of an "Authorization: Bearer TOKEN" header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// linkHeaders announce STUN and TURN servers (RFC 9725 §4.6).
func (s *Server) linkHeaders(w http.ResponseWriter) {
	for _, ice := range s.cfg.ICEServers {
		for _, u := range ice.URLs {
			v := "<" + u + `>; rel="ice-server"`
			if ice.Username != "" {
				v += fmt.Sprintf(`; username=%q; credential=%q; credential-type="password"`, ice.Username, fmt.Sprint(ice.Credential))
			}
			w.Header().Add("Link", v)
		}
	}
}

func (s *Server) audit(e floor.AuditEvent) {
	// The record is best effort: a full disk must not stop a hub joining,
	// and the error is not the hub's to see.
	_ = s.cfg.Audit.AppendAudit(context.Background(), e)
}

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
