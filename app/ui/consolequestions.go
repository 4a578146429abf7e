package ui

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// questionsPanel is the room's phones for the moderator: where they reach
// the page (its address, code and QR code while open to hubs), and every
// question they wrote, which nobody else sees until it is published,
// queued or answered here.
type questionsPanel struct {
	v       *ConsoleView
	aud     *app.Audience
	qr      func(address string) ([]byte, error)
	Where   *widget.Label
	Code    *canvas.Image
	Answer  *widget.Entry // the answer the next Answer button sends
	list    *fyne.Container
	rows    map[int]*questionItem
	blocks  map[int]*widget.Button    // Block phone, by waiting request
	unblock map[string]*widget.Button // Unblock, by blocked phone
	shown   string                    // what the list shows, to redraw only on change
	where   string
	content fyne.CanvasObject
}

// questionItem is one question's row: its text and what can be done.
type questionItem struct {
	Text                                     *widget.Label
	Publish, Queue, AnswerIt, Dismiss, Block *widget.Button
}

// EnableAudience adds the Questions tab over aud; qr draws the page's
// address as a QR code (PNG) for the room's screen.
func (v *ConsoleView) EnableAudience(aud *app.Audience, qr func(address string) ([]byte, error)) {
	p := &questionsPanel{v: v, aud: aud, qr: qr, rows: map[int]*questionItem{}, blocks: map[int]*widget.Button{},
		unblock: map[string]*widget.Button{}}
	p.Where = widget.NewLabel("")
	p.Where.Wrapping = fyne.TextWrapWord
	p.Code = canvas.NewImageFromImage(nil)
	p.Code.FillMode = canvas.ImageFillContain
	p.Code.ScaleMode = canvas.ImageScalePixels
	p.Code.SetMinSize(fyne.NewSize(180, 180))
	p.Code.Hide()
	p.Answer = widget.NewMultiLineEntry()
	p.Answer.SetPlaceHolder(tr("Answer to send with a question's Answer button"))
	p.Answer.SetMinRowsVisible(2)
	p.list = container.NewVBox()
	p.content = container.NewVScroll(container.NewVBox(p.Where, container.NewCenter(p.Code), widget.NewSeparator(),
		p.Answer, p.list))
	aud.Watch(v.wake)
	v.questionsPanel = p
	v.rebuildRight()
	p.showWhere("")
	p.tick()
}

// address is the phones' page while open to hubs, "" while closed.
func (p *questionsPanel) address() string {
	if p.v.hubs == nil || p.v.hubs.addr == "" {
		return ""
	}
	return "https://" + p.v.hubs.addr + "/floor/" + p.aud.Code()
}

// tick redraws the address and the questions when they changed.
func (p *questionsPanel) tick() {
	if addr := p.address(); addr != p.where {
		p.where = addr
		p.showWhere(addr)
	}
	qs := p.aud.Questions()
	phones := p.phoneRequests()
	var key strings.Builder
	for _, q := range qs {
		fmt.Fprint(&key, q.ID, q.State, q.Upvotes, p.aud.Blocked(q.Device), ";")
	}
	for _, r := range phones {
		fmt.Fprint(&key, "r", r.ID, ";")
	}
	blocked := p.aud.BlockedPhones()
	fmt.Fprint(&key, "b", blocked)
	if key.String() == p.shown {
		return
	}
	p.shown = key.String()
	p.list.Objects = nil
	clear(p.unblock)
	for _, d := range blocked {
		p.list.Objects = append(p.list.Objects, p.blockedRow(d))
	}
	for _, r := range phones {
		p.list.Objects = append(p.list.Objects, p.requestRow(r))
	}
	if len(qs) == 0 {
		p.list.Objects = append(p.list.Objects, widget.NewLabel(tr("No question from the room's phones yet.")))
	}
	for i := len(qs) - 1; i >= 0; i-- { // the newest first
		p.list.Objects = append(p.list.Objects, p.row(qs[i]))
	}
	p.list.Refresh()
}

func (p *questionsPanel) showWhere(addr string) {
	if addr == "" {
		setLabel(p.Where, tr("Phones in the room ask for the floor and write questions once Floor is open to hubs (room code {{.Code}}).", "Code", p.aud.Code()))
		p.Code.Hide()
		return
	}
	setLabel(p.Where, tr("Phones in the room: {{.Address}} (room code {{.Code}}). Nothing they write is shown to anyone before you publish, queue or answer it.",
		"Address", addr, "Code", p.aud.Code()))
	b, err := p.qr(addr)
	if err != nil {
		p.Code.Hide()
		return
	}
	if img, err := png.Decode(bytes.NewReader(b)); err == nil {
		p.Code.Image = img
		p.Code.Show()
		p.Code.Refresh()
	}
}

