// Package pollpage is the small web page phones in the room vote on, served
// by the moderator's Floor only while it is open to hubs: no account, no
// script, one vote per phone (a random cookie, kept only as its hash), a
// per-poll code shown in the room, and a rate limit per address.
package pollpage

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/webform"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// Place is where phone votes come from, as tallies and reports name it.
const Place = "in the room"

const (
	deviceCookie = "floor_device"
	maxForm      = 4 << 10
	maxAddresses = 10000 // limiters kept; past it they are forgotten and start afresh
)

// Limits is how often one address may post votes: a burst, then a steady
// rate. A room behind one NAT address shares it, so the defaults are broad.
type Limits struct {
	PerSecond float64
	Burst     int
}

// Handler serves GET and POST /poll and /poll/{code}.
type Handler struct {
	polls *app.Polls
	page  *template.Template
	lim   Limits
	texts map[string]webtext.Texts // by language code

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

// New serves polls' open poll to phones. Zero limits take 20 votes a second
// with a burst of 200 per address.
func New(polls *app.Polls, lim Limits) (*Handler, error) {
	page, err := template.New("poll").Parse(assets.PollPage())
	if err != nil {
		return nil, fmt.Errorf("poll page template: %w", err)
	}
	if lim.PerSecond <= 0 {
		lim = Limits{PerSecond: 20, Burst: 200}
	}
	all, err := webtext.Load()
	if err != nil {
		return nil, err
	}
	return &Handler{polls: polls, page: page, lim: lim, texts: all, limiters: map[string]*rate.Limiter{}}, nil
}

// Register adds the poll page's routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /poll", webform.Start("/poll", func(w http.ResponseWriter, r *http.Request) { h.render(w, r, http.StatusOK, view{}) }))
	mux.HandleFunc("GET /poll/style.css", webform.Style(assets.PollStyle))
	mux.HandleFunc("GET /poll/{code}", h.show)
	mux.HandleFunc("POST /poll/{code}", h.vote)
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	p, ok := h.polls.ByCode(r.PathValue("code"))
	if !ok {
		h.render(w, r, http.StatusNotFound, view{Message: "No poll has that code. Check the code shown in the room."})
		return
	}
	device := h.device(w, r)
	v := h.viewOf(p)
	v.Voted = r.URL.Query().Get("voted") == "1" && device != ""
	h.render(w, r, http.StatusOK, v)
}

func (h *Handler) vote(w http.ResponseWriter, r *http.Request) {
	if ok, wait := h.allow(r); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		h.render(w, r, http.StatusTooManyRequests, view{Message: "Too many votes from this network at once. Try again in a few seconds."})
		return
	}
	p, ok := h.polls.ByCode(r.PathValue("code"))
	if !ok {
		h.render(w, r, http.StatusNotFound, view{Message: "No poll has that code. Check the code shown in the room."})
		return
	}
	cookie, err := r.Cookie(deviceCookie)
	if err != nil || len(cookie.Value) != 32 {
		h.device(w, r)
		v := h.viewOf(p)
		v.Message = "This page counts one vote per phone with a cookie; it was missing. Please vote again."
		h.render(w, r, http.StatusBadRequest, v)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		h.render(w, r, http.StatusRequestEntityTooLarge, view{Message: "The vote could not be read: it is too large or malformed."})
		return
	}
	b := floor.Ballot{Voter: "device:" + hashOf(cookie.Value), Place: Place, Text: r.PostForm.Get("answer")}
	for _, c := range r.PostForm["choice"] {
		n, err := strconv.Atoi(c)
		if err != nil {
			n = -1 // refused by the poll as "no option 0"
		}
		b.Choices = append(b.Choices, n)
	}
	err = h.polls.Vote(r.Context(), p.ID, []floor.Ballot{b})
	v := h.viewOf(p)
	switch {
	case err == nil:
		http.Redirect(w, r, "/poll/"+url.PathEscape(p.Code)+"?voted=1", http.StatusSeeOther)
	case errors.Is(err, floor.ErrVoted):
		v.Voted, v.Message = true, "This phone has already voted in this poll; the first vote counts."
		h.render(w, r, http.StatusConflict, v)
	case errors.Is(err, floor.ErrPollClosed):
		v.Message = "This poll is closed; the vote was not counted."
		h.render(w, r, http.StatusGone, v)
	case errors.Is(err, floor.ErrBadVote):
		v.Message, v.args = "The vote was not counted: %s.", []any{plainReason(err)}
		h.render(w, r, http.StatusBadRequest, v)
	default:
		v.Message = "The vote could not be recorded; please try again."
		h.render(w, r, http.StatusServiceUnavailable, v)
	}
}

// plainReason is the part of a vote error a voter can act on.
func plainReason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// device is the phone's random id, set on its first visit.
func (h *Handler) device(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(deviceCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: id, Path: "/poll", MaxAge: 86400,
		HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	return ""
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}

func (h *Handler) allow(r *http.Request) (bool, time.Duration) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	h.mu.Lock()
	l, ok := h.limiters[host]
	if !ok {
		if len(h.limiters) >= maxAddresses {
			clear(h.limiters)
		}
		l = rate.NewLimiter(rate.Limit(h.lim.PerSecond), h.lim.Burst)
		h.limiters[host] = l
	}
	h.mu.Unlock()
	res := l.Reserve()
	if d := res.Delay(); d > 0 {
		res.Cancel()
		return false, d
	}
	return true, 0
}

type view struct {
	Poll      *floor.Poll
	Tally     floor.Tally
	Results   []result
	Voted     bool
	Message   string // English, translated when the page is written
	args      []any  // for Message's %s
	MaxAnswer int
	Lang      string // the page's language: en, fr or es
	texts     webtext.Texts
}

// T is a text of the page in its language, with %d or %s from args.
func (v view) T(key string, args ...any) string { return v.texts.Say(key, args...) }

type result struct {
	Option  string
	Count   int
	Percent int
}

func (h *Handler) viewOf(p floor.Poll) view {
	v := view{Poll: &p, MaxAnswer: floor.MaxAnswerText}
	v.Tally, _ = h.polls.Tally(p.ID)
	for i, o := range p.Options {
		res := result{Option: o}
		if i < len(v.Tally.Counts) {
			res.Count = v.Tally.Counts[i]
		}
		if v.Tally.Voters > 0 {
			res.Percent = 100 * res.Count / v.Tally.Voters
		}
		v.Results = append(v.Results, res)
	}
	return v
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, code int, v view) {
	v.Lang = webtext.LanguageOf(r)
	v.texts = h.texts[v.Lang]
	if v.Message != "" {
		v.Message = v.texts.Say(v.Message, v.args...)
	}
	webform.Write(w, code, v.Lang, h.page, v)
}
