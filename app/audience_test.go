package app_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/storage"
)

const audienceKey = "igf/IGF 2020 WS #234"

func openAudience(t testing.TB, path string) (*app.Audience, *app.Moderator, *storage.DB) {
	t.Helper()
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := &lockedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(context.Background(), db, clock, audienceKey)
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.OpenAudience(context.Background(), db, m, clock, audienceKey)
	if err != nil {
		t.Fatal(err)
	}
	return a, m, db
}

func TestAPhoneAsksWithdrawsAndCannotReviveItsRequest(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	a, m, _ := openAudience(t, path)
	if len(a.Code()) != 6 {
		t.Fatalf("room code %q", a.Code())
	}
	id, err := a.Ask(ctx, "d1", app.PhoneSpeaker{Name: " Amina <script> ", Group: "civil society", Region: "africa", Youth: true})
	if err != nil {
		t.Fatal(err)
	}
	r := m.Floor().Queue[0]
	if r.ID != id || r.Speaker.Name != "Amina <script>" || r.Speaker.Group != "Civil Society" || r.Speaker.Region != "African Group" ||
		!r.Speaker.Youth || r.Speaker.Place() != "room (phone)" || r.Speaker.Remote {
		t.Fatalf("queued %+v", r.Speaker)
	}
	if _, err := a.Ask(ctx, "d1", app.PhoneSpeaker{Name: "Amina again"}); !errors.Is(err, app.ErrAlreadyWaiting) {
		t.Errorf("a second request from one phone: %v", err)
	}
	if err := a.Withdraw(ctx, "d2", id); !errors.Is(err, app.ErrNotYours) {
		t.Errorf("another phone withdrew it: %v", err)
	}
	if err := a.Withdraw(ctx, "d1", id); err != nil {
		t.Fatal(err)
	}
	if err := a.Withdraw(ctx, "d1", id); !errors.Is(err, app.ErrNotYours) {
		t.Errorf("a replayed withdraw: %v", err)
	}
	for _, bad := range []app.PhoneSpeaker{{Name: ""}, {Name: "bell\a"}, {Name: "x", Group: "Aliens"}, {Name: string(make([]byte, 300))}} {
		if _, err := a.Ask(ctx, "d3", bad); err == nil {
			t.Errorf("asked with %+v", bad)
		}
	}
	// After a restart the phone finds its request from the log.
	id2, err := a.Ask(ctx, "d1", app.PhoneSpeaker{Name: "Amina"})
	if err != nil {
		t.Fatal(err)
	}
	a2, _, _ := openAudience(t, path)
	if st := a2.Status("d1"); len(st.Waiting) != 1 || st.Waiting[0].ID != id2 || a2.Code() != a.Code() {
		t.Errorf("after a restart: %+v, code %q then %q", st, a.Code(), a2.Code())
	}
}

