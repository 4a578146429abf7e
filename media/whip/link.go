package whip

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app/control"
)

// LinkConfig is how a hub keeps its connection to the room.
type LinkConfig struct {
	API     *webrtc.API
	Client  *Client
	Publish PublishOptions // OnControlOpen and OnControlClose are the link's own
	// Stale, when set, says that the room has been silent too long (its
	// timer heartbeats stopped): a link that looks connected but is not.
	Stale func() bool
	// OnState is told every change of the link, in order.
	OnState func(control.LinkState)
	// OnBack is called after the control channel is open again on a new
	// connection (the hub says hello again); not after the first.
	OnBack func()
	// Backoff spaces the attempts; zero: control.Reconnect().
	Backoff control.Backoff
	// OpenWithin is how long a new connection's control channel may take to
	// open (10 s).
	OpenWithin time.Duration
}

// Link is a hub's connection to the room that mends itself: an ICE restart
// on the same WHIP session for a short loss, a new POST with the same token
// when the room says the session is gone, with backoff, until Close.
type Link struct {
	cfg     LinkConfig
	trouble chan struct{}

	mu     sync.Mutex
	pub    *Publisher
	opened chan struct{} // closed when the current control channel opens
	mended time.Time     // when the link was last mended
	state  control.LinkState
	closed bool
}

// Dial connects once; the error of a first join is the caller's to show.
func Dial(ctx context.Context, cfg LinkConfig) (*Link, error) {
	if cfg.Backoff == (control.Backoff{}) {
		cfg.Backoff = control.Reconnect()
	}
	if cfg.OpenWithin <= 0 {
		cfg.OpenWithin = 10 * time.Second
	}
	l := &Link{cfg: cfg, trouble: make(chan struct{}, 1)}
	if err := l.connect(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// Publisher is the connection in use now.
func (l *Link) Publisher() *Publisher {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pub
}

// Opened is closed when the current connection's control channel opens.
func (l *Link) Opened() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.opened
}

// State is the link now.
func (l *Link) State() control.LinkState {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state
}

// Send puts a control message on the current connection.
func (l *Link) Send(b []byte) error {
	p := l.Publisher()
	if p == nil {
		return errors.New("not connected to the room")
	}
	return p.Send(b)
}

func (l *Link) alarm() {
	select {
	case l.trouble <- struct{}{}:
	default:
	}
}

// connect makes a new connection, reusing the tracks of the last one, and
// watches it.
func (l *Link) connect(ctx context.Context) error {
	o := l.cfg.Publish
	if old := l.Publisher(); old != nil {
		o.VideoTrack, o.AudioTrack = old.Video, old.Audio
	}
	opened := make(chan struct{})
	var once sync.Once
	var this atomic.Pointer[Publisher]
	// Only the connection in use raises the alarm: the old one closing
	// after a new one is up would mend a link that is fine.
	current := func() {
		if p := this.Load(); p != nil && p == l.Publisher() {
			l.alarm()
		}
	}
	o.OnControlOpen = func() { once.Do(func() { close(opened) }) }
	o.OnControlClose = current
	p, err := Publish(ctx, l.cfg.API, l.cfg.Client, o)
	if err != nil {
		return err
	}
	this.Store(p)
	p.PC.OnConnectionStateChange(func(st webrtc.PeerConnectionState) {
		switch st {
		case webrtc.PeerConnectionStateDisconnected, webrtc.PeerConnectionStateFailed, webrtc.PeerConnectionStateClosed:
			current()
		}
	})
	l.mu.Lock()
	closed := l.closed
	if !closed {
		l.pub, l.opened = p, opened
	}
	l.mu.Unlock()
	if closed {
		p.PC.Close()
		return errors.New("the link was closed")
	}
	return nil
}

func (l *Link) set(s control.LinkState) {
	l.mu.Lock()
	l.state = s
	l.mu.Unlock()
	if l.cfg.OnState != nil {
		l.cfg.OnState(s)
	}
}

// Run mends the link until ctx ends or the room refuses the invite.
func (l *Link) Run(ctx context.Context) {
	l.set(control.LinkState{})
	check := time.NewTicker(250 * time.Millisecond)
	defer check.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.trouble:
		case <-check.C:
		}
		if l.healthy() {
			l.quietAfterBack()
			continue
		}
		if !l.mend(ctx) {
			return
		}
	}
}

