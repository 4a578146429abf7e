package phonepage

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

const (
	deviceCookie = "floor_phone"
	maxForm      = 4 << 10
	maxKept      = 100000 // limiters or nonces kept (about 10 MB); past it they are forgotten and start afresh
	noncesEach   = 16     // forms one phone may hold open at once (tabs, the back button)
	nonceLife    = 30 * time.Minute
)

// Limits are how often one network address, and one phone, may post: a
// burst, then a steady rate. A room behind one NAT address shares it, so
// the address's defaults are broad and the phone's narrow.
type Limits struct {
	PerSecond, DevicePerSecond float64
	Burst, DeviceBurst         int
}

func (l Limits) orDefaults() Limits {
	if l.PerSecond <= 0 {
		l.PerSecond, l.Burst = 50, 600
	}
	if l.DevicePerSecond <= 0 {
		l.DevicePerSecond, l.DeviceBurst = 1, 8
	}
	return l
}

// guard holds the rate limiters and the forms' nonces: a nonce is made for
// each page a phone is shown and taken by the first form posted from it,
// so a replayed form (an old request's, an answered question's) changes
// nothing.
type guard struct {
	lim      Limits
	now      func() time.Time
	mu       sync.Mutex
	byAddr   map[string]*rate.Limiter
	byDevice map[string]*rate.Limiter
	pages    map[string]*rate.Limiter // pages shown, by address: each makes a nonce
	nonces   map[string]issued
	each     map[string][]string // a device's nonces, oldest first
}

type issued struct {
	device string
	at     time.Time
}

func newGuard(lim Limits, now func() time.Time) *guard {
	return &guard{lim: lim.orDefaults(), now: now, byAddr: map[string]*rate.Limiter{}, byDevice: map[string]*rate.Limiter{},
		pages: map[string]*rate.Limiter{}, nonces: map[string]issued{}, each: map[string][]string{}}
}

func hostOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// page takes one page view from r's address: four times the posts' rate
// and burst, so a room's phones reloading their place every five seconds
// pass, and a flood of views cannot push the room's forms' nonces out.
func (g *guard) page(r *http.Request) (bool, time.Duration) {
	g.mu.Lock()
	l := limiter(g.pages, hostOf(r), 4*g.lim.PerSecond, 4*g.lim.Burst)
	g.mu.Unlock()
	now := g.now()
	res := l.ReserveN(now, 1)
	if w := res.DelayFrom(now); w > 0 {
		res.CancelAt(now)
		return false, w
	}
	return true, 0
}

// allow takes one post from r's address and device, or says how long to wait.
func (g *guard) allow(r *http.Request, device string) (bool, time.Duration) {
	host := hostOf(r)
	g.mu.Lock()
	a := limiter(g.byAddr, host, g.lim.PerSecond, g.lim.Burst)
	d := limiter(g.byDevice, device, g.lim.DevicePerSecond, g.lim.DeviceBurst)
	g.mu.Unlock()
	now := g.now()
	ra := a.ReserveN(now, 1)
	if w := ra.DelayFrom(now); w > 0 {
		ra.CancelAt(now)
		return false, w
	}
	rd := d.ReserveN(now, 1)
	if w := rd.DelayFrom(now); w > 0 {
		rd.CancelAt(now)
		ra.CancelAt(now)
		return false, w
	}
	return true, 0
}

func limiter(m map[string]*rate.Limiter, key string, per float64, burst int) *rate.Limiter {
	l, ok := m[key]
	if !ok {
		if len(m) >= maxKept {
			clear(m)
		}
		l = rate.NewLimiter(rate.Limit(per), burst)
		m[key] = l
	}
	return l
}

// nonce is a fresh nonce for a page shown to device.
func (g *guard) nonce(device string) string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	n := hex.EncodeToString(b)
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.nonces) >= maxKept {
		clear(g.nonces)
		clear(g.each)
	}
	g.nonces[n] = issued{device: device, at: g.now()}
	list := append(g.each[device], n)
	if len(list) > noncesEach {
		delete(g.nonces, list[0])
		list = list[1:]
	}
	g.each[device] = list
	return n
}

// take uses up nonce n for device: true only once, for the device it was
// made for, within its life.
func (g *guard) take(device, n string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	is, ok := g.nonces[n]
	if !ok || is.device != device {
		return false
	}
	delete(g.nonces, n)
	list := g.each[device]
	for i, o := range list {
		if o == n {
			g.each[device] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	return g.now().Sub(is.at) < nonceLife
}

// device is the phone's id from its cookie, set on its first visit, and
// whether the request carried it. The stores keep only its hash.
func device(w http.ResponseWriter, r *http.Request, fresh func() string) (string, bool) {
	if c, err := r.Cookie(deviceCookie); err == nil && validID(c.Value) {
		return hashOf(c.Value), true
	}
	id := fresh()
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: id, Path: "/floor", MaxAge: 86400,
		HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
	return hashOf(id), false
}

func validID(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}
