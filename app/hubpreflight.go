package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/igf-floor/floor/app/control"
)

// HubDevice is a camera or microphone the hub's machine offers.
type HubDevice struct {
	ID, Label string
	Camera    bool // false: a microphone
}

// HubPreflight checks, before a hub joins, what a host can fix: a camera
// and a microphone there, the microphone hearing something, the room's
// address answering, and its certificate the one the invite pins. Its
// ports are the machine's devices; nil ports are not checked.
type HubPreflight struct {
	Devices  func() []HubDevice
	MicLevel func(ctx context.Context, id string) (float64, error) // the loudest of about half a second, 0 to 1
	Dial     func(ctx context.Context, network, addr string) (net.Conn, error)
	Timeout  time.Duration // for the room's answer; 0: 5 s
}

// PreflightStatus is one check's outcome.
type PreflightStatus int

// Outcomes of the checks, in words by the window.
const (
	PreflightUnknown     PreflightStatus = iota
	PreflightOK                          // as it should be
	PreflightSkipped                     // not checked (no such port, or audio only)
	PreflightMissing                     // no camera, or no microphone
	PreflightSilent                      // the microphone hears nothing
	PreflightUnreachable                 // nothing answers at the invite's address
	PreflightWrongRoom                   // the room answers with another certificate
	PreflightFailed                      // another error, in Detail
)

func (s PreflightStatus) String() string {
	switch s {
	case PreflightOK:
		return "ok"
	case PreflightSkipped:
		return "skipped"
	case PreflightMissing:
		return "missing"
	case PreflightSilent:
		return "silent"
	case PreflightUnreachable:
		return "unreachable"
	case PreflightWrongRoom:
		return "wrong room"
	case PreflightFailed:
		return "failed"
	}
	return "unknown"
}

// PreflightItem is one check: its outcome, the detail behind a failure
// and, for the microphone, the level heard.
type PreflightItem struct {
	Status PreflightStatus
	Detail string
	Level  float64
}

// PreflightReport is the four checks.
type PreflightReport struct {
	Camera, Microphone, Room, Certificate PreflightItem
}

// OK says whether every check passed or was skipped.
func (r PreflightReport) OK() bool {
	for _, it := range []PreflightItem{r.Camera, r.Microphone, r.Room, r.Certificate} {
		if it.Status != PreflightOK && it.Status != PreflightSkipped {
			return false
		}
	}
	return true
}

// silence is the level under which a microphone is taken to hear nothing.
const silence = 0.01

// Check runs the checks for inv with the chosen camera and microphone
// ("" for the first there); audioOnly skips the camera.
func (p HubPreflight) Check(ctx context.Context, inv Invite, camera, mic string, audioOnly bool) PreflightReport {
	var r PreflightReport
	r.Camera = p.device(true, camera, audioOnly)
	r.Microphone = p.device(false, mic, false)
	if r.Microphone.Status == PreflightOK && p.MicLevel != nil {
		id := mic
		if id == "" {
			id = p.first(false)
		}
		level, err := p.MicLevel(ctx, id)
		switch {
		case err != nil:
			r.Microphone = PreflightItem{Status: PreflightFailed, Detail: err.Error()}
		case level < silence:
			r.Microphone = PreflightItem{Status: PreflightSilent, Level: level}
		default:
			r.Microphone.Level = level
		}
	}
	r.Room, r.Certificate = p.room(ctx, inv)
	return r
}

func (p HubPreflight) device(camera bool, id string, skip bool) PreflightItem {
	if skip || p.Devices == nil {
		return PreflightItem{Status: PreflightSkipped}
	}
	for _, d := range p.Devices() {
		if d.Camera == camera && (id == "" || d.ID == id) {
			return PreflightItem{Status: PreflightOK, Detail: d.Label}
		}
	}
	return PreflightItem{Status: PreflightMissing}
}

func (p HubPreflight) first(camera bool) string {
	for _, d := range p.Devices() {
		if d.Camera == camera {
			return d.ID
		}
	}
	return ""
}

// room dials the invite's address and shakes hands with the pinned
// certificate: the same first step a join takes.
func (p HubPreflight) room(ctx context.Context, inv Invite) (room, cert PreflightItem) {
	timeout := p.Timeout
	if timeout == 0 {
		timeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dial := p.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	conn, err := dial(ctx, "tcp", inv.Host)
	if err != nil {
		return PreflightItem{Status: PreflightUnreachable, Detail: err.Error()}, PreflightItem{Status: PreflightSkipped}
	}
	defer conn.Close()
	tc := tls.Client(conn, control.PinnedTLS(inv.Pin))
	err = tc.HandshakeContext(ctx)
	switch {
	case err == nil:
		return PreflightItem{Status: PreflightOK}, PreflightItem{Status: PreflightOK}
	case errors.Is(err, control.ErrPinMismatch):
		return PreflightItem{Status: PreflightOK}, PreflightItem{Status: PreflightWrongRoom, Detail: err.Error()}
	default:
		return PreflightItem{Status: PreflightOK}, PreflightItem{Status: PreflightFailed, Detail: fmt.Sprintf("TLS with %s: %v", inv.Host, err)}
	}
}
