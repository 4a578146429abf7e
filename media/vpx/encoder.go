// Package vpx encodes VP8 with libvpx through a small cgo binding of our
// own. It exists because pion/mediadevices never sets libvpx's cpu-used,
// and a 720p frame then takes 60–70 ms to encode (DESIGN.md); here it is a
// setting, with real-time defaults.
package vpx

/*
#cgo pkg-config: vpx
#include <stdlib.h>
#include <string.h>
#include <vpx/vpx_encoder.h>
#include <vpx/vp8cx.h>

typedef struct {
	vpx_codec_ctx_t codec;
	vpx_codec_enc_cfg_t cfg;
	vpx_image_t img;
	unsigned char *buf;
} floor_enc;

static int floor_enc_open(floor_enc *e, int w, int h, int kbps, int cpu_used, int threads, int kf_max) {
	memset(e, 0, sizeof(*e));
	if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &e->cfg, 0) != VPX_CODEC_OK) return -1;
	e->cfg.g_w = w;
	e->cfg.g_h = h;
	e->cfg.g_timebase.num = 1;
	e->cfg.g_timebase.den = 1000; // pts in milliseconds
	e->cfg.rc_target_bitrate = kbps;
	e->cfg.rc_end_usage = VPX_CBR;
	e->cfg.rc_min_quantizer = 4;
	e->cfg.rc_max_quantizer = 56;
	e->cfg.rc_undershoot_pct = 95;
	e->cfg.rc_buf_sz = 1000;
	e->cfg.rc_buf_initial_sz = 500;
	e->cfg.rc_buf_optimal_sz = 600;
	e->cfg.g_lag_in_frames = 0;  // real time: a frame out for every frame in
	e->cfg.g_error_resilient = VPX_ERROR_RESILIENT_DEFAULT;
	e->cfg.g_threads = threads;
	e->cfg.kf_mode = VPX_KF_AUTO;
	e->cfg.kf_max_dist = kf_max;
	if (vpx_codec_enc_init(&e->codec, vpx_codec_vp8_cx(), &e->cfg, 0) != VPX_CODEC_OK) return -2;
	vpx_codec_control(&e->codec, VP8E_SET_CPUUSED, cpu_used);
	vpx_codec_control(&e->codec, VP8E_SET_NOISE_SENSITIVITY, 0);
	vpx_codec_control(&e->codec, VP8E_SET_STATIC_THRESHOLD, 1);
	vpx_codec_control(&e->codec, VP8E_SET_MAX_INTRA_BITRATE_PCT, 300);
	e->buf = malloc((size_t)w * h * 3 / 2);
	if (!e->buf) { vpx_codec_destroy(&e->codec); return -3; }
	vpx_img_wrap(&e->img, VPX_IMG_FMT_I420, w, h, 1, e->buf);
	return 0;
}

static int floor_enc_set_bitrate(floor_enc *e, int kbps) {
	e->cfg.rc_target_bitrate = kbps;
	return vpx_codec_enc_config_set(&e->codec, &e->cfg) == VPX_CODEC_OK ? 0 : -1;
}

// floor_enc_encode encodes the I420 picture already in e->buf; the frame is
// copied to out (cap bytes). Returns its size, 0 when libvpx dropped the
// frame, or -1; *key says whether it is a keyframe.
static int floor_enc_encode(floor_enc *e, long long pts, int force_key, unsigned char *out, int cap, int *key) {
	vpx_enc_frame_flags_t flags = force_key ? VPX_EFLAG_FORCE_KF : 0;
	if (vpx_codec_encode(&e->codec, &e->img, pts, 1, flags, VPX_DL_REALTIME) != VPX_CODEC_OK) return -1;
	vpx_codec_iter_t iter = NULL;
	const vpx_codec_cx_pkt_t *pkt;
	int n = 0;
	*key = 0;
	while ((pkt = vpx_codec_get_cx_data(&e->codec, &iter)) != NULL) {
		if (pkt->kind != VPX_CODEC_CX_FRAME_PKT) continue;
		if (n + (int)pkt->data.frame.sz > cap) return -2;
		memcpy(out + n, pkt->data.frame.buf, pkt->data.frame.sz);
		n += pkt->data.frame.sz;
		if (pkt->data.frame.flags & VPX_FRAME_IS_KEY) *key = 1;
	}
	return n;
}

static void floor_enc_close(floor_enc *e) {
	vpx_codec_destroy(&e->codec);
	free(e->buf);
	e->buf = NULL;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"image"
	"time"
	"unsafe"
)

// Config is an encoder's set-up.
type Config struct {
	Width, Height int
	Kbps          int // target bitrate
	CPUUsed       int // libvpx speed: 0 best quality … 16 fastest; 0 here means 8
	Threads       int // 0 means 1
	KeyEvery      int // at most this many frames between keyframes; 0 means 90
}

// Encoder is one VP8 encoder. It is not safe for concurrent use.
type Encoder struct {
	e    *C.floor_enc
	w, h int
	out  []byte
}

// ErrClosed is using an encoder after Close.
var ErrClosed = errors.New("vpx: encoder closed")

// NewEncoder opens a real-time VP8 encoder.
func NewEncoder(c Config) (*Encoder, error) {
	if c.Width <= 0 || c.Height <= 0 || c.Width%2 != 0 || c.Height%2 != 0 || c.Width > 4096 || c.Height > 4096 {
		return nil, fmt.Errorf("vpx: %dx%d: width and height must be even, 2 to 4096", c.Width, c.Height)
	}
	if c.Kbps <= 0 {
		c.Kbps = 1000
	}
	if c.CPUUsed == 0 {
		c.CPUUsed = 8
	}
	if c.Threads <= 0 {
		c.Threads = 1
	}
	if c.KeyEvery <= 0 {
		c.KeyEvery = 90
	}
	e := (*C.floor_enc)(C.calloc(1, C.size_t(unsafe.Sizeof(C.floor_enc{}))))
	if e == nil {
		return nil, errors.New("vpx: out of memory")
	}
	if rc := C.floor_enc_open(e, C.int(c.Width), C.int(c.Height), C.int(c.Kbps), C.int(c.CPUUsed), C.int(c.Threads), C.int(c.KeyEvery)); rc != 0 {
		C.free(unsafe.Pointer(e))
		return nil, fmt.Errorf("vpx: encoder init failed (%d) for %dx%d", int(rc), c.Width, c.Height)
	}
	return &Encoder{e: e, w: c.Width, h: c.Height, out: make([]byte, c.Width*c.Height*3/2+4096)}, nil
}

// Encode encodes one picture (4:2:0, the encoder's size) at pts, and
// returns the frame, which is valid until the next call, and whether it is
// a keyframe. An empty frame means libvpx dropped it to hold the rate.
func (enc *Encoder) Encode(img *image.YCbCr, pts time.Duration, forceKey bool) ([]byte, bool, error) {
	if enc.e == nil {
		return nil, false, ErrClosed
	}
	if img.SubsampleRatio != image.YCbCrSubsampleRatio420 || img.Rect.Dx() != enc.w || img.Rect.Dy() != enc.h {
		return nil, false, fmt.Errorf("vpx: want a %dx%d 4:2:0 picture, got %v %v", enc.w, enc.h, img.Rect.Size(), img.SubsampleRatio)
	}
	enc.load(img)
	var key C.int
	force := C.int(0)
	if forceKey {
		force = 1
	}
	n := C.floor_enc_encode(enc.e, C.longlong(pts.Milliseconds()), force, (*C.uchar)(unsafe.Pointer(&enc.out[0])), C.int(len(enc.out)), &key)
	if n < 0 {
		return nil, false, fmt.Errorf("vpx: encode failed (%d)", int(n))
	}
	return enc.out[:n], key != 0, nil
}

// load copies the picture's planes into the encoder's I420 buffer.
func (enc *Encoder) load(img *image.YCbCr) {
	w, h := enc.w, enc.h
	buf := unsafe.Slice((*byte)(unsafe.Pointer(enc.e.buf)), w*h*3/2)
	for y := 0; y < h; y++ {
		copy(buf[y*w:(y+1)*w], img.Y[y*img.YStride:y*img.YStride+w])
	}
	cw, ch := w/2, h/2
	u, v := buf[w*h:w*h+cw*ch], buf[w*h+cw*ch:]
	for y := 0; y < ch; y++ {
		copy(u[y*cw:(y+1)*cw], img.Cb[y*img.CStride:y*img.CStride+cw])
		copy(v[y*cw:(y+1)*cw], img.Cr[y*img.CStride:y*img.CStride+cw])
	}
}

// SetBitrate changes the target rate, as when the room caps a queued hub.
func (enc *Encoder) SetBitrate(kbps int) error {
	if enc.e == nil {
		return ErrClosed
	}
	if C.floor_enc_set_bitrate(enc.e, C.int(max(kbps, 30))) != 0 {
		return fmt.Errorf("vpx: cannot set %d kbps", kbps)
	}
	return nil
}

// Close frees the encoder.
func (enc *Encoder) Close() {
	if enc.e != nil {
		C.floor_enc_close(enc.e)
		C.free(unsafe.Pointer(enc.e))
		enc.e = nil
	}
}
