package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// hubRoomNews is the hub window's view of the room beyond the timer: the
// policy question on the table and the open poll, which the hub answers
// as one (its people's own votes go through the room's /poll page or a
// hub tool that passes them through).
type hubRoomNews struct {
	Question *widget.Label
	PollText *widget.Label
	Choices  *widget.CheckGroup // several choices
	Choice   *widget.RadioGroup // one choice
	Answer   *widget.Entry      // a text poll
	Vote     *widget.Button
	content  *fyne.Container
	pollID   int           // the poll the controls are built for
	layout   string        // which controls show, to lay out again only on change
	relayout func()        // lays out the window's right side again
	asked    *hubQuestions // the phones' published questions (hubquestions.go)
}

func newHubRoomNews(v *HubView) *hubRoomNews {
	n := &hubRoomNews{Question: widget.NewLabel(""), PollText: widget.NewLabel(""),
		Choices: widget.NewCheckGroup(nil, nil), Choice: widget.NewRadioGroup(nil, nil), Answer: widget.NewEntry()}
	n.Question.Wrapping, n.PollText.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	n.Question.TextStyle = fyne.TextStyle{Bold: true}
	n.Answer.SetPlaceHolder(lang.L("The hub's answer"))
	n.Vote = widget.NewButton(lang.L("Vote as the hub"), func() { v.vote() })
	n.asked = newHubQuestions(v)
	n.content = container.NewVBox(n.Question, n.PollText, n.Choice, n.Choices, n.Answer, n.Vote, n.asked.content)
	n.show(app.HubStatus{})
	return n
}

// show follows the room: the question, and the poll's controls rebuilt
// only when another poll arrives, so a choice being made is not reset.
func (n *hubRoomNews) show(st app.HubStatus) {
	n.showControls(st)
	rows := n.asked.show(st)
	var key strings.Builder
	for _, o := range n.content.Objects {
		fmt.Fprint(&key, o.Visible())
	}
	if key.String() != n.layout || rows {
		n.layout = key.String()
		n.content.Refresh()
		if n.relayout != nil {
			n.relayout() // a Border sizes its edges only when it lays out
		}
	}
}

func (n *hubRoomNews) showControls(st app.HubStatus) {
	setLabel(n.Question, tr("Policy question {{.N}}: {{.Question}}", "N", st.Question, "Question", st.Wording))
	showIf(n.Question, st.Question > 0)
	p := st.Poll
	if p == nil || (!p.Open() && st.Voted == 0) {
		for _, o := range []fyne.CanvasObject{n.PollText, n.Choice, n.Choices, n.Answer, n.Vote} {
			showIf(o, false)
		}
		n.pollID = 0
		return
	}
	if p.ID != n.pollID {
		n.pollID = p.ID
		n.Choice.Options, n.Choices.Options = nil, nil
		n.Choice.Selected, n.Choices.Selected = "", nil
		n.Answer.SetText("")
		numbered := make([]string, len(p.Options))
		for i, o := range p.Options {
			numbered[i] = strconv.Itoa(i+1) + ". " + o
		}
		n.Choice.Options, n.Choices.Options = numbered, numbered
		n.Choice.Refresh()
		n.Choices.Refresh()
	}
	state := tr("Poll open: {{.Question}}", "Question", p.Question)
	switch {
	case st.Voted > 0:
		state = tr("Poll: {{.Question}} — the hub's vote is counted.", "Question", p.Question)
	case !p.Open():
		state = tr("Poll closed: {{.Question}}", "Question", p.Question)
	}
	setLabel(n.PollText, state)
	n.PollText.Show()
	canVote := p.Open() && st.Voted == 0
	showIf(n.Choice, canVote && p.Kind == floor.Single)
	showIf(n.Choices, canVote && p.Kind == floor.Multiple)
	showIf(n.Answer, canVote && p.Kind == floor.TextPoll)
	showIf(n.Vote, canVote)
}

func showIf(o fyne.CanvasObject, on bool) {
	if on && !o.Visible() {
		o.Show()
	} else if !on && o.Visible() {
		o.Hide()
	}
}

// ballot reads the controls into a vote for poll p.
func (n *hubRoomNews) ballot(p floor.Poll) (control.HubVote, error) {
	index := func(label string) int {
		num, _, _ := strings.Cut(label, ".")
		i, _ := strconv.Atoi(num)
		return i - 1
	}
	var v control.HubVote
	switch p.Kind {
	case floor.TextPoll:
		v.Text = strings.TrimSpace(n.Answer.Text)
		if v.Text == "" {
			return v, errors.New(tr("write the hub's answer first"))
		}
	case floor.Single:
		if n.Choice.Selected == "" {
			return v, errors.New(tr("choose an option first"))
		}
		v.Choices = []int{index(n.Choice.Selected)}
	default:
		if len(n.Choices.Selected) == 0 {
			return v, errors.New(tr("choose at least one option first"))
		}
		for _, s := range n.Choices.Selected {
			v.Choices = append(v.Choices, index(s))
		}
		slices.Sort(v.Choices)
	}
	return v, nil
}

// vote sends the hub's vote in the open poll.
func (v *HubView) vote() {
	if v.conn == nil {
		return
	}
	c := v.conn.Client()
	st := c.Status()
	if st.Poll == nil || !st.Poll.Open() {
		v.Status.SetText(tr("No poll is open."))
		return
	}
	b, err := v.news.ballot(*st.Poll)
	if err == nil {
		err = c.Vote(st.Poll.ID, []control.HubVote{b}, true, 0)
	}
	if err != nil {
		v.Status.SetText(tr("Not voted: {{.Why}}", "Why", err.Error()))
		return
	}
	v.Status.SetText(tr("Vote sent."))
}
