package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/timer"
)

// The Questions tab: a phone's request shows in the queue as "room
// (phone)"; its questions wait for the moderator, who publishes one,
// takes one into the queue, answers one and blocks a phone, with the
// buttons.
func TestConsoleModeratesThePhonesQuestions(t *testing.T) {
	ctx := context.Background()
	v, _, clock, db := newConsoleOn(t)
	aud, err := app.OpenAudience(ctx, db, v.m, clock, app.ModerationKey(v.session.Source, v.session.GUID))
	if err != nil {
		t.Fatal(err)
	}
	v.EnableAudience(aud, func(a string) ([]byte, error) { png, _, err := phonepage.QR(a, 256); return png, err })
	p := v.questionsPanel
	if v.Tabs == nil || v.Tabs.Items[len(v.Tabs.Items)-1].Text != "Questions" {
		t.Fatal("no Questions tab")
	}
	if !strings.Contains(p.Where.Text, "once Floor is open to hubs (room code "+aud.Code()+")") {
		t.Errorf("closed: %q", p.Where.Text)
	}
	if _, err := aud.Ask(ctx, "phone-a", app.PhoneSpeaker{Name: "Amina", Group: "Civil Society"}); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	if who := requestGroup(v.m.Floor().Queue[0].Speaker) + " · " + requestWhere(v.m.Floor().Queue[0].Speaker); who != "Civil Society · (not said) · room (phone)" {
		t.Errorf("queue row: %q", who)
	}
	var ids []int
	for i, text := range []string{"Who certifies <b>products</b>?", "How long are updates owed?", "spam"} {
		q, err := aud.AskQuestion(ctx, []string{"phone-a", "phone-b", "phone-c"}[i], "", text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	v.Tick()
	first := p.item(ids[0])
	if first == nil || !strings.Contains(first.Text.Text, "waiting for you") || !strings.Contains(first.Text.Text, "Who certifies <b>products</b>?") {
		t.Fatalf("first question's row: %+v", first)
	}
	test.Tap(first.Publish)
	v.Tick()
	if got := p.item(ids[0]); !strings.Contains(got.Text.Text, "published to the phones") || !got.Publish.Disabled() {
		t.Errorf("published: %q", got.Text.Text)
	}
	test.Tap(p.item(ids[0]).Queue)
	v.Tick()
	fs := v.m.Floor()
	if len(fs.Queue) != 2 || fs.Queue[1].Speaker.Name != "Audience question" || fs.Queue[1].Speaker.Device != "phone-a" {
		t.Fatalf("queue %+v", fs.Queue)
	}
	if got := p.item(ids[0]); !strings.Contains(got.Text.Text, "in the queue as request 2") || !got.AnswerIt.Disabled() {
		t.Errorf("queued: %q", got.Text.Text)
	}
	p.Answer.SetText("Five years at least.")
	test.Tap(p.item(ids[1]).AnswerIt)
	v.Tick()
	if got := p.item(ids[1]); !strings.Contains(got.Text.Text, "answered: Five years at least.") || p.Answer.Text != "" {
		t.Errorf("answered: %q", got.Text.Text)
	}
	if b := p.blocks[1]; b == nil {
		t.Fatalf("no block for the phone's request 1")
	}
	qrow := test.NewWindow(v.queue.create())
	defer qrow.Close()
	v.queue.update(1, qrow.Content())
	if who := qrow.Content().(*fyne.Container).Objects[2].(*widget.Label).Text; !strings.Contains(who, "asks: Who certifies <b>products</b>?") {
		t.Errorf("the queued question's row: %q", who)
	}
	test.Tap(p.blocks[1]) // Amina's phone: her request leaves the queue
	v.Tick()
	if q := v.m.Floor().Queue; len(q) != 0 {
		t.Errorf("a blocked phone's requests wait still: %+v", q)
	}
	test.Tap(p.item(ids[2]).Block)
	v.Tick()
	if got := p.item(ids[2]); !strings.Contains(got.Text.Text, "blocked") || !strings.Contains(got.Text.Text, "dismissed") || !got.Block.Disabled() {
		t.Errorf("blocked: %q", got.Text.Text)
	}
	if qs := aud.Questions(); qs[2].State != floor.Dismissed || !aud.Blocked("phone-c") {
		t.Errorf("blocked phone's question %s", qs[2].State)
	}
	// Blocked by mistake: the moderator unblocks it and it asks again.
	if _, err := aud.AskQuestion(ctx, "phone-c", "", "sorry"); !errors.Is(err, app.ErrBlocked) {
		t.Fatalf("the blocked phone wrote: %v", err)
	}
	un := p.unblock["phone-c"]
	if un == nil || p.unblock["phone-b"] != nil {
		t.Fatalf("unblock buttons: %v", p.unblock)
	}
	test.Tap(un)
	v.Tick()
	if aud.Blocked("phone-c") {
		t.Fatal("still blocked")
	}
	if _, err := aud.AskQuestion(ctx, "phone-c", "", "sorry"); err != nil {
		t.Errorf("the unblocked phone: %v", err)
	}
	if got := p.item(ids[2]); strings.Contains(got.Text.Text, "blocked") || got.Block.Disabled() {
		t.Errorf("unblocked, its row: %q", got.Text.Text)
	}
}

// Open to hubs, the tab gives the phones' address and QR code, and the
// speaker display shows the code between turns, not during one.
func TestThePhonesQRCodeIsOnTheTabAndBetweenTurnsOnTheDisplay(t *testing.T) {
	ctx := context.Background()
	v, w, clock, db := newConsoleOn(t)
	aud, err := app.OpenAudience(ctx, db, v.m, clock, app.ModerationKey(v.session.Source, v.session.GUID))
	if err != nil {
		t.Fatal(err)
	}
	v.EnableHubs(&memoryAccess{}, w)
	v.EnableAudience(aud, func(a string) ([]byte, error) { png, _, err := phonepage.QR(a, 256); return png, err })
	display := NewSpeakerDisplay()
	v.AttachDisplay(display, nil)
	v.OpenToHubs()
	v.Tick()
	p := v.questionsPanel
	addr := "https://192.0.2.7:8443/floor/" + aud.Code()
	if !strings.Contains(p.Where.Text, addr) || !p.Code.Visible() || p.Code.Image == nil {
		t.Fatalf("open: %q, code shown %v", p.Where.Text, p.Code.Visible())
	}
	if !display.phones.box.Visible() || display.phones.Where.Text != addr {
		t.Errorf("display between turns: %v %q", display.phones.box.Visible(), display.phones.Where.Text)
	}
	// The code as the room sees it on the screen reads back as the address
	// (Debian's zbarimg, when installed: a reader that is not the writer).
	dw := test.NewWindow(display.Content())
	dw.Resize(fyne.NewSize(1024, 576))
	v.Tick()
	shot := filepath.Join(t.TempDir(), "display.png")
	if out := os.Getenv("FLOOR_UI_PNG_DISPLAY"); out != "" { // the README's picture of the display between turns
		shot = out
	}
	writePNG(t, shot, dw)
	dw.Close()
	if zbar, err := exec.LookPath("zbarimg"); err == nil {
		if got, err := exec.Command(zbar, "--quiet", "--raw", shot).Output(); err != nil || strings.TrimSpace(string(got)) != addr {
			t.Errorf("the display's code reads %q (%v), not %s", got, err, addr)
		}
	}
	if out := os.Getenv("FLOOR_UI_PNG_QUESTIONS"); out != "" { // the README's picture of the tab
		for i, text := range []string{"Who should certify connected products, and who pays for it?", "How long must a vendor ship security updates?"} {
			q, _ := aud.AskQuestion(ctx, []string{"3fa2c19e0b7d", "b71d0e42aa05"}[i], []string{"Amina Diallo", ""}[i], text)
			if i == 0 {
				_ = aud.Show(ctx, q.ID)
			}
		}
		v.Tabs.SelectIndex(len(v.Tabs.Items) - 1)
		v.Tick()
		w.Resize(fyne.NewSize(1280, 800))
		writePNG(t, out, w)
	}
	if err := v.m.Ask(ctx, floor.Speaker{Name: "Amina"}); err != nil {
		t.Fatal(err)
	}
	if err := v.m.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	if display.phones.box.Visible() {
		t.Error("the QR code stays on the display during a turn")
	}
}
