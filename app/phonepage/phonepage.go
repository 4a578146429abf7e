// Package phonepage is the page phones in the room ask for the floor and
// write questions on, served by the moderator's Floor only while it is
// open to hubs, beside the poll page and with its rules: no account, no
// script, a strict CSP, a random device cookie kept only as its hash, the
// room's code, rate limits per address and per phone, and a nonce in every
// form so a replayed form changes nothing.
package phonepage

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/webform"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// Handler serves GET /floor, /floor/{code}, /floor/{code}/questions and
// the posts of their forms.
type Handler struct {
	aud     *app.Audience
	session string // the session's title, shown on the page
	page    *template.Template
	texts   map[string]webtext.Texts
	guard   *guard
	fresh   func() string
}

// New serves aud's room to phones; now is the moderator's clock. Zero
// limits take the defaults (50 posts a second with a burst of 600 per
// address, 1 a second with a burst of 8 per phone).
func New(aud *app.Audience, session string, lim Limits, now func() time.Time) (*Handler, error) {
	page, err := template.New("floor").Parse(assets.FloorPage())
	if err != nil {
		return nil, fmt.Errorf("floor page template: %w", err)
	}
	all, err := webtext.Load()
	if err != nil {
		return nil, err
	}
	return &Handler{aud: aud, session: session, page: page, texts: all, guard: newGuard(lim, now), fresh: app.NewDeviceID}, nil
}

// Register adds the page's routes to mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /floor", webform.Start("/floor", func(w http.ResponseWriter, r *http.Request) { h.render(w, r, http.StatusOK, view{}) }))
	mux.HandleFunc("GET /floor/style.css", webform.Style(assets.FloorStyle))
	mux.HandleFunc("GET /floor/{code}", h.show)
	mux.HandleFunc("GET /floor/{code}/questions", h.show)
	mux.HandleFunc("POST /floor/{code}/{action}", h.post)
}

// Address is the page of the room's code on host ("192.0.2.7:8443"), as
// the room's screen and its QR code give it.
func Address(host, code string) string { return "https://" + host + "/floor/" + url.PathEscape(code) }

// room reports whether r names this room's code, else answers it.
func (h *Handler) room(w http.ResponseWriter, r *http.Request) bool {
	if strings.EqualFold(r.PathValue("code"), h.aud.Code()) {
		return true
	}
	h.render(w, r, http.StatusNotFound, view{Message: "No room has that code. Check the code shown in the room."})
	return false
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	if !h.room(w, r) {
		return
	}
	if ok, wait := h.guard.page(r); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		h.render(w, r, http.StatusTooManyRequests, view{Message: "Too many requests from this phone or network at once. Try again in a few seconds."})
		return
	}
	dev, _ := device(w, r, h.fresh)
	v := view{Questions: strings.HasSuffix(r.URL.Path, "/questions")}
	v.Message = doneMessages[r.URL.Query().Get("done")]
	h.render(w, r, http.StatusOK, h.fill(v, dev))
}

// doneMessages confirm a form that was taken (the page after a 303).
var doneMessages = map[string]string{
	"asked":     "Your request is in the queue.",
	"withdrawn": "Your request is withdrawn.",
	"question":  "Your question is with the moderators.",
	"upvoted":   "Your upvote is counted.",
}

func (h *Handler) post(w http.ResponseWriter, r *http.Request) {
	if !h.room(w, r) {
		return
	}
	action := r.PathValue("action")
	back := "/floor/" + url.PathEscape(h.aud.Code())
	questions := action == "question" || action == "upvote"
	if questions {
		back += "/questions"
	}
	v := view{Questions: questions}
	dev, had := device(w, r, h.fresh)
	if !had {
		v.Message = "This page knows your phone by a cookie; it was missing. Please send the form again."
		h.render(w, r, http.StatusBadRequest, h.fill(v, dev))
		return
	}
	if ok, wait := h.guard.allow(r, dev); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		v.Message = "Too many requests from this phone or network at once. Try again in a few seconds."
		h.render(w, r, http.StatusTooManyRequests, h.fill(v, dev))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		v.Message = "The form could not be read: it is too large or malformed."
		h.render(w, r, http.StatusRequestEntityTooLarge, h.fill(v, dev))
		return
	}
	if !h.guard.take(dev, r.PostForm.Get("nonce")) {
		v.Message = "This form was already sent or is out of date; here is the page as it is now."
		h.render(w, r, http.StatusConflict, h.fill(v, dev))
		return
	}
	f := r.PostForm
	var err error
	done := action
	switch action {
	case "ask":
		_, err = h.aud.Ask(r.Context(), dev, app.PhoneSpeaker{Name: f.Get("name"), Affiliation: f.Get("affiliation"),
			Group: f.Get("group"), Region: f.Get("region"), Youth: f.Get("youth") == "1"})
		done = "asked"
	case "withdraw":
		id, _ := strconv.Atoi(f.Get("request"))
		err = h.aud.Withdraw(r.Context(), dev, id)
		done = "withdrawn"
	case "question":
		_, err = h.aud.AskQuestion(r.Context(), dev, f.Get("name"), f.Get("text"))
	case "upvote":
		id, _ := strconv.Atoi(f.Get("question"))
		err = h.aud.Upvote(r.Context(), dev, id)
		done = "upvoted"
	default:
		v.Message = "No such form."
		h.render(w, r, http.StatusNotFound, h.fill(v, dev))
		return
	}
	if err == nil {
		http.Redirect(w, r, back+"?done="+done, http.StatusSeeOther)
		return
	}
	code := http.StatusServiceUnavailable
	v.Message = "Not recorded; please try again."
	switch {
	case errors.Is(err, app.ErrBlocked):
		code, v.Message = http.StatusForbidden, "The moderators have blocked this phone for the session."
	case errors.Is(err, app.ErrAlreadyWaiting):
		code, v.Message = http.StatusConflict, "This phone already has a request waiting; withdraw it first to ask again."
	case errors.Is(err, app.ErrNotYours):
		code, v.Message = http.StatusConflict, "That request is no longer waiting; nothing was changed."
	case errors.Is(err, app.ErrTooManyAsked):
		code, v.Message, v.args = http.StatusTooManyRequests, "You have %d questions waiting for the moderators; wait until they are read.", []any{app.MaxOpenQuestions}
	case errors.Is(err, floor.ErrUpvoted):
		code, v.Message = http.StatusConflict, "This phone has already upvoted that question, or wrote it."
	case errors.Is(err, app.ErrNoSuchQuestion):
		code, v.Message = http.StatusNotFound, "That question is not open for upvotes."
	case errors.Is(err, app.ErrNotInList):
		code, v.Message = http.StatusBadRequest, "The request was not taken: choose the stakeholder group and region from the lists."
	case action == "ask" && (errors.Is(err, floor.ErrBadQuestionText) || errors.Is(err, floor.ErrBadSpeaker)):
		code, v.Message, v.args = http.StatusBadRequest, "The request was not taken: give a name of up to %d characters, as text only (no control characters).", []any{floor.MaxPhoneName}
	case errors.Is(err, floor.ErrBadQuestionText):
		code, v.Message, v.args = http.StatusBadRequest, "The question was not taken: up to %d characters, as text only (no control characters).", []any{floor.MaxQuestionText}
	}
	h.render(w, r, code, h.fill(v, dev))
}

