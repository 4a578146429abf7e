package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// reminderKey is the preference holding how many minutes ahead to remind.
const reminderKey = "reminderMinutes"

var reminderChoices = []string{"Remind: off", "Remind: 5 min", "Remind: 10 min", "Remind: 15 min", "Remind: 30 min"}

// newRemindSelect makes the "remind me" choice, kept in the app's preferences.
func (v *ParticipantView) newRemindSelect() *widget.Select {
	prefs := fyne.CurrentApp().Preferences()
	s := widget.NewSelect(reminderChoices, func(choice string) {
		minutes := 0
		if f := strings.Fields(choice); len(f) == 3 {
			minutes, _ = strconv.Atoi(f[1])
		}
		prefs.SetInt(reminderKey, minutes)
		v.reminders.Before = time.Duration(minutes) * time.Minute
	})
	minutes := prefs.IntWithFallback(reminderKey, 10)
	v.reminders.Before = time.Duration(minutes) * time.Minute
	s.Selected = reminderChoices[0]
	for _, c := range reminderChoices[1:] {
		if c == "Remind: "+strconv.Itoa(minutes)+" min" {
			s.Selected = c
		}
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
	when := "never"
	if !last.IsZero() {
		when = last.In(time.Local).Format("2 Jan 15:04")
	}
	text := fmt.Sprintf("%d subscriptions · last synced %s", len(subs), when)
	if len(subs) == 1 {
		text = "1 subscription · last synced " + when
	}
	if failing > 0 {
		text = fmt.Sprintf("Offline or failing (%d of %d) · agenda as of %s", failing, len(subs), when)
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
			fmt.Sprintf("In %d min: %s", mins, strings.Join(nonEmpty(s.Number, s.Title), " · ")),
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
