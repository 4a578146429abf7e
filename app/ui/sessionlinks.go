package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/agenda"
)

// sessionGroup is a heading and the sessions under it, in a list of
// sessions the viewer can open (a person's sessions, a conflict's pair).
type sessionGroup struct {
	heading  string
	sessions []agenda.Session
}

// SessionLinks are the buttons of the last list of sessions shown, one per
// session, in order: each opens its session in the agenda.
func (v *ParticipantView) SessionLinks() []*widget.Button { return v.links }

// showSessionList shows groups of sessions as buttons that open them: the
// dialog closes and the agenda selects the session, clearing a search or a
// filter that hides it.
func (v *ParticipantView) showSessionList(title, empty string, groups []sessionGroup) {
	box := container.NewVBox()
	v.links = v.links[:0]
	var words []string // the list as text, for tests
	var d dialog.Dialog
	for _, g := range groups {
		if g.heading != "" {
			box.Add(widget.NewLabelWithStyle(g.heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			words = append(words, g.heading)
		}
		for _, s := range g.sessions {
			id := s.ID
			b := widget.NewButton(v.sessionLine(s), func() {
				if d != nil {
					d.Hide()
				}
				v.Reveal(id)
			})
			b.Alignment = widget.ButtonAlignLeading
			v.links = append(v.links, b)
			box.Add(b)
			words = append(words, "  "+b.Text)
		}
	}
	if len(v.links) == 0 {
		box.Add(widget.NewLabel(empty))
		words = []string{empty}
	}
	v.lastText = strings.Join(words, "\n")
	if v.window == nil {
		return
	}
	d = dialog.NewCustom(title, tr("Close"), container.NewVScroll(box), v.window)
	d.Resize(fyne.NewSize(700, 440))
	d.Show()
}

// Reveal selects session id in the list and shows it, first clearing the
// search, My agenda, the filters and the day when they hide it.
func (v *ParticipantView) Reveal(id int64) {
	if v.selectRow(id) {
		return
	}
	if v.Search.Text != "" {
		v.Search.SetText("") // runs the search again
	}
	if v.MyAgenda.Checked {
		v.MyAgenda.SetChecked(false)
	}
	for _, s := range []*widget.Select{v.filters.Event, v.filters.Track, v.filters.Room, v.filters.Type} {
		s.Selected = anyChoice()
		s.Refresh()
	}
	v.filters.day = ""
	v.filters.apply()
	if !v.selectRow(id) {
		v.Status.SetText(tr("That session is no longer in the agenda"))
	}
}

func (v *ParticipantView) selectRow(id int64) bool {
	for i, r := range v.rows {
		if !r.IsDay() && r.Session.ID == id {
			v.List.Select(i)
			v.List.ScrollTo(i)
			return true
		}
	}
	return false
}

// ShowPersonSessions lists every session, across events, that names name.
func (v *ParticipantView) ShowPersonSessions(name string) {
	found, err := v.p.SessionsWith(v.ctx, name)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.showSessionList(tr("Sessions with {{.Name}}", "Name", name), tr("No session names {{.Name}}.", "Name", name),
		[]sessionGroup{{sessions: found}})
}

// ShowConflicts lists every overlapping pair in My agenda, each session a
// button that opens it.
func (v *ParticipantView) ShowConflicts() {
	conflicts, err := v.p.Conflicts(v.ctx)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	var groups []sessionGroup
	for _, c := range conflicts {
		groups = append(groups, sessionGroup{heading: tr("{{.Overlap}} overlap:", "Overlap", overlapWords(c.Overlap)),
			sessions: []agenda.Session{c.A, c.B}})
	}
	v.showSessionList(lang.L("Conflicts in My agenda"), lang.L("No two sessions in My agenda overlap."), groups)
}
