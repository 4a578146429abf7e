package ui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// gridBlock is one session in the grid: its track's colour down the left
// edge (the track is named too), its number and title, its time, and "★"
// with words when in My agenda. Tab reaches it; Space or Enter opens it.
// It draws canvas texts, not labels: a FOSDEM day has 900 blocks, and a
// wrapping label costs milliseconds each to lay out.
type gridBlock struct {
	widget.BaseWidget
	block   app.GridBlock
	open    func()
	onFocus func() // the grid brings the block into view
	focused bool
	chosen  bool // the session shown in the detail pane

	bg     *canvas.Rectangle
	bar    *canvas.Rectangle
	title  string       // whole
	widths wordWidths   // the grid's, shared by its blocks
	when   string       // time, track, My agenda: whole
	lines  []string     // the title as it fits the block
	When   *canvas.Text // time, track, My agenda
}

var (
	_ fyne.Tappable  = (*gridBlock)(nil)
	_ fyne.Focusable = (*gridBlock)(nil)
)

func newGridBlock(b app.GridBlock, loc *time.Location, widths wordWidths, open, onFocus func()) *gridBlock {
	g := &gridBlock{block: b, open: open, onFocus: onFocus, widths: widths, bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		bar: canvas.NewRectangle(color.Transparent)}
	g.bg.CornerRadius = 4
	g.bg.StrokeWidth = 2
	s := b.Session
	if s.Track != "" {
		g.bar.FillColor = trackColour(s.Track, s.TrackColour)
	}
	g.title = joinNonEmpty(" ", s.Number, s.Title)
	end := s.End
	if !end.After(s.Start) {
		end = s.Start.Add(s.Duration())
	}
	when := s.Start.In(loc).Format("15:04")
	if end.After(s.Start) {
		span := s
		span.End = end
		when = strings.TrimSuffix(agenda.ClockSpan(span, loc), " "+agenda.ZoneLabel(end.In(loc))) // the grid names its zone once
	}
	star := ""
	switch {
	case b.Clash:
		star = "★ ⚠ " + tr("overlaps")
	case b.Favourite:
		star = "★ " + tr("My agenda")
	}
	g.when = joinNonEmpty(" · ", when, s.Track, star)
	g.When = canvas.NewText(g.when, theme.Color(theme.ColorNameForeground))
	g.When.TextSize = theme.CaptionTextSize()
	g.ExtendBaseWidget(g)
	return g
}

// Title is the title as the block shows it, lines joined by spaces.
func (g *gridBlock) Title() string { return strings.Join(g.lines, " ") }

// wordWidths measures bold title words once per grid: text shaping is
// the dear part of laying out 900 blocks.
type wordWidths map[string]float32

func (m wordWidths) of(w string) float32 {
	if v, ok := m[w]; ok {
		return v
	}
	v := fyne.MeasureText(w, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	m[w] = v
	return v
}

// fit breaks the title into the lines a block of size shows, whole words,
// the last cut with "…", so a short block's title never runs over the next.
func (g *gridBlock) fit(size fyne.Size) {
	m := g.widths
	lineH := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	most := max(int((size.Height-8-g.When.MinSize().Height)/lineH), 1)
	width := size.Width - 14
	space, dots := m.of(" "), m.of("…")
	g.lines = g.lines[:0]
	var line []string
	lineW := float32(0)
	words := strings.Fields(g.title)
	for _, w := range words {
		ww := m.of(w)
		if len(line) == 0 || lineW+space+ww <= width {
			if len(line) > 0 {
				lineW += space
			}
			line, lineW = append(line, w), lineW+ww
			continue
		}
		if len(g.lines) == most-1 { // the last line the block has: cut here
			for len(line) > 1 && lineW+dots > width {
				lineW -= m.of(line[len(line)-1]) + space
				line = line[:len(line)-1]
			}
			g.lines = append(g.lines, cutRunes(strings.Join(line, " "), width-dots, m)+"…")
			return
		}
		g.lines = append(g.lines, cutRunes(strings.Join(line, " "), width, m))
		line, lineW = []string{w}, ww

	}
	g.lines = append(g.lines, cutRunes(strings.Join(line, " "), width, m))
}

// cutRunes is a line too wide for width (one long word) cut with "…".
func cutRunes(s string, width float32, m wordWidths) string {
	if m.of(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && fyne.MeasureText(string(r)+"…", theme.TextSize(), fyne.TextStyle{Bold: true}).Width > width {
		r = r[:len(r)-max(1, len(r)/6)]
	}
	return string(r) + "…"
}

// fitCaption is s cut with "…" to width at the caption's size.
func fitCaption(s string, width, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && fyne.MeasureText(string(r)+"…", size, fyne.TextStyle{}).Width > width {
		r = r[:len(r)-max(1, len(r)/8)]
	}
	return strings.TrimSpace(string(r)) + "…"
}

func (g *gridBlock) CreateRenderer() fyne.WidgetRenderer {
	return &gridBlockRenderer{g: g}
}

// MinSize is small: the grid sizes each block by its length.
func (g *gridBlock) MinSize() fyne.Size { return fyne.NewSize(20, 20) }

type gridBlockRenderer struct {
	g     *gridBlock
	texts []*canvas.Text
}

func (r *gridBlockRenderer) Layout(size fyne.Size) {
	g := r.g
	g.fit(size)
	g.bg.Resize(size)
	g.bar.Move(fyne.NewPos(2, 2))
	g.bar.Resize(fyne.NewSize(5, max(size.Height-4, 0)))
	for len(r.texts) < len(g.lines) {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextStyle = fyne.TextStyle{Bold: true}
		r.texts = append(r.texts, t)
	}
	r.texts = r.texts[:len(g.lines)]
	y := float32(4)
	for i, t := range r.texts {
		t.Text = g.lines[i]
		t.Move(fyne.NewPos(11, y))
		t.Resize(t.MinSize())
		y += t.MinSize().Height
	}
	g.When.Text = fitCaption(g.when, size.Width-14, g.When.TextSize) // a canvas text is not clipped
	g.When.Move(fyne.NewPos(11, min(y, size.Height-g.When.MinSize().Height-3)))
	g.When.Resize(g.When.MinSize())
}

func (r *gridBlockRenderer) MinSize() fyne.Size { return r.g.MinSize() }
func (r *gridBlockRenderer) Refresh() {
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
func (r *gridBlockRenderer) Destroy() {}
func (r *gridBlockRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.g.bg, r.g.bar}
	for _, t := range r.texts {
		objs = append(objs, t)
	}
	return append(objs, r.g.When)
}

func (g *gridBlock) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil {
		c.Focus(g)
	}
	g.open()
}

func (g *gridBlock) FocusGained() {
	g.focused = true
	g.paint()
	if g.onFocus != nil {
		g.onFocus()
	}
}
func (g *gridBlock) FocusLost() { g.focused = false; g.paint() }
func (g *gridBlock) TypedRune(r rune) {
	if r == ' ' {
		g.open()
	}
}

func (g *gridBlock) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		g.open()
	}
}

// choose marks the block as the session shown.
func (g *gridBlock) choose(on bool) {
	if g.chosen != on {
		g.chosen = on
		g.paint()
	}
}

// paint outlines the focused block and the chosen one: a border, not a
// colour change of the block alone.
func (g *gridBlock) paint() {
	switch {
	case g.focused:
		g.bg.StrokeColor = theme.Color(theme.ColorNameFocus)
	case g.chosen:
		g.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	default:
		g.bg.StrokeColor = color.Transparent
	}
	g.bg.Refresh()
}
