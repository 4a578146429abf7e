package ui

import (
	"context"
	"image"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// liveVideo shows the hubs on the floor above the speaker timer, side by
// side in a dialogue, each from a reused picture scaled cheaply (DESIGN.md:
// smooth scaling costs a core).
type liveVideo struct {
	tiles    []*videoTile
	pictures []*image.RGBA // one per tile, reused
	grid     *fyne.Container
	shown    int // tiles on the stage
	showing  bool
}

// videoTile is one hub's picture with its name and state in words.
type videoTile struct {
	image   *canvas.Image
	caption *widget.Label
	box     fyne.CanvasObject
	skipped int       // pictures not drawn in the console since the last drawn
	said    time.Time // when the caption last changed
	frozen  bool
}

// consoleEvery is how many new pictures pass between two drawn in the
// console: the moderator's view of the speaker needs 10 a second, not 30,
// and each costs a repaint of the whole window (Fyne redraws a window for
// any change; under software OpenGL that is most of the cost). The speaker
// display, which the room watches, gets every picture.
const consoleEvery = 3

// captionEvery is how often the latency in a caption may change: a new
// figure with every picture repainted the whole console 30 times a second
// (under software OpenGL, about a third of a core) for a number nobody
// reads that fast.
const captionEvery = time.Second

func newLiveVideo() *liveVideo {
	lv := &liveVideo{pictures: make([]*image.RGBA, app.MaxLivePictures), grid: container.NewGridWithColumns(1)}
	for range app.MaxLivePictures {
		t := &videoTile{image: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9))), caption: widget.NewLabel("")}
		t.image.FillMode = canvas.ImageFillContain
		t.image.ScaleMode = canvas.ImageScaleFastest
		t.caption.TextStyle = fyne.TextStyle{Bold: true}
		t.caption.Wrapping = fyne.TextWrapWord
		t.box = container.NewBorder(nil, t.caption, nil, nil, t.image)
		lv.tiles = append(lv.tiles, t)
	}
	return lv
}

// arrange puts n tiles on the grid: one alone, two side by side, up to
// four in two rows.
func (lv *liveVideo) arrange(n int) {
	if n == lv.shown {
		return
	}
	lv.shown = n
	objects := make([]fyne.CanvasObject, n)
	for i := range n {
		objects[i] = lv.tiles[i].box
	}
	lv.grid.Objects = objects
	lv.grid.Layout = layout.NewGridLayoutWithColumns(max(1, min(n, 2)))
	lv.grid.Refresh()
}

// showVideo puts the live hubs' latest pictures on the stage, or takes the
// stage back for the timer alone when no hub on the floor sends pictures.
// It says whether a picture is on the stage.
func (v *ConsoleView) showVideo() bool {
	if v.hubs == nil {
		return false
	}
	lv := v.video
	pics := v.hubs.access.LivePictures(lv.pictures)
	if v.display != nil {
		fresh := make([]bool, len(pics))
		for i, p := range pics {
			fresh[i] = p.Fresh
		}
		v.display.ShowVideo(lv.pictures[:len(pics)], fresh)
	}
	lv.arrange(len(pics))
	setStage(v.stage, &lv.showing, len(pics) > 0, lv.grid, v.face.container)
	for i, pic := range pics {
		lv.tiles[i].show(pic, lv.pictures[i])
	}
	return len(pics) > 0
}

// show draws a new picture (one in consoleEvery) and says its state.
func (t *videoTile) show(pic app.LivePicture, picture *image.RGBA) {
	if pic.Fresh || t.image.Image != picture {
		t.skipped++
		if t.skipped >= consoleEvery || t.image.Image != picture {
			t.skipped = 0
			t.image.Image = picture
			t.image.Refresh()
		}
	}
	frozen := pic.Age > app.FrozenAfter || pic.Away
	caption := tr("{{.Hub}} · live", "Hub", pic.Hub)
	if pic.Latency > 0 {
		caption = tr("{{.Hub}} · live · {{.Ms}} ms from capture", "Hub", pic.Hub, "Ms", pic.Latency.Milliseconds())
	}
	switch {
	case pic.Away:
		caption = tr("{{.Hub}} · HUB AWAY — reconnecting; the turn goes on", "Hub", pic.Hub)
	case frozen:
		caption = tr("{{.Hub}} · FROZEN — no picture for {{.Seconds}} s", "Hub", pic.Hub, "Seconds", int(pic.Age.Seconds()))
	}
	// A change of hub or of state shows at once; the figures once a second.
	if !strings.HasPrefix(t.caption.Text, pic.Hub+" · ") || frozen != t.frozen || time.Since(t.said) >= captionEvery {
		t.said, t.frozen = time.Now(), frozen
		setLabel(t.caption, caption)
	}
}

// AnimateVideo shows the live hub at up to 30 pictures a second until ctx
// ends; each picture is drawn once, when it is new. With no picture on the
// stage it looks four times a second: thirty wake-ups of the window's
// thread a second for nothing cost more here than the seconds' repaint.
func (v *ConsoleView) AnimateVideo(ctx context.Context) {
	go func() {
		wait := time.NewTimer(0)
		defer wait.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-wait.C:
			}
			live := false
			fyne.DoAndWait(func() { live = v.showVideo() })
			wait.Reset(videoEvery(live))
		}
	}()
}

// videoEvery is how long AnimateVideo waits before it looks again.
func videoEvery(live bool) time.Duration {
	if live {
		return time.Second / 30
	}
	return time.Second / 4
}

// setStage shows video above the timer face, or the face alone, when that
// changes (*showing remembers which).
func setStage(stage *fyne.Container, showing *bool, on bool, video, face fyne.CanvasObject) {
	if on == *showing {
		return
	}
	*showing = on
	if on {
		stage.Objects = []fyne.CanvasObject{container.NewGridWithRows(2, video, face)}
	} else {
		stage.Objects = []fyne.CanvasObject{face}
	}
	stage.Refresh()
}
