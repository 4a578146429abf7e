// Package ui holds Floor's Fyne screens. Each screen is a function of its
// controller in package app; the UI never touches SQL or Pion.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// ParticipantView is the agenda window's content: search, My agenda, the
// time-zone choice, the list by day and the selected session.
type ParticipantView struct {
	ctx    context.Context
	p      *app.Participant
	canvas fyne.Canvas

	Search          *widget.Entry
	ImportButton    *widget.Button
	SubscribeButton *widget.Button // shown once EnableSync is called
	ChangesButton   *widget.Button
	MyAgenda        *widget.Check
	ShareButton     *widget.Button // My agenda as a link, a QR code, an .ics (Ctrl+Shift+S)
	Zone            *widget.Select
	List            *widget.List
	View            *widget.RadioGroup // List or Grid (Ctrl+G)
	Status          *widget.Label
	Legend          *trackLegend   // the tracks listed, each after its colour
	JumpNow         *widget.Button // selects the session on now, else the next
	Favourite       *widget.Button
	Moderate        *widget.Button // shown once EnableModerate is called
	ExportICS       *widget.Button // the session shown as an iCalendar file
	Detail          *widget.RichText
	detailPane      *container.Scroll

	selected int64 // session shown in the detail pane; 0 for none
	grid     *agendaGrid
	gridOn   bool // the grid shows instead of the list
	split    *container.Split
	rows     []app.Row // the list: the controller's rows on the chosen day
	moderate bool      // EnableModerate was called
	content  fyne.CanvasObject
	importer AgendaImporter // nil until EnableImport
	syncing  Syncing
	window   fyne.Window
	filters  *filterBar
	lastText string                         // the last text shown in a dialog, for tests
	links    []*widget.Button               // the last list of sessions shown, one button each
	share    *sharePanel                    // the last share panel shown
	save     func(name string, data []byte) // asks where to save a file; tests replace it
	zones    zoneOptions
	memory   *memory // nil until EnableMemory

	Remind            *widget.Select // how long before a favourite starts to remind
	remindBox         *fyne.Container
	SyncState         *widget.Label // when the subscriptions were last current
	reminders         app.Reminders
	backgroundSyncing bool
}

