package phonepage_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/timer"
)

func TestAPhoneAsksSeesItsPlaceAndTurnAndCannotReviveAWithdrawnRequest(t *testing.T) {
	ctx := context.Background()
	r := serve(t, phonepage.Limits{})
	if err := r.m.Ask(ctx, floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	p := newPhone(r)
	code, body, hd := p.do(t, "GET", r.url, nil, "")
	if code != 200 || !strings.Contains(hd.Get("Content-Security-Policy"), "default-src 'none'") || !strings.Contains(body, `action="/floor/`+r.aud.Code()+`/ask"`) {
		t.Fatalf("first page %d %v: %.500s", code, hd, body)
	}
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
	if regions := body[strings.Index(body, `name="region"`):]; !strings.Contains(regions, "African Group") ||
		strings.Contains(regions[:strings.Index(regions, "</select>")], "Intergovernmental") {
		t.Errorf("the regions offered: %.600s", regions)
	}
	code, _ = p.send(t, r.url+"/ask", url.Values{"name": {"<b>Amina</b>"}, "group": {"Civil Society"}, "region": {"African Group"}, "youth": {"1"}})
	if code != http.StatusSeeOther {
		t.Fatalf("ask: %d %.300s", code, p.page)
	}
	asked := p.page // the form just sent
	q := r.m.Floor().Queue
	if len(q) != 2 || q[1].Speaker.Name != "<b>Amina</b>" || q[1].Speaker.Place() != "room (phone)" || !q[1].Speaker.Youth || q[1].Speaker.Group != "Civil Society" {
		t.Fatalf("queue %+v", q)
	}
	_, body = p.get(t, r.url+"?done=asked")
	for _, want := range []string{"Your place: 2 of 2.", "&lt;b&gt;Amina&lt;/b&gt;", `http-equiv="refresh" content="5; url=/floor/` + r.aud.Code() + `"`, "Your request is in the queue.", "Withdraw my request"} {
		if !strings.Contains(body, want) {
			t.Errorf("the place page lacks %q: %.900s", want, body)
		}
	}
	// The ask form sent again (a replay, the back button) is refused.
	p.page = asked
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"Amina"}}); code != http.StatusConflict || len(r.m.Floor().Queue) != 2 {
		t.Fatalf("replayed ask: %d, queue %d", code, len(r.m.Floor().Queue))
	}
	p.get(t, r.url)
	id := q[1].ID
	withdraw := p.page
	if code, _ := p.send(t, r.url+"/withdraw", url.Values{"request": {itoa(id)}}); code != http.StatusSeeOther || len(r.m.Floor().Queue) != 1 {
		t.Fatalf("withdraw: %d", code)
	}
	p.page = withdraw
	if code, _ := p.send(t, r.url+"/withdraw", url.Values{"request": {itoa(id)}}); code != http.StatusConflict {
		t.Errorf("replayed withdraw: %d", code)
	}
	p.get(t, r.url) // a fresh nonce, the same withdrawn request
	if code, body := p.send(t, r.url+"/withdraw", url.Values{"request": {itoa(id)}}); code != http.StatusConflict || !strings.Contains(body, "no longer waiting") {
		t.Errorf("withdrawing a withdrawn request: %d", code)
	}
	// Asked again, then given the floor: the phone is told.
	p.get(t, r.url)
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"Amina"}}); code != http.StatusSeeOther {
		t.Fatal(code)
	}
	if code, _ := p.get(t, r.url); code != 200 || !strings.Contains(p.page, "Your place: 2 of 2.") {
		t.Fatalf("asked again: %.500s", p.page)
	}
	if err := r.m.Give(ctx, r.m.Floor().Queue[1].ID, timer.CountDown, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, body := p.get(t, r.url); !strings.Contains(body, "You have the floor.") {
		t.Errorf("given the floor: %.600s", body)
	}
}

func TestPhoneQuestionsAreSeenOnlyOnceApprovedAndUpvotedOnce(t *testing.T) {
	ctx := context.Background()
	r := serve(t, phonepage.Limits{})
	a, b := newPhone(r), newPhone(r)
	a.get(t, r.url+"/questions")
	if code, _ := a.send(t, r.url+"/question", url.Values{"text": {"<script>alert(1)</script> Who certifies?"}, "name": {"Amina"}}); code != http.StatusSeeOther {
		t.Fatalf("question: %d %.300s", code, a.page)
	}
	if _, body := a.get(t, r.url+"/questions?done=question"); !strings.Contains(body, "Waiting for the moderators") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("its own phone: %.900s", body)
	}
	if _, body := b.get(t, r.url+"/questions"); strings.Contains(body, "Who certifies") {
		t.Fatal("another phone sees a question before the moderators approved it")
	}
	qs := r.aud.Questions()
	if err := r.aud.Show(ctx, qs[0].ID); err != nil {
		t.Fatal(err)
	}
	_, body := b.get(t, r.url+"/questions")
	if !strings.Contains(body, "Who certifies") || !strings.Contains(body, "0 upvotes") || strings.Contains(body, "<script>") {
		t.Fatalf("shown: %.900s", body)
	}
	if code, _ := b.send(t, r.url+"/upvote", url.Values{"question": {itoa(qs[0].ID)}}); code != http.StatusSeeOther {
		t.Fatal(code)
	}
	if _, body := b.get(t, r.url+"/questions"); !strings.Contains(body, "1 upvote") || strings.Contains(body, `name="question" value`) {
		t.Errorf("after the upvote: %.900s", body)
	}
	if code, _ := b.send(t, r.url+"/upvote", url.Values{"question": {itoa(qs[0].ID)}}); code != http.StatusConflict {
		t.Errorf("a second upvote: %d", code)
	}
	a.get(t, r.url+"/questions")
	if code, _ := a.send(t, r.url+"/upvote", url.Values{"question": {itoa(qs[0].ID)}}); code != http.StatusConflict {
		t.Errorf("upvoting its own: %d", code)
	}
	if err := r.aud.Answer(ctx, qs[0].ID, "Regulators, with vendors."); err != nil {
		t.Fatal(err)
	}
	if _, body := b.get(t, r.url+"/questions"); !strings.Contains(body, "Answered: Regulators, with vendors.") {
		t.Errorf("answered: %.900s", body)
	}
}