// quietAfterBack ends the "back with the room" words after a while.
func (l *Link) quietAfterBack() {
	l.mu.Lock()
	back := l.state.Down > 0 && time.Since(l.mended) >= control.BackShownFor
	l.mu.Unlock()
	if back {
		l.set(control.LinkState{})
	}
}

// healthy: connected (or still connecting) and the room not silent.
func (l *Link) healthy() bool {
	p := l.Publisher()
	switch p.PC.ConnectionState() {
	case webrtc.PeerConnectionStateDisconnected, webrtc.PeerConnectionStateFailed, webrtc.PeerConnectionStateClosed:
		return false
	}
	if p.Control != nil && p.Control.ReadyState() == webrtc.DataChannelStateClosed {
		return false
	}
	// A new connection is not stale before the room has had the time to
	// say anything on it (its welcome, its first heartbeat).
	l.mu.Lock()
	fresh := time.Since(l.mended) < control.StaleAfter
	l.mu.Unlock()
	return l.cfg.Stale == nil || fresh || !l.cfg.Stale()
}

// mend tries until the link is back; false when it must stop.
func (l *Link) mend(ctx context.Context) bool {
	began := time.Now()
	for attempt := 1; ; attempt++ {
		l.set(control.LinkState{Mending: true, Attempt: attempt})
		restarted, err := l.attempt(ctx)
		if err == nil {
			l.mu.Lock()
			l.mended = time.Now()
			l.mu.Unlock()
			l.set(control.LinkState{Restarted: restarted, Down: time.Since(began)})
			return true
		}
		var se *StatusError
		if errors.As(err, &se) && (se.Code == http.StatusUnauthorized || se.Code == http.StatusForbidden) {
			l.set(control.LinkState{Attempt: attempt, Err: err, Revoked: true})
			return false
		}
		wait := l.cfg.Backoff.Delay(attempt, rand.Float64())
		if errors.As(err, &se) {
			wait = max(wait, honoured(se.RetryDelay(time.Now()), rand.Float64()))
		}
		l.set(control.LinkState{Mending: true, Attempt: attempt, Next: wait, Err: err})
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
	}
}

// maxRetryAfter bounds the wait a room's Retry-After can ask of a link.
const maxRetryAfter = 2 * time.Minute

// honoured is the wait for a room that said Retry-After d: at least d (a
// hub that knocks sooner is only refused again), spread up to 20 % later
// so hubs refused together do not come back together; u in [0, 1).
func honoured(d time.Duration, u float64) time.Duration {
	if d <= 0 {
		return 0
	}
	d = min(d, maxRetryAfter)
	return d + time.Duration(float64(d)*0.2*u)
}

// attempt is one try: an ICE restart while the session may still be there,
// else (or when the room says it is gone) a new session.
func (l *Link) attempt(ctx context.Context) (restarted bool, err error) {
	p := l.Publisher()
	try, cancel := context.WithTimeout(ctx, l.cfg.OpenWithin)
	defer cancel()
	l.cfg.Client.Forget()
	if st := p.PC.ConnectionState(); st != webrtc.PeerConnectionStateFailed && st != webrtc.PeerConnectionStateClosed {
		err := l.restartICE(try, p)
		if err == nil {
			return true, nil
		}
		var se *StatusError
		gone := errors.Is(err, errUnusable) ||
			errors.As(err, &se) && (se.Code == http.StatusNotFound || se.Code == http.StatusGone || se.Code == http.StatusPreconditionFailed)
		if !gone {
			return false, err // the room is out of reach, or refused: try again later
		}
	}
	p.PC.Close() // the room lost the session: a new one, same token
	if err := l.connect(try); err != nil {
		return false, err
	}
	select {
	case <-l.Opened():
	case <-try.Done():
		return false, fmt.Errorf("connected, but the control channel did not open within %s", l.cfg.OpenWithin)
	}
	if l.cfg.OnBack != nil {
		l.cfg.OnBack()
	}
	return false, nil
}

// Close stops mending and hangs up (with DELETE).
func (l *Link) Close(ctx context.Context) error {
	l.mu.Lock()
	l.closed = true
	p := l.pub
	l.mu.Unlock()
	if p == nil {
		return nil
	}
	return p.Leave(ctx)
}
