package testsrc

import "math"

// Tone is a sine at Freq Hz, 48 kHz stereo, at a quarter of full scale:
// audible, and clean for an FFT to find.
type Tone struct {
	Freq  float64
	phase float64
}

// SampleRate is the tone's rate, Opus's own.
const SampleRate = 48000

// Fill writes len(pcm)/2 stereo samples.
func (t *Tone) Fill(pcm []int16) {
	step := 2 * math.Pi * t.Freq / SampleRate
	for i := 0; i+1 < len(pcm); i += 2 {
		v := int16(8192 * math.Sin(t.phase))
		pcm[i], pcm[i+1] = v, v
		t.phase += step
		if t.phase > 2*math.Pi {
			t.phase -= 2 * math.Pi
		}
	}
}
