package opus

/*
#cgo pkg-config: opus
#include <opus.h>
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// Decoder is one Opus decoder, 48 kHz stereo, with loss concealment and
// in-band FEC.
type Decoder struct {
	d *C.OpusDecoder
}

// NewDecoder opens a decoder.
func NewDecoder() (*Decoder, error) {
	var rc C.int
	d := C.opus_decoder_create(48000, 2, &rc)
	if rc != C.OPUS_OK || d == nil {
		return nil, fmt.Errorf("opus: decoder: %s", C.GoString(C.opus_strerror(rc)))
	}
	return &Decoder{d: d}, nil
}

// Decode decodes packet into pcm (interleaved stereo, room for at least
// 2×FrameSamples values) and returns the samples per channel written.
func (dec *Decoder) Decode(packet []byte, pcm []int16) (int, error) {
	return dec.decode(packet, pcm, 0)
}

// DecodeFEC rebuilds the packet before next from the redundancy next
// carries (Opus in-band FEC), as 20 ms of sound.
func (dec *Decoder) DecodeFEC(next []byte, pcm []int16) (int, error) {
	return dec.decode(next, pcm[:2*FrameSamples], 1)
}

// Conceal invents 20 ms of sound for a packet that never came.
func (dec *Decoder) Conceal(pcm []int16) (int, error) {
	return dec.decode(nil, pcm[:2*FrameSamples], 0)
}

func (dec *Decoder) decode(packet []byte, pcm []int16, fec C.int) (int, error) {
	if dec.d == nil {
		return 0, errors.New("opus: decoder closed")
	}
	if len(pcm) < 2*FrameSamples {
		return 0, fmt.Errorf("opus: room for %d samples, need %d", len(pcm), 2*FrameSamples)
	}
	var data *C.uchar
	if len(packet) > 0 {
		data = (*C.uchar)(unsafe.Pointer(&packet[0]))
	}
	n := C.opus_decode(dec.d, data, C.opus_int32(len(packet)), (*C.opus_int16)(unsafe.Pointer(&pcm[0])), C.int(len(pcm)/2), fec)
	if n < 0 {
		return 0, fmt.Errorf("opus: decode: %s", C.GoString(C.opus_strerror(n)))
	}
	return int(n), nil
}

// Close frees the decoder.
func (dec *Decoder) Close() {
	if dec.d != nil {
		C.opus_decoder_destroy(dec.d)
		dec.d = nil
	}
}
