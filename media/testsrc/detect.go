package testsrc

import (
	"encoding/binary"
	"math"
)

// TonePower is how strongly a tone of hz sounds in 16-bit little-endian
// stereo at 48 kHz (left channel, Goertzel's algorithm, normalised to the
// sound's length): how tests hear the test tone, or its absence.
func TonePower(pcm []byte, hz float64) float64 {
	k := 2 * math.Cos(2*math.Pi*hz/SampleRate)
	var s1, s2 float64
	n := len(pcm) / 4
	if n == 0 {
		return 0
	}
	for i := 0; i < n; i++ {
		x := float64(int16(binary.LittleEndian.Uint16(pcm[4*i:])))
		s1, s2 = x+k*s1-s2, s1
	}
	return (s1*s1 + s2*s2 - k*s1*s2) / float64(n) / float64(n)
}
