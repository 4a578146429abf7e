package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// Syncing is what the agenda window needs to subscribe and to say what
// changed; app.Syncer and storage.DB provide it in the real window.
type Syncing struct {
	Sync    func(ctx context.Context, url string) (app.SyncResult, error)
	Changes func(ctx context.Context) ([]agenda.ChangeRecord, error)
	// Run runs fn away from the UI goroutine (a sync waits on the network);
	// tests run it in place.
	Run func(fn func())
	// Subscriptions lists the subscriptions, for syncing them in the
	// background and saying when they were last current.
	Subscriptions func(ctx context.Context) ([]agenda.Subscription, error)
}

// EnableSync adds "Subscribe…" and "What changed" to the view.
func (v *ParticipantView) EnableSync(s Syncing, w fyne.Window) {
	v.syncing, v.window = s, w
	v.SubscribeButton.Show()
	v.ChangesButton.Show()
}

func (v *ParticipantView) showSubscribeDialog() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(tr("https://… schedule.xml, schedule.json, .ics or an IGF page"))
	d := dialog.NewForm(tr("Subscribe to a schedule"), tr("Subscribe"), tr("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr("Address"), entry)},
		func(ok bool) {
			if ok {
				v.Subscribe(strings.TrimSpace(entry.Text))
			}
		}, v.window)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(640, 180)) // room for a whole address
	d.Show()
	v.window.Canvas().Focus(entry)
}

// Subscribe syncs url in the background and reports in the status line; a
// change to a session in My agenda raises a desktop notification.
func (v *ParticipantView) Subscribe(url string) {
	v.Status.SetText(tr("Syncing {{.URL}} …", "URL", url))
	v.syncing.Run(func() {
		res, err := v.syncing.Sync(v.ctx, url)
		fyne.Do(func() { v.synced(url, res, err) })
	})
}

func (v *ParticipantView) synced(url string, res app.SyncResult, err error) {
	if err != nil {
		last := "never"
		if t := res.Subscription.SyncedAt; !t.IsZero() {
			last = t.Local().Format("2006-01-02 15:04")
		}
		v.Status.SetText(tr("Not synced: {{.Why}}. The agenda is as of the last good sync: {{.When}}", "Why", err.Error(), "When", last))
		return
	}
	v.do(v.p.Load(v.ctx))
	if res.NotModified {
		v.Status.SetText(tr("{{.URL}}: not modified", "URL", url))
		return
	}
	s := res.Import.Saved
	v.Status.SetText(tr("{{.Event}}: {{.Added}} added, {{.Updated}} updated, {{.Removed}} removed, {{.Changes}} changes", "Event", res.Import.Event.Title,
		"Added", s.Added, "Updated", s.Updated, "Removed", s.Removed, "Changes", s.Changes))
	v.notifyFavouriteChanges()
}

// notifyFavouriteChanges tells the desktop when the last import changed a
// session in My agenda.
func (v *ParticipantView) notifyFavouriteChanges() {
	changes, err := v.syncing.Changes(v.ctx)
	if err != nil || len(changes) == 0 {
		return
	}
	var titles []string
	seen := map[string]bool{}
	for _, c := range changes {
		if c.At.Equal(changes[0].At) && c.Favourite && !seen[c.GUID] {
			seen[c.GUID] = true
			titles = append(titles, c.Title)
		}
	}
	if len(titles) > 0 {
		fyne.CurrentApp().SendNotification(fyne.NewNotification(tr("Changed in My agenda"), strings.Join(titles, "; ")))
	}
}

// ShowChanges opens the "What changed" list: every recorded change, newest
// import first, sessions in My agenda marked.
func (v *ParticipantView) ShowChanges() {
	changes, err := v.syncing.Changes(v.ctx)
	if err != nil {
		dialog.ShowError(err, v.window)
		return
	}
	var segs []widget.RichTextSegment
	if len(changes) == 0 {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: "Nothing has changed since the agenda was first imported."})
	}
	last := ""
	for _, c := range changes {
		head := c.At.Local().Format("2006-01-02 15:04") + " · " + c.File
		if head != last {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: head})
			last = head
		}
		star := ""
		if c.Favourite {
			star = "★ My agenda · "
		}
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: star + c.Title + " — " + c.Change.String()})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	d := dialog.NewCustom(lang.L("What changed"), tr("Close"), scroll, v.window)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}
