package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// The wire's names of the audience's questions' decisions.
const (
	verbPublish, verbQueueQuestion = "publish", "queue-question"
	verbAnswer, verbDismiss        = "answer", "dismiss"
)

// seatQuestions is the Questions tab of a moderator's seat: what the
// room's phones wrote, newest first, with the decisions the moderator has
// on the console's tab. The room decides: a question another moderator
// decided first is refused in words, as any seat command.
type seatQuestions struct {
	v       *SeatView
	Summary *widget.Label
	Answer  *widget.Entry // the answer the next Answer button sends
	list    *fyne.Container
	rows    map[int]*questionItem
	shown   string
	content fyne.CanvasObject
}

func newSeatQuestions(v *SeatView) *seatQuestions {
	q := &seatQuestions{v: v, Summary: widget.NewLabel(""), Answer: widget.NewMultiLineEntry(), list: container.NewVBox(), rows: map[int]*questionItem{}}
	q.Summary.Wrapping = fyne.TextWrapWord
	q.Answer.SetPlaceHolder(tr("Answer to send with a question's Answer button"))
	q.Answer.SetMinRowsVisible(2)
	q.content = container.NewVBox(q.Summary, q.Answer, q.list)
	return q
}

// show redraws the questions when they changed; their buttons follow
// the seat's right and its link.
func (q *seatQuestions) show(s control.TeamStateWire, live bool) {
	var key strings.Builder
	for _, a := range s.Audience {
		fmt.Fprint(&key, a.ID, a.State, a.Upvotes, ";")
	}
	if key.String() != q.shown {
		q.shown = key.String()
		q.list.Objects = nil
		clear(q.rows)
		open := 0
		for i := len(s.Audience) - 1; i >= 0; i-- {
			q.list.Objects = append(q.list.Objects, q.row(s.Audience[i]))
			if st := s.Audience[i].State; st == floor.Pending.String() || st == floor.Shown.String() {
				open++
			}
		}
		q.list.Refresh()
		if len(s.Audience) == 0 {
			setLabel(q.Summary, tr("No question from the room's phones yet."))
		} else {
			setLabel(q.Summary, tr("Questions from the room's phones: {{.Open}} to decide. Nothing they write is shown to anyone before a moderator publishes, queues or answers it.", "Open", open))
		}
	}
	for _, a := range s.Audience {
		it := q.rows[a.ID]
		st, _ := floor.ParseQuestionState(a.State)
		setEnabled(it.Publish, live && st == floor.Pending)
		for _, b := range []*widget.Button{it.Queue, it.AnswerIt, it.Dismiss} {
			setEnabled(b, live && st.Open())
		}
	}
}

// row is question a with the decisions, as on the console's tab (no
// Block: the phone's device stays in the room).
func (q *seatQuestions) row(a control.AudienceQuestionWire) fyne.CanvasObject {
	st, _ := floor.ParseQuestionState(a.State)
	who := a.Name
	if who == "" {
		who = tr("anonymous")
	}
	d := floor.AudienceQuestion{State: st, Answer: a.Answer, Request: a.Request}
	ups := tr("{{.N}} upvotes", "N", a.Upvotes)
	if a.Upvotes == 1 {
		ups = tr("1 upvote")
	}
	it := &questionItem{Text: widget.NewLabel(fmt.Sprintf("%d · %s · %s · %s\n%s", a.ID, questionState(d), ups, who, a.Text))} // text, never markup
	it.Text.Wrapping = fyne.TextWrapWord
	it.Publish = widget.NewButton(tr("Publish"), func() { q.v.send(control.SeatCommandWire{Verb: verbPublish, ID: a.ID}) })
	it.Queue = widget.NewButton(tr("Into the queue"), func() { q.v.send(control.SeatCommandWire{Verb: verbQueueQuestion, ID: a.ID}) })
	it.AnswerIt = widget.NewButton(tr("Answer"), func() {
		q.v.send(control.SeatCommandWire{Verb: verbAnswer, ID: a.ID, Text: strings.TrimSpace(q.Answer.Text)}, func() { q.Answer.SetText("") })
	})
	it.Dismiss = widget.NewButton(tr("Dismiss"), func() { q.v.send(control.SeatCommandWire{Verb: verbDismiss, ID: a.ID}) })
	q.rows[a.ID] = it
	return container.NewVBox(it.Text, container.NewGridWithColumns(4, it.Publish, it.Queue, it.AnswerIt, it.Dismiss), widget.NewSeparator())
}

// item is question id's row as last drawn, for tests; nil when not shown.
func (q *seatQuestions) item(id int) *questionItem { return q.rows[id] }

// seatFair is the budgets used and left and the fair order's suggestion
// with its reasons, as the room computes them, on the Balance tab of a
// seat that manages the queue.
type seatFair struct {
	Budgets *widget.Label
	Order   *widget.Label
}

func newSeatFair() *seatFair {
	f := &seatFair{Budgets: widget.NewLabel(""), Order: widget.NewLabel("")}
	f.Budgets.Wrapping, f.Order.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	return f
}

func (f *seatFair) show(s control.TeamStateWire) {
	var lines []string
	for _, w := range s.Budgets {
		u := w.Usage()
		lines = append(lines, dimensionWords(u.Budget.Dimension)+" · "+usageWords(u))
	}
	if len(lines) > 0 {
		lines = append([]string{tr("Budgets")}, lines...)
	}
	setLabel(f.Budgets, strings.Join(lines, "\n"))
	lines = nil
	byID := map[int]control.RequestWire{}
	for _, r := range s.Queue {
		byID[r.ID] = r
	}
	for i, w := range s.Suggested {
		sg := floor.Suggestion{From: w.From}
		if r, ok := byID[w.Request]; ok {
			sg.Request = floor.Request{ID: r.ID, Speaker: r.Speaker.Speaker()}
		}
		for _, r := range w.Reasons {
			sg.Reasons = append(sg.Reasons, r.Reason())
		}
		lines = append(lines, suggestionLine(i+1, sg))
	}
	if len(lines) > 0 {
		lines = append([]string{tr("Fair order (a suggestion: the moderators decide)")}, lines...)
	}
	setLabel(f.Order, strings.Join(lines, "\n"))
}