type view struct {
	Session, Code, Nonce string
	Message              string // English, translated when the page is written
	args                 []any  // for Message's %d
	Questions            bool   // the questions page, else the floor's
	Blocked, Live        bool
	Waiting              *floor.PhoneWaiting
	QueueLength, Spoken  int
	Refresh              string // "5; url=…": the page reloads itself; "": it does not
	Groups, Regions      []string
	Mine, Public         []question
	MaxName              int
	MaxAffiliation       int
	MaxQuestion          int
	Lang                 string
	texts                webtext.Texts
}

// T is a text of the page in its language, with %d or %s from args.
func (v view) T(key string, args ...any) string { return v.texts.Say(key, args...) }

type question struct {
	ID                 int
	Text, Name, Answer string
	State              string // in words, translated
	Upvotes            int
	CanUpvote          bool
	state              floor.QuestionState
}

// stateWords are a question's states as its phone reads them.
var stateWords = map[floor.QuestionState]string{
	floor.Pending:   "Waiting for the moderators",
	floor.Shown:     "Shown to the room",
	floor.Queued:    "Taken into the queue",
	floor.Answered:  "Answered",
	floor.Dismissed: "Not taken up",
}

// fill is the page for device as the room stands now.
func (h *Handler) fill(v view, dev string) view {
	v.Session, v.Code = h.session, h.aud.Code()
	v.Nonce = h.guard.nonce(dev)
	v.Blocked = h.aud.Blocked(dev)
	v.MaxName, v.MaxAffiliation, v.MaxQuestion = floor.MaxPhoneName, floor.MaxPhoneAffil, floor.MaxQuestionText
	for _, g := range agenda.AllGroups() {
		v.Groups = append(v.Groups, g.String())
	}
	for _, r := range agenda.RegionalGroups() {
		v.Regions = append(v.Regions, r.String())
	}
	st := h.aud.Status(dev)
	v.Live, v.Spoken = len(st.Live) > 0, st.Spoken
	if len(st.Waiting) > 0 {
		v.Waiting = &st.Waiting[0]
		v.QueueLength = st.Length
	}
	if !v.Questions && (v.Live || v.Waiting != nil) {
		v.Refresh = "5; url=/floor/" + url.PathEscape(v.Code) // without ?done=, so a confirmation shows once
	}
	for _, q := range h.aud.Mine(dev) {
		v.Mine = append(v.Mine, question{ID: q.ID, Text: q.Text, Answer: q.Answer, state: q.State})
	}
	for _, q := range h.aud.Public() {
		v.Public = append(v.Public, question{ID: q.ID, Text: q.Text, Name: q.Name, Answer: q.Answer, Upvotes: q.Upvotes, state: q.State,
			CanUpvote: q.State == floor.Shown && q.Device != dev && !h.aud.Upvoted(dev, q.ID)})
	}
	return v
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, code int, v view) {
	v.Lang = webtext.LanguageOf(r)
	v.texts = h.texts[v.Lang]
	if v.Message != "" {
		v.Message = v.texts.Say(v.Message, v.args...)
	}
	for _, qs := range [][]question{v.Mine, v.Public} {
		for i := range qs {
			qs[i].State = v.texts.Say(stateWords[qs[i].state])
		}
	}
	webform.Write(w, code, v.Lang, h.page, v)
}
