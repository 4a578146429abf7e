package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
)

// fairFloor is the console's Budgets and Fair order tabs.
type fairFloor struct {
	budgets *budgetPanel
	order   *orderPanel
}

// EnableFairFloor adds the Budgets tab (speaking-time budgets, used and
// left live, and the typed requests' times) and the Fair order tab (a
// suggested order with its reasons, followed only when the moderator says).
func (v *ConsoleView) EnableFairFloor() {
	v.fair = &fairFloor{budgets: newBudgetPanel(v), order: newOrderPanel(v)}
	v.rebuildRight()
	v.Tick()
}

func (f *fairFloor) tick(fs floor.State) {
	f.budgets.tick(fs)
	f.order.tick(fs)
	if d := f.order.v.display; d != nil {
		d.ShowBudget(speakerBudget(fs, f.order.v.m.Budgets()))
	}
}

// speakerBudget is what the speaker display says of the speaker on the
// floor's budget: their stakeholder group's when it has one, else the
// first budget they count against; "" when none.
func speakerBudget(fs floor.State, usage []floor.Usage) string {
	if fs.Current == nil {
		return ""
	}
	var mine []floor.Usage
	for _, u := range usage {
		if u.Budget.Matches(fs.Current.Speaker) {
			mine = append(mine, u)
		}
	}
	if len(mine) == 0 {
		return ""
	}
	if i := slices.IndexFunc(mine, func(u floor.Usage) bool { return u.Budget.Dimension == floor.ByGroup }); i > 0 {
		mine[0] = mine[i]
	}
	return usageWords(mine[0])
}

// orderPanel is the Fair order tab: switched on, it shows the queue in the
// order that brings the speaking time closest to the budgets (or to equal
// time for the room and online), with the reasons beside each request.
// It never reorders by itself: Follow puts the queue in that order, as
// moves in the log.
type orderPanel struct {
	v          *ConsoleView
	Suggest    *widget.Check
	Suggestion *widget.Label // one line a request: "1. Name — reasons"
	Follow     *widget.Button
	shown      []int // the order the label shows, which Follow applies
	content    fyne.CanvasObject
}

func newOrderPanel(v *ConsoleView) *orderPanel {
	p := &orderPanel{v: v}
	p.Suggest = widget.NewCheck(lang.L("Suggest a fair order"), func(bool) { v.Tick() })
	p.Suggestion = widget.NewLabel("")
	p.Suggestion.Wrapping = fyne.TextWrapWord
	p.Follow = widget.NewButtonWithIcon(lang.L("Follow the suggestion"), theme.ConfirmIcon(), p.follow)
	p.Follow.Disable()
	note := widget.NewLabel(tr("The suggestion never changes the queue by itself: you decide, and the log records your order."))
	note.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(container.NewVBox(p.Suggest, note), p.Follow, nil, nil, container.NewVScroll(p.Suggestion))
	return p
}

func (p *orderPanel) follow() {
	if len(p.shown) == 0 {
		return
	}
	p.v.do(p.v.m.FollowSuggestion(p.v.ctx, slices.Clone(p.shown)))
}

func (p *orderPanel) tick(fs floor.State) {
	if !p.Suggest.Checked {
		p.shown = nil
		setLabel(p.Suggestion, "")
		setEnabled(p.Follow, false)
		return
	}
	ss := p.v.m.Suggest()
	if len(ss) == 0 {
		p.shown = nil
		setLabel(p.Suggestion, tr("Nobody is waiting for the floor."))
		setEnabled(p.Follow, false)
		return
	}
	lines := make([]string, len(ss))
	for i, s := range ss {
		lines[i] = suggestionLine(i+1, s)
	}
	p.shown = floor.Order(ss)
	setLabel(p.Suggestion, strings.Join(lines, "\n"))
	inOrder := true
	for i, s := range ss {
		inOrder = inOrder && s.From == i
	}
	setEnabled(p.Follow, !inOrder)
}

// suggestionLine is "1. Barrack Otieno (now 3rd) — Civil Society has
// spoken 2:00 of its 12:00; first from Nairobi".
func suggestionLine(n int, s floor.Suggestion) string {
	reasons := make([]string, len(s.Reasons))
	for i, r := range s.Reasons {
		reasons[i] = reasonWords(r)
	}
	name := s.Request.Speaker.Name
	if !s.Request.Speaker.Type.IsZero() {
		name += " · " + strings.ToUpper(typeWords(s.Request.Speaker.Type))
	}
	if s.From+1 != n {
		name += " " + tr("(now {{.N}}.)", "N", s.From+1)
	}
	return fmt.Sprintf("%d. %s — %s", n, name, strings.Join(reasons, "; "))
}

// reasonWords is a reason in the window's language.
func reasonWords(r floor.Reason) string {
	switch r.Kind {
	case floor.ForOrder:
		return tr("a point of order goes first")
	case floor.ForReply:
		if r.Name == "" {
			return tr("a direct reply to the turn")
		}
		return tr("a direct reply to {{.Name}}", "Name", r.Name)
	case floor.ForBehind, floor.ForOver:
		u := r.Usage
		if u.Planned <= 0 {
			return tr("{{.Category}} has had {{.Share}} % of the time spoken, its share is {{.Plan}} %", "Category", categoryWords(u.Budget.Category),
				"Share", fmt.Sprintf("%.0f", 100*u.Share), "Plan", fmt.Sprintf("%.0f", float64(u.Budget.Permille)/10))
		}
		return tr("{{.Category}} has spoken {{.Used}} of its {{.Planned}}", "Category", categoryWords(u.Budget.Category),
			"Used", floor.Clock(u.Used), "Planned", floor.Clock(u.Planned))
	case floor.ForFirstFromHub:
		if r.Name == "" {
			return tr("first from a hub")
		}
		return tr("first from {{.Hub}}", "Hub", r.Name)
	case floor.ForYouth:
		return lang.L("youth")
	case floor.ForWaited:
		return tr("passed by {{.N}} later requests: its turn", "N", r.Passed)
	case floor.ForFirstCome:
		return tr("first come, first served")
	}
	return r.String()
}
