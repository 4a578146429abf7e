// Package opus encodes Opus with libopus through a small cgo binding: the
// hub's microphone or test tone, 20 ms at a time.
package opus

/*
#cgo pkg-config: opus
#include <opus.h>

// opus_encoder_ctl is variadic, which cgo cannot call.
static int floor_opus_bitrate(OpusEncoder *e, int bps) { return opus_encoder_ctl(e, OPUS_SET_BITRATE(bps)); }
static int floor_opus_fec(OpusEncoder *e, int loss_pct) {
	int rc = opus_encoder_ctl(e, OPUS_SET_INBAND_FEC(1));
	if (rc != OPUS_OK) return rc;
	return opus_encoder_ctl(e, OPUS_SET_PACKET_LOSS_PERC(loss_pct));
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// Encoder is one Opus encoder, 48 kHz stereo, tuned for speech.
type Encoder struct {
	e   *C.OpusEncoder
	out []byte
}

// FrameSamples is 20 ms at 48 kHz per channel.
const FrameSamples = 960

// NewEncoder opens an encoder at bps with in-band FEC for the losses hubs
// see.
func NewEncoder(bps int) (*Encoder, error) {
	var rc C.int
	e := C.opus_encoder_create(48000, 2, C.OPUS_APPLICATION_VOIP, &rc)
	if rc != C.OPUS_OK || e == nil {
		return nil, fmt.Errorf("opus: encoder: %s", C.GoString(C.opus_strerror(rc)))
	}
	enc := &Encoder{e: e, out: make([]byte, 4000)}
	if rc := C.floor_opus_bitrate(e, C.int(bps)); rc != C.OPUS_OK {
		enc.Close()
		return nil, fmt.Errorf("opus: bitrate %d: %s", bps, C.GoString(C.opus_strerror(rc)))
	}
	if rc := C.floor_opus_fec(e, 5); rc != C.OPUS_OK {
		enc.Close()
		return nil, fmt.Errorf("opus: FEC: %s", C.GoString(C.opus_strerror(rc)))
	}
	return enc, nil
}

// Encode encodes one 20 ms stereo frame (2×FrameSamples values); the
// packet is valid until the next call.
func (enc *Encoder) Encode(pcm []int16) ([]byte, error) {
	if enc.e == nil {
		return nil, errors.New("opus: encoder closed")
	}
	if len(pcm) != 2*FrameSamples {
		return nil, fmt.Errorf("opus: want %d samples, got %d", 2*FrameSamples, len(pcm))
	}
	n := C.opus_encode(enc.e, (*C.opus_int16)(unsafe.Pointer(&pcm[0])), FrameSamples,
		(*C.uchar)(unsafe.Pointer(&enc.out[0])), C.opus_int32(len(enc.out)))
	if n < 0 {
		return nil, fmt.Errorf("opus: encode: %s", C.GoString(C.opus_strerror(C.int(n))))
	}
	return enc.out[:n], nil
}

// Close frees the encoder.
func (enc *Encoder) Close() {
	if enc.e != nil {
		C.opus_encoder_destroy(enc.e)
		enc.e = nil
	}
}
