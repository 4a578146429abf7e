package hubserve

import (
	"context"
	"errors"
	"fmt"
	"image"
	"net"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// Access is the console's app.HubAccess: it opens and closes Floor to hubs
// on demand, invites and revokes them, and reads their links.
type Access struct {
	DB           *storage.DB
	Moderator    *app.Moderator
	SessionTitle string
	SessionKey   string // the moderation key recordings are filed under
	Listen       string // default ":8443"
	ICEServers   []webrtc.ICEServer
	Clock        app.Clock
	Polls        *app.Polls      // hubs and phones vote in these while open
	Audience     *app.Audience   // phones ask for the floor and write questions on /floor while open
	RoomSound    string          // what the hubs hear: auto, mic or test
	Session      *agenda.Session // served as a schedule while open
	HubGrace     time.Duration   // how long a hub that dropped out keeps its place

	mu      sync.Mutex
	serving *Serving
}

var _ app.HubAccess = (*Access)(nil)

func (a *Access) listen() string {
	if a.Listen == "" {
		return fmt.Sprintf(":%d", DefaultPort)
	}
	return a.Listen
}

// Open listens, with Floor's certificate kept beside the database.
func (a *Access) Open(ctx context.Context) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.serving != nil {
		return AdvertisedHost(a.serving.Addr.String()), nil
	}
	cert, err := whip.LoadOrCreateCertificate(filepath.Dir(a.DB.Path()), a.Clock.Now())
	if err != nil {
		return "", err
	}
	s, err := Open(context.WithoutCancel(ctx), Config{DB: a.DB, Moderator: a.Moderator, SessionTitle: a.SessionTitle, SessionKey: a.SessionKey,
		Listen: a.listen(), Certificate: cert, ICEServers: a.ICEServers, Clock: a.Clock, Polls: a.Polls, Audience: a.Audience, RoomSound: a.RoomSound, Session: a.Session, HubGrace: a.HubGrace})
	if err != nil {
		return "", err
	}
	a.serving = s
	host, _, _ := net.SplitHostPort(a.listen())
	if err := a.DB.RecordRoom(ctx, a.SessionKey, true, net.JoinHostPort(host, strconv.Itoa(s.Addr.Port)), a.Clock.Now()); err != nil {
		a.serving = nil
		s.Close()
		return "", err
	}
	return a.advertised(), nil
}

// advertised is the address invites carry: the one listening, or the
// configured one while closed (so invites can be made before opening).
func (a *Access) advertised() string {
	if a.serving != nil {
		host, _, _ := net.SplitHostPort(a.listen())
		return AdvertisedHost(net.JoinHostPort(host, strconv.Itoa(a.serving.Addr.Port)))
	}
	return AdvertisedHost(a.listen())
}

// DisplayLink is the confidence monitor's link, its token in the fragment;
// "" while closed.
func (a *Access) DisplayLink() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.serving == nil {
		return ""
	}
	return "https://" + a.advertised() + "/display#token=" + a.serving.DisplayToken
}

// Close stops listening.
func (a *Access) Close() error {
	a.mu.Lock()
	s := a.serving
	a.serving = nil
	a.mu.Unlock()
	if s == nil {
		return nil
	}
	err := a.DB.RecordRoom(context.Background(), a.SessionKey, false, "", a.Clock.Now())
	return errors.Join(s.Close(), err)
}

// Links reads the connected hubs' links and who is present.
func (a *Access) Links() []app.HubLink {
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s == nil {
		return nil
	}
	return s.Links()
}

// Hubs lists the invited hubs.
func (a *Access) Hubs(ctx context.Context) ([]floor.Hub, error) { return a.DB.Hubs(ctx) }

// Invite creates a hub and its invite for this Floor's address and
// certificate.
func (a *Access) Invite(ctx context.Context, n app.NewHub) (floor.Hub, app.Invite, error) {
	cert, err := whip.LoadOrCreateCertificate(filepath.Dir(a.DB.Path()), a.Clock.Now())
	if err != nil {
		return floor.Hub{}, app.Invite{}, err
	}
	h, token, err := app.HubDirectory{Store: a.DB, Clock: a.Clock}.Add(ctx, n)
	if err != nil {
		return h, app.Invite{}, err
	}
	a.mu.Lock()
	host := a.advertised()
	a.mu.Unlock()
	return h, app.Invite{Host: host, Hub: h.ID, Token: token, Pin: whip.Pin(cert)}, nil
}

// InviteSeat creates a seat of the session team and its invite for this
// Floor's address and certificate.
func (a *Access) InviteSeat(ctx context.Context, n app.NewSeat) (floor.Seat, app.Invite, error) {
	cert, err := whip.LoadOrCreateCertificate(filepath.Dir(a.DB.Path()), a.Clock.Now())
	if err != nil {
		return floor.Seat{}, app.Invite{}, err
	}
	s, token, err := app.SeatDirectory{Store: a.DB, Clock: a.Clock}.Add(ctx, n)
	if err != nil {
		return s, app.Invite{}, err
	}
	a.mu.Lock()
	host := a.advertised()
	a.mu.Unlock()
	return s, app.Invite{Host: host, Seat: s.ID, Token: token, Pin: whip.Pin(cert)}, nil
}

// Revoke ends a hub's invite and cuts it off now.
func (a *Access) Revoke(ctx context.Context, id string) error {
	if _, err := (app.HubDirectory{Store: a.DB, Clock: a.Clock}).Revoke(ctx, id); err != nil {
		return err
	}
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s != nil {
		s.CutOff(ctx, id)
	}
	return nil
}

// QueueHub queues a connected hub that cannot ask for itself.
func (a *Access) QueueHub(ctx context.Context, hubID string) (int, error) {
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s == nil {
		return 0, errors.New("the room is closed to hubs")
	}
	return s.QueueHub(ctx, hubID, "")
}

// LivePictures copies the pictures of the hubs on the floor, in the order
// they took it.
func (a *Access) LivePictures(dst []*image.RGBA) []app.LivePicture {
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s == nil {
		return nil
	}
	var pics []app.LivePicture
	for _, id := range s.Room.LiveHubs() {
		if len(pics) == len(dst) {
			break
		}
		fresh, age, ok := s.Play.Picture(id, &dst[len(pics)])
		if !ok {
			continue
		}
		name, away := id, false
		for _, p := range s.Room.Present() {
			if p.Hub.ID == id {
				name, away = p.Hub.Name, !p.Away.IsZero()
			}
		}
		pic := app.LivePicture{Hub: name, Fresh: fresh, Age: age, Away: away}
		if st := s.Play.Stats(id); st != nil {
			pic.Latency = time.Duration(st.LatencyMicros.Load()) * time.Microsecond
		}
		pics = append(pics, pic)
	}
	return pics
}

// SetVolume sets how loud the room hears the hubs: 0 mutes, 1 is full.
func (a *Access) SetVolume(v float64) {
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s != nil {
		s.Play.Mixer.SetVolume(v)
	}
}

// Sound is where the room hears the hubs and what the hubs hear of the
// room, in words.
func (a *Access) Sound() string {
	a.mu.Lock()
	s := a.serving
	a.mu.Unlock()
	if s == nil {
		return ""
	}
	hear := "the room hears the hubs on the " + s.Sound.Device
	if s.Sound.Why != nil {
		hear = "the room cannot hear the hubs: " + s.Sound.Device
	}
	return hear + "; the hubs hear the room's " + s.RoomSound.Describe()
}
