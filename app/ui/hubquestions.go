package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
)

// hubQuestions is the hub window's view of the room's phones' questions
// the moderators published, most upvoted first, each with the hub's one
// upvote: a hub counts as one device, as a phone does.
type hubQuestions struct {
	v       *HubView
	Title   *widget.Label
	rows    map[int]*hubQuestionRow
	list    *fyne.Container
	content *fyne.Container
	shown   string
}

type hubQuestionRow struct {
	Text   *widget.Label
	Upvote *widget.Button
}

// MaxHubWindowQuestions is how many questions the hub window lists: the
// timer is what the hub's room watches.
const MaxHubWindowQuestions = 5

func newHubQuestions(v *HubView) *hubQuestions {
	q := &hubQuestions{v: v, Title: widget.NewLabelWithStyle(tr("Questions from the room"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		rows: map[int]*hubQuestionRow{}, list: container.NewVBox()}
	q.content = container.NewVBox(q.Title, q.list)
	q.content.Hide()
	return q
}

// show follows the room's list; it reports whether the rows changed, so
// the window lays its side out again.
func (q *hubQuestions) show(st app.HubStatus) bool {
	qs := st.Questions[:min(len(st.Questions), MaxHubWindowQuestions)]
	var key strings.Builder
	for _, w := range qs {
		fmt.Fprint(&key, w.ID, w.State, w.Upvotes, w.Upvoted, w.Answer, ";")
	}
	if key.String() == q.shown {
		return false
	}
	q.shown = key.String()
	clear(q.rows)
	q.list.Objects = nil
	for _, w := range qs {
		q.list.Objects = append(q.list.Objects, q.row(w))
	}
	showIf(q.content, len(qs) > 0)
	q.list.Refresh()
	return true
}

func (q *hubQuestions) row(w control.PublicQuestionWire) fyne.CanvasObject {
	ups := tr("{{.N}} upvotes", "N", w.Upvotes)
	if w.Upvotes == 1 {
		ups = tr("1 upvote")
	}
	text := ups + " · " + w.Text
	if w.Name != "" {
		text = ups + " · " + w.Name + ": " + w.Text
	}
	if w.Answer != "" {
		text += "\n" + tr("answered: {{.Answer}}", "Answer", w.Answer)
	}
	r := &hubQuestionRow{Text: widget.NewLabel(text)} // a Label shows text, never markup
	r.Text.Wrapping = fyne.TextWrapWord
	r.Upvote = widget.NewButton(tr("Upvote"), func() { q.v.upvote(w.ID) })
	if w.Upvoted {
		r.Upvote.SetText(tr("Upvoted"))
	}
	setEnabled(r.Upvote, !w.Upvoted && w.State == "shown")
	q.rows[w.ID] = r
	return container.NewBorder(nil, nil, nil, r.Upvote, r.Text)
}

// upvote sends the hub's upvote of question id.
func (v *HubView) upvote(id int) {
	if v.conn == nil {
		return
	}
	if err := v.conn.Client().Upvote(id); err != nil {
		v.Status.SetText(tr("Not sent: {{.Why}}", "Why", err.Error()))
	}
}
