package hubserve

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/igf-floor/floor/app"
)

// The browser hub lists the phones' questions the moderator published
// (not one still waiting) and upvotes one for the hub, once: the room
// counts one, and the page's button says it is counted.
func TestBrowserHubUpvotesAPublishedQuestion(t *testing.T) {
	b := openBrowserRoom(t)
	ctx := context.Background()
	aud, err := app.OpenAudience(ctx, b.db, b.m, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	b.s.Room.UseAudience(aud)
	shown, err := aud.AskQuestion(ctx, "phone-a", "Amina", "Who certifies <b>connected</b> products?")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := aud.AskQuestion(ctx, "phone-b", "", "Not for the room yet"); err != nil {
		t.Fatal(err)
	}
	if err := aud.Show(ctx, shown.ID); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("#join"))
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.Click("#join"))
	b.run(t, "the published question on the page", chromedp.WaitVisible("#asked"))
	if got := b.text(t, "#asked-list"); !strings.Contains(got, "0 upvotes · Amina: Who certifies <b>connected</b> products?") || strings.Contains(got, "Not for the room yet") {
		t.Fatalf("the page lists %q", got)
	}
	b.run(t, "upvote", chromedp.Click(`#asked-list button[data-question]`))
	waitUntil(t, "the hub's upvote counted in the room", func() bool { return aud.Questions()[0].Upvotes == 1 })
	waitUntil(t, "the page saying so", func() bool {
		return strings.Contains(b.text(t, "#asked-list"), "1 upvote · Amina") && strings.Contains(b.text(t, "#asked-list button"), "Upvoted")
	})
	if !aud.Upvoted("hub:"+b.hubID, shown.ID) {
		t.Error("the upvote is not the hub's")
	}
	// A replayed upvote from the page counts nothing and is refused in words.
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](fmt.Sprintf("send({ type: 'upvote', question_id: %d }); 1", shown.ID))); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the refusal", func() bool { return strings.Contains(b.text(t, "#notice"), "already upvoted") })
	if n := aud.Questions()[0].Upvotes; n != 1 {
		t.Errorf("%d upvotes after a replay", n)
	}
}
