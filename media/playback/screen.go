package playback

import "image"

// ScreenWidth is the widest picture handed to the screens. A 720p hub is
// shown at half size: the console's video pane is smaller than that, and a
// software-rendered window (Mesa's llvmpipe under Xvfb) pays for every pixel
// it uploads and scales, so a 1280x720 picture in two windows cost more
// than decoding it.
const ScreenWidth = 960

// toScreen converts src to RGBA into dst, skipping pixels so the result is
// at most ScreenWidth wide (nearest neighbour: the screens scale it anyway),
// and returns dst, made anew when the size changes.
func toScreen(dst *image.RGBA, src *image.YCbCr) *image.RGBA {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	step := (w + ScreenWidth - 1) / ScreenWidth
	dw, dh := w/step, h/step
	if dst == nil || dst.Rect.Dx() != dw || dst.Rect.Dy() != dh {
		dst = image.NewRGBA(image.Rect(0, 0, dw, dh))
	}
	for y := 0; y < dh; y++ {
		sy := src.Rect.Min.Y + y*step
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*dw]
		for x := 0; x < dw; x++ {
			sx := src.Rect.Min.X + x*step
			yy := int32(src.Y[src.YOffset(sx, sy)]) * 0x10101
			ci := src.COffset(sx, sy)
			cb, cr := int32(src.Cb[ci])-128, int32(src.Cr[ci])-128
			// BT.601, as image/color does it, in 16.16 fixed point.
			r := (yy + 91881*cr) >> 16
			g := (yy - 22554*cb - 46802*cr) >> 16
			b := (yy + 116130*cb) >> 16
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = clamp8(r), clamp8(g), clamp8(b), 0xff
		}
	}
	return dst
}

func clamp8(v int32) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v)
}
