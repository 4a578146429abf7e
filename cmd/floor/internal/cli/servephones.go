package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/timer"
)

// printPhonePage prints where the room's phones ask for the floor, with
// the QR code in the terminal, and saves the code as a PNG beside the
// database to print or show on the room's screen.
func (h *headless) printPhonePage() {
	addr := phonepage.Address(h.host, h.aud.Code())
	png, text, err := phonepage.QR(addr, 768)
	if err != nil {
		fmt.Fprintf(h.out, "! %v\n", err)
		return
	}
	path := filepath.Join(filepath.Dir(h.db.Path()), "floor-phones-"+h.aud.Code()+".png")
	saved := "saved to " + path
	if err := os.WriteFile(path, png, 0o644); err != nil {
		saved = fmt.Sprintf("not saved: %v", err)
	}
	fmt.Fprintf(h.out, "Phones in the room ask for the floor and write questions at %s (room code %s); QR code %s:\n%s",
		addr, h.aud.Code(), saved, text)
}

// audienceChanged prints the questions written since the last print, so
// the moderator sees them come in; only the moderator sees them.
func (h *headless) audienceChanged() {
	qs := h.aud.Questions()
	h.mu.Lock()
	from := h.asked
	h.asked = max(h.asked, len(qs))
	h.mu.Unlock()
	for _, q := range qs[min(from, len(qs)):] {
		fmt.Fprintf(h.out, "? Question %d from a phone: %s — approve %d, publish %d, answer %d TEXT, dismiss %d, block %d\n",
			q.ID, questionLine(q), q.ID, q.ID, q.ID, q.ID, q.ID)
	}
}

// questionLine is a question on one line: "Amina (phone 3fa2c1): Who
// certifies? [shown, 4 upvotes]".
func questionLine(q floor.AudienceQuestion) string {
	who := "phone " + q.Device[:min(6, len(q.Device))]
	if q.Name != "" {
		who = q.Name + " (" + who + ")"
	}
	state := q.State.String()
	switch q.State {
	case floor.Queued:
		state += fmt.Sprintf(" as request %d", q.Request)
	case floor.Answered:
		state += ": " + strings.ReplaceAll(q.Answer, "\n", " / ")
	}
	return fmt.Sprintf("%s: %s [%s, %d upvotes]", who, strings.ReplaceAll(q.Text, "\n", " / "), state, q.Upvotes)
}

// audienceCommand runs the commands of the room's phones:
//
//	audience          the questions, every state
//	approve Q         into the queue as a request for the floor
//	publish Q         shown to the room's phones, to upvote
//	answer Q TEXT     answered as text, shown to the phones
//	dismiss Q         not taken up
//	block Q | block request R   the phone that wrote Q (or asked R), for the session
//	qr                the page's address and QR code again
func (h *headless) audienceCommand(ctx context.Context, verb, rest string) error {
	switch verb {
	case "audience":
		qs := h.aud.Questions()
		fmt.Fprintf(h.out, "Audience questions: %d (phones at %s)\n", len(qs), phonepage.Address(h.host, h.aud.Code()))
		for _, q := range qs {
			fmt.Fprintf(h.out, "  %d. %s\n", q.ID, questionLine(q))
		}
		for _, d := range h.aud.BlockedPhones() {
			fmt.Fprintf(h.out, "  Phone %s is blocked ('unblock %s' lets it ask again).\n", app.ShortDevice(d), app.ShortDevice(d))
		}
		return nil
	case "unblock":
		return h.unblock(ctx, strings.TrimSpace(rest))
	case "qr":
		h.printPhonePage()
		return nil
	case "block":
		if r, ok := strings.CutPrefix(rest, "request "); ok {
			return h.blockRequest(ctx, strings.TrimSpace(r))
		}
	}
	arg, text, _ := strings.Cut(rest, " ")
	id, err := strconv.Atoi(arg)
	if err != nil {
		return fmt.Errorf("%s: question number %q ('audience' lists them)", verb, arg)
	}
	switch verb {
	case "approve":
		req, err := h.aud.Queue(ctx, id)
		if err == nil {
			fmt.Fprintf(h.out, "Question %d is request %d in the queue.\n", id, req)
		}
		return err
	case "publish":
		return h.aud.Show(ctx, id)
	case "answer":
		return h.aud.Answer(ctx, id, text)
	case "dismiss":
		return h.aud.Dismiss(ctx, id)
	case "block":
		for _, q := range h.aud.Questions() {
			if q.ID == id {
				return h.block(ctx, q.Device)
			}
		}
		return fmt.Errorf("block: no question %d", id)
	}
	return fmt.Errorf("unknown command %q", verb)
}

// blockRequest blocks the phone that asked request r, waiting or on the floor.
func (h *headless) blockRequest(ctx context.Context, r string) error {
	id, err := strconv.Atoi(r)
	if err != nil {
		return fmt.Errorf("block request: number %q", r)
	}
	fs := h.m.Floor()
	speakers := []floor.Speaker{}
	for _, q := range fs.Queue {
		if q.ID == id {
			speakers = append(speakers, q.Speaker)
		}
	}
	if fs.Current != nil && fs.Current.Request == id {
		speakers = append(speakers, fs.Current.Speaker)
	}
	if len(speakers) == 0 || speakers[0].Device == "" {
		return fmt.Errorf("block request %d: %w", id, errors.New("no phone's request of that number is waiting or on the floor"))
	}
	return h.block(ctx, speakers[0].Device)
}

// unblock lets a blocked phone ask again: named as 'audience' and the
// block's line name it (its first six characters), or by its question.
func (h *headless) unblock(ctx context.Context, which string) error {
	var found []string
	for _, d := range h.aud.BlockedPhones() {
		if which != "" && strings.HasPrefix(d, which) {
			found = append(found, d)
		}
	}
	if id, err := strconv.Atoi(which); err == nil && len(found) == 0 {
		for _, q := range h.aud.Questions() {
			if q.ID == id {
				found = append(found, q.Device)
			}
		}
	}
	if len(found) != 1 {
		return fmt.Errorf("unblock: %q names no blocked phone ('audience' lists them)", which)
	}
	if err := h.aud.Unblock(ctx, found[0]); err != nil {
		return err
	}
	fmt.Fprintf(h.out, "Phone %s unblocked: it may ask and write again.\n", app.ShortDevice(found[0]))
	return nil
}

func (h *headless) block(ctx context.Context, device string) error {
	if err := h.aud.Block(ctx, device); err != nil {
		return err
	}
	fmt.Fprintf(h.out, "Phone %s blocked for the session; its waiting request is withdrawn and its waiting questions dismissed.\n", app.ShortDevice(device))
	return nil
}

// followQueue prints the room when the queue changes from outside the
// typed commands and the hubs: a phone's request, a withdrawal. The
// watcher only wakes the printer (it runs under the moderator's lock).
func (h *headless) followQueue(ctx context.Context) (stop func()) {
	wake := make(chan struct{}, 1)
	unwatch := h.m.Watch(func(timer.State, floor.State) {
		select {
		case wake <- struct{}{}:
		default:
		}
	})
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
				h.roomChanged()
			}
		}
	}()
	return func() { unwatch(); cancel(); <-done }
}
