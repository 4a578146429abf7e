package qr

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The PNG is an image of the asked size that a QR reader (Debian's
// zbarimg, when installed) reads back as the text.
func TestPNGReadsBack(t *testing.T) {
	const text = "floor://agenda/?k=hVLBbtswDP0Vw+c2sqyoa3PqgF12KwbsVAQGbdGJBlsSJMpNFuTfR9nJ1m5DexPf4+MjH7X+XnpHm0BRlXoRmH6FzeA3WgIW8uVjC4o2KVZi6cuwjbn3o4r3VUYe6jjd3NHh5Ri/u7BU2vtfP32UHH8bfXWfz9+i0BhOa8NYw0UzL5V9YQUfL/oaKJV8XfzDmsHDo5TcYIYpRjVuMHPKjWD6tUO0zV7fs9c3FCM1ZB1ZScKYgSsqrHnjXz/3T7mCUu3nXmNE/WWJmgJ3JLuP2G30KFcFwGzU7G5SVRzRyRJt9ckvk5j8XA8kOJ5rG5AZHM/mfH9TYX8cu06F"
	b, err := PNG(text, 320)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 320 {
		t.Fatalf("PNG: %v, %v", img.Bounds(), err)
	}
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg is not installed (Debian's zbar-tools): the code is not read back")
	}
	f := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(zbar, "--raw", "-q", f).Output()
	if err != nil || strings.TrimSpace(string(out)) != text {
		t.Fatalf("zbarimg read %q, %v", out, err)
	}
}

func TestTooMuchForOneCodeIsRefused(t *testing.T) {
	if _, err := PNG(strings.Repeat("x", 4000), 320); err == nil {
		t.Fatal("4 000 bytes in one QR code")
	}
}
