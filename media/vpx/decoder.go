package vpx

/*
#cgo pkg-config: vpx
#include <stdlib.h>
#include <string.h>
#include <vpx/vpx_decoder.h>
#include <vpx/vp8dx.h>

static int floor_dec_open(vpx_codec_ctx_t *c) {
	vpx_codec_dec_cfg_t cfg = {0};
	cfg.threads = 1;
	return vpx_codec_dec_init(c, vpx_codec_vp8_dx(), &cfg, 0) == VPX_CODEC_OK ? 0 : -1;
}

// floor_dec_decode decodes one frame; *img is the picture to show (NULL
// when none) and *corrupt says libvpx concealed damage in it.
static int floor_dec_decode(vpx_codec_ctx_t *c, const unsigned char *data, int n, vpx_image_t **img, int *corrupt) {
	*img = NULL;
	*corrupt = 0;
	if (vpx_codec_decode(c, data, (unsigned int)n, NULL, 0) != VPX_CODEC_OK) return -1;
	vpx_codec_control(c, VP8D_GET_FRAME_CORRUPTED, corrupt);
	vpx_codec_iter_t iter = NULL;
	*img = vpx_codec_get_frame(c, &iter);
	return 0;
}

static int floor_img_w(vpx_image_t *i) { return (int)i->d_w; }
static int floor_img_h(vpx_image_t *i) { return (int)i->d_h; }
static int floor_img_fmt(vpx_image_t *i) { return (int)i->fmt; }
static unsigned char *floor_img_plane(vpx_image_t *i, int p) { return i->planes[p]; }
static int floor_img_stride(vpx_image_t *i, int p) { return i->stride[p]; }
*/
import "C"

import (
	"errors"
	"fmt"
	"image"
	"unsafe"
)

// Decoder is one VP8 decoder. It is not safe for concurrent use.
type Decoder struct {
	c   *C.vpx_codec_ctx_t
	img *image.YCbCr
}

// ErrCorrupt is a frame libvpx could only show with damage concealed.
var ErrCorrupt = errors.New("vpx: the frame is damaged (a reference was lost)")

// NewDecoder opens a VP8 decoder.
func NewDecoder() (*Decoder, error) {
	c := (*C.vpx_codec_ctx_t)(C.calloc(1, C.size_t(unsafe.Sizeof(C.vpx_codec_ctx_t{}))))
	if c == nil {
		return nil, errors.New("vpx: out of memory")
	}
	if C.floor_dec_open(c) != 0 {
		C.free(unsafe.Pointer(c))
		return nil, errors.New("vpx: decoder init failed")
	}
	return &Decoder{c: c}, nil
}

// Decode decodes one whole VP8 frame and returns the picture, which is
// reused by the next call (a new size gets a new picture). A nil picture
// with no error means the frame showed nothing (libvpx keeps it as a
// reference only). A damaged frame returns the picture and ErrCorrupt.
func (d *Decoder) Decode(frame []byte) (*image.YCbCr, error) {
	if d.c == nil {
		return nil, errors.New("vpx: decoder closed")
	}
	if len(frame) == 0 {
		return nil, errors.New("vpx: empty frame")
	}
	var img *C.vpx_image_t
	var corrupt C.int
	if C.floor_dec_decode(d.c, (*C.uchar)(unsafe.Pointer(&frame[0])), C.int(len(frame)), &img, &corrupt) != 0 {
		return nil, fmt.Errorf("vpx: cannot decode a %d-byte frame", len(frame))
	}
	if img == nil {
		return nil, nil
	}
	if C.floor_img_fmt(img) != C.VPX_IMG_FMT_I420 {
		return nil, fmt.Errorf("vpx: unexpected picture format %d", int(C.floor_img_fmt(img)))
	}
	w, h := int(C.floor_img_w(img)), int(C.floor_img_h(img))
	if d.img == nil || d.img.Rect.Dx() != w || d.img.Rect.Dy() != h {
		d.img = image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	}
	copyPlane(d.img.Y, d.img.YStride, img, 0, w, h)
	copyPlane(d.img.Cb, d.img.CStride, img, 1, (w+1)/2, (h+1)/2)
	copyPlane(d.img.Cr, d.img.CStride, img, 2, (w+1)/2, (h+1)/2)
	if corrupt != 0 {
		return d.img, ErrCorrupt
	}
	return d.img, nil
}

func copyPlane(dst []byte, dstStride int, img *C.vpx_image_t, p, w, h int) {
	stride := int(C.floor_img_stride(img, C.int(p)))
	src := unsafe.Slice((*byte)(unsafe.Pointer(C.floor_img_plane(img, C.int(p)))), stride*(h-1)+w)
	for y := 0; y < h; y++ {
		copy(dst[y*dstStride:y*dstStride+w], src[y*stride:y*stride+w])
	}
}

// Close frees the decoder.
func (d *Decoder) Close() {
	if d.c != nil {
		C.vpx_codec_destroy(d.c)
		C.free(unsafe.Pointer(d.c))
		d.c = nil
	}
}
