// Package seatlink carries the session team's seats over the room's HTTPS
// port: the room's state streamed to each seat (Server-Sent Events), a
// seat's commands posted back, and a clock ping, all behind the seat's
// token. Both ends are here: Server in the room, Client on a seat.
package seatlink

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
)

// Paths the seats use, on the room's one port.
const (
	StatePath   = "/seat/state"
	CommandPath = "/seat/command"
	ClockPath   = "/seat/clock"
)

// Authenticator finds the active seat a token belongs to; app.SeatDirectory
// is one.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (floor.Seat, error)
}

var _ Authenticator = app.SeatDirectory{}

// LinkReader reads the hubs' links as the room measures them; hubserve's
// Serving is one.
type LinkReader interface {
	Links() []app.HubLink
}

// Server serves the seats of one room.
type Server struct {
	room  *room.Room
	links LinkReader
	auth  Authenticator
	audit room.Auditor
	clock app.Clock

	mu      sync.Mutex
	limits  map[string]*rate.Limiter
	streams map[string]map[int]context.CancelFunc
	nextID  int
}

// Config is what a seat server needs.
type Config struct {
	Room  *room.Room
	Links LinkReader // nil: the seats see who is present, without figures
	Auth  Authenticator
	Audit room.Auditor
	Clock app.Clock
}

// NewServer serves c.Room's seats.
func NewServer(c Config) *Server {
	if c.Clock == nil {
		c.Clock = app.SystemClock{}
	}
	return &Server{room: c.Room, links: c.Links, auth: c.Auth, audit: c.Audit, clock: c.Clock,
		limits: map[string]*rate.Limiter{}, streams: map[string]map[int]context.CancelFunc{}}
}

// Register adds the seats' paths to mux.
func (s *Server) Register(mux *http.ServeMux) {
	mux.HandleFunc(StatePath, s.state)
	mux.HandleFunc(CommandPath, s.command)
	mux.HandleFunc(ClockPath, s.clockPing)
}

// CutOff ends seat id's streams now: its invite was revoked.
func (s *Server) CutOff(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, cancel := range s.streams[id] {
		cancel()
	}
}

