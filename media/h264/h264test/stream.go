// Package h264test makes H.264 for tests, as OBS would send it: Debian's
// ffmpeg with libx264, baseline profile, no B-frames, a keyframe a second.
package h264test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pion/webrtc/v4/pkg/media/h264reader"
)

// Stream is frames pictures of ffmpeg's test pattern at w×h, 30 fps, as
// access units in Annex B form. The test is skipped without ffmpeg.
func Stream(t testing.TB, w, h, frames int) [][]byte {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed")
	}
	out := filepath.Join(t.TempDir(), "in.h264")
	size := strconv.Itoa(w) + "x" + strconv.Itoa(h)
	cmd := exec.Command(ffmpeg, "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size="+size+":rate=30",
		"-frames:v", strconv.Itoa(frames), "-c:v", "libx264", "-profile:v", "baseline", "-bf", "0", "-g", "30",
		"-pix_fmt", "yuv420p", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	r, err := h264reader.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var units [][]byte
	var cur []byte
	for {
		nal, err := r.NextNAL()
		if errors.Is(err, io.EOF) {
			return units
		}
		if err != nil {
			t.Fatal(err)
		}
		cur = append(append(cur, 0, 0, 0, 1), nal.Data...)
		if nal.UnitType == h264reader.NalUnitTypeCodedSliceIdr || nal.UnitType == h264reader.NalUnitTypeCodedSliceNonIdr {
			units, cur = append(units, cur), nil
		}
	}
}
