package playback

import (
	"bytes"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// packetize splits a frame into VP8 RTP packets from seq on.
func packetize(frame []byte, seq uint16, ts uint32) []*rtp.Packet {
	var pay codecs.VP8Payloader
	var out []*rtp.Packet
	for i, p := range pay.Payload(200, frame) {
		out = append(out, &rtp.Packet{Header: rtp.Header{SequenceNumber: seq + uint16(i), Timestamp: ts}, Payload: p})
	}
	out[len(out)-1].Marker = true
	return out
}

// frame is a fake VP8 frame of n bytes: byte 0's low bit clear is a keyframe.
func frame(key bool, n int, fill byte) []byte {
	b := bytes.Repeat([]byte{fill}, n)
	b[0] = fill &^ 1
	if !key {
		b[0] |= 1
	}
	return b
}

func TestFramesLeaveOnTheirMarker(t *testing.T) {
	a := NewAssembler(50 * time.Millisecond)
	seq := uint16(65530) // across the wrap
	for i := 0; i < 5; i++ {
		want := frame(i == 0, 700, byte(0x10+i))
		pkts := packetize(want, seq, uint32(i)*3000)
		seq += uint16(len(pkts))
		for j, p := range pkts {
			got := a.Push(p, t0)
			if j < len(pkts)-1 && len(got) != 0 {
				t.Fatalf("frame %d out before its marker", i)
			}
			if j == len(pkts)-1 && (len(got) != 1 || !bytes.Equal(got[0].Data, want) || got[0].Keyframe != (i == 0)) {
				t.Fatalf("frame %d at its marker: %d frames", i, len(got))
			}
		}
	}
}

func TestAHoleWaitsForItsRetransmission(t *testing.T) {
	a := NewAssembler(50 * time.Millisecond)
	want := frame(true, 700, 0x20)
	pkts := packetize(want, 100, 0)
	lost := pkts[1]
	for _, p := range append(pkts[:1:1], pkts[2:]...) {
		if got := a.Push(p, t0); len(got) != 0 {
			t.Fatal("a frame with a hole came out")
		}
	}
	got := a.Push(lost, t0.Add(30*time.Millisecond)) // the NACK's answer
	if len(got) != 1 || !bytes.Equal(got[0].Data, want) || a.NeedKeyframe() {
		t.Fatalf("after the retransmission: %d frames", len(got))
	}
}

func TestALostPacketBreaksThePictureUntilAKeyframe(t *testing.T) {
	a := NewAssembler(50 * time.Millisecond)
	seq := uint16(0)
	push := func(f []byte, ts uint32, at time.Time, drop int) []Frame {
		var out []Frame
		for i, p := range packetize(f, seq, ts) {
			if i != drop {
				out = append(out, a.Push(p, at)...)
			}
			seq++
		}
		return out
	}
	if got := push(frame(true, 600, 2), 0, t0, -1); len(got) != 1 {
		t.Fatal("the first keyframe")
	}
	push(frame(false, 600, 4), 3000, t0.Add(33*time.Millisecond), 1) // a packet never comes
	late := t0.Add(200 * time.Millisecond)
	if got := push(frame(false, 600, 6), 6000, late, -1); len(got) != 0 || !a.NeedKeyframe() || a.Lost != 1 {
		t.Fatalf("after the loss: %d frames out, need keyframe %v, lost %d", len(got), a.NeedKeyframe(), a.Lost)
	}
	got := push(frame(true, 600, 8), 9000, late, -1)
	if len(got) != 1 || !got[0].Keyframe || a.NeedKeyframe() {
		t.Fatalf("the keyframe: %d frames", len(got))
	}
	if a.Discarded != 1 {
		t.Fatalf("discarded %d", a.Discarded)
	}
}

func FuzzAssembler(f *testing.F) {
	f.Add([]byte{0x90, 0x80, 0x01, 0x00, 0x01, 0x02}, uint16(1), true, false)
	f.Add([]byte{0x7c, 0x85, 0x88, 0x84}, uint16(9), false, true) // H.264 FU-A, first fragment of an IDR
	f.Add([]byte{0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xce}, uint16(3), true, true)
	f.Fuzz(func(t *testing.T, payload []byte, seq uint16, marker, h264 bool) {
		codec := VP8
		if h264 {
			codec = H264
		}
		a := NewAssemblerOf(codec, 10*time.Millisecond)
		for i := 0; i < 4; i++ {
			a.Push(&rtp.Packet{Header: rtp.Header{SequenceNumber: seq + uint16(i%3), Marker: marker}, Payload: payload}, t0)
		}
		a.Tick(t0.Add(time.Second))
		if len(a.packets) > maxPending {
			t.Fatal("unbounded")
		}
	})
}
