package whip

import (
	"fmt"

	"github.com/pion/sdp/v3"
)

// addReturnFeed gives the hub the room's sound on its own audio m-line when
// its offer can receive there (sendrecv or recvonly). A send-only WHIP
// client — a browser publishing, OBS — gets none and still sends.
func (s *Server) addReturnFeed(sess *session, offer string) error {
	if s.cfg.ReturnFeed == nil || !audioCanReceive(offer) {
		return nil
	}
	t, err := s.cfg.ReturnFeed.Track(sess.hub.ID)
	if err != nil {
		return err
	}
	sender, err := sess.pc.AddTrack(t) // reuses the hub's audio transceiver: one m-line both ways
	if err != nil {
		s.cfg.ReturnFeed.Drop(sess.hub.ID, t)
		return fmt.Errorf("return feed: %w", err)
	}
	sess.mu.Lock()
	sess.returnTrack = t
	sess.mu.Unlock()
	go func() { // the interceptors need the sender's RTCP read
		for {
			if _, _, err := sender.ReadRTCP(); err != nil {
				return
			}
		}
	}()
	return nil
}

func (s *Server) dropReturnFeed(sess *session) {
	sess.mu.Lock()
	t := sess.returnTrack
	sess.returnTrack = nil
	sess.mu.Unlock()
	if t != nil && s.cfg.ReturnFeed != nil {
		s.cfg.ReturnFeed.Drop(sess.hub.ID, t)
	}
}

// audioCanReceive reports whether the offer's first audio m-line lets the
// offerer receive.
func audioCanReceive(offer string) bool {
	var d sdp.SessionDescription
	if err := d.UnmarshalString(offer); err != nil {
		return false
	}
	for _, m := range d.MediaDescriptions {
		if m.MediaName.Media != "audio" {
			continue
		}
		for _, a := range m.Attributes {
			switch a.Key {
			case "sendonly", "inactive":
				return false
			case "sendrecv", "recvonly":
				return true
			}
		}
		return true // no direction attribute means sendrecv
	}
	return false
}