func TestQuestionsAreModeratedFirstAndUpvotedOncePerPhone(t *testing.T) {
	ctx := context.Background()
	a, m, _ := openAudience(t, filepath.Join(t.TempDir(), "floor.db"))
	q, err := a.AskQuestion(ctx, "d1", "Amina", "Who certifies connected products?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Public()) != 0 {
		t.Fatal("a pending question is public")
	}
	if err := a.Upvote(ctx, "d2", q.ID); !errors.Is(err, app.ErrNoSuchQuestion) {
		t.Errorf("upvoted before it was shown: %v", err)
	}
	if err := a.Show(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.Upvote(ctx, "d1", q.ID); !errors.Is(err, floor.ErrUpvoted) {
		t.Errorf("its own phone upvoted it: %v", err)
	}
	if err := a.Upvote(ctx, "d2", q.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.Upvote(ctx, "d2", q.ID); !errors.Is(err, floor.ErrUpvoted) {
		t.Errorf("a second upvote: %v", err)
	}
	req, err := a.Queue(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fs := m.Floor(); len(fs.Queue) != 1 || fs.Queue[0].ID != req || fs.Queue[0].Speaker.Device != "d1" {
		t.Fatalf("queue %+v", fs.Queue)
	}
	if err := a.Answer(ctx, q.ID, "again"); !errors.Is(err, floor.ErrQuestionState) {
		t.Errorf("a queued question answered: %v", err)
	}
	if _, err := a.Queue(ctx, q.ID); !errors.Is(err, floor.ErrQuestionState) || len(m.Floor().Queue) != 1 {
		t.Errorf("queued twice: %v", err)
	}
	for i := range app.MaxOpenQuestions {
		if _, err := a.AskQuestion(ctx, "d3", "", fmt.Sprintf("question %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.AskQuestion(ctx, "d3", "", "one more"); !errors.Is(err, app.ErrTooManyAsked) {
		t.Errorf("a phone flooding questions: %v", err)
	}
	if _, err := a.Ask(ctx, "d3", app.PhoneSpeaker{Name: "Troll"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Block(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	for _, q := range a.Mine("d3") {
		if q.State != floor.Dismissed {
			t.Errorf("a blocked phone's question is %s", q.State)
		}
	}
	if st := a.Status("d3"); len(st.Waiting) != 0 {
		t.Errorf("a blocked phone's request still waits: %+v", st)
	}
	if _, err := a.Ask(ctx, "d3", app.PhoneSpeaker{Name: "x"}); !errors.Is(err, app.ErrBlocked) {
		t.Errorf("a blocked phone asked: %v", err)
	}
	if _, err := a.AskQuestion(ctx, "d3", "", "y"); !errors.Is(err, app.ErrBlocked) {
		t.Errorf("a blocked phone wrote: %v", err)
	}
}

// 500 phones ask for the floor and upvote one question at once: each is
// counted exactly once, in memory and on disk.
func TestFiveHundredPhonesAskAndUpvoteAtOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	a, m, db := openAudience(t, path)
	q, err := a.AskQuestion(ctx, "author", "", "Who certifies?")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Show(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	const n = 500
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for i := range n {
		wg.Go(func() {
			d := fmt.Sprintf("phone-%03d", i)
			if _, err := a.Ask(ctx, d, app.PhoneSpeaker{Name: d}); err != nil {
				errs <- err
			}
			if _, err := a.Ask(ctx, d, app.PhoneSpeaker{Name: d}); !errors.Is(err, app.ErrAlreadyWaiting) {
				errs <- fmt.Errorf("second ask of %s: %v", d, err)
			}
			if err := a.Upvote(ctx, d, q.ID); err != nil {
				errs <- err
			}
			if err := a.Upvote(ctx, d, q.ID); !errors.Is(err, floor.ErrUpvoted) {
				errs <- fmt.Errorf("second upvote of %s: %v", d, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	seen := map[string]bool{}
	for _, r := range m.Floor().Queue {
		if seen[r.Speaker.Device] {
			t.Errorf("%s asked twice", r.Speaker.Device)
		}
		seen[r.Speaker.Device] = true
	}
	if len(seen) != n || a.Public()[0].Upvotes != n {
		t.Errorf("%d requests, %d upvotes", len(seen), a.Public()[0].Upvotes)
	}
	log, _ := db.FloorLog(ctx, audienceKey)
	qs, _ := db.Questions(ctx, audienceKey)
	if len(log) != n || qs[0].Upvotes != n {
		t.Errorf("on disk: %d requests, %d upvotes", len(log), qs[0].Upvotes)
	}
}

// The moderator unblocks a blocked phone: refused while blocked, it asks
// and writes again after, also after a restart (the block is gone from
// the file); both are in the audit, and unblocking a phone not blocked is
// refused.
func TestAnUnblockedPhoneAsksAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	a, _, db := openAudience(t, path)
	if err := a.Block(ctx, "d7abcdef"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ask(ctx, "d7abcdef", app.PhoneSpeaker{Name: "Amina"}); !errors.Is(err, app.ErrBlocked) {
		t.Fatalf("a blocked phone asked: %v", err)
	}
	if got := a.BlockedPhones(); len(got) != 1 || got[0] != "d7abcdef" {
		t.Fatalf("blocked: %v", got)
	}
	if err := a.Unblock(ctx, "d7abcdef"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ask(ctx, "d7abcdef", app.PhoneSpeaker{Name: "Amina"}); err != nil {
		t.Fatalf("the unblocked phone: %v", err)
	}
	if err := a.Unblock(ctx, "d7abcdef"); err == nil || !strings.Contains(err.Error(), "not blocked") {
		t.Errorf("unblocking it twice: %v", err)
	}
	audit, err := db.Audit(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range audit {
		kinds = append(kinds, e.Kind+" "+e.Detail)
	}
	if all := strings.Join(kinds, "\n"); !strings.Contains(all, "phone-blocked "+audienceKey+": phone d7abcd") || !strings.Contains(all, "phone-unblocked "+audienceKey+": phone d7abcd") {
		t.Errorf("the audit:\n%s", all)
	}
	db.Close()
	again, _, _ := openAudience(t, path)
	if again.Blocked("d7abcdef") {
		t.Error("the block came back after a restart")
	}
	if _, err := again.AskQuestion(ctx, "d7abcdef", "", "Who certifies?"); err != nil {
		t.Errorf("the unblocked phone writing after a restart: %v", err)
	}
}