// row is question q with the moderator's actions that fit its state.
func (p *questionsPanel) row(q floor.AudienceQuestion) fyne.CanvasObject {
	it := &questionItem{Text: widget.NewLabel(questionText(q, p.aud.Blocked(q.Device)))} // a Label shows text, never markup
	it.Text.Wrapping = fyne.TextWrapWord
	ctx := p.v.ctx
	it.Publish = widget.NewButton(tr("Publish"), func() { p.v.do(p.aud.Show(ctx, q.ID)) })
	it.Queue = widget.NewButton(tr("Into the queue"), func() { _, err := p.aud.Queue(ctx, q.ID); p.v.do(err) })
	it.AnswerIt = widget.NewButton(tr("Answer"), func() {
		err := p.aud.Answer(ctx, q.ID, p.Answer.Text)
		if err == nil {
			p.Answer.SetText("")
		}
		p.v.do(err)
	})
	it.Dismiss = widget.NewButton(tr("Dismiss"), func() { p.v.do(p.aud.Dismiss(ctx, q.ID)) })
	it.Block = widget.NewButton(tr("Block phone"), func() { p.v.do(p.aud.Block(ctx, q.Device)) })
	setEnabled(it.Publish, q.State == floor.Pending)
	for _, b := range []*widget.Button{it.Queue, it.AnswerIt, it.Dismiss} {
		setEnabled(b, q.State.Open())
	}
	setEnabled(it.Block, !p.aud.Blocked(q.Device))
	p.rows[q.ID] = it
	return container.NewVBox(it.Text, container.NewGridWithColumns(3, it.Publish, it.Queue, it.AnswerIt, it.Dismiss, it.Block), widget.NewSeparator())
}

// phoneRequests are the requests asked from phones waiting in the queue.
func (p *questionsPanel) phoneRequests() []floor.Request {
	var out []floor.Request
	for _, r := range p.v.m.Floor().Queue {
		if r.Speaker.Source == floor.FromPhone && r.Speaker.Device != "" {
			out = append(out, r)
		}
	}
	return out
}

// requestRow is a phone's waiting request, with the block its phone may
// deserve (a name no room should read out).
func (p *questionsPanel) requestRow(r floor.Request) fyne.CanvasObject {
	who := widget.NewLabel(tr("Request {{.N}} from phone {{.ID}}: {{.Name}}", "N", r.ID, "ID", r.Speaker.Device[:min(6, len(r.Speaker.Device))], "Name", r.Speaker.Name))
	who.Wrapping = fyne.TextWrapWord
	block := widget.NewButton(tr("Block phone"), func() { p.v.do(p.aud.Block(p.v.ctx, r.Speaker.Device)) })
	p.blocks[r.ID] = block
	return container.NewVBox(who, container.NewGridWithColumns(3, block), widget.NewSeparator())
}

// blockedRow is a blocked phone, with the moderator's way back for it
// (blocked by mistake, or it has calmed down).
func (p *questionsPanel) blockedRow(device string) fyne.CanvasObject {
	who := widget.NewLabel(tr("Phone {{.ID}} is blocked for the session.", "ID", app.ShortDevice(device)))
	who.Wrapping = fyne.TextWrapWord
	un := widget.NewButton(tr("Unblock phone"), func() { p.v.do(p.aud.Unblock(p.v.ctx, device)) })
	p.unblock[device] = un
	return container.NewVBox(who, container.NewGridWithColumns(3, un), widget.NewSeparator())
}

// questionFor is the question that became request id, "" when none did.
func (p *questionsPanel) questionFor(id int) string {
	for _, q := range p.aud.Questions() {
		if q.State == floor.Queued && q.Request == id {
			return q.Text
		}
	}
	return ""
}

// questionText is "3 · waiting · 4 upvotes · Amina (phone 3fa2c1)" and
// the question on the lines below.
func questionText(q floor.AudienceQuestion, blocked bool) string {
	who := tr("phone {{.ID}}", "ID", q.Device[:min(6, len(q.Device))])
	if q.Name != "" {
		who = q.Name + " (" + who + ")"
	}
	if blocked {
		who += " · " + tr("blocked")
	}
	state := questionState(q)
	ups := tr("{{.N}} upvotes", "N", q.Upvotes)
	if q.Upvotes == 1 {
		ups = tr("1 upvote")
	}
	return fmt.Sprintf("%d · %s · %s · %s\n%s", q.ID, state, ups, who, q.Text)
}

func questionState(q floor.AudienceQuestion) string {
	switch q.State {
	case floor.Pending:
		return tr("waiting for you")
	case floor.Shown:
		return tr("published to the phones")
	case floor.Queued:
		return tr("in the queue as request {{.N}}", "N", q.Request)
	case floor.Answered:
		return tr("answered: {{.Answer}}", "Answer", q.Answer)
	case floor.Dismissed:
		return tr("dismissed")
	}
	return tr("unknown")
}

// item is question id's row as last drawn, for tests; nil when not shown.
func (p *questionsPanel) item(id int) *questionItem { return p.rows[id] }
