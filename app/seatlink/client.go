package seatlink

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
)

// ErrRevoked is a seat whose invite the room no longer accepts.
var ErrRevoked = errors.New("the room refused this seat's invite (revoked or not valid): ask the moderator for a new one")

// Refusal is a command the room did not apply, with its words.
type Refusal struct{ Reply control.SeatReplyWire }

func (r *Refusal) Error() string { return r.Reply.Error }

// ErrOutOfReach is Do's answer while the room is out of reach: nothing
// was sent.
var ErrOutOfReach = errors.New("the room is out of reach: nothing was sent")

// Client is a seat's link to the room: it follows the room's state, mends
// itself when the link breaks, and sends commands based on the state it
// last saw. It keeps nothing but that state.
type Client struct {
	inv      app.Invite
	http     *http.Client
	base     string
	onChange func()
	backoff  control.Backoff

	mu     sync.Mutex
	state  control.TeamStateWire
	have   bool
	last   time.Time // when the last state arrived, on this machine's clock
	link   control.LinkState
	mended time.Time // when the link last came back
	clock  control.ClockSync
	fresh  chan struct{}    // closed when a new state arrives, then made anew
	now    func() time.Time // this machine's clock (a test's own)
	// silentAfter is how long a stream that stays open may bring
	// nothing before it is taken for a dead link.
	silentAfter time.Duration
}

// errSilent ends a stream that stayed open but brought nothing.
var errSilent = errors.New("the room fell silent")

// NewClient is a seat on inv's room; onChange (may be nil) is called from
// the client's goroutine after every change of what Status returns.
func NewClient(inv app.Invite, onChange func()) *Client {
	return &Client{inv: inv, onChange: onChange, backoff: control.SeatReconnect(), base: "https://" + inv.Host, now: time.Now, fresh: make(chan struct{}), silentAfter: 2 * control.StaleAfter,
		http: &http.Client{Transport: &http.Transport{TLSClientConfig: control.PinnedTLS(inv.Pin),
			TLSHandshakeTimeout: 10 * time.Second, ResponseHeaderTimeout: 10 * time.Second}}}
}

// Status is what a seat's screen shows.
type Status struct {
	State control.TeamStateWire
	Have  bool // a state has arrived at least once
	Stale bool // no word from the room for control.StaleAfter: actions are off
	Link  control.LinkState
	Clock control.ClockSync
}

// Status is the room as this seat last heard it.
func (c *Client) Status() Status {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	link := c.link
	if link.Down > 0 && now.Sub(c.mended) >= control.BackShownFor {
		link.Down = 0 // said for a while, then quiet, as a hub's link does
	}
	return Status{State: c.state, Have: c.have, Stale: !c.have || now.Sub(c.last) > control.StaleAfter, Link: link, Clock: c.clock}
}

// RoomNow is this machine's clock read as the room's.
func (c *Client) RoomNow() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.clock.RoomTime(time.Now())
}

func (c *Client) changed() {
	if c.onChange != nil {
		c.onChange()
	}
}

func (c *Client) setLink(l control.LinkState) {
	c.mu.Lock()
	c.link = l
	if l.Down > 0 {
		c.mended = c.now()
	}
	c.mu.Unlock()
	c.changed()
}

// silentSince is when the room was last heard, or now if never.
func (c *Client) silentSince() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.have {
		return c.last
	}
	return c.now()
}

// Run follows the room until ctx ends (nil) or the room refuses the
// invite (ErrRevoked): each broken stream is retried with the hubs'
// backoff, in words ("reconnecting to the room (attempt 3, next in 2.0 s)").
func (c *Client) Run(ctx context.Context) error {
	var began time.Time
	attempt := 0
	for {
		err := c.follow(ctx, func() {
			if attempt > 0 {
				c.setLink(control.LinkState{Down: max(c.now().Sub(began), time.Millisecond)})
			}
			attempt = 0
		})
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, ErrRevoked) {
			c.setLink(control.LinkState{Revoked: true, Err: err})
			return err
		}
		if attempt == 0 {
			// Down counts from the room's last word: a stream that
			// fell silent was already STALE before it was let go.
			began = c.silentSince()
		}
		attempt++
		wait := c.backoff.Delay(attempt, rand.Float64())
		c.setLink(control.LinkState{Mending: true, Attempt: attempt, Next: wait, Err: err})
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		c.setLink(control.LinkState{Mending: true, Attempt: attempt + 1})
	}
}

