package whip

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pion/sdp/v3"
	"github.com/pion/webrtc/v4"
)

// restartICE gives p new ICE credentials on the same WHIP session (RFC 9725
// §4.4): a PATCH with our new ufrag, pwd and candidates, If-Match the
// session's ETag; the room answers with its own. Nothing else changes:
// the tracks, the control channel and the room's session stay.
func (l *Link) restartICE(ctx context.Context, p *Publisher) error {
	if p.PC.SignalingState() != webrtc.SignalingStateStable {
		// An earlier restart's offer is still pending: take it back first.
		_ = p.PC.SetLocalDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeRollback})
		if p.PC.SignalingState() != webrtc.SignalingStateStable {
			return errUnusable
		}
	}
	offer, err := p.PC.CreateOffer(&webrtc.OfferOptions{ICERestart: true})
	if err != nil {
		return fmt.Errorf("ICE restart offer: %w", err)
	}
	gathered := webrtc.GatheringCompletePromise(p.PC)
	if err := p.PC.SetLocalDescription(offer); err != nil {
		return fmt.Errorf("ICE restart offer: %w", err)
	}
	select {
	case <-gathered:
	case <-time.After(2 * time.Second):
	case <-ctx.Done():
		return ctx.Err()
	}
	frag := restartFrag(p.PC.LocalDescription().SDP)
	answer, etag, err := l.cfg.Client.Restart(ctx, p.Location, p.ETag, frag)
	if err != nil {
		_ = p.PC.SetLocalDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeRollback})
		return err
	}
	got, err := parseFrag([]byte(answer))
	if err != nil || got.ufrag == "" || got.pwd == "" {
		return fmt.Errorf("the room's ICE restart answer: %w", err)
	}
	remote, err := withRemoteCredentials(p.PC.RemoteDescription().SDP, got)
	if err != nil {
		return err
	}
	if err := p.PC.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: remote}); err != nil {
		return fmt.Errorf("the room's ICE restart answer: %w", err)
	}
	p.ETag = etag
	for {
		switch p.PC.ConnectionState() {
		case webrtc.PeerConnectionStateConnected:
			return nil
		case webrtc.PeerConnectionStateFailed, webrtc.PeerConnectionStateClosed:
			return fmt.Errorf("the ICE restart failed")
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("ICE restart: not connected again: %w", ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// errUnusable is a connection that cannot take an ICE restart any more:
// the link makes a new one.
var errUnusable = errors.New("the connection cannot restart ICE")

// restartFrag is the fragment an ICE restart sends: the new credentials and
// candidates under the first (bundled) media line.
func restartFrag(local string) string {
	var b strings.Builder
	mid := ""
	seen := map[string]bool{}
	var lines []string
	for line := range strings.Lines(local) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case mid == "" && strings.HasPrefix(line, "a=mid:"):
			mid = line
		case strings.HasPrefix(line, "a=ice-ufrag:"), strings.HasPrefix(line, "a=ice-pwd:"), strings.HasPrefix(line, "a=candidate:"):
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	}
	b.WriteString("m=audio 9 RTP/AVP 0\r\n")
	if mid != "" {
		b.WriteString(mid + "\r\n")
	}
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	return b.String()
}

// withRemoteCredentials is the room's last answer with its new ICE
// credentials and candidates in every media section.
func withRemoteCredentials(answer string, f sdpFrag) (string, error) {
	var d sdp.SessionDescription
	if err := d.Unmarshal([]byte(answer)); err != nil {
		return "", fmt.Errorf("the room's answer: %w", err)
	}
	d.Attributes = withCredentials(d.Attributes, "", "")
	for _, m := range d.MediaDescriptions {
		m.Attributes = withCredentials(m.Attributes, f.ufrag, f.pwd)
		for _, c := range f.candidates {
			m.Attributes = append(m.Attributes, sdp.Attribute{Key: "candidate", Value: strings.TrimPrefix(c.Candidate, "candidate:")})
		}
	}
	out, err := d.Marshal()
	if err != nil {
		return "", fmt.Errorf("the room's answer: %w", err)
	}
	return string(out), nil
}
