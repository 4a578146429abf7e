package vpx_test

import (
	"bytes"
	"testing"
	"time"

	"golang.org/x/image/vp8"

	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/vpx"
)

// The test pattern's stamp survives VP8: encode with libvpx, decode the
// keyframe with an independent decoder, read the frame number and time.
func TestStampSurvivesEncoding(t *testing.T) {
	for _, size := range [][2]int{{640, 360}, {1280, 720}, {320, 180}} {
		enc, err := vpx.NewEncoder(vpx.Config{Width: size[0], Height: size[1], Kbps: 800})
		if err != nil {
			t.Fatal(err)
		}
		p := testsrc.NewPattern(size[0], size[1])
		at := time.UnixMilli(1_700_000_123_456)
		frame, key, err := enc.Encode(p.Frame(4242, at), 0, true)
		if err != nil || !key || len(frame) == 0 {
			t.Fatalf("%v: key %v, %d bytes, %v", size, key, len(frame), err)
		}
		var d vp8.Decoder
		d.Init(bytes.NewReader(frame), len(frame))
		if _, err := d.DecodeFrameHeader(); err != nil {
			t.Fatal(err)
		}
		img, err := d.DecodeFrame()
		if err != nil {
			t.Fatal(err)
		}
		n, got, ok := testsrc.ReadStamp(img)
		if !ok || n != 4242 || !got.Equal(at) {
			t.Fatalf("%v: read frame %d at %v (%v)", size, n, got, ok)
		}
		// Following frames are smaller inter frames; the bitrate can change.
		if err := enc.SetBitrate(300); err != nil {
			t.Fatal(err)
		}
		next, key, err := enc.Encode(p.Frame(4243, at.Add(33*time.Millisecond)), 33*time.Millisecond, false)
		if err != nil || key || len(next) == 0 {
			t.Fatalf("%v: inter frame key %v, %d bytes (key %d), %v", size, key, len(next), len(frame), err)
		}
		enc.Close()
		if _, _, err := enc.Encode(p.Frame(1, at), 0, false); err == nil {
			t.Fatal("a closed encoder encoded")
		}
	}
}

func TestBadSizesAreRefused(t *testing.T) {
	for _, s := range [][2]int{{0, 0}, {641, 360}, {8192, 8192}} {
		if _, err := vpx.NewEncoder(vpx.Config{Width: s[0], Height: s[1]}); err == nil {
			t.Errorf("%v accepted", s)
		}
	}
}

// BenchmarkEncode720p is one 1280x720 frame of the moving test pattern,
// painted and encoded in real time at cpu-used 8.
func BenchmarkEncode720p(b *testing.B) {
	enc, err := vpx.NewEncoder(vpx.Config{Width: 1280, Height: 720, Kbps: 2500})
	if err != nil {
		b.Fatal(err)
	}
	defer enc.Close()
	p := testsrc.NewPattern(1280, 720)
	at := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := enc.Encode(p.Frame(i, at), time.Duration(i)*33*time.Millisecond, false); err != nil {
			b.Fatal(err)
		}
	}
}

// Our decoder reads back every frame our encoder makes with the stamps
// intact, and refuses garbage and truncated frames without crashing. (A
// whole lost frame is not visible to libvpx: the receiver finds it from the
// RTP sequence numbers.)
func TestDecoderReadsTheEncodersFrames(t *testing.T) {
	enc, err := vpx.NewEncoder(vpx.Config{Width: 640, Height: 360, Kbps: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	dec, err := vpx.NewDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	p := testsrc.NewPattern(640, 360)
	start := time.UnixMilli(1_764_230_400_000)
	for i := 0; i < 30; i++ {
		at := start.Add(time.Duration(i) * 33 * time.Millisecond)
		frame, _, err := enc.Encode(p.Frame(i, at), time.Duration(i)*33*time.Millisecond, i == 0)
		if err != nil {
			t.Fatal(err)
		}
		if i == 29 {
			if img, err := dec.Decode(frame[:len(frame)/3]); err == nil && img != nil {
				if _, _, ok := testsrc.ReadStamp(img); ok {
					t.Log("a truncated frame still decoded with its stamp")
				}
			}
			continue
		}
		img, err := dec.Decode(frame)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		n, when, ok := testsrc.ReadStamp(img)
		if !ok || n != i || !when.Equal(at) {
			t.Fatalf("frame %d read as %d %v %v", i, n, when, ok)
		}
	}
	if _, err := dec.Decode([]byte{1, 2, 3}); err == nil {
		t.Fatal("garbage decoded")
	}
}