// follow reads one stream of the room's state until it breaks or the room
// falls silent; up is called when the first state of the stream arrives.
func (c *Client) follow(ctx context.Context, up func()) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+StatePath, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.inv.Token)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("the room did not answer: %w", unwrapURL(err))
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusUnauthorized, http.StatusForbidden:
		return ErrRevoked
	default:
		return fmt.Errorf("the room answered %s: %s", resp.Status, replyWords(resp.Body))
	}
	c.http.CloseIdleConnections() // an older connection may be dead since the link broke
	arrived := make(chan struct{}, 1)
	go func() { // a stream that stays open but silent is a dead link
		for {
			select {
			case <-ctx.Done():
				return
			case <-arrived:
			case <-time.After(c.silentAfter):
				cancel(errSilent)
				return
			}
		}
	}()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	first := true
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		st, err := control.DecodeTeamState([]byte(data))
		if err != nil {
			return err
		}
		select {
		case arrived <- struct{}{}:
		default:
		}
		c.mu.Lock()
		c.state, c.have, c.last = st, true, c.now()
		close(c.fresh)
		c.fresh = make(chan struct{})
		c.mu.Unlock()
		if first {
			first = false
			up()
			go c.syncClock(ctx)
		}
		c.changed()
	}
	if err := sc.Err(); err != nil && ctx.Err() == nil {
		return fmt.Errorf("the room's stream broke: %w", err)
	}
	if errors.Is(context.Cause(ctx), errSilent) {
		return fmt.Errorf("%w for %.0f s", errSilent, c.silentAfter.Seconds())
	}
	return errors.New("the room's stream ended")
}

// syncClock estimates the room's clock now and every 30 s while the
// stream lasts.
func (c *Client) syncClock(ctx context.Context) {
	for {
		for range 3 {
			if s, err := c.ping(ctx); err == nil {
				c.mu.Lock()
				c.clock.Add(s)
				c.mu.Unlock()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(30 * time.Second):
		}
	}
}

func (c *Client) ping(ctx context.Context) (control.Sample, error) {
	t0 := time.Now()
	body, _ := json.Marshal(control.ClockWire{V: control.Version, T0: t0.UnixNano()})
	var p control.ClockWire
	if err := c.post(ctx, ClockPath, body, &p); err != nil {
		return control.Sample{}, err
	}
	return control.NewSample(t0, time.Unix(0, p.T1), time.Unix(0, p.T2), time.Now()), nil
}

// Do sends command wc, based on the state this seat last saw, and waits
// for the room's answer: nil once applied and on this seat's screen (so
// the next command is based on a state that has it: a script's "give"
// then "speaker" was refused as stale), a *Refusal saying why not, or the
// link's error.
func (c *Client) Do(ctx context.Context, wc control.SeatCommandWire) error {
	st := c.Status()
	if st.Stale {
		return ErrOutOfReach
	}
	wc.V, wc.Base = control.Version, st.State.Base
	body, err := json.Marshal(wc)
	if err != nil {
		return err
	}
	var r control.SeatReplyWire
	if err := c.post(ctx, CommandPath, body, &r); err != nil {
		return err
	}
	if !r.OK {
		return &Refusal{Reply: r}
	}
	if r.Base != nil {
		c.await(ctx, *r.Base)
	}
	return nil
}

// ShownFor is how long Do waits for the seat's screen to show what the
// room applied; past it the command is done all the same, and the screen
// catches up when the stream does.
const ShownFor = 2 * time.Second

// await returns once this seat's state has reached base, or after
// ShownFor.
func (c *Client) await(ctx context.Context, base control.BaseWire) {
	timeout := time.NewTimer(ShownFor)
	defer timeout.Stop()
	for {
		c.mu.Lock()
		reached := c.state.Base.Floor >= base.Floor && c.state.Base.Timer >= base.Timer
		fresh := c.fresh
		c.mu.Unlock()
		if reached {
			return
		}
		select {
		case <-fresh:
		case <-timeout.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

func (c *Client) post(ctx context.Context, path string, body []byte, into any) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.inv.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("the room did not answer: %w", unwrapURL(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return ErrRevoked
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(into); err != nil {
		return fmt.Errorf("the room's answer (%s): %w", resp.Status, err)
	}
	return nil
}

func replyWords(body io.Reader) string {
	var r control.SeatReplyWire
	if err := json.NewDecoder(io.LimitReader(body, 8<<10)).Decode(&r); err != nil || r.Error == "" {
		return "no reason given"
	}
	return r.Error
}

func unwrapURL(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}
