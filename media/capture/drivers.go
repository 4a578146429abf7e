package capture

// The drivers register themselves with mediadevices: V4L2 cameras, and
// microphones through miniaudio (ALSA or PulseAudio).
import (
	_ "github.com/pion/mediadevices/pkg/driver/camera"
	_ "github.com/pion/mediadevices/pkg/driver/microphone"
)
