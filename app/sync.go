package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// SubscriptionStore keeps what a sync needs between runs.
type SubscriptionStore interface {
	Subscription(ctx context.Context, url string) (agenda.Subscription, error)
	SaveSubscription(ctx context.Context, s agenda.Subscription) error
}

// Syncer keeps schedules published on the web in step with the database.
type Syncer struct {
	Importer Importer
	Subs     SubscriptionStore
	// Client is nil for NewHTTPClient's client, whose dialer refuses local
	// addresses for a public subscription. A client given keeps its own
	// transport; the redirect rule (see LocalAddr) applies to it as well.
	Client *http.Client
	// Resolver looks up host names for NewHTTPClient's dialer; nil is
	// net.DefaultResolver. Tests give one that answers what they need.
	Resolver Resolver
}

// Resolver looks up a host's addresses (net.Resolver is one).
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// SyncResult says what a sync did.
type SyncResult struct {
	Subscription agenda.Subscription
	NotModified  bool         // the server answered 304: nothing to do
	Import       ImportResult // when it was modified
}

// ErrLocalAddress is wrapped by the error of a sync refused because a
// public schedule led to a local or private address.
var ErrLocalAddress = errors.New("a local or private address")

// localPrefixes are the addresses a schedule on the public internet must not
// lead Floor to: loopback, link-local, private (RFC 1918, RFC 4193),
// carrier-grade NAT and "this host".
var localPrefixes = []struct {
	prefix netip.Prefix
	name   string
}{
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback address"},
	{netip.MustParsePrefix("::1/128"), "a loopback address"},
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local address"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local address"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private address"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private address"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private address"},
	{netip.MustParsePrefix("fc00::/7"), "a private address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("0.0.0.0/8"), "an address of this host (0.0.0.0)"},
	{netip.MustParsePrefix("::/128"), "an address of this host (::)"},
}

// LocalAddr says whether a is loopback, link-local, private, carrier-grade
// NAT or unspecified, and names the kind ("" when it is public). An
// IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
func LocalAddr(a netip.Addr) (bool, string) {
	a = a.Unmap().WithZone("")
	for _, p := range localPrefixes {
		if p.prefix.Contains(a) {
			return true, p.name
		}
	}
	return false, ""
}

// localHost says whether a URL's host is itself local: an IP literal in
// LocalAddr's ranges, or localhost. A subscription to such a host may be
// redirected and connect to local addresses; any other may not.
func localHost(host string) (bool, string) {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true, "a loopback address"
	}
	if a, err := netip.ParseAddr(h); err == nil {
		return LocalAddr(a)
	}
	return false, ""
}

// NewHTTPClient is the client syncs use: a 30-second limit for the whole
// exchange and at most five redirects, never to another scheme than http(s).
// It connects only to public addresses: a host name that resolves to a local
// or private one is refused when it is dialled (so a name that changes its
// answer between lookups is caught too). Syncer uses newSyncClient, which
// lifts that rule for a subscription to a local address.
func NewHTTPClient() *http.Client {
	return newSyncClient(false, nil)
}

func newSyncClient(allowLocal bool, res Resolver) *http.Client {
	if res == nil {
		res = net.DefaultResolver
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil // a proxy would dial for us, past the check below
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ips, err := res.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		d := net.Dialer{Timeout: 10 * time.Second, Control: func(network, address string, _ syscall.RawConn) error {
			if allowLocal {
				return nil
			}
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("refused: cannot check the address %s: %w", address, err)
			}
			if local, kind := LocalAddr(ap.Addr()); local {
				return fmt.Errorf("refused: %s is %s (%s): %w", host, kind, ap.Addr(), ErrLocalAddress)
			}
			return nil
		}}
		var first error
		for _, ip := range ips {
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return c, nil
			}
			if first == nil {
				first = err
			}
		}
		if first == nil {
			first = fmt.Errorf("%s has no address", host)
		}
		return nil, first
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: tr, CheckRedirect: checkRedirect(allowLocal, nil)}
}

