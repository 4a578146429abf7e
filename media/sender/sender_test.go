package sender

import (
	"context"
	"image"
	"image/color"
	"testing"
	"time"

	_ "github.com/pion/mediadevices/pkg/driver/audiotest" // mediadevices' own fake microphone
	_ "github.com/pion/mediadevices/pkg/driver/videotest" // and camera
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media/capture"
)

func tracks(t *testing.T) (*webrtc.TrackLocalStaticSample, *webrtc.TrackLocalStaticSample) {
	v, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "v", "s")
	if err != nil {
		t.Fatal(err)
	}
	a, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, "a", "s")
	if err != nil {
		t.Fatal(err)
	}
	return v, a
}

// The camera and microphone path, through pion/mediadevices with its test
// drivers standing in for hardware: pictures are scaled and encoded, sound
// is chunked and encoded, and the self-view follows.
func TestSendsFromCameraAndMicrophone(t *testing.T) {
	var cams, mics int
	for _, d := range capture.Devices() {
		if d.Camera {
			cams++
		} else {
			mics++
		}
	}
	if cams == 0 || mics == 0 {
		t.Fatalf("the test drivers are missing: %d cameras, %d microphones", cams, mics)
	}
	cam, err := capture.OpenCamera("", 640, 480, 30)
	if err != nil {
		t.Fatal(err)
	}
	mic, err := capture.OpenMicrophone("")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(Options{Width: 320, Height: 180}, FromCamera(cam, 320, 180), FromMicrophone(mic))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	v, a := tracks(t)
	go func() { done <- s.Run(ctx, v, a) }()
	deadline := time.Now().Add(10 * time.Second)
	var self *image.RGBA
	for s.Stats.Frames.Load() < 10 || s.Stats.AudioPackets.Load() < 20 || !s.Preview(&self) {
		if time.Now().After(deadline) {
			t.Fatalf("frames %d, audio packets %d", s.Stats.Frames.Load(), s.Stats.AudioPackets.Load())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if self.Rect.Dx() != 320 || self.Rect.Dy() != 180 {
		t.Fatalf("self-view %v", self.Rect)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestToI420ScalesAnyPicture(t *testing.T) {
	dst := image.NewYCbCr(image.Rect(0, 0, 4, 4), image.YCbCrSubsampleRatio420)
	red := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := 0; i < len(red.Pix); i += 4 {
		copy(red.Pix[i:], []byte{255, 0, 0, 255})
	}
	ToI420(dst, red)
	y, cb, cr := color.RGBToYCbCr(255, 0, 0)
	want := color.YCbCr{Y: y, Cb: cb, Cr: cr}
	if dst.Y[0] != want.Y || dst.Cr[0] < want.Cr-1 || dst.Cb[0] > want.Cb+1 {
		t.Fatalf("red became Y %d Cb %d Cr %d, want %v", dst.Y[0], dst.Cb[0], dst.Cr[0], want)
	}
	yuyv := image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio422)
	for i := range yuyv.Y {
		yuyv.Y[i] = 200
	}
	ToI420(dst, yuyv)
	if dst.Y[15] != 200 {
		t.Fatalf("4:2:2 luma %d", dst.Y[15])
	}
}
