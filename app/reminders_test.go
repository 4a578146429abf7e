package app_test

import (
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

func TestRemindersOncePerStartOfAFavourite(t *testing.T) {
	t0 := time.Date(2020, 11, 11, 11, 0, 0, 0, time.UTC)
	sessions := []agenda.Session{
		{ID: 1, Start: t0.Add(9 * time.Minute), End: t0.Add(time.Hour)},
		{ID: 2, Start: t0.Add(9 * time.Minute), End: t0.Add(time.Hour)},  // not a favourite
		{ID: 3, Start: t0.Add(30 * time.Minute), End: t0.Add(time.Hour)}, // too far ahead
		{ID: 4, Start: t0.Add(-time.Minute), End: t0.Add(time.Hour)},     // already started
	}
	fav := func(id int64) bool { return id != 2 }
	r := app.Reminders{Before: 10 * time.Minute}
	if due := r.Due(sessions, fav, t0); len(due) != 1 || due[0].ID != 1 {
		t.Fatalf("due %+v", due)
	}
	if due := r.Due(sessions, fav, t0.Add(time.Minute)); len(due) != 0 {
		t.Fatalf("reminded twice: %+v", due)
	}
	// Session 1 moves: a new reminder for the new start.
	sessions[0].Start = t0.Add(5 * time.Minute)
	if due := r.Due(sessions, fav, t0.Add(time.Minute)); len(due) != 1 {
		t.Fatalf("moved session: %+v", due)
	}
	off := app.Reminders{}
	if due := off.Due(sessions, fav, t0); due != nil {
		t.Fatal("reminders when off")
	}
}

func TestDueForSyncHonoursRefreshInterval(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	subs := []agenda.Subscription{
		{URL: "never"},
		{URL: "hourly-fresh", SyncedAt: now.Add(-30 * time.Minute)},
		{URL: "hourly-stale", SyncedAt: now.Add(-61 * time.Minute)},
		{URL: "every-10-min", Refresh: 10 * time.Minute, SyncedAt: now.Add(-11 * time.Minute)},
		{URL: "pushy", Refresh: time.Second, SyncedAt: now.Add(-time.Minute)},
		{URL: "failed-just-now", SyncedAt: now.Add(-2 * time.Hour), CheckedAt: now.Add(-time.Minute), LastError: "offline"},
		{URL: "failed-a-while-ago", SyncedAt: now.Add(-2 * time.Hour), CheckedAt: now.Add(-6 * time.Minute), LastError: "offline"},
	}
	var got []string
	for _, s := range app.DueForSync(subs, now) {
		got = append(got, s.URL)
	}
	want := "never hourly-stale every-10-min failed-a-while-ago"
	if g := join(got); g != want {
		t.Fatalf("due %q, want %q", g, want)
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

func TestNarrowAndChoices(t *testing.T) {
	day := time.Date(2023, 9, 11, 10, 0, 0, 0, time.UTC)
	ss := []agenda.Session{
		{ID: 1, EventID: "debconf23", Track: "Security", Room: "Anamudi", Format: "Talk", Start: day, End: day.Add(time.Hour), Zone: "UTC"},
		{ID: 2, EventID: "debconf23", Track: "Community", Room: "Kuthiran", Format: "BoF", Start: day.Add(24 * time.Hour), End: day.Add(25 * time.Hour), Zone: "UTC"},
		{ID: 3, EventID: "igf-2020", Room: "Room 3", Format: "Round Table", Start: day, End: day.Add(time.Hour), Zone: "UTC"},
	}
	c := app.ChoicesOf(ss)
	if join(c.Events) != "debconf23 igf-2020" || len(c.Days) != 2 || join(c.Types) != "BoF Round Table Talk" {
		t.Fatalf("choices %+v", c)
	}
	for n, want := range map[app.Narrow]int{
		{}: 3, {Event: "DebConf23"}: 2, {Day: "2023-09-12"}: 1, {Track: "secur"}: 1, {Room: "room"}: 1, {Type: "table"}: 1,
		{Event: "igf-2020", Type: "talk"}: 0,
	} {
		if got := len(n.Apply(ss)); got != want {
			t.Errorf("%+v: %d sessions, want %d", n, got, want)
		}
	}
}
