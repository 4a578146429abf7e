// Package displaypage serves the confidence monitor: a read-only speaker
// display in a browser, for a tablet on the lectern or a second screen in
// the room, served by the moderator's Floor only while it is open to hubs,
// on the same HTTPS port and under the same policy as the hub page. Its
// data needs the display's own token; the page renders the speaker timer
// from the room's anchors, as the hub page does.
package displaypage

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/hubpage"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/assets"
)

// State is what the monitor shows, as the wire carries it (its own struct:
// testdata/state.json is its golden file).
type State struct {
	Now      time.Time          `json:"now"`   // the room's clock when it answered, for the page's offset
	Timer    *control.TimerWire `json:"timer"` // the timers' anchors and the session's thresholds
	Message  string             `json:"message,omitempty"`
	Next     string             `json:"next,omitempty"`     // who has the floor next
	Question int                `json:"question,omitempty"` // the policy question on the table, 0: none
	Wording  string             `json:"wording,omitempty"`
}

// StateOf is the monitor's state from the room's at now.
func StateOf(ts timer.State, th timer.Thresholds, fs floor.State, now time.Time) State {
	st := State{Now: now.UTC(), Timer: control.WireTimer(ts).WithThresholds(th), Message: fs.Message,
		Question: fs.Question, Wording: fs.QuestionText}
	if len(fs.Queue) > 0 {
		st.Next = fs.Queue[0].Speaker.Name
	}
	return st
}

// NewToken is a display token: 256 random bits, URL-safe.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("display token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Page is the confidence monitor over a source of the room's state.
type Page struct {
	state func() State
	hash  [32]byte // of the token; compared in constant time
}

// New serves state to whoever holds token.
func New(state func() State, token string) (*Page, error) {
	if len(token) < 32 {
		return nil, errors.New("display page: a token of at least 32 characters")
	}
	return &Page{state: state, hash: sha256.Sum256([]byte(token))}, nil
}

// Register adds GET /display, its script and style, and its state to mux;
// the texts are the hub page's (/hub/texts.json).
func (p *Page) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /display", serve("text/html; charset=utf-8", assets.DisplayPage))
	mux.HandleFunc("GET /display/display.js", serve("text/javascript; charset=utf-8", assets.DisplayScript))
	mux.HandleFunc("GET /display/display.css", serve("text/css; charset=utf-8", assets.DisplayStyle))
	mux.HandleFunc("GET /display/state.json", func(w http.ResponseWriter, r *http.Request) {
		if !p.allowed(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="floor display"`)
			http.Error(w, "no valid display token", http.StatusUnauthorized)
			return
		}
		b, err := json.Marshal(p.state())
		if err != nil {
			http.Error(w, "the room's state could not be written", http.StatusInternalServerError)
			return
		}
		serve("application/json", func() []byte { return b })(w, r)
	})
}

func (p *Page) allowed(r *http.Request) bool {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	sum := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(sum[:], p.hash[:]) == 1
}

func serve(contentType string, body func() []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Security-Policy", hubpage.Policy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cache-Control", "no-store")
		w.Write(body())
	}
}
