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

// Client is a seat's link to the room: it follows the room's state, mends
// itself when the link breaks, and sends commands based on the state it
// last saw. It keeps nothing but that state.
type Client struct {
	inv      app.Invite
	http     *http.Client
	base     string
	onChange func()
	backoff  control.Backoff

	mu    sync.Mutex
	state control.TeamStateWire
	have  bool
	last  time.Time // when the last state arrived, on this machine's clock
	link  control.LinkState
	clock control.ClockSync
}

// NewClient is a seat on inv's room; onChange (may be nil) is called from
// the client's goroutine after every change of what Status returns.
func NewClient(inv app.Invite, onChange func()) *Client {
	return &Client{inv: inv, onChange: onChange, backoff: control.Reconnect(), base: "https://" + inv.Host,
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
	return Status{State: c.state, Have: c.have, Stale: !c.have || time.Since(c.last) > control.StaleAfter, Link: c.link, Clock: c.clock}
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
	c.mu.Unlock()
	c.changed()
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
				c.setLink(control.LinkState{Down: time.Since(began)})
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
			began = time.Now()
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
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
			case <-time.After(2 * control.StaleAfter):
				cancel()
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
		c.state, c.have, c.last = st, true, time.Now()
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
// for the room's answer: nil once applied (every seat's stream then shows
// it), a *Refusal saying why not, or the link's error.
func (c *Client) Do(ctx context.Context, wc control.SeatCommandWire) error {
	st := c.Status()
	if st.Stale {
		return errors.New("the room is out of reach: nothing was sent")
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
	return nil
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
