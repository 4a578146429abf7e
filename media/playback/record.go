package playback

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4/pkg/media/oggwriter"
)

// Recording is one intervention kept on disk as it arrived, before any
// decoding: the video's frames in IVF and the sound's Opus packets in Ogg,
// so a recording never waits on the screen and a decoder bug loses nothing.
type Recording struct {
	VideoPath, AudioPath string

	vmu     sync.Mutex
	ivf     *os.File
	frames  uint32
	firstTS uint32
	lastPTS uint32
	started bool
	resumeV bool // a new connection's stream: wait for its keyframe, then go on from lastPTS

	amu     sync.Mutex
	ogg     *oggwriter.OggWriter
	aOffset uint32 // added to the sound's RTP timestamps, so a new stream goes on where the old ended
	aLast   uint32
	aAny    bool
	resumeA bool
}

// frameTicks is one frame at 30 fps in RTP's 90 kHz video clock; opusTicks
// one 20 ms Opus packet at 48 kHz.
const (
	frameTicks = 3000
	opusTicks  = 960
)

// ResumeVideo says the hub's video comes on a new connection (it came
// back during its turn): its RTP timestamps start anew, so the file goes
// on from the next keyframe, one frame after the last.
func (r *Recording) ResumeVideo() {
	r.vmu.Lock()
	r.resumeV = r.started
	r.vmu.Unlock()
}

// ResumeAudio is ResumeVideo for the sound.
func (r *Recording) ResumeAudio() {
	r.amu.Lock()
	r.resumeA = r.aAny
	r.amu.Unlock()
}

// StartRecording opens base.ivf and base.ogg in dir.
func StartRecording(dir, base string) (*Recording, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	r := &Recording{VideoPath: filepath.Join(dir, base+".ivf"), AudioPath: filepath.Join(dir, base+".ogg")}
	var err error
	if r.ivf, err = os.OpenFile(r.VideoPath, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600); err != nil {
		return nil, fmt.Errorf("record video: %w", err)
	}
	if r.ogg, err = oggwriter.New(r.AudioPath, 48000, 2); err != nil {
		r.ivf.Close()
		os.Remove(r.VideoPath)
		return nil, fmt.Errorf("record audio: %w", err)
	}
	return r, nil
}

// WriteFrame appends a whole frame (VP8, or an H.264 access unit); the
// file starts at the first keyframe.
func (r *Recording) WriteFrame(f Frame) error {
	r.vmu.Lock()
	defer r.vmu.Unlock()
	if r.ivf == nil {
		return nil
	}
	if !r.started {
		if !f.Keyframe || len(f.Data) < 10 {
			return nil
		}
		fourcc, w, h := "VP80", binary.LittleEndian.Uint16(f.Data[6:])&0x3fff, binary.LittleEndian.Uint16(f.Data[8:])&0x3fff
		if f.Codec == H264 {
			fourcc, w, h = "H264", 0, 0 // the size is in the SPS, which readers parse themselves
		}
		if _, err := r.ivf.Write(ivfHeader(fourcc, w, h, 0)); err != nil {
			return fmt.Errorf("record video: %w", err)
		}
		r.started, r.firstTS = true, f.Timestamp
	}
	if r.resumeV {
		if !f.Keyframe {
			return nil // a new stream's frames before its keyframe reference nothing on disk
		}
		r.firstTS, r.resumeV = f.Timestamp-(r.lastPTS+frameTicks), false
	}
	var head [12]byte
	binary.LittleEndian.PutUint32(head[0:], uint32(len(f.Data)))
	r.lastPTS = f.Timestamp - r.firstTS
	binary.LittleEndian.PutUint64(head[4:], uint64(r.lastPTS))
	if _, err := r.ivf.Write(head[:]); err != nil {
		return fmt.Errorf("record video: %w", err)
	}
	if _, err := r.ivf.Write(f.Data); err != nil {
		return fmt.Errorf("record video: %w", err)
	}
	r.frames++
	return nil
}

// WriteAudio appends one Opus RTP packet.
func (r *Recording) WriteAudio(p *rtp.Packet) error {
	r.amu.Lock()
	defer r.amu.Unlock()
	if r.ogg == nil {
		return nil
	}
	if r.resumeA {
		r.aOffset, r.resumeA = r.aLast+opusTicks-p.Timestamp, false
	}
	q := *p // the packet is shared with the decoder: renumber a copy
	q.Timestamp += r.aOffset
	r.aLast, r.aAny = q.Timestamp, true
	if err := r.ogg.WriteRTP(&q); err != nil {
		return fmt.Errorf("record audio: %w", err)
	}
	return nil
}

// Frames is how many video frames are on disk.
func (r *Recording) Frames() int {
	r.vmu.Lock()
	defer r.vmu.Unlock()
	return int(r.frames)
}

// Close finishes both files. The IVF header's length field gets, as
// ffmpeg's own IVF muxer writes it, the frames times their mean spacing in
// time-base units, which is what readers take as the duration.
func (r *Recording) Close() error {
	r.vmu.Lock()
	var err error
	if r.ivf != nil {
		if r.started {
			length := r.frames
			if r.frames > 1 {
				length = uint32(uint64(r.frames) * uint64(r.lastPTS) / uint64(r.frames-1))
			}
			var n [4]byte
			binary.LittleEndian.PutUint32(n[:], length)
			_, err = r.ivf.WriteAt(n[:], 24)
		}
		if serr := r.ivf.Sync(); err == nil {
			err = serr
		}
		if cerr := r.ivf.Close(); err == nil {
			err = cerr
		}
		r.ivf = nil
	}
	r.vmu.Unlock()
	r.amu.Lock()
	if r.ogg != nil {
		if cerr := r.ogg.Close(); err == nil {
			err = cerr
		}
		r.ogg = nil
	}
	r.amu.Unlock()
	if err != nil {
		return fmt.Errorf("finish recording %s: %w", r.VideoPath, err)
	}
	return nil
}

// ivfHeader is IVF's 32-byte file header for fourcc ("VP80", "H264")
// with a 90 kHz time base, the RTP clock, so frame times are the RTP
// timestamps.
func ivfHeader(fourcc string, w, h uint16, frames uint32) []byte {
	b := make([]byte, 32)
	copy(b, "DKIF")
	binary.LittleEndian.PutUint16(b[4:], 0)
	binary.LittleEndian.PutUint16(b[6:], 32)
	copy(b[8:], fourcc)
	binary.LittleEndian.PutUint16(b[12:], w)
	binary.LittleEndian.PutUint16(b[14:], h)
	binary.LittleEndian.PutUint32(b[16:], 90000)
	binary.LittleEndian.PutUint32(b[20:], 1)
	binary.LittleEndian.PutUint32(b[24:], frames)
	return b
}
