// Package h264 decodes H.264 (what OBS and some browsers send over WHIP)
// with Cisco's openh264, through cgo: BSD-licensed like Floor's MIT, packaged
// by Debian (libopenh264-dev), and with a C interface that needs no C++.
package h264

/*
#cgo pkg-config: openh264
#include <stdlib.h>
#include <string.h>
#include <wels/codec_api.h>

static ISVCDecoder *floor_open(void) {
	ISVCDecoder *d = NULL;
	if (WelsCreateDecoder(&d) != 0 || d == NULL) return NULL;
	SDecodingParam p;
	memset(&p, 0, sizeof p);
	p.sVideoProperty.eVideoBsType = VIDEO_BITSTREAM_AVC;
	p.eEcActiveIdc = ERROR_CON_DISABLE; // a damaged picture is not shown: the room waits for a keyframe
	if ((*d)->Initialize(d, &p) != 0) { WelsDestroyDecoder(d); return NULL; }
	return d;
}

// floor_decode decodes one access unit (Annex B); on a picture it sets the
// planes, size and strides and returns 1, 0 when none is ready, -1 on error.
static int floor_decode(ISVCDecoder *d, const unsigned char *src, int n, unsigned char **y, unsigned char **u, unsigned char **v,
		int *w, int *h, int *sy, int *suv) {
	unsigned char *dst[3] = {0};
	SBufferInfo info;
	memset(&info, 0, sizeof info);
	DECODING_STATE st = (*d)->DecodeFrameNoDelay(d, src, n, dst, &info);
	if (st != dsErrorFree) return -1;
	if (info.iBufferStatus != 1) return 0;
	*y = dst[0]; *u = dst[1]; *v = dst[2];
	*w = info.UsrData.sSystemBuffer.iWidth; *h = info.UsrData.sSystemBuffer.iHeight;
	*sy = info.UsrData.sSystemBuffer.iStride[0]; *suv = info.UsrData.sSystemBuffer.iStride[1];
	return 1;
}

static void floor_close(ISVCDecoder *d) { (*d)->Uninitialize(d); WelsDestroyDecoder(d); }
*/
import "C"

import (
	"errors"
	"image"
	"unsafe"
)

// Decoder is one H.264 decoder. It is not safe for concurrent use.
type Decoder struct {
	d   *C.ISVCDecoder
	img *image.YCbCr
}

// ErrCorrupt is an access unit openh264 could not decode (a reference was
// lost, or the data is not H.264).
var ErrCorrupt = errors.New("h264: the frame cannot be decoded")

// NewDecoder opens a decoder.
func NewDecoder() (*Decoder, error) {
	d := C.floor_open()
	if d == nil {
		return nil, errors.New("h264: openh264 decoder init failed")
	}
	return &Decoder{d: d}, nil
}

// Decode takes one access unit in Annex B form and returns the picture it
// completes, reusing one image; nil with no error when none is ready yet.
func (dec *Decoder) Decode(au []byte) (*image.YCbCr, error) {
	if dec.d == nil {
		return nil, errors.New("h264: decoder closed")
	}
	if len(au) == 0 {
		return nil, ErrCorrupt
	}
	cs := C.CBytes(au) // openh264 may read past the end while parsing; a C copy is safe from Go's GC too
	defer C.free(cs)
	var y, u, v *C.uchar
	var w, h, sy, suv C.int
	switch C.floor_decode(dec.d, (*C.uchar)(cs), C.int(len(au)), &y, &u, &v, &w, &h, &sy, &suv) {
	case -1:
		return nil, ErrCorrupt
	case 0:
		return nil, nil
	}
	W, H := int(w), int(h)
	if W <= 0 || H <= 0 || W > 8192 || H > 8192 {
		return nil, ErrCorrupt
	}
	if dec.img == nil || dec.img.Rect.Dx() != W || dec.img.Rect.Dy() != H {
		dec.img = image.NewYCbCr(image.Rect(0, 0, W, H), image.YCbCrSubsampleRatio420)
	}
	img := dec.img
	copyPlane(img.Y, img.YStride, unsafe.Pointer(y), int(sy), W, H)
	copyPlane(img.Cb, img.CStride, unsafe.Pointer(u), int(suv), (W+1)/2, (H+1)/2)
	copyPlane(img.Cr, img.CStride, unsafe.Pointer(v), int(suv), (W+1)/2, (H+1)/2)
	return img, nil
}

func copyPlane(dst []byte, dstStride int, src unsafe.Pointer, srcStride, w, h int) {
	plane := unsafe.Slice((*byte)(src), srcStride*(h-1)+w)
	for row := range h {
		copy(dst[row*dstStride:row*dstStride+w], plane[row*srcStride:])
	}
}

// Close frees the decoder.
func (dec *Decoder) Close() {
	if dec.d != nil {
		C.floor_close(dec.d)
		dec.d = nil
	}
}
