package ui

import (
	"context"
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// liveVideo shows the hub on the floor above the speaker timer, from a
// reused picture scaled cheaply (DESIGN.md: smooth scaling costs a core).
type liveVideo struct {
	image   *canvas.Image
	caption *widget.Label
	box     fyne.CanvasObject
	picture *image.RGBA
	showing bool
	skipped int // pictures not drawn in the console since the last drawn
}

// consoleEvery is how many new pictures pass between two drawn in the
// console: the moderator's view of the speaker needs 10 a second, not 30,
// and each costs a repaint of the whole window (Fyne redraws a window for
// any change; under software OpenGL that is most of the cost). The speaker
// display, which the room watches, gets every picture.
const consoleEvery = 3

func newLiveVideo() *liveVideo {
	lv := &liveVideo{image: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9))), caption: widget.NewLabel("")}
	lv.image.FillMode = canvas.ImageFillContain
	lv.image.ScaleMode = canvas.ImageScaleFastest
	lv.caption.TextStyle = fyne.TextStyle{Bold: true}
	lv.box = container.NewBorder(nil, lv.caption, nil, nil, lv.image)
	return lv
}

// showVideo puts the live hub's latest picture on the stage, or takes the
// stage back for the timer alone when no hub on the floor sends pictures.
func (v *ConsoleView) showVideo() {
	if v.hubs == nil {
		return
	}
	lv := v.video
	pic, ok := v.hubs.access.LivePicture(&lv.picture)
	if v.display != nil {
		var shown *image.RGBA
		if ok {
			shown = lv.picture
		}
		v.display.ShowVideo(shown, pic.Fresh)
	}
	setStage(v.stage, &lv.showing, ok, lv.box, v.face.container)
	if !ok {
		return
	}
	if pic.Fresh {
		lv.skipped++
		if lv.skipped >= consoleEvery || lv.image.Image != lv.picture {
			lv.skipped = 0
			lv.image.Image = lv.picture
			lv.image.Refresh()
		}
	}
	caption := pic.Hub + " · live"
	if pic.Latency > 0 {
		caption += fmt.Sprintf(" · %d ms from capture", pic.Latency.Milliseconds())
	}
	if pic.Age > app.FrozenAfter {
		caption = fmt.Sprintf("%s · FROZEN — no picture for %d s", pic.Hub, int(pic.Age.Seconds()))
	}
	setLabel(lv.caption, caption)
}

// AnimateVideo shows the live hub at up to 30 pictures a second until ctx
// ends; each picture is drawn once, when it is new.
func (v *ConsoleView) AnimateVideo(ctx context.Context) {
	go func() {
		tick := time.NewTicker(time.Second / 30)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				fyne.Do(v.showVideo)
			}
		}
	}()
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
