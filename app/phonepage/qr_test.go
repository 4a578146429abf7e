package phonepage_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/phonepage"
)

// The room's QR code is of the page's address, as a PNG and as terminal
// text (app/qr reads its codes back with zbarimg).
func TestTheRoomsQRCodeIsOfThePagesAddress(t *testing.T) {
	addr := phonepage.Address("192.0.2.7:8443", "K7Q2WM")
	if addr != "https://192.0.2.7:8443/floor/K7Q2WM" {
		t.Fatalf("address %s", addr)
	}
	b, text, err := phonepage.QR(addr, 512)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 512 {
		t.Fatalf("PNG: %v, %v", img.Bounds(), err)
	}
	if lines := strings.Split(strings.TrimSpace(text), "\n"); len(lines) < 12 || !strings.ContainsAny(text, "█▀▄") {
		t.Errorf("terminal code of %d lines: %q", len(lines), text)
	}
}
