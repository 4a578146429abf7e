package whip

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/pion/sdp/v3"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app/control"
)

// resource finds the session a PATCH or DELETE names, after the address
// limit and the token: 404 when there is none, 403 when it is another hub's.
func (s *Server) resource(w http.ResponseWriter, r *http.Request) (*session, bool) {
	hub, ok := s.admit(w, r, s.cfg.Now())
	if !ok {
		return nil, false
	}
	s.mu.Lock()
	sess := s.sessions[r.PathValue("id")]
	s.mu.Unlock()
	if sess == nil {
		http.Error(w, "no such WHIP session (it ended, or never was)", http.StatusNotFound)
		return nil, false
	}
	if sess.hub.ID != hub.ID {
		http.Error(w, "this WHIP session belongs to another hub", http.StatusForbidden)
		return nil, false
	}
	return sess, true
}

// delete is a hub leaving.
func (s *Server) delete(w http.ResponseWriter, r *http.Request) {
	sess, ok := s.resource(w, r)
	if !ok {
		return
	}
	s.end(sess, control.Left, "the hub left")
	w.WriteHeader(http.StatusOK)
}

// patch takes trickled candidates (204) or an ICE restart (200 with our new
// credentials), as RFC 9725 §4.3 says.
func (s *Server) patch(w http.ResponseWriter, r *http.Request) {
	sess, ok := s.resource(w, r)
	if !ok || !s.bodyType(w, r, "application/trickle-ice-sdpfrag") {
		return
	}
	if m := r.Header.Get("If-Match"); m != "" && m != "*" && m != sess.etag() {
		http.Error(w, "the session's ICE state changed since that ETag", http.StatusPreconditionFailed)
		return
	}
	body, ok := s.readBody(w, r)
	if !ok {
		return
	}
	frag, err := parseFrag(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	remote := sess.pc.RemoteDescription()
	if remote == nil {
		http.Error(w, "the session has no offer yet", http.StatusConflict)
		return
	}
	if frag.ufrag != "" && frag.ufrag != remoteUfrag(remote.SDP) {
		s.restart(w, r, sess, remote.SDP, frag)
		return
	}
	for _, c := range frag.candidates {
		if err := sess.pc.AddICECandidate(c); err != nil {
			http.Error(w, "candidate: "+err.Error(), http.StatusBadRequest)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// restart applies the hub's new ICE credentials and answers with ours.
func (s *Server) restart(w http.ResponseWriter, r *http.Request, sess *session, current string, frag sdpFrag) {
	var d sdp.SessionDescription
	if err := d.Unmarshal([]byte(current)); err != nil {
		http.Error(w, "the session's offer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if frag.pwd == "" {
		http.Error(w, "an ICE restart needs a=ice-pwd with a=ice-ufrag", http.StatusBadRequest)
		return
	}
	d.Attributes = withCredentials(d.Attributes, "", "")
	for _, m := range d.MediaDescriptions {
		m.Attributes = withCredentials(m.Attributes, frag.ufrag, frag.pwd)
	}
	offer, err := d.Marshal()
	if err != nil {
		http.Error(w, "restart offer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	answer, err := s.answer(r.Context(), sess.pc, webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: string(offer)}, nil)
	if err != nil {
		http.Error(w, "ICE restart: "+err.Error(), http.StatusBadRequest)
		return
	}
	for _, c := range frag.candidates {
		_ = sess.pc.AddICECandidate(c) // a bad one among good ones is not fatal here
	}
	sess.gen.Add(1)
	w.Header().Set("Content-Type", "application/trickle-ice-sdpfrag")
	w.Header().Set("ETag", sess.etag())
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, answerFrag(answer))
}

// withCredentials drops ICE credentials and candidates from attrs and, when
// ufrag is set, adds the new ones.
func withCredentials(attrs []sdp.Attribute, ufrag, pwd string) []sdp.Attribute {
	out := attrs[:0:0]
	for _, a := range attrs {
		switch a.Key {
		case "ice-ufrag", "ice-pwd", "candidate", "end-of-candidates":
			continue
		}
		out = append(out, a)
	}
	if ufrag != "" {
		out = append(out, sdp.Attribute{Key: "ice-ufrag", Value: ufrag}, sdp.Attribute{Key: "ice-pwd", Value: pwd})
	}
	return out
}

type sdpFrag struct {
	ufrag, pwd string
	candidates []webrtc.ICECandidateInit
}

// parseFrag reads an SDP fragment (RFC 8840): credentials, and candidates
// under the media they belong to.
func parseFrag(body []byte) (sdpFrag, error) {
	var f sdpFrag
	var mid *string
	index := -1
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
		case strings.HasPrefix(line, "m="):
			index++
			mid = nil
		case strings.HasPrefix(line, "a=mid:"):
			v := strings.TrimPrefix(line, "a=mid:")
			mid = &v
		case strings.HasPrefix(line, "a=ice-ufrag:"):
			f.ufrag = strings.TrimPrefix(line, "a=ice-ufrag:")
		case strings.HasPrefix(line, "a=ice-pwd:"):
			f.pwd = strings.TrimPrefix(line, "a=ice-pwd:")
		case strings.HasPrefix(line, "a=candidate:"):
			c := webrtc.ICECandidateInit{Candidate: strings.TrimPrefix(line, "a=")}
			if mid != nil {
				c.SDPMid = mid
			} else if index >= 0 {
				i := uint16(index)
				c.SDPMLineIndex = &i
			}
			f.candidates = append(f.candidates, c)
		case strings.HasPrefix(line, "a=") || strings.HasPrefix(line, "c=") || strings.HasPrefix(line, "b="):
		default:
			return f, fmt.Errorf("not an SDP fragment line: %.40q", line)
		}
	}
	if err := sc.Err(); err != nil {
		return f, fmt.Errorf("SDP fragment: %w", err)
	}
	if len(f.ufrag) > 256 || len(f.pwd) > 256 {
		return f, fmt.Errorf("ICE credentials are too long")
	}
	return f, nil
}

func remoteUfrag(s string) string {
	for line := range strings.Lines(s) {
		if v, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "a=ice-ufrag:"); ok {
			return v
		}
	}
	return ""
}

// answerFrag is the part of our answer a restarting client needs.
func answerFrag(answer string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for line := range strings.Lines(answer) {
		line = strings.TrimRight(line, "\r\n")
		for _, p := range []string{"a=ice-ufrag:", "a=ice-pwd:"} {
			if strings.HasPrefix(line, p) && !seen[p] {
				seen[p] = true
				b.WriteString(line + "\r\n")
			}
		}
		if strings.HasPrefix(line, "a=candidate:") && !seen[line] {
			seen[line] = true
			b.WriteString(line + "\r\n")
		}
	}
	return b.String()
}
