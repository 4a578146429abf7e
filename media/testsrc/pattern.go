// Package testsrc is the hub's built-in source when it has no camera or
// microphone: a moving picture with the frame number and the capture time
// painted in — as text for people and as a row of blocks a receiver reads
// back after decoding, so latency is measured, not guessed — and a tone.
package testsrc

import (
	"image"
	"time"
)

// Pattern paints test frames of one size.
type Pattern struct {
	W, H int
	img  *image.YCbCr
}

// NewPattern makes a painter for w×h frames (even sizes).
func NewPattern(w, h int) *Pattern {
	return &Pattern{W: w, H: h, img: image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)}
}

// stampBits is the block row: 16 bits of frame number, 48 bits of unix
// milliseconds, 8 bits of check.
const stampBits = 72

// block is the side of one stamp block in pixels: large enough to survive
// compression, small enough that the row fits.
func (p *Pattern) block() int {
	return max(4, (p.W/(stampBits+8))&^1)
}

// Frame paints frame n captured at at. The picture is reused: it is valid
// until the next call.
func (p *Pattern) Frame(n int, at time.Time) *image.YCbCr {
	img, w, h := p.img, p.W, p.H
	shift := n * 4
	for y := 0; y < h; y++ {
		row := img.Y[y*img.YStride : y*img.YStride+w]
		for x := range row {
			row[x] = byte(48 + (x+y+shift)&0x7f)
		}
	}
	cw, ch := w/2, h/2
	for y := 0; y < ch; y++ {
		for x := 0; x < cw; x++ {
			bar := x * 6 / cw
			img.Cb[y*img.CStride+x] = [6]byte{90, 160, 60, 200, 128, 110}[bar]
			img.Cr[y*img.CStride+x] = [6]byte{160, 90, 200, 70, 128, 180}[bar]
		}
	}
	// A box that crosses the picture every two seconds at 30 fps.
	bs := p.block()
	side := h / 4
	bx := (n * (w - side) / 60) % max(1, w-side)
	p.fill(bx, h/2-side/2, side, side, 235)
	p.stamp(uint16(n), at.UnixMilli())
	p.text(bs, 3*bs, max(1, bs/2), formatStamp(n, at))
	return img
}

func (p *Pattern) fill(x0, y0, w, h int, luma byte) {
	img := p.img
	for y := max(0, y0); y < min(p.H, y0+h); y++ {
		for x := max(0, x0); x < min(p.W, x0+w); x++ {
			img.Y[y*img.YStride+x] = luma
		}
	}
}

// stamp paints the block row, one block per bit, white for 1.
func (p *Pattern) stamp(frame uint16, ms int64) {
	bits := stampWord(frame, ms)
	bs := p.block()
	p.fill(0, 0, p.W, 6*bs, 128) // a calm band so blocks and text stand out
	for i := 0; i < stampBits; i++ {
		luma := byte(16)
		if bits[i] {
			luma = 235
		}
		p.fill(bs*(i+4), bs, bs, bs, luma)
	}
}

func stampWord(frame uint16, ms int64) [stampBits]bool {
	var bits [stampBits]bool
	v := uint64(frame) | uint64(ms)<<16
	var check byte
	for i := 0; i < 64; i++ {
		bits[i] = v>>i&1 == 1
	}
	for i := 0; i < 8; i++ {
		check ^= byte(v >> (8 * i))
	}
	for i := 0; i < 8; i++ {
		bits[64+i] = check>>i&1 == 1
	}
	return bits
}

// ReadStamp reads the frame number and capture time from a picture the
// Pattern painted (and a codec may have compressed), or false when the
// block row does not check.
func ReadStamp(img *image.YCbCr) (frame int, at time.Time, ok bool) {
	return readStamp(img.Rect.Dx(), img.Rect.Dy(), func(x, y int) int {
		return int(img.Y[(y+img.Rect.Min.Y)*img.YStride+x+img.Rect.Min.X])
	})
}

// ReadStampRGBA is ReadStamp for a picture as the screens get it (which
// may be scaled down by a whole factor from the painted size).
func ReadStampRGBA(img *image.RGBA) (frame int, at time.Time, ok bool) {
	return readStamp(img.Rect.Dx(), img.Rect.Dy(), func(x, y int) int {
		i := img.PixOffset(x+img.Rect.Min.X, y+img.Rect.Min.Y)
		return (int(img.Pix[i]) + 2*int(img.Pix[i+1]) + int(img.Pix[i+2])) / 4
	})
}

// readStamp reads the block row of a w×h picture through its luma.
func readStamp(w, h int, luma func(x, y int) int) (frame int, at time.Time, ok bool) {
	p := Pattern{W: w, H: h}
	bs := p.block()
	var v uint64
	var check byte
	for i := 0; i < stampBits; i++ {
		x0, y0 := bs*(i+4)+bs/4, bs+bs/4
		sum, n := 0, 0
		for y := y0; y < y0+bs/2 && y < h; y++ {
			for x := x0; x < x0+bs/2 && x < w; x++ {
				sum += luma(x, y)
				n++
			}
		}
		one := n > 0 && sum/n > 128
		switch {
		case i < 64 && one:
			v |= 1 << i
		case i >= 64 && one:
			check |= 1 << (i - 64)
		}
	}
	var want byte
	for i := 0; i < 8; i++ {
		want ^= byte(v >> (8 * i))
	}
	if want != check || v == 0 {
		return 0, time.Time{}, false
	}
	return int(v & 0xffff), time.UnixMilli(int64(v >> 16)), true
}
