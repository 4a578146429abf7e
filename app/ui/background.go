package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// reminderKey is the preference holding how many minutes ahead to remind.
const reminderKey = "reminderMinutes"

// reminderMinutes are the reminder choices, in minutes (0: off).
var reminderMinutes = []int{0, 5, 10, 15, 30}

func reminderChoice(minutes int) string {
	if minutes == 0 {
		return tr("Remind: off")
	}
	return tr("Remind: {{.Minutes}} min", "Minutes", minutes)
}

// newRemindSelect makes the "remind me" choice, kept in the app's preferences.
func (v *ParticipantView) newRemindSelect() *widget.Select {
	prefs := fyne.CurrentApp().Preferences()
	choices := make([]string, len(reminderMinutes))
	for i, m := range reminderMinutes {
		choices[i] = reminderChoice(m)
	}
	s := widget.NewSelect(choices, func(choice string) {
		minutes := 0
		if i := slices.Index(choices, choice); i >= 0 {
			minutes = reminderMinutes[i]
		}
		prefs.SetInt(reminderKey, minutes)
		v.reminders.Before = time.Duration(minutes) * time.Minute
	})
	minutes := prefs.IntWithFallback(reminderKey, 10)
	v.reminders.Before = time.Duration(minutes) * time.Minute
	s.Selected = choices[0]
	if i := slices.Index(reminderMinutes, minutes); i >= 0 {
		s.Selected = choices[i]
	}
	return s
}

// BackgroundTick reminds of favourites about to start and starts the syncs
// that are due; the window calls it every 30 seconds.
func (v *ParticipantView) BackgroundTick() {
	v.checkReminders()
	if v.syncing.Subscriptions == nil || v.backgroundSyncing {
		return
	}
	subs, err := v.syncing.Subscriptions(v.ctx)
	if err != nil {
		return
	}
	v.showSyncState(subs)
	due := app.DueForSync(subs, v.p.Now())
	if len(due) == 0 {
		return
	}
	v.backgroundSyncing = true
	v.syncing.Run(func() {
		type result struct {
			url string
			res app.SyncResult
			err error
		}
		var results []result
		for _, s := range due {
			res, err := v.syncing.Sync(v.ctx, s.URL)
			results = append(results, result{s.URL, res, err})
		}
		fyne.Do(func() {
			v.backgroundSyncing = false
			for _, r := range results {
				v.synced(r.url, r.res, r.err)
			}
			if subs, err := v.syncing.Subscriptions(v.ctx); err == nil {
				v.showSyncState(subs)
			}
		})
	})
}

// showSyncState says when the subscriptions were last current: working
// offline is normal, and the agenda is as of that time.
func (v *ParticipantView) showSyncState(subs []agenda.Subscription) {
	if len(subs) == 0 {
		v.SyncState.SetText("")
		return
	}
	var last time.Time
	failing := 0
	for _, s := range subs {
		if s.SyncedAt.After(last) {
			last = s.SyncedAt
		}
		if s.LastError != "" {
			failing++
		}
	}
	when := tr("never")
	if !last.IsZero() {
		when = localDate(last.In(time.Local).Format("2 Jan 15:04"))
	}
	text := tr("{{.N}} subscriptions · last synced {{.When}}", "N", len(subs), "When", when)
	if len(subs) == 1 {
		text = tr("1 subscription · last synced {{.When}}", "When", when)
	}
	if failing > 0 {
		text = tr("Offline or failing ({{.Failing}} of {{.N}}) · agenda as of {{.When}}", "Failing", failing, "N", len(subs), "When", when)
	}
	v.SyncState.SetText(text)
}

// checkReminders sends a desktop notification for each favourite about to
// start.
func (v *ParticipantView) checkReminders() {
	if v.reminders.Before <= 0 {
		return
	}
	favs, err := v.p.AllFavourites(v.ctx)
	if err != nil {
		return
	}
	for _, s := range v.reminders.Due(favs, func(int64) bool { return true }, v.p.Now()) {
		mins := int(s.Start.Sub(v.p.Now()).Round(time.Minute).Minutes())
		fyne.CurrentApp().SendNotification(fyne.NewNotification(
			tr("In {{.Minutes}} min: {{.Session}}", "Minutes", mins, "Session", strings.Join(nonEmpty(s.Number, s.Title), " · ")),
			strings.Join(nonEmpty(v.sessionLine(s), s.Room), " · ")))
	}
}

// RunBackground ticks every 30 s until ctx ends.
func (v *ParticipantView) RunBackground(ctx context.Context) {
	go func() {
		tick := time.NewTicker(30 * time.Second)
		defer tick.Stop()
		fyne.Do(v.BackgroundTick)
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				fyne.Do(v.BackgroundTick)
			}
		}
	}()
}
