package playback

import (
	"testing"

	"github.com/pion/rtp"

	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/testsrc"
)

// tonePackets is n packets of a tone at hz, as a hub sends them.
func tonePackets(t *testing.T, hz float64, n int) []*rtp.Packet {
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	tone := testsrc.Tone{Freq: hz}
	pcm := make([]int16, 2*opus.FrameSamples)
	var out []*rtp.Packet
	for i := 0; i < n; i++ {
		tone.Fill(pcm)
		p, err := enc.Encode(pcm)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, &rtp.Packet{Header: rtp.Header{SequenceNumber: uint16(65500 + i), Timestamp: uint32(i * 960)}, Payload: append([]byte(nil), p...)})
	}
	return out
}

func TestMixerPlaysTheHubOnTheFloorAndStopsAtOnce(t *testing.T) {
	buf, err := NewAudioBuffer()
	if err != nil {
		t.Fatal(err)
	}
	defer buf.Close()
	m := NewMixer()
	m.Set("nairobi", buf)
	packets := tonePackets(t, 440, 60)
	// Packets arrive in real time, one per 20 ms read: one late (after the
	// next), one lost (rebuilt from the next one's FEC), two in a row lost
	// (the first concealed, the second rebuilt).
	var order []*rtp.Packet
	for i, p := range packets {
		switch i {
		case 10, 30, 31:
			order = append(order, nil)
		case 20:
			order = append(order, packets[21])
		case 21:
			order = append(order, packets[20])
		default:
			order = append(order, p)
		}
	}
	var out []byte
	frame := make([]byte, 4*960)
	for _, p := range order {
		if p != nil {
			buf.Push(p)
		}
		if _, err := m.Read(frame); err != nil {
			t.Fatal(err)
		}
		out = append(out, frame...)
	}
	if p440, p1k := testsrc.TonePower(out[4*960*5:], 440), testsrc.TonePower(out[4*960*5:], 1000); p440 < 100*p1k || p440 < 1e5 {
		t.Fatalf("440 Hz power %.0f against 1 kHz %.0f", p440, p1k)
	}
	st := buf.Stats()
	if st.Rebuilt < 1 || st.Concealed < 1 || st.Played < 50 || st.Underruns != 0 {
		t.Fatalf("stats %+v", st)
	}
	// Muted: silence. Taken off the floor: silence at once, though
	// packets are still held.
	m.SetVolume(0)
	quiet := make([]byte, 4*960*2)
	m.Read(quiet)
	for _, b := range quiet {
		if b != 0 {
			t.Fatal("muted but not silent")
		}
	}
	m.SetVolume(1)
	for _, p := range tonePackets(t, 440, 5) {
		buf.Push(p)
	}
	m.Set("nairobi", nil)
	m.Read(quiet)
	for _, b := range quiet {
		if b != 0 {
			t.Fatal("a hub off the floor is still heard")
		}
	}
}
