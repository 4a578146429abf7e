package whip

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client speaks WHIP to one endpoint with one hub's token.
type Client struct {
	HTTP     *http.Client
	Endpoint string // https://HOST:PORT/whip
	Token    string
}

// NewPinnedClient is a client for an invite: it trusts only the
// certificate the invite pins.
func NewPinnedClient(host, token, pin string) *Client {
	return &Client{
		HTTP: &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{
			TLSClientConfig: PinnedTLS(pin), TLSHandshakeTimeout: 10 * time.Second, ForceAttemptHTTP2: true,
		}},
		Endpoint: "https://" + host + "/whip",
		Token:    token,
	}
}

// StatusError is an answer other than the one asked for, in words a hub host
// can act on.
type StatusError struct {
	Code       int
	RetryAfter string
	Body       string
}

func (e *StatusError) Error() string {
	why := map[int]string{
		http.StatusUnauthorized:          "the room does not accept this invite (wrong or revoked token)",
		http.StatusForbidden:             "that session belongs to another hub",
		http.StatusNotFound:              "the session is gone",
		http.StatusRequestEntityTooLarge: "the offer is too large",
		http.StatusUnsupportedMediaType:  "the room did not understand the request's type",
		http.StatusTooManyRequests:       "too many attempts; wait and try again",
		http.StatusServiceUnavailable:    "the room is full",
	}[e.Code]
	if why == "" {
		why = http.StatusText(e.Code)
	}
	msg := fmt.Sprintf("WHIP %d: %s", e.Code, why)
	if e.RetryAfter != "" {
		msg += " (retry after " + e.RetryAfter + " s)"
	}
	if b := strings.TrimSpace(e.Body); b != "" {
		msg += ": " + b
	}
	return msg
}

// RetryDelay is how long the room asked us to wait (Retry-After, in
// seconds or as an HTTP date, RFC 9110 §10.2.3) at now; 0 when it did not
// say, or said something unreadable.
func (e *StatusError) RetryDelay(now time.Time) time.Duration {
	v := strings.TrimSpace(e.RetryAfter)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(n) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}

// Offer posts an SDP offer and returns the answer and the session's URL.
func (c *Client) Offer(ctx context.Context, offer string) (answer, location string, err error) {
	answer, location, _, err = c.offer(ctx, offer)
	return answer, location, err
}

// offer is Offer with the session's ETag.
func (c *Client) offer(ctx context.Context, offer string) (answer, location, etag string, err error) {
	resp, body, err := c.do(ctx, http.MethodPost, c.Endpoint, "application/sdp", offer, "")
	if err != nil {
		return "", "", "", err
	}
	if resp.StatusCode != http.StatusCreated {
		return "", "", "", statusError(resp, body)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.Header.Get("Location") == "" {
		return "", "", "", errors.New("WHIP: the answer has no Location")
	}
	base, _ := url.Parse(c.Endpoint)
	return string(body), base.ResolveReference(loc).String(), resp.Header.Get("ETag"), nil
}

// Restart sends an ICE restart's fragment with If-Match etag (RFC 9725
// §4.4) and returns the room's fragment and the session's new ETag.
func (c *Client) Restart(ctx context.Context, location, etag, frag string) (answer, newETag string, err error) {
	if etag == "" {
		etag = "*"
	}
	resp, body, err := c.do(ctx, http.MethodPatch, location, "application/trickle-ice-sdpfrag", frag, etag)
	if err != nil {
		return "", "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", statusError(resp, body)
	}
	return string(body), resp.Header.Get("ETag"), nil
}

// Patch sends an SDP fragment (trickled candidates or an ICE restart) and
// returns the answer fragment, empty for 204.
func (c *Client) Patch(ctx context.Context, location, frag string) (string, error) {
	resp, body, err := c.do(ctx, http.MethodPatch, location, "application/trickle-ice-sdpfrag", frag, "*")
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
		return "", statusError(resp, body)
	}
	return string(body), nil
}

// Delete ends the session.
func (c *Client) Delete(ctx context.Context, location string) error {
	resp, body, err := c.do(ctx, http.MethodDelete, location, "", "", "")
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
		return statusError(resp, body)
	}
	return nil
}

// Forget drops the client's idle connections. After a link broke, or the
// machine's address changed (Wi-Fi to a phone's tether), a kept connection
// can be dead without knowing it, and a request sent on it would wait out
// its whole deadline: a link that is mending starts afresh.
func (c *Client) Forget() { c.HTTP.CloseIdleConnections() }

func (c *Client) do(ctx context.Context, method, target, ctype, body, ifMatch string) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewBufferString(body))
	if err != nil {
		return nil, nil, fmt.Errorf("WHIP %s: %w", method, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the address is the room's; saying it twice helps nobody
		}
		return nil, nil, fmt.Errorf("WHIP %s: the room did not answer: %w", method, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 256<<10))
	if err != nil {
		return nil, nil, fmt.Errorf("WHIP %s: reading the answer: %w", method, err)
	}
	return resp, b, nil
}

func statusError(resp *http.Response, body []byte) error {
	b := string(body)
	if len(b) > 300 {
		b = b[:300]
	}
	return &StatusError{Code: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After"), Body: b}
}
