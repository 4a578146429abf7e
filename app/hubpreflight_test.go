package app_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
)

// roomCert is a self-signed certificate as a room has, and its pin.
func roomCert(t *testing.T) (tls.Certificate, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, hex.EncodeToString(sum[:])
}

// tlsRoom listens on loopback with cert, answering handshakes.
func tlsRoom(t *testing.T, cert tls.Certificate) string {
	t.Helper()
	l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS13})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { _ = c.(*tls.Conn).Handshake(); c.Close() }()
		}
	}()
	return l.Addr().String()
}

func devices() []app.HubDevice {
	return []app.HubDevice{{ID: "cam0", Label: "USB camera", Camera: true}, {ID: "mic0", Label: "Headset microphone"}}
}

// The pre-flight check passes a room with the pinned certificate and a
// microphone that hears the host; it names each thing that is wrong.
func TestPreflightSaysWhatIsWrong(t *testing.T) {
	ctx := context.Background()
	cert, pin := roomCert(t)
	host := tlsRoom(t, cert)
	level := 0.3
	p := app.HubPreflight{Devices: devices, MicLevel: func(_ context.Context, id string) (float64, error) {
		if id != "mic0" {
			t.Errorf("measured %q", id)
		}
		return level, nil
	}, Timeout: 2 * time.Second}

	r := p.Check(ctx, app.Invite{Host: host, Pin: pin}, "", "", false)
	if !r.OK() || r.Camera.Detail != "USB camera" || r.Microphone.Level != 0.3 {
		t.Errorf("all well: %+v", r)
	}
	// Another room's certificate: the address answers, the pin does not match.
	_, other := roomCert(t)
	if r := p.Check(ctx, app.Invite{Host: host, Pin: other}, "", "", false); r.Room.Status != app.PreflightOK || r.Certificate.Status != app.PreflightWrongRoom || r.OK() {
		t.Errorf("another pin: %+v", r)
	}
	// Nothing listens.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	gone := l.Addr().String()
	l.Close()
	if r := p.Check(ctx, app.Invite{Host: gone, Pin: pin}, "", "", false); r.Room.Status != app.PreflightUnreachable || r.Certificate.Status != app.PreflightSkipped ||
		!strings.Contains(r.Room.Detail, "refused") {
		t.Errorf("nothing there: %+v", r)
	}
	// A silent microphone, a camera asked for that is not there, audio only.
	level = 0
	r = p.Check(ctx, app.Invite{Host: host, Pin: pin}, "cam9", "", false)
	if r.Microphone.Status != app.PreflightSilent || r.Camera.Status != app.PreflightMissing {
		t.Errorf("silent and missing: %+v", r)
	}
	if r := p.Check(ctx, app.Invite{Host: host, Pin: pin}, "cam9", "", true); r.Camera.Status != app.PreflightSkipped {
		t.Errorf("audio only still checks the camera: %+v", r.Camera)
	}
	// A machine with no devices at all.
	bare := app.HubPreflight{Devices: func() []app.HubDevice { return nil }}
	if r := bare.Check(ctx, app.Invite{Host: host, Pin: pin}, "", "", false); r.Camera.Status != app.PreflightMissing || r.Microphone.Status != app.PreflightMissing {
		t.Errorf("no devices: %+v", r)
	}
}
