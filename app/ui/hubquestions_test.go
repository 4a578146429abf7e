package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
)

// The hub window lists the phones' questions the moderator published,
// never one still waiting, and upvotes one for the hub, once: the room
// counts it and the button says so.
func TestHubWindowUpvotesAPublishedQuestion(t *testing.T) {
	ctx := context.Background()
	r := newHubRoomRig(t)
	aud, err := app.OpenAudience(ctx, r.db, r.m, r.clock, app.ModerationKey(r.s.Source, r.s.GUID))
	if err != nil {
		t.Fatal(err)
	}
	r.room.UseAudience(aud)
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
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	asked := r.v.news.asked
	until(t, r.v, "the published question", func() bool { return asked.rows[shown.ID] != nil })
	row := asked.rows[shown.ID]
	if row.Text.Text != "0 upvotes · Amina: Who certifies <b>connected</b> products?" || row.Upvote.Disabled() || len(asked.rows) != 1 {
		t.Fatalf("the row %q, upvote disabled %v, %d rows", row.Text.Text, row.Upvote.Disabled(), len(asked.rows))
	}
	if out := os.Getenv("FLOOR_UI_PNG_HUB_QUESTIONS"); out != "" {
		writePNG(t, out, r.w)
	}
	test.Tap(row.Upvote)
	until(t, r.v, "the hub's upvote counted", func() bool {
		row := asked.rows[shown.ID]
		return row != nil && row.Upvote.Disabled() && row.Upvote.Text == "Upvoted" && strings.HasPrefix(row.Text.Text, "1 upvote · ")
	})
	if qs := aud.Questions(); qs[0].Upvotes != 1 || !aud.Upvoted("hub:hn", shown.ID) {
		t.Errorf("the room counted %d upvotes", qs[0].Upvotes)
	}
	// A second press (a stale window, a replayed message) counts nothing.
	test.Tap(row.Upvote)
	until(t, r.v, "the second upvote refused", func() bool { return strings.Contains(r.v.Notice.Text, "already upvoted") })
	if qs := aud.Questions(); qs[0].Upvotes != 1 {
		t.Errorf("a second upvote counted: %d", qs[0].Upvotes)
	}
}
