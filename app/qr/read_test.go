package qr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

const agendaLink = "floor://agenda/?k=hVLBbtswDP0Vw+c2sqyoa3PqgF12KwbsVAQGbdGJBlsSJMpNFuTfR9nJ1m5DexPf4+MjH7X+XnpHm0BRlXoRmH6FzeA3WgIW8uVjC4o2KVZi6cuwjbn3o4r3VUYe6jjd3NHh5Ri/u7BU2vtfP32UHH8bfXWfz9+i0BhOa8NYw0UzL5V9YQUfL/oaKJV8XfzDmsHDo5TcYIYpRjVuMHPKjWD6tUO0zV7fs9c3FCM1ZB1ZScKYgSsqrHnjXz/3T7mCUu3nXmNE/WWJmgJ3JLuP2G30KFcFwGzU7G5SVRzRyRJt9ckvk5j8XA8kOJ5rG5AZHM/mfH9TYX8cu06F"

// A saved code reads back as its text.
func TestReadPictureOfASavedCode(t *testing.T) {
	b, err := PNG(agendaLink, 320)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadPicture(b)
	if err != nil || got != agendaLink {
		t.Fatalf("read %q, %v", got, err)
	}
}

// A photo of a screen: the code a third of a larger, grey, noisy picture,
// turned 12°, and saved as a JPEG.
func TestReadPictureOfAPhoto(t *testing.T) {
	b, _ := PNG(agendaLink, 400)
	code, _ := png.Decode(bytes.NewReader(b))
	photo := image.NewGray(image.Rect(0, 0, 1200, 900))
	rng := rand.New(rand.NewPCG(1, 2))
	sin, cos := math.Sincos(12 * math.Pi / 180)
	for y := range 900 {
		for x := range 1200 {
			// where this pixel falls in the code, turned about the photo's centre
			dx, dy := float64(x-600), float64(y-450)
			cx, cy := int(cos*dx+sin*dy)+200, int(-sin*dx+cos*dy)+200
			v := 170.0 // the grey around the screen
			if image.Pt(cx, cy).In(code.Bounds()) {
				r, _, _, _ := code.At(cx, cy).RGBA()
				v = 40 + float64(r>>8)*0.7 // a screen's black is not black, nor its white white
			}
			v += rng.NormFloat64() * 12
			photo.SetGray(x, y, color.Gray{Y: uint8(min(max(v, 0), 255))})
		}
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, photo, &jpeg.Options{Quality: 70}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPicture(jpg.Bytes())
	if err != nil || got != agendaLink {
		t.Fatalf("read %q, %v", got, err)
	}
}

// What is not a picture of a code is refused in words.
func TestReadPictureRefuses(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 300, 300))
	for i := range blank.Pix {
		blank.Pix[i] = 255
	}
	var white bytes.Buffer
	png.Encode(&white, blank)
	huge := image.NewGray(image.Rect(0, 0, 1, 1))
	var tiny bytes.Buffer
	png.Encode(&tiny, huge)
	claim := bytes.Clone(tiny.Bytes())
	// the IHDR chunk's width (byte 16) and height (byte 20): 100 000 × 100 000
	claim[16], claim[17], claim[18], claim[19] = 0, 1, 0x86, 0xa0
	claim[20], claim[21], claim[22], claim[23] = 0, 1, 0x86, 0xa0
	binary.BigEndian.PutUint32(claim[29:], crc32.ChecksumIEEE(claim[12:29])) // the chunk's checksum, so only the size is wrong
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a white picture", white.Bytes(), ErrNoCode.Error()},
		{"a text file", []byte("floor://agenda/?k=abc"), "not a PNG or JPEG picture"},
		{"ten billion pixels claimed", claim, "more than 40 million"},
		{"too large a file", make([]byte, MaxPictureBytes+1), "more than 32 MB"},
	}
	for _, c := range cases {
		_, err := ReadPicture(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := ReadPicture(white.Bytes()); !errors.Is(err, ErrNoCode) {
		t.Errorf("a white picture: %v is not ErrNoCode", err)
	}
}
