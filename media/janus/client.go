// Package janus speaks to a Janus WebRTC server's VideoRoom over its
// HTTP/JSON API, for events large enough to put an SFU between the hubs and
// the room: a hub publishes its media into a room, and the moderator's
// Floor subscribes to the hub that has the floor. Floor's control channel
// stays a direct, data-only connection to the moderator's Floor.
package janus

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/pion/webrtc/v4"
)

// Client is one Janus session: its long poll hands each asynchronous event
// to the request that waits for it, and a keepalive holds it open.
type Client struct {
	base    string // e.g. http://127.0.0.1:8088/janus
	http    *http.Client
	session int64
	cancel  context.CancelFunc
	done    chan struct{}

	mu      sync.Mutex
	waiting map[string]chan reply // by transaction
	err     error
}

type reply struct {
	Janus       string          `json:"janus"`
	Transaction string          `json:"transaction"`
	Sender      int64           `json:"sender"`
	Data        json.RawMessage `json:"data"`
	PluginData  struct {
		Plugin string          `json:"plugin"`
		Data   json.RawMessage `json:"data"`
	} `json:"plugindata"`
	JSEP  *webrtc.SessionDescription `json:"jsep"`
	Error *struct {
		Code   int    `json:"code"`
		Reason string `json:"reason"`
	} `json:"error"`
}

// ErrJanus is an error Janus or its plugin returned.
var ErrJanus = errors.New("janus")

// Connect opens a session on the Janus at base ("http://host:8088/janus").
func Connect(ctx context.Context, base string) (*Client, error) {
	c := &Client{base: base, http: &http.Client{Timeout: 40 * time.Second}, waiting: map[string]chan reply{}, done: make(chan struct{})}
	var r reply
	if err := c.post(ctx, base, map[string]any{"janus": "create"}, &r); err != nil {
		return nil, err
	}
	var data struct{ ID int64 }
	if err := json.Unmarshal(r.Data, &data); err != nil || data.ID == 0 {
		return nil, fmt.Errorf("%w: create: no session id in %s", ErrJanus, r.Data)
	}
	c.session = data.ID
	lctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	go c.poll(lctx)
	return c, nil
}

func transaction() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// post sends one request and reads Janus's immediate reply.
func (c *Client) post(ctx context.Context, url string, body map[string]any, out *reply) error {
	if _, ok := body["transaction"]; !ok {
		body["transaction"] = transaction()
	}
	b, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("janus: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("janus: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("janus %s: %w", body["janus"], err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("janus %s: %w", body["janus"], err)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("janus %s: %w (%.100q)", body["janus"], err, data)
	}
	if out.Janus == "error" && out.Error != nil {
		return fmt.Errorf("%w: %s: %d %s", ErrJanus, body["janus"], out.Error.Code, out.Error.Reason)
	}
	return nil
}

// poll long-polls the session's events and keeps it alive (Janus closes a
// session after 60 s of silence), until the client closes.
func (c *Client) poll(ctx context.Context) {
	defer close(c.done)
	url := c.base + "/" + strconv.FormatInt(c.session, 10) + "?maxev=10"
	for ctx.Err() == nil {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return
		}
		resp, err := c.http.Do(req)
		if err != nil {
			if ctx.Err() == nil {
				c.fail(fmt.Errorf("janus events: %w", err))
				time.Sleep(time.Second)
			}
			continue
		}
		data, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
		resp.Body.Close()
		var events []reply
		if err := json.Unmarshal(data, &events); err != nil {
			var one reply
			if json.Unmarshal(data, &one) == nil {
				events = []reply{one}
			}
		}
		for _, e := range events {
			c.mu.Lock()
			ch := c.waiting[e.Transaction]
			c.mu.Unlock()
			if ch != nil && e.Janus != "ack" && e.Janus != "keepalive" {
				select {
				case ch <- e:
				default:
				}
			}
		}
	}
}

func (c *Client) fail(err error) {
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
}

// Handle is a plugin attached to the session.
type Handle struct {
	c  *Client
	id int64
}

// Attach attaches plugin, e.g. "janus.plugin.videoroom".
func (c *Client) Attach(ctx context.Context, plugin string) (*Handle, error) {
	var r reply
	if err := c.post(ctx, c.sessionURL(), map[string]any{"janus": "attach", "plugin": plugin}, &r); err != nil {
		return nil, err
	}
	var data struct{ ID int64 }
	if err := json.Unmarshal(r.Data, &data); err != nil || data.ID == 0 {
		return nil, fmt.Errorf("%w: attach %s: no handle id", ErrJanus, plugin)
	}
	return &Handle{c: c, id: data.ID}, nil
}

func (c *Client) sessionURL() string { return c.base + "/" + strconv.FormatInt(c.session, 10) }

// Request sends a synchronous plugin request ("create", "listparticipants")
// and decodes the plugin's answer into out.
func (h *Handle) Request(ctx context.Context, body map[string]any, out any) error {
	var r reply
	if err := h.c.post(ctx, h.url(), map[string]any{"janus": "message", "body": body}, &r); err != nil {
		return err
	}
	return decodePlugin(r, out)
}

// Message sends an asynchronous plugin request ("join", "publish",
// "start"), with jsep when there is one, and waits for its event.
func (h *Handle) Message(ctx context.Context, body map[string]any, jsep *webrtc.SessionDescription, out any) (*webrtc.SessionDescription, error) {
	tx := transaction()
	ch := make(chan reply, 1)
	h.c.mu.Lock()
	h.c.waiting[tx] = ch
	h.c.mu.Unlock()
	defer func() {
		h.c.mu.Lock()
		delete(h.c.waiting, tx)
		h.c.mu.Unlock()
	}()
	msg := map[string]any{"janus": "message", "transaction": tx, "body": body}
	if jsep != nil {
		msg["jsep"] = map[string]string{"type": jsep.Type.String(), "sdp": jsep.SDP}
	}
	var r reply
	if err := h.c.post(ctx, h.url(), msg, &r); err != nil {
		return nil, err
	}
	if r.Janus != "ack" {
		return r.JSEP, decodePlugin(r, out) // answered at once
	}
	select {
	case e := <-ch:
		return e.JSEP, decodePlugin(e, out)
	case <-ctx.Done():
		return nil, fmt.Errorf("janus %s: %w", body["request"], ctx.Err())
	}
}

func (h *Handle) url() string { return h.c.sessionURL() + "/" + strconv.FormatInt(h.id, 10) }

// decodePlugin reads the plugin's data, or its error.
func decodePlugin(r reply, out any) error {
	var e struct {
		ErrorCode int    `json:"error_code"`
		Error     string `json:"error"`
	}
	if json.Unmarshal(r.PluginData.Data, &e) == nil && e.ErrorCode != 0 {
		return fmt.Errorf("%w: videoroom: %d %s", ErrJanus, e.ErrorCode, e.Error)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(r.PluginData.Data, out); err != nil {
		return fmt.Errorf("%w: plugin data: %w", ErrJanus, err)
	}
	return nil
}

// Close destroys the session.
func (c *Client) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var r reply
	err := c.post(ctx, c.sessionURL(), map[string]any{"janus": "destroy"}, &r)
	c.cancel()
	<-c.done
	return err
}
