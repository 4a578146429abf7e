package testsrc

import (
	"testing"
	"time"
)

func TestStampReadsBack(t *testing.T) {
	p := NewPattern(640, 360)
	at := time.UnixMilli(1_764_230_400_123)
	for _, n := range []int{1, 2, 65535, 65536 + 7} {
		got, when, ok := ReadStamp(p.Frame(n, at))
		if !ok || got != n&0xffff || !when.Equal(at) {
			t.Fatalf("frame %d: read %d %v %v", n, got, when, ok)
		}
	}
	// A damaged block row does not check.
	img := p.Frame(9, at)
	bs := p.block()
	p.fill(bs*4, bs, bs*10, bs, 235)
	if _, _, ok := ReadStamp(img); ok {
		t.Fatal("a damaged stamp was read")
	}
	if formatStamp(12, at) != "frame 000012  08:00:00.123" {
		t.Fatal(formatStamp(12, at))
	}
}

func TestToneIsStereoAndBounded(t *testing.T) {
	tone := Tone{Freq: 440}
	pcm := make([]int16, 2*960)
	tone.Fill(pcm)
	peak := int16(0)
	for i := 0; i < len(pcm); i += 2 {
		if pcm[i] != pcm[i+1] {
			t.Fatal("channels differ")
		}
		peak = max(peak, pcm[i])
	}
	if peak < 8000 || peak > 8192 {
		t.Fatalf("peak %d", peak)
	}
}

func TestTonePowerHearsTheToneAndOnlyIt(t *testing.T) {
	tone := Tone{Freq: 440}
	pcm := make([]int16, 2*4800)
	tone.Fill(pcm)
	b := make([]byte, 2*len(pcm))
	for i, v := range pcm {
		b[2*i], b[2*i+1] = byte(v), byte(uint16(v)>>8)
	}
	at, off := TonePower(b, 440), TonePower(b, 1000)
	if at < 1e6 || at < 1000*off {
		t.Fatalf("440 Hz %.0f, 1 kHz %.0f", at, off)
	}
	if TonePower(make([]byte, 4000), 440) != 0 || TonePower(nil, 440) != 0 {
		t.Fatal("silence has power")
	}
}