// NewParticipantView builds the view over a loaded controller and installs
// its keyboard shortcuts on w's canvas.
func NewParticipantView(ctx context.Context, p *app.Participant, w fyne.Window, localName string) *ParticipantView {
	v := &ParticipantView{ctx: ctx, p: p, canvas: w.Canvas()}
	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Search sessions, people, policy questions  (Ctrl+F)"))
	v.Search.OnChanged = func(q string) { v.do(p.SetSearch(ctx, q)) }
	v.Search.OnSubmitted = func(string) { v.canvas.Focus(v.List) }

	v.ImportButton = widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), v.showImportDialog)
	v.ImportButton.Hide()
	v.SubscribeButton = widget.NewButtonWithIcon(lang.L("Subscribe…"), theme.DownloadIcon(), v.showSubscribeDialog)
	v.SubscribeButton.Hide()
	v.ChangesButton = widget.NewButtonWithIcon(lang.L("What changed"), theme.HistoryIcon(), v.ShowChanges)
	v.ChangesButton.Hide()

	v.MyAgenda = widget.NewCheck(lang.L("My agenda"), func(on bool) { v.do(p.SetFavouritesOnly(ctx, on)) })
	v.ShareButton = widget.NewButtonWithIcon(tr("Share…"), theme.MailForwardIcon(), v.ShowShare)

	v.List = widget.NewList(v.length, v.createRow, v.updateRow)
	v.List.OnSelected = v.onSelected
	v.Legend = newTrackLegend()
	v.Status = widget.NewLabel("")
	v.Status.Importance = widget.LowImportance
	zones := newZoneOptions(localName)
	v.zones = zones
	v.Zone = widget.NewSelect(zones.labels(), func(label string) {
		z, err := zones.choice(label)
		if err != nil {
			v.Status.SetText(err.Error())
			return
		}
		p.SetZone(z)
		v.refresh()
	})
	v.Zone.Selected = eventZoneLabel() // the event's time until the viewer chooses

	v.Favourite = widget.NewButtonWithIcon("", theme.ContentAddIcon(), v.toggleFavourite)
	v.Moderate = widget.NewButtonWithIcon(lang.L("Moderate this session"), theme.MediaPlayIcon(), nil)
	v.Moderate.Hide()
	v.ExportICS = widget.NewButtonWithIcon(lang.L("Export .ics…"), theme.DocumentSaveIcon(), v.exportShown)
	v.save = v.saveWithDialog
	v.Detail = widget.NewRichText()
	v.Detail.Wrapping = fyne.TextWrapWord
	// The session's buttons wrap in a narrow pane (the grid's, in French at 150 %) rather than leave it.
	buttons := container.New(newWrapRow(func() { v.detailPane.Refresh() }), v.Favourite, v.ExportICS, v.Moderate)
	v.detailPane = container.NewVScroll(container.NewBorder(buttons, nil, nil, nil, v.Detail))

	v.JumpNow = widget.NewButtonWithIcon(lang.L("Jump to now (Ctrl+J)"), theme.MediaSkipNextIcon(), v.jumpToNow)
	v.filters = newFilterBar(v)
	v.Remind = v.newRemindSelect()
	// Wide enough for its longest choice at any text size: a Select is only as wide as its text.
	v.remindBox.Objects = []fyne.CanvasObject{container.New(choicesWide{v.Remind}, v.Remind)}
	v.SyncState = widget.NewLabel("")
	v.SyncState.Importance = widget.LowImportance
	top := container.NewVBox(container.New(&wrapPair{}, v.Search,
		container.NewHBox(v.MyAgenda, v.ShareButton, widget.NewLabel(lang.L("Times:")), container.New(choicesWide{v.Zone}, v.Zone), v.ImportButton, v.SubscribeButton, v.ChangesButton)),
		v.filters.content, v.filters.Days.content)
	v.grid = newAgendaGrid(v)
	v.grid.content.Hide()
	v.View = widget.NewRadioGroup([]string{tr("List"), tr("Grid")}, func(choice string) { v.setGrid(choice == tr("Grid")) })
	v.View.Horizontal = true
	v.View.Selected = tr("List")
	left := container.NewBorder(container.NewHBox(widget.NewLabel(tr("View:")), v.View),
		container.NewVBox(v.Legend.content, v.Status, v.SyncState), nil, nil, container.NewStack(v.List, v.grid.content))
	v.split = container.NewHSplit(left, v.detailPane)
	v.split.Offset = 0.4
	v.content = container.NewBorder(top, nil, nil, nil, v.split)

	v.installShortcuts()
	v.installDayShortcuts()
	v.installGridKeys()
	v.refresh()
	v.selectFirstSession()
	return v
}

// Content is the view's root object.
func (v *ParticipantView) Content() fyne.CanvasObject { return v.content }

// installShortcuts: Ctrl+F search, Ctrl+D favourite, Ctrl+M My agenda.
// They are canvas shortcuts, so they also work while the search box has focus.
func (v *ParticipantView) installShortcuts() {
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { v.canvas.Focus(v.Search) })
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { v.toggleFavourite() })
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { v.MyAgenda.SetChecked(!v.MyAgenda.Checked) })
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { v.setGrid(!v.gridOn) })
	v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		func(fyne.Shortcut) { v.ShowShare() })
}

// do shows an error from the controller in the status line, or refreshes.
func (v *ParticipantView) do(err error) {
	if err != nil {
		v.Status.SetText(tr("Could not read the agenda: {{.Why}}", "Why", err.Error()))
		return
	}
	v.refresh()
}

func (v *ParticipantView) refresh() {
	v.rows = v.p.Rows()
	if v.filters != nil {
		v.filters.update()
		v.filters.updateDays(v.rows)
		v.rows = v.filters.onDay(v.rows)
	}
	v.Status.SetText(v.status())
	v.Legend.update(v.rows)
	v.remember()
	if v.gridOn {
		v.grid.show(v.rows, v.filters.day)
	}
	v.List.UnselectAll()
	v.List.Refresh()
	// The pane shows a session only while the list shows it too.
	for i, r := range v.rows {
		if !r.IsDay() && r.Session.ID == v.selected {
			v.List.Select(i) // shows it again through onSelected
			return
		}
	}
	v.selected = 0
	v.showDetail(0)
}