// seat is the seat r's token belongs to; otherwise it answers 401 and
// audits the attempt.
func (s *Server) seat(w http.ResponseWriter, r *http.Request) (floor.Seat, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	seat, err := s.auth.Authenticate(r.Context(), token)
	if !ok || err != nil {
		if s.audit != nil {
			_ = s.audit.AppendAudit(r.Context(), floor.AuditEvent{At: s.clock.Now().UTC(), Kind: "seat-auth-failed", Remote: r.RemoteAddr, Detail: r.URL.Path})
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="floor seat"`)
		reply(w, http.StatusUnauthorized, control.SeatReplyWire{Error: "the room does not accept this seat's invite (wrong or revoked token)"})
		return seat, false
	}
	return seat, true
}

func (s *Server) limiter(id string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.limits[id]
	if l == nil {
		l = rate.NewLimiter(10, 20) // ten commands a second, twenty at once: people, not scripts gone wrong
		s.limits[id] = l
	}
	return l
}

func reply(w http.ResponseWriter, code int, r control.SeatReplyWire) {
	r.V = control.Version
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(r)
}

// command applies one command from a seat.
func (s *Server) command(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.seat(w, r)
	if !ok {
		return
	}
	if r.Method != http.MethodPost {
		reply(w, http.StatusMethodNotAllowed, control.SeatReplyWire{Error: "POST a command"})
		return
	}
	if !s.limiter(seat.ID).Allow() {
		w.Header().Set("Retry-After", "1")
		reply(w, http.StatusTooManyRequests, control.SeatReplyWire{Error: "too many commands at once; wait a moment"})
		return
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, control.MaxSeatCommand+1))
	if err != nil {
		reply(w, http.StatusBadRequest, control.SeatReplyWire{Error: "the command did not arrive whole"})
		return
	}
	wc, err := control.DecodeSeatCommand(raw)
	if err != nil {
		reply(w, http.StatusBadRequest, control.SeatReplyWire{Error: err.Error()})
		return
	}
	c, err := fromWire(wc)
	if err != nil {
		reply(w, http.StatusBadRequest, control.SeatReplyWire{Error: err.Error()})
		return
	}
	err = s.room.Do(r.Context(), seat, c)
	switch {
	case err == nil:
		b := s.room.Base()
		reply(w, http.StatusOK, control.SeatReplyWire{OK: true, Base: &control.BaseWire{Timer: b.Timer, Floor: b.Floor}})
	case errors.Is(err, room.ErrNoRight):
		refused := control.SeatReplyWire{Error: err.Error()}
		if re, ok := errors.AsType[*room.RightError](err); ok && re.Right != room.UnknownRight {
			refused.Right = re.Right.String() // the right it lacked for this request: a local Give's is floor
		}
		reply(w, http.StatusForbidden, refused)
	case errors.Is(err, app.ErrStale):
		reply(w, http.StatusConflict, control.SeatReplyWire{Error: err.Error(), Stale: true})
	default:
		reply(w, http.StatusConflict, control.SeatReplyWire{Error: err.Error()})
	}
}

func fromWire(wc control.SeatCommandWire) (room.SeatCommand, error) {
	v, err := room.ParseVerb(wc.Verb)
	if err != nil {
		return room.SeatCommand{}, err
	}
	c := room.SeatCommand{Verb: v, Base: app.Base{Timer: wc.Base.Timer, Floor: wc.Base.Floor}, ID: wc.ID, Pos: wc.Pos,
		Text: wc.Text, Hub: wc.Hub, Turn: wc.Turn, Allotted: time.Duration(wc.AllottedNs)}
	if wc.Speaker != nil {
		c.Speaker = wc.Speaker.Speaker()
		c.Speaker.Remote = wc.Remote
	}
	return c, nil
}

// clockPing answers a seat's ping with the room's clock, NTP-style.
func (s *Server) clockPing(w http.ResponseWriter, r *http.Request) {
	received := s.clock.Now()
	if _, ok := s.seat(w, r); !ok {
		return
	}
	var p control.ClockWire
	if err := json.NewDecoder(io.LimitReader(r.Body, 512)).Decode(&p); err != nil || r.Method != http.MethodPost {
		reply(w, http.StatusBadRequest, control.SeatReplyWire{Error: "POST a clock ping"})
		return
	}
	p.V, p.T1, p.T2 = control.Version, received.UnixNano(), s.clock.Now().UnixNano()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(p)
}

// Heartbeat is how often a seat hears the room even when nothing changes,
// so a silent room reads as STALE.
const Heartbeat = control.HeartbeatEvery

// state streams the room's state to a seat: at once, after every change
// and at least every Heartbeat, until the seat goes or is revoked.
func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	seat, ok := s.seat(w, r)
	if !ok {
		return
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	leave, err := s.room.ArriveSeat(seat)
	if err != nil {
		w.Header().Set("Retry-After", "10")
		reply(w, http.StatusServiceUnavailable, control.SeatReplyWire{Error: err.Error()})
		return
	}
	defer leave()
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	id := s.track(seat.ID, cancel)
	defer s.untrack(seat.ID, id)
	changes, stop := s.room.WatchTeam()
	defer stop()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	tick := time.NewTicker(Heartbeat)
	defer tick.Stop()
	for {
		v, err := s.room.View(ctx, seat)
		if err != nil {
			return
		}
		var links []app.HubLink
		if s.links != nil {
			links = s.links.Links()
		}
		b, err := json.Marshal(Wire(v, links, s.clock.Now()))
		if err != nil {
			return
		}
		_ = rc.SetWriteDeadline(time.Now().Add(10 * time.Second)) // the server's own deadline would end the stream
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-changes:
		case <-tick.C:
			// A seat revoked elsewhere (floor seats revoke, another
			// process) is let go within a heartbeat.
			// Its rights follow the moderator's switch the same way.
			now, err := s.auth.Authenticate(ctx, token)
			if errors.Is(err, app.ErrNoSeat) {
				return
			}
			if err == nil {
				seat = now
			}
		}
	}
}

// StreamsPerSeat is how many state streams one seat may hold at once (its
// window and a headless seat, a reconnect while the old stream is not yet
// known dead): a new one beyond it ends the seat's oldest, so a script
// looping on one token cannot pile up streams the room renders every second.
const StreamsPerSeat = 4

func (s *Server) track(seat string, cancel context.CancelFunc) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	if s.streams[seat] == nil {
		s.streams[seat] = map[int]context.CancelFunc{}
	}
	for len(s.streams[seat]) >= StreamsPerSeat {
		oldest := s.nextID
		for id := range s.streams[seat] {
			oldest = min(oldest, id)
		}
		s.streams[seat][oldest]()
		delete(s.streams[seat], oldest)
	}
	s.streams[seat][s.nextID] = cancel
	return s.nextID
}

func (s *Server) untrack(seat string, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.streams[seat], id)
	if len(s.streams[seat]) == 0 {
		delete(s.streams, seat)
	}
}
