package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"net"
	"os"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/timer"
)

// The hub window's words for its link, its place and the session, and its
// microphone's level meter.

// mendingWords is the attempt under way, or the next one, and why the last
// one failed.
func mendingWords(l control.LinkState) string {
	words := tr("Attempt {{.Attempt}} under way.", "Attempt", max(1, l.Attempt))
	if l.Next > 0 {
		words = tr("Attempt {{.Attempt}} in {{.Next}} s. The room keeps this hub's requests while it is away.",
			"Attempt", l.Attempt+1, "Next", fmt.Sprintf("%.0f", l.Next.Seconds()))
	}
	if l.Err != nil {
		words += "\n" + l.Err.Error()
	}
	return words
}

// backWords says how the link came back, for a few seconds after.
func backWords(l control.LinkState) string {
	secs := fmt.Sprintf("%.0f", max(1, l.Down.Seconds()))
	if l.Restarted {
		return tr("The link was mended in {{.Seconds}} s on the same session.", "Seconds", secs)
	}
	return tr("The link was mended in {{.Seconds}} s with a new session; the room kept this hub's place.", "Seconds", secs)
}

// joinProblem says why a join to host failed, in words a hub host can act
// on; the error itself is shown beneath, smaller.
func joinProblem(host string, err error) string {
	var dns *net.DNSError
	var op *net.OpError
	var timeout interface{ Timeout() bool }
	switch {
	case errors.As(err, &dns):
		return tr("The address {{.Host}} was not found: check the invite, and this computer's network.", "Host", host)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &timeout) && timeout.Timeout(), errors.As(err, &op) && op.Op == "dial":
		return tr("The room did not answer at {{.Host}}: is the moderator's Floor open to hubs, and is this the right invite?", "Host", host)
	case strings.Contains(err.Error(), "WHIP 401"): // media/whip's words for 401 Unauthorized
		return tr("The room refused this invite (revoked or not valid): ask the moderator for a new one")
	}
	return tr("Floor could not join the room at {{.Host}}.", "Host", host)
}

func roomLevelWords(level float64) string {
	return tr("room level {{.Percent}} %", "Percent", fmt.Sprintf("%.0f", 100*level))
}

// levelMeter is a sound level: an outlined track filled from the left as
// far as the level, so that 0 % is empty. (Fyne's ProgressBar paints its
// whole track in the accent colour, half transparent: at 0 % it looks
// full.)
type levelMeter struct {
	widget.BaseWidget
	Value float64 // 0 to 1
}

func newLevelMeter() *levelMeter {
	m := &levelMeter{}
	m.ExtendBaseWidget(m)
	return m
}

// SetValue shows level x, from 0 to 1.
func (m *levelMeter) SetValue(x float64) {
	m.Value = min(max(x, 0), 1)
	m.Refresh()
}

func (m *levelMeter) CreateRenderer() fyne.WidgetRenderer {
	r := &meterRenderer{m: m, track: canvas.NewRectangle(color.Transparent), bar: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type meterRenderer struct {
	m          *levelMeter
	track, bar *canvas.Rectangle
}

func (r *meterRenderer) Layout(size fyne.Size) {
	inset := float32(4)
	r.track.Move(fyne.NewPos(0, inset))
	r.track.Resize(fyne.NewSize(size.Width, size.Height-2*inset))
	r.bar.Move(fyne.NewPos(0, inset))
	r.bar.Resize(fyne.NewSize(size.Width*float32(r.m.Value), size.Height-2*inset))
}

func (r *meterRenderer) MinSize() fyne.Size { return fyne.NewSize(80, 20) }

func (r *meterRenderer) Refresh() {
	th := r.m.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.StrokeColor, r.track.StrokeWidth = th.Color(theme.ColorNameInputBorder, variant), 1
	r.bar.FillColor = th.Color(theme.ColorNamePrimary, variant)
	r.bar.Hidden = r.m.Value <= 0
	r.Layout(r.m.Size())
	r.track.Refresh()
	r.bar.Refresh()
}

func (r *meterRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.bar} }
func (r *meterRenderer) Destroy()                     {}

// notAsking is the hub's place (app.HubStatus.Place, in English) before it
// asks for the floor.
const notAsking = "Not asking for the floor"

// hubPlace is the hub's place in the room's words, translated.
func hubPlace(st app.HubStatus) string {
	switch {
	case st.Floor == control.Live:
		return tr("You have the floor")
	case st.Place == notAsking:
		return tr("Not asking for the floor")
	case st.Floor == control.Next || st.Position == 0:
		return tr("Next of {{.Length}} in the queue", "Length", max(st.Length, 1))
	}
	// The English ordinal ("2nd") is the room's; the languages write theirs.
	return lang.X("queue-place", st.Place, map[string]any{"Position": st.Position + 1, "Length": st.Length})
}

func hubSessionWords(st app.HubStatus) string {
	s := st.Timer.Session
	switch {
	case !st.HaveTimer || !s.Started:
		return tr("Session not started")
	case s.Ended:
		return tr("Session ended")
	case s.Overrun > 0:
		return tr("Session OVER TIME +{{.Over}}", "Over", timer.Clock(s.Overrun, false))
	case !s.Running:
		return tr("Session paused · {{.Left}} left", "Left", timer.Clock(s.Remaining, true))
	}
	return tr("Session · {{.Left}} left", "Left", timer.Clock(s.Remaining, true))
}
