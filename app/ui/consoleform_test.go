package ui

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// In French the request form offers "(non précisé)", not the English
// "(not said)", and a request added with it has no group or region.
func TestRequestFormSaysNotSaidInTheConsolesLanguage(t *testing.T) {
	inLanguage(t, "fr")
	v, _, _ := newConsole(t)
	if v.queue.Group.Selected != "(non précisé)" || v.queue.Region.Options[0] != "(non précisé)" {
		t.Errorf("group %q, first region %q", v.queue.Group.Selected, v.queue.Region.Options[0])
	}
	v.queue.Name.SetText("Marilia Maciel")
	v.queue.Group.SetSelected("(non précisé)")
	test.Tap(v.queue.Add)
	if q := v.m.Floor().Queue; len(q) != 1 || q[0].Speaker.Group != "" || q[0].Speaker.Region == "(non précisé)" {
		t.Errorf("queue %+v", q)
	}
}

// At 1280×800 with sixteen hubs below it, the queue shows three requests
// whole above the request form.
func TestQueueShowsThreeRequestsAt1280x800(t *testing.T) {
	pc := newPollConsole(t)
	v, w := pc.v, pc.w
	v.EnableFairFloor()
	access := &memoryAccess{}
	for i := range 16 {
		h := floor.Hub{ID: fmt.Sprintf("h%02d", i), Name: fmt.Sprintf("Hub %02d", i+1)}
		access.hubs = append(access.hubs, h)
		access.links = append(access.links, app.HubLink{Hub: h, State: "connected", RTT: time.Millisecond})
	}
	v.EnableHubs(access, w)
	v.OpenToHubs()
	for _, name := range []string{"Barrack Otieno", "David Koh", "Jon Albert Fanzun", "Sebastian Stranieri"} {
		if err := v.m.Ask(v.ctx, floor.Speaker{Name: name, Group: "Government"}); err != nil {
			t.Fatal(err)
		}
	}
	v.queue.refresh()
	w.Resize(fyne.NewSize(1280, 800))
	row := container.NewThemeOverride(v.queue.create(), compactTheme{}) // as the list draws it
	if shown := v.queue.List.Size().Height / row.MinSize().Height; shown < 2.9 {
		t.Errorf("the queue shows %.1f requests (%.0f px high, rows of %.0f)", shown, v.queue.List.Size().Height, row.MinSize().Height)
	}
}

// The request form offers the five regional groups as a region, not
// "Intergovernmental Organization" (a stakeholder group); a speaker the
// agenda gives that "region" is suggested with none, not with the region
// of the speaker chosen before.
func TestRequestFormOffersOnlyTheRegionalGroups(t *testing.T) {
	v, _, _ := newConsole(t)
	q := v.queue
	if slices.Contains(q.Region.Options, "Intergovernmental Organization") || len(q.Region.Options) != 6 {
		t.Errorf("regions offered: %q", q.Region.Options)
	}
	q.people["ITU delegate"] = agenda.Person{Name: "ITU delegate", Group: agenda.GroupIntergovernmental, Region: agenda.RegionIntergovernmental}
	q.Name.SetText("Barrack Otieno")
	q.Name.SetText("ITU delegate")
	if q.Group.Selected != "Intergovernmental Organization" || q.Region.Selected != "(not said)" {
		t.Errorf("suggested %q, %q", q.Group.Selected, q.Region.Selected)
	}
}

// Issue 18: the two "(not said)" drop-downs say which is the group and
// which the region, each label on its drop-down's line, before it.
func TestRequestFormLabelsItsDropDowns(t *testing.T) {
	v, w, _ := newConsole(t)
	w.Resize(fyne.NewSize(1280, 780))
	d := fyne.CurrentApp().Driver()
	for label, sel := range map[string]fyne.CanvasObject{"Stakeholder group": v.queue.Group, "Region": v.queue.Region} {
		row := sel.(fyne.Widget)
		var found bool
		for _, l := range labelsIn(w.Canvas().Content()) {
			lp, sp := d.AbsolutePositionForObject(l), d.AbsolutePositionForObject(row)
			if l.Text == label && lp.X+l.Size().Width <= sp.X+1 && lp.Y < sp.Y+row.Size().Height && sp.Y < lp.Y+l.Size().Height {
				found = true
			}
		}
		if !found {
			t.Errorf("no %q label before its drop-down", label)
		}
	}
}

// Issue 18: the divider between the queue and the timer drags wider, and
// the queue's rows follow.
func TestQueueDividerDragsWider(t *testing.T) {
	pc := newPollConsole(t) // as floor moderate opens it
	v, w := pc.v, pc.w
	v.EnableFairFloor()
	w.Resize(fyne.NewSize(1280, 780))
	before := v.queue.List.Size().Width
	split := v.content.(*fyne.Container).Objects[0].(*container.Split)
	x := fyne.CurrentApp().Driver().AbsolutePositionForObject(split).X + split.Leading.Size().Width + theme.Padding() // the divider's middle
	test.Drag(w.Canvas(), fyne.NewPos(x, 300), 150, 0)
	if after := v.queue.List.Size().Width; after < before+100 {
		t.Errorf("the queue was %.0f wide, after dragging the divider 150 px right %.0f (offset %.2f)", before, after, split.Offset)
	}
}

// labelsIn is every label under o.
func labelsIn(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	switch x := o.(type) {
	case *widget.Label:
		return []*widget.Label{x}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labelsIn(c)...)
		}
	case *container.ThemeOverride:
		out = append(out, labelsIn(x.Content)...)
	case *container.Split:
		out = append(out, labelsIn(x.Leading)...)
		out = append(out, labelsIn(x.Trailing)...)
	case *container.Scroll:
		out = append(out, labelsIn(x.Content)...)
	}
	return out
}
