package playback

import (
	"image"
	"image/color"
	"testing"
)

func TestToScreenHalvesAWidePictureAndKeepsColours(t *testing.T) {
	src := image.NewYCbCr(image.Rect(0, 0, 1280, 720), image.YCbCrSubsampleRatio420)
	y, cb, cr := color.RGBToYCbCr(200, 30, 90)
	for i := range src.Y {
		src.Y[i] = y
	}
	for i := range src.Cb {
		src.Cb[i], src.Cr[i] = cb, cr
	}
	dst := toScreen(nil, src)
	if dst.Rect.Dx() != 640 || dst.Rect.Dy() != 360 {
		t.Fatalf("size %v", dst.Rect)
	}
	r, g, b, _ := dst.At(100, 100).RGBA()
	want := color.YCbCr{Y: y, Cb: cb, Cr: cr}
	wr, wg, wb, _ := want.RGBA()
	if diff(r, wr) > 2<<8 || diff(g, wg) > 2<<8 || diff(b, wb) > 2<<8 {
		t.Fatalf("colour %d,%d,%d want %d,%d,%d", r>>8, g>>8, b>>8, wr>>8, wg>>8, wb>>8)
	}
	if small := toScreen(nil, image.NewYCbCr(image.Rect(0, 0, 640, 360), image.YCbCrSubsampleRatio420)); small.Rect.Dx() != 640 {
		t.Fatalf("a small picture was shrunk to %v", small.Rect)
	}
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