// status explains the list; the controller's line, unless the Day filter
// (which the view applies) changed what is listed.
func (v *ParticipantView) status() string {
	if v.filters == nil || v.filters.day == "" || v.p.SessionCount() == 0 {
		return v.p.Status()
	}
	n := 0
	for _, r := range v.rows {
		if !r.IsDay() {
			n++
		}
	}
	switch n {
	case 0:
		return tr("No session passes the filters")
	case 1:
		return tr("1 session")
	}
	return tr("{{.N}} sessions", "N", n)
}

func (v *ParticipantView) selectFirstSession() {
	for i, r := range v.rows {
		if !r.IsDay() {
			v.List.Select(i)
			v.List.ScrollToTop() // keep the first day's heading in view
			return
		}
	}
}

func (v *ParticipantView) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(v.rows) || v.rows[id].IsDay() {
		return
	}
	v.selected = v.rows[id].Session.ID
	v.showDetail(v.selected)
	v.grid.mark(v.selected)
	if v.gridOn {
		v.grid.scrollTo(v.selected) // Jump to now, a link to a session: the grid shows it too
	}
}

func (v *ParticipantView) showDetail(id int64) {
	if id == 0 {
		v.Favourite.Hide()
		v.ExportICS.Hide()
		v.Moderate.Hide()
		v.Detail.Segments = []widget.RichTextSegment{&widget.TextSegment{
			Style: widget.RichTextStyleParagraph, Text: lang.L("Choose a session to see its speakers, policy questions and more.")}}
		v.Detail.Refresh()
		return
	}
	d, err := v.p.Detail(v.ctx, id)
	if err != nil {
		v.Status.SetText(tr("Could not read the session: {{.Why}}", "Why", err.Error()))
		return
	}
	v.Favourite.Show()
	if d.Session.Scheduled() {
		v.ExportICS.Show() // a calendar needs a start
	} else {
		v.ExportICS.Hide()
	}
	if v.moderate && moderated(d.Session) {
		v.Moderate.Show()
	} else {
		v.Moderate.Hide()
	}
	if d.Favourite {
		v.Favourite.SetText(lang.L("In My agenda (Ctrl+D to remove)"))
		v.Favourite.SetIcon(theme.ConfirmIcon())
		v.Favourite.Importance = widget.HighImportance
	} else {
		v.Favourite.SetText(lang.L("Add to My agenda (Ctrl+D)"))
		v.Favourite.SetIcon(theme.ContentAddIcon())
		v.Favourite.Importance = widget.MediumImportance
	}
	v.Favourite.Refresh()
	v.Detail.Segments = detailSegments(d, v.ShowPersonSessions)
	v.Detail.Refresh()
}

// EnableModerate offers "Moderate this session", which calls open with the
// session shown, on sessions that have someone to moderate them (see
// moderated).
func (v *ParticipantView) EnableModerate(open func(ctx context.Context, id int64) error) {
	v.Moderate.OnTapped = func() {
		if v.selected == 0 {
			return
		}
		if err := open(v.ctx, v.selected); err != nil {
			v.Status.SetText(tr("Could not open the console: {{.Why}}", "Why", err.Error()))
		}
	}
	v.moderate = true
	v.showDetail(v.selected)
}

// moderated reports whether Floor's console fits s: a session that names a
// moderator or an online moderator, as a round table or a workshop does.
// A talk or a meal, with speakers only, has nobody to run the floor.
func moderated(s agenda.Session) bool {
	return len(s.PeopleWith(agenda.RoleModerator)) > 0 || len(s.PeopleWith(agenda.RoleOnlineModerator)) > 0
}

func (v *ParticipantView) toggleFavourite() {
	if v.selected == 0 {
		return
	}
	_, err := v.p.ToggleFavourite(v.ctx, v.selected)
	v.do(err)
}
