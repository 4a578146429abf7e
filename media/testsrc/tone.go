package testsrc

import (
	"math"
	"time"
)

// Tone is a sine at Freq Hz, 48 kHz stereo, at a quarter of full scale:
// audible, and clean for an FFT to find. With Mark set, the first
// MarkLength of every second of capture time sounds at MarkFreq instead: a
// beep a receiver can time against the stamped pictures (the broadcast
// "beep and flash" check of lip sync).
type Tone struct {
	Freq  float64
	Mark  bool
	phase float64
}

// SampleRate is the tone's rate, Opus's own.
const SampleRate = 48000

// The mark: a beep at MarkFreq for the first MarkLength of each second.
const (
	MarkFreq   = 880.0
	MarkLength = 100 * time.Millisecond
)

// Fill writes len(pcm)/2 stereo samples.
func (t *Tone) Fill(pcm []int16) { t.FillAt(pcm, time.Time{}) }

// FillAt writes len(pcm)/2 stereo samples, the first captured at at.
func (t *Tone) FillAt(pcm []int16, at time.Time) {
	start := at.UnixNano()
	for i := 0; i+1 < len(pcm); i += 2 {
		freq := t.Freq
		if t.Mark && !at.IsZero() {
			ns := start + int64(i/2)*int64(time.Second)/SampleRate
			if time.Duration(ns%int64(time.Second)) < MarkLength {
				freq = MarkFreq
			}
		}
		v := int16(8192 * math.Sin(t.phase))
		pcm[i], pcm[i+1] = v, v
		t.phase += 2 * math.Pi * freq / SampleRate
		if t.phase > 2*math.Pi {
			t.phase -= 2 * math.Pi
		}
	}
}
