package playback

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4/pkg/media/oggreader"
)

// vp8Frame is a frame the recorder takes: a keyframe carries the VP8
// start code and a 64x36 size, as the recorder reads them.
func vp8Frame(ts uint32, key bool) Frame {
	data := make([]byte, 20)
	if key {
		copy(data[3:], []byte{0x9d, 0x01, 0x2a})
		binary.LittleEndian.PutUint16(data[6:], 64)
		binary.LittleEndian.PutUint16(data[8:], 36)
	} else {
		data[0] = 1
	}
	return Frame{Codec: VP8, Data: data, Timestamp: ts, Keyframe: key}
}

// ivfPTS reads the presentation times of an IVF file's frames.
func ivfPTS(t *testing.T, path string) []uint64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pts []uint64
	for i := 32; i+12 <= len(b); {
		n := int(binary.LittleEndian.Uint32(b[i:]))
		pts = append(pts, binary.LittleEndian.Uint64(b[i+4:]))
		i += 12 + n
	}
	return pts
}

// A hub that comes back during its turn sends on a new connection whose
// RTP clocks start anywhere (a browser's new RTCPeerConnection, OBS): the
// recording goes on from its next keyframe, one frame after the last, and
// its sound goes on one packet after the last, so both files stay in order.
func TestRecordingResumesANewStreamInOrder(t *testing.T) {
	dir := t.TempDir()
	rec, err := StartRecording(dir, "turn")
	if err != nil {
		t.Fatal(err)
	}
	for i := range uint32(3) {
		_ = rec.WriteFrame(vp8Frame(1_000_000+i*3000, i == 0))
		_ = rec.WriteAudio(&rtp.Packet{Header: rtp.Header{Timestamp: 500_000 + i*960, SequenceNumber: uint16(i)}, Payload: []byte{0xfc, 0xff, 0xfe}})
	}
	rec.ResumeVideo()
	rec.ResumeAudio()
	const base = 4_000_000_000                    // near the wrap of the 32-bit clock
	_ = rec.WriteFrame(vp8Frame(base, false))     // before the keyframe: references nothing on disk
	_ = rec.WriteFrame(vp8Frame(base+3000, true)) // the new stream's keyframe
	_ = rec.WriteFrame(vp8Frame(base+6000, false))
	for i := range uint32(2) {
		_ = rec.WriteAudio(&rtp.Packet{Header: rtp.Header{Timestamp: 7 + i*960, SequenceNumber: uint16(100 + i)}, Payload: []byte{0xfc, 0xff, 0xfe}})
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	pts := ivfPTS(t, rec.VideoPath)
	want := []uint64{0, 3000, 6000, 9000, 12000}
	if len(pts) != len(want) {
		t.Fatalf("frames at %v, want %v", pts, want)
	}
	for i := range want {
		if pts[i] != want[i] {
			t.Fatalf("frames at %v, want %v", pts, want)
		}
	}
	f, err := os.Open(rec.AudioPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, _, err := oggreader.NewWith(f)
	if err != nil {
		t.Fatal(err)
	}
	var last uint64
	for {
		_, h, err := r.ParseNextPage()
		if err != nil {
			break
		}
		if h.GranulePosition < last || h.GranulePosition > 48000 {
			t.Fatalf("sound granule %d after %d: out of order or hours late", h.GranulePosition, last)
		}
		last = h.GranulePosition
	}
}
