package room

import (
	"errors"
	"fmt"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// refusal is a refused command in a seat's words, still Is its cause: a
// seat reads "request 9 is not waiting in the queue", not the log's
// "floor.withdraw: no request to give the floor to: 9".
type refusal struct {
	words string
	err   error
}

func (r *refusal) Error() string { return r.words }
func (r *refusal) Unwrap() error { return r.err }

// said are the causes whose own words are the refusal.
var said = []error{timer.ErrNotStarted, timer.ErrAlreadyStarted, timer.ErrEnded, timer.ErrNoSpeaker, timer.ErrRunning, floor.ErrNobody}

// inSeatWords is err, the room's refusal of c, as the seat that sent c
// reads it.
func inSeatWords(c SeatCommand, err error) error {
	switch {
	case err == nil || errors.Is(err, app.ErrStale):
		return err
	case errors.Is(err, floor.ErrNoRequest) && c.ID == 0:
		return &refusal{"nobody is waiting for the floor", err}
	case errors.Is(err, floor.ErrNoRequest):
		return &refusal{fmt.Sprintf("request %d is not waiting in the queue (given the floor, withdrawn, or never made)", c.ID), err}
	}
	for _, cause := range said {
		if errors.Is(err, cause) {
			return &refusal{cause.Error(), err}
		}
	}
	return err
}
