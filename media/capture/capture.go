// Package capture takes a hub's camera and microphone through
// pion/mediadevices (V4L2 for cameras, miniaudio for microphones) and hands
// out raw pictures and 20 ms of 48 kHz stereo sound; the hub's own encoders
// do the rest, with libvpx's cpu-used set.
package capture

import (
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"io"
	"strings"
	"time"

	"github.com/pion/mediadevices"
	"github.com/pion/mediadevices/pkg/driver"
	"github.com/pion/mediadevices/pkg/io/audio"
	"github.com/pion/mediadevices/pkg/io/video"
	"github.com/pion/mediadevices/pkg/prop"
	"github.com/pion/mediadevices/pkg/wave"
)

// Device is a camera or microphone present on this machine.
type Device struct {
	ID, Label string
	Camera    bool // false: a microphone
}

// Devices lists the cameras and microphones. ALSA's "null" device is not a
// microphone: it is what a machine without a sound card offers.
func Devices() []Device {
	var out []Device
	for _, d := range mediadevices.EnumerateDevices() {
		label := d.Label
		if b, err := hex.DecodeString(label); err == nil && len(b) > 0 {
			label = string(b) // miniaudio's labels arrive hex-encoded
		}
		switch {
		case d.DeviceType == driver.Camera:
			out = append(out, Device{ID: d.DeviceID, Label: label, Camera: true})
		case d.DeviceType == driver.Microphone && label != "null" && !strings.HasPrefix(label, "Discard all samples"):
			out = append(out, Device{ID: d.DeviceID, Label: label})
		}
	}
	return out
}

// ErrNoDevice is asking for a camera or microphone the machine lacks.
var ErrNoDevice = errors.New("no such device")

// Camera is an open camera giving pictures at its own pace.
type Camera struct {
	track  mediadevices.Track
	reader video.Reader
}

// OpenCamera opens the camera with id ("" for the first) asking for w×h at
// fps; the camera may give another size, which the sender scales.
func OpenCamera(id string, w, h int, fps float32) (*Camera, error) {
	if id == "" {
		for _, d := range Devices() {
			if d.Camera {
				id = d.ID
				break
			}
		}
		if id == "" {
			return nil, fmt.Errorf("camera: %w", ErrNoDevice)
		}
	}
	s, err := mediadevices.GetUserMedia(mediadevices.MediaStreamConstraints{
		Video: func(c *mediadevices.MediaTrackConstraints) {
			c.DeviceID = prop.StringExact(id)
			c.Width, c.Height, c.FrameRate = prop.Int(w), prop.Int(h), prop.Float(fps)
		},
	})
	if err != nil {
		return nil, fmt.Errorf("camera %s: %w", id, err)
	}
	tracks := s.GetVideoTracks()
	if len(tracks) == 0 {
		return nil, fmt.Errorf("camera %s: %w", id, ErrNoDevice)
	}
	vt, ok := tracks[0].(*mediadevices.VideoTrack)
	if !ok {
		tracks[0].Close()
		return nil, fmt.Errorf("camera %s: not a video track", id)
	}
	return &Camera{track: vt, reader: vt.NewReader(false)}, nil
}

// Next blocks until the camera's next picture.
func (c *Camera) Next() (image.Image, error) {
	img, release, err := c.reader.Read()
	if err != nil {
		return nil, fmt.Errorf("camera: %w", err)
	}
	if release != nil {
		defer release()
	}
	return img, nil
}

// Close releases the camera.
func (c *Camera) Close() error { return c.track.Close() }

// Microphone is an open microphone giving 20 ms chunks.
type Microphone struct {
	track   mediadevices.Track
	reader  audio.Reader
	pending []int16 // stereo samples read but not yet handed out
}

// OpenMicrophone opens microphone id ("" for the first) at 48 kHz.
func OpenMicrophone(id string) (*Microphone, error) {
	if id == "" {
		for _, d := range Devices() {
			if !d.Camera {
				id = d.ID
				break
			}
		}
		if id == "" {
			return nil, fmt.Errorf("microphone: %w", ErrNoDevice)
		}
	}
	s, err := mediadevices.GetUserMedia(mediadevices.MediaStreamConstraints{
		Audio: func(c *mediadevices.MediaTrackConstraints) {
			c.DeviceID = prop.StringExact(id)
			c.SampleRate = prop.Int(48000)
			c.Latency = prop.Duration(20 * time.Millisecond)
		},
	})
	if err != nil {
		return nil, fmt.Errorf("microphone %s: %w", id, err)
	}
	tracks := s.GetAudioTracks()
	if len(tracks) == 0 {
		return nil, fmt.Errorf("microphone %s: %w", id, ErrNoDevice)
	}
	at, ok := tracks[0].(*mediadevices.AudioTrack)
	if !ok {
		tracks[0].Close()
		return nil, fmt.Errorf("microphone %s: not an audio track", id)
	}
	return &Microphone{track: at, reader: at.NewReader(false)}, nil
}

// Fill blocks until len(pcm)/2 stereo samples have been captured. The
// device must run at 48 kHz (asked for; miniaudio converts).
func (m *Microphone) Fill(pcm []int16) error {
	for len(m.pending) < len(pcm) {
		chunk, release, err := m.reader.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return fmt.Errorf("microphone: it stopped (unplugged?): %w", err)
			}
			return fmt.Errorf("microphone: %w", err)
		}
		m.pending = appendStereo(m.pending, chunk)
		if release != nil {
			release()
		}
	}
	n := copy(pcm, m.pending)
	m.pending = append(m.pending[:0], m.pending[n:]...)
	return nil
}

// appendStereo appends a chunk as interleaved int16 stereo: mono is
// doubled, channels past two are dropped.
func appendStereo(dst []int16, a wave.Audio) []int16 {
	info := a.ChunkInfo()
	for i := 0; i < info.Len; i++ {
		left := int16(wave.Int16SampleFormat.Convert(a.At(i, 0)).(wave.Int16Sample))
		right := left
		if info.Channels > 1 {
			right = int16(wave.Int16SampleFormat.Convert(a.At(i, 1)).(wave.Int16Sample))
		}
		dst = append(dst, left, right)
	}
	return dst
}

// Close releases the microphone.
func (m *Microphone) Close() error { return m.track.Close() }
