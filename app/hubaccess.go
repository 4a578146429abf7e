package app

import (
	"context"
	"fmt"
	"image"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// HubAccess is what the moderator's console needs to open the session to
// hubs and manage them; the program wires it to the media layer. Nothing
// listens before Open.
type HubAccess interface {
	// Open starts listening and returns the address hubs dial (host:port).
	Open(ctx context.Context) (string, error)
	// Close stops listening and lets every hub go.
	Close() error
	// Links are the connected hubs with their link quality; none when closed.
	Links() []HubLink
	// Hubs are the invited hubs, revoked ones included.
	Hubs(ctx context.Context) ([]floor.Hub, error)
	// Invite creates a hub and returns its invite (the token is in it, once).
	Invite(ctx context.Context, n NewHub) (floor.Hub, Invite, error)
	// InviteSeat creates a seat of the session team (online moderator,
	// rapporteur, co-moderator) and returns its invite, the token in it once.
	InviteSeat(ctx context.Context, n NewSeat) (floor.Seat, Invite, error)
	// Revoke ends a hub's invite and cuts it off if connected.
	Revoke(ctx context.Context, id string) error
	// QueueHub puts a connected hub in the queue for the moderator: a WHIP
	// client without the control channel cannot ask for itself.
	QueueHub(ctx context.Context, hubID string) (int, error)
	// LivePictures copies the latest picture of each hub on the floor that
	// has sent one into dst[0], dst[1]…, in the order they took the floor
	// (a dialogue has several), at most len(dst); each *image.RGBA is
	// reused while its size stays.
	LivePictures(dst []*image.RGBA) []LivePicture
	// SetVolume sets how loud the room hears the hubs: 0 mutes, 1 is full.
	SetVolume(v float64)
	// Sound says where the room hears the hubs ("default", or the null
	// output and why); empty while closed.
	Sound() string
	// DisplayLink is the confidence monitor's link (a read-only speaker
	// display in a browser), its token in it; "" while closed.
	DisplayLink() string
}

// MaxLivePictures is how many hubs can be on the floor together: the turn
// and those who joined it.
const MaxLivePictures = 1 + floor.MaxWith

// LivePicture describes the picture of a hub on the floor.
type LivePicture struct {
	Hub   string        // the hub's name
	Fresh bool          // a new picture since the last call
	Away  bool          // the hub dropped out and is reconnecting; its turn goes on
	Age   time.Duration // since it was decoded: a frozen picture grows old
	// Latency is capture → decoded for the last picture whose capture time
	// could be read (the hubs' test source paints it in); 0 otherwise.
	Latency time.Duration
}

// FrozenAfter is when the console marks a live hub's picture as frozen.
const FrozenAfter = time.Second

// HubLink is one connected hub's link as the console shows it.
type HubLink struct {
	Hub         floor.Hub
	State       string // "connecting", "connected", "disconnected"
	Lost        bool   // disconnected: "hub lost?"
	People      int
	RTT, Jitter time.Duration
	PacketsLost int64
	Kbps, FPS   float64
	CapKbps     int
	Control     bool  // speaks the control protocol (a plain WHIP client does not)
	Requests    []int // its requests waiting or on the floor
	// Away is when a hub that dropped out went silent (State "away"); it
	// keeps its requests until Away + Grace, and gets them back on return.
	Away  time.Time
	Grace time.Duration
}

// AwayWords is an away hub's line in the console and in floor serve:
// "away — reconnecting (since 0:12, place kept 2:48 more)".
func (l HubLink) AwayWords(now time.Time) string {
	since := max(0, now.Sub(l.Away))
	left := max(0, l.Grace-since)
	return fmt.Sprintf("away — reconnecting (since %s, place kept %s more)", timer.Clock(since, false), timer.Clock(left, false))
}

// HubConnection is a hub's live connection to a room, as the hub window
// needs it; the program makes it from an invite.
type HubConnection interface {
	Client() *HubClient
	// State is the link in words: "connecting", "connected", "disconnected".
	State() string
	// SendingKbps is the video rate the encoder aims at now (the room's ask).
	SendingKbps() int
	// RoomSound is the room's return feed: its level (0 to 1) and whether
	// it is arriving.
	RoomSound() (level float64, arriving bool)
	// SetRoomVolume sets how loud the hub hears the room, 0 to 1.
	SetRoomVolume(v float64)
	// Preview copies the latest self-view picture into *dst; false when
	// there is none newer.
	Preview(dst **image.RGBA) bool
	// Leave says goodbye and closes the connection.
	Leave() error
}

// HubJoin connects to a room with an invite; audioOnly sends no video.
type HubJoin func(ctx context.Context, inv Invite, audioOnly bool) (HubConnection, error)