// checkRedirect allows at most five redirects, only to http(s), and for a
// public subscription never to a local address written in the URL (one a
// name resolves to is the dialer's to refuse); then next, if any, decides.
func checkRedirect(allowLocal bool, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("more than 5 redirects")
		}
		if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
			return fmt.Errorf("a redirect to %s: is not followed", req.URL.Scheme)
		}
		if local, kind := localHost(req.URL.Hostname()); local && !allowLocal {
			return fmt.Errorf("refused: %s redirects to %s, %s: %w", via[0].URL.Host, req.URL.Host, kind, ErrLocalAddress)
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// Sync fetches rawURL, sending the ETag and Last-Modified of the last sync so
// an unchanged schedule costs one 304 and no parsing. A failure of any kind
// (offline, a 500, a slow or cut-off answer, an HTML page instead of a
// schedule) leaves the stored agenda as it was and is recorded on the
// subscription, whose SyncedAt still says when the agenda was last current.
func (s Syncer) Sync(ctx context.Context, rawURL string) (SyncResult, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return SyncResult{}, fmt.Errorf("sync %q: not an http(s) address", rawURL)
	}
	sub, err := s.Subs.Subscription(ctx, rawURL)
	if err != nil && sub.URL == "" {
		return SyncResult{}, err
	}
	sub.URL = rawURL
	res := SyncResult{}
	now := s.Importer.Clock.Now()
	sub.CheckedAt = now
	imp, notModified, etag, lastMod, ferr := s.fetch(ctx, sub)
	if ferr != nil {
		sub.LastError = ferr.Error()
		res.Subscription = sub
		if err := s.Subs.SaveSubscription(ctx, sub); err != nil {
			return res, err
		}
		return res, fmt.Errorf("sync %s: %w", rawURL, ferr)
	}
	sub.LastError, sub.SyncedAt = "", now
	if notModified {
		// A 304 may carry the validators of the current version (RFC 9110
		// 15.4.5): the next request must send those, not the old ones.
		if etag != "" {
			sub.ETag = etag
		}
		if lastMod != "" {
			sub.LastModified = lastMod
		}
	} else {
		sub.ETag, sub.LastModified = etag, lastMod
		if imp.Refresh > 0 {
			sub.Refresh = imp.Refresh
		}
	}
	res.Subscription, res.NotModified, res.Import = sub, notModified, imp
	return res, s.Subs.SaveSubscription(ctx, sub)
}

func (s Syncer) fetch(ctx context.Context, sub agenda.Subscription) (imp ImportResult, notModified bool, etag, lastMod string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, sub.URL, nil)
	if err != nil {
		return imp, false, "", "", err
	}
	req.Header.Set("Accept", "text/calendar, application/json, application/xml, text/xml, text/plain;q=0.5")
	if sub.ETag != "" {
		req.Header.Set("If-None-Match", sub.ETag)
	}
	if sub.LastModified != "" {
		req.Header.Set("If-Modified-Since", sub.LastModified)
	}
	u, err := url.Parse(sub.URL)
	if err != nil {
		return imp, false, "", "", err
	}
	allowLocal, _ := localHost(u.Hostname())
	var client *http.Client
	if s.Client == nil {
		client = newSyncClient(allowLocal, s.Resolver)
	} else {
		c := *s.Client
		c.CheckRedirect = checkRedirect(allowLocal, s.Client.CheckRedirect)
		client = &c
	}
	resp, err := client.Do(req)
	if err != nil {
		return imp, false, "", "", err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return imp, true, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
	case resp.StatusCode != http.StatusOK:
		return imp, false, "", "", fmt.Errorf("the server answered %s", resp.Status)
	case resp.ContentLength > MaxImportSize:
		return imp, false, "", "", fmt.Errorf("the schedule is %d bytes, more than Floor reads (%d MiB)", resp.ContentLength, MaxImportSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxImportSize+1))
	if err != nil {
		return imp, false, "", "", fmt.Errorf("the answer was cut off: %w", err)
	}
	if len(data) > MaxImportSize {
		return imp, false, "", "", fmt.Errorf("the schedule is more than Floor reads (%d MiB)", MaxImportSize>>20)
	}
	imp, err = s.Importer.ImportBytes(ctx, sub.URL, data)
	if err != nil {
		return imp, false, "", "", err
	}
	return imp, false, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}
