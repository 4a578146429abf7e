package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
)

// questionRow steps through the session's policy questions: the one on the
// table tags every turn that begins under it, and shows on the speaker
// display and at the hubs.
type questionRow struct {
	Prev, Next *widget.Button
	Text       *widget.Label
	count      int
	content    fyne.CanvasObject
}

func newQuestionRow(v *ConsoleView) *questionRow {
	q := &questionRow{count: len(v.session.PolicyQuestions)}
	q.Prev = widget.NewButton(lang.L("◀ Question"), func() { v.do(v.m.StepQuestion(v.ctx, v.session.PolicyQuestions, -1)) })
	q.Next = widget.NewButton(lang.L("Question ▶"), func() { v.do(v.m.StepQuestion(v.ctx, v.session.PolicyQuestions, +1)) })
	q.Text = widget.NewLabel("")
	q.Text.Wrapping = fyne.TextWrapWord
	q.content = container.NewBorder(nil, nil, q.Prev, q.Next, q.Text)
	if q.count == 0 {
		q.content.Hide() // a session without policy questions has nothing to step through
	}
	return q
}

func (q *questionRow) show(fs floor.State) {
	if q.count == 0 {
		return
	}
	text := tr("No policy question on the table ({{.N}} in this session)", "N", q.count)
	if fs.Question > 0 {
		text = tr("Policy question {{.N}} of {{.Of}}: {{.Question}}", "N", fs.Question, "Of", q.count, "Question", fs.QuestionText)
	}
	setLabel(q.Text, text)
	setEnabled(q.Prev, fs.Question > 1)
	setEnabled(q.Next, fs.Question < q.count)
}