func TestBadInputIsRefusedInWords(t *testing.T) {
	r := serve(t, phonepage.Limits{PerSecond: 1000, Burst: 1000, DevicePerSecond: 0.01, DeviceBurst: 6})
	p := newPhone(r)
	if code, body := p.get(t, r.srv.URL+"/floor/NOSUCH"); code != 404 || !strings.Contains(body, "No room has that code") {
		t.Errorf("wrong code: %d", code)
	}
	if code, _, hd := p.do(t, "GET", r.srv.URL+"/floor?code="+strings.ToLower(r.aud.Code()), nil, ""); code != 303 || !strings.HasSuffix(hd.Get("Location"), r.aud.Code()) {
		t.Errorf("the code typed in: %d %v", code, hd)
	}
	bare := newPhone(r) // no cookie yet
	if code, _, _ := bare.do(t, "POST", r.url+"/ask", url.Values{"name": {"x"}}, ""); code != http.StatusBadRequest {
		t.Errorf("no cookie: %d", code)
	}
	p.get(t, r.url)
	if code, body := p.send(t, r.url+"/ask", url.Values{"name": {"Amina"}, "group": {"<b>Aliens</b>"}}); code != http.StatusBadRequest || !strings.Contains(body, "from the lists") {
		t.Errorf("an unknown group: %d", code)
	}
	for _, name := range []string{"bell\a", "evil\u202eorder", "two\nlines", strings.Repeat("n", floor.MaxPhoneName+1)} {
		code, body := p.send(t, r.url+"/ask", url.Values{"name": {name}})
		if code != http.StatusBadRequest || !strings.Contains(body, "The request was not taken") {
			t.Errorf("name %q: %d", name, code)
		}
	}
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"x"}, "pad": {strings.Repeat("x", 5000)}}); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a large form: %d", code)
	}
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"x"}}); code != http.StatusTooManyRequests {
		t.Errorf("the sixth post in a row from one phone: %d", code)
	}
	if len(r.m.Floor().Queue) != 0 {
		t.Errorf("queued: %+v", r.m.Floor().Queue)
	}
}

func TestABlockedPhoneIsToldAndRefused(t *testing.T) {
	ctx := context.Background()
	r := serve(t, phonepage.Limits{})
	p := newPhone(r)
	p.get(t, r.url)
	p.send(t, r.url+"/ask", url.Values{"name": {"Troll"}})
	dev := r.m.Floor().Queue[0].Speaker.Device
	p.get(t, r.url+"/questions")
	form := p.page // a form from before the block
	if err := r.aud.Block(ctx, dev); err != nil {
		t.Fatal(err)
	}
	if _, body := p.get(t, r.url); !strings.Contains(body, "blocked this phone") {
		t.Errorf("blocked page: %.400s", body)
	}
	p.page = form
	if code, _ := p.send(t, r.url+"/question", url.Values{"text": {"spam"}}); code != http.StatusForbidden {
		t.Errorf("a blocked phone's question: %d", code)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A question's form sent twice writes one question; a form from before a
// restart of the room (a new handler over the same room) is refused.
func TestAReplayedOrStaleFormChangesNothing(t *testing.T) {
	r := serve(t, phonepage.Limits{})
	p := newPhone(r)
	p.get(t, r.url+"/questions")
	form := p.page
	if code, _ := p.send(t, r.url+"/question", url.Values{"text": {"Who certifies?"}}); code != http.StatusSeeOther {
		t.Fatal(code)
	}
	p.page = form
	if code, body := p.send(t, r.url+"/question", url.Values{"text": {"Who certifies?"}}); code != http.StatusConflict || !strings.Contains(body, "already sent or is out of date") {
		t.Errorf("replayed question: %d", code)
	}
	if n := len(r.aud.Questions()); n != 1 {
		t.Errorf("%d questions written", n)
	}
	p.get(t, r.url)
	stale := p.page
	h, err := phonepage.New(r.aud, "Security of digital products", phonepage.Limits{}, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	r.srv.Config.Handler = mux // the room started again: its forms' nonces are gone
	p.page = stale
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"Amina"}}); code != http.StatusConflict || len(r.m.Floor().Queue) != 0 {
		t.Errorf("a form from before the restart: %d, queue %d", code, len(r.m.Floor().Queue))
	}
	if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"Amina"}}); code != http.StatusSeeOther { // the refusal's page has a fresh form
		t.Errorf("the fresh form: %d", code)
	}
}

// A flood of page views from one address is limited too (each view makes
// a form's nonce), at four times the posts' rate.
func TestAFloodOfPageViewsIsLimited(t *testing.T) {
	r := serve(t, phonepage.Limits{PerSecond: 0.01, Burst: 2})
	p := newPhone(r)
	for i := range 8 {
		if code, _ := p.get(t, r.url); code != 200 {
			t.Fatalf("view %d: %d", i+1, code)
		}
	}
	if code, body := p.get(t, r.url); code != http.StatusTooManyRequests || strings.Contains(body, `name="nonce"`) {
		t.Errorf("the ninth view: %d", code)
	}
}
