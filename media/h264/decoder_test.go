package h264

import (
	"errors"
	"testing"

	"github.com/igf-floor/floor/media/h264/h264test"
)

func TestDecodesWhatX264Makes(t *testing.T) {
	units := h264test.Stream(t, 320, 180, 10)
	if len(units) != 10 {
		t.Fatalf("%d access units", len(units))
	}
	d, err := NewDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Decode(units[1]); err == nil {
		// A P-frame before any SPS/PPS/IDR cannot be decoded.
		t.Log("a P-frame without its keyframe decoded (openh264 concealed)")
	}
	d.Close()
	d, _ = NewDecoder()
	pictures := 0
	for _, u := range units {
		img, err := d.Decode(u)
		if err != nil {
			t.Fatal(err)
		}
		if img != nil {
			pictures++
			if img.Rect.Dx() != 320 || img.Rect.Dy() != 180 {
				t.Fatalf("size %v", img.Rect)
			}
		}
	}
	if pictures != 10 {
		t.Errorf("%d pictures of 10", pictures)
	}
	if _, err := d.Decode([]byte{0, 0, 0, 1, 0x65, 0xff, 0xff}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("garbage: %v", err)
	}
}
