package sender

import (
	"context"
	"image"
	"time"

	"github.com/igf-floor/floor/media/capture"
	"github.com/igf-floor/floor/media/testsrc"
)

// Pictures is where the video comes from: Next blocks until the next
// picture, at the source's own pace, in 4:2:0 at the sender's size.
type Pictures interface {
	Next(ctx context.Context, n int) (*image.YCbCr, error)
	Close() error
}

// Sounds is where the audio comes from: Fill blocks until 20 ms of 48 kHz
// stereo is ready.
type Sounds interface {
	Fill(ctx context.Context, pcm []int16) error
	Close() error
}

// pattern is the built-in moving picture, paced by a ticker.
type pattern struct {
	p    *testsrc.Pattern
	tick *time.Ticker
}

// TestPattern paints the stamped moving pattern at fps.
func TestPattern(w, h, fps int) Pictures {
	return &pattern{p: testsrc.NewPattern(w, h), tick: time.NewTicker(time.Second / time.Duration(fps))}
}

func (s *pattern) Next(ctx context.Context, n int) (*image.YCbCr, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-s.tick.C:
	}
	return s.p.Frame(n, time.Now()), nil
}

func (s *pattern) Close() error { s.tick.Stop(); return nil }

// tone is the built-in test tone, paced every 20 ms.
type tone struct {
	t    testsrc.Tone
	tick *time.Ticker
}

// TestTone sounds hz.
func TestTone(hz float64) Sounds { return testTone(hz, false) }

func testTone(hz float64, beep bool) Sounds {
	return &tone{t: testsrc.Tone{Freq: hz, Mark: beep}, tick: time.NewTicker(20 * time.Millisecond)}
}

// Fill synthesises the 20 ms that start now: like the pictures, the sound
// is "captured" when it is made, and sent at once.
func (s *tone) Fill(ctx context.Context, pcm []int16) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.tick.C:
	}
	s.t.FillAt(pcm, time.Now())
	return nil
}

func (s *tone) Close() error { s.tick.Stop(); return nil }

// camera adapts a capture.Camera: its pictures, scaled to the sender's size.
type camera struct {
	c   *capture.Camera
	out *image.YCbCr
}

// FromCamera sends what c sees at w×h.
func FromCamera(c *capture.Camera, w, h int) Pictures {
	return &camera{c: c, out: image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)}
}

func (s *camera) Next(ctx context.Context, _ int) (*image.YCbCr, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	img, err := s.c.Next()
	if err != nil {
		return nil, err
	}
	ToI420(s.out, img)
	return s.out, nil
}

func (s *camera) Close() error { return s.c.Close() }

// microphone adapts a capture.Microphone.
type microphone struct{ m *capture.Microphone }

// FromMicrophone sends what m hears.
func FromMicrophone(m *capture.Microphone) Sounds { return microphone{m} }

func (s microphone) Fill(ctx context.Context, pcm []int16) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.m.Fill(pcm)
}

func (s microphone) Close() error { return s.m.Close() }

// ToI420 scales src into dst (nearest neighbour, which a camera preview
// needs no better than), with a fast path for Y'CbCr pictures.
func ToI420(dst *image.YCbCr, src image.Image) {
	dw, dh := dst.Rect.Dx(), dst.Rect.Dy()
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	if sw == 0 || sh == 0 {
		return
	}
	if y, ok := src.(*image.YCbCr); ok {
		for row := 0; row < dh; row++ {
			sy := sb.Min.Y + row*sh/dh
			for col := 0; col < dw; col++ {
				sx := sb.Min.X + col*sw/dw
				dst.Y[row*dst.YStride+col] = y.Y[y.YOffset(sx, sy)]
			}
		}
		for row := 0; row < dh/2; row++ {
			sy := sb.Min.Y + 2*row*sh/dh
			for col := 0; col < dw/2; col++ {
				sx := sb.Min.X + 2*col*sw/dw
				ci := y.COffset(sx, sy)
				dst.Cb[row*dst.CStride+col], dst.Cr[row*dst.CStride+col] = y.Cb[ci], y.Cr[ci]
			}
		}
		return
	}
	for row := 0; row < dh; row++ {
		for col := 0; col < dw; col++ {
			r, g, b, _ := src.At(sb.Min.X+col*sw/dw, sb.Min.Y+row*sh/dh).RGBA()
			yy, cb, cr := rgbToYCbCr(r>>8, g>>8, b>>8)
			dst.Y[row*dst.YStride+col] = yy
			if row%2 == 0 && col%2 == 0 {
				dst.Cb[(row/2)*dst.CStride+col/2], dst.Cr[(row/2)*dst.CStride+col/2] = cb, cr
			}
		}
	}
}

func rgbToYCbCr(r, g, b uint32) (uint8, uint8, uint8) {
	yy := (19595*r + 38470*g + 7471*b + 1<<15) >> 16
	cb := int32(-11056*int32(r)-21712*int32(g)+32768*int32(b)+257<<15) >> 16
	cr := int32(32768*int32(r)-27440*int32(g)-5328*int32(b)+257<<15) >> 16
	return uint8(yy), uint8(min(max(cb, 0), 255)), uint8(min(max(cr, 0), 255))
}
