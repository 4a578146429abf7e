package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
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
	Client   *http.Client // nil: NewHTTPClient()
}

// SyncResult says what a sync did.
type SyncResult struct {
	Subscription agenda.Subscription
	NotModified  bool         // the server answered 304: nothing to do
	Import       ImportResult // when it was modified
}

// NewHTTPClient is the client syncs use: a 30-second limit for the whole
// exchange and at most five redirects, never to another scheme than http(s).
func NewHTTPClient() *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
				return fmt.Errorf("a redirect to %s: is not followed", req.URL.Scheme)
			}
			return nil
		},
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
	if !notModified {
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
	client := s.Client
	if client == nil {
		client = NewHTTPClient()
	}
	resp, err := client.Do(req)
	if err != nil {
		return imp, false, "", "", err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return imp, true, "", "", nil
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
