package qr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // a phone's photo of a code
	_ "image/png"  // a saved code or a screenshot

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// MaxPictureBytes bounds a picture read for a code: a phone's photo is a
// few megabytes; a larger file is not a picture of a QR code.
const MaxPictureBytes = 32 << 20

// maxPixels bounds a picture's decoded size (a PNG of a few kilobytes can
// claim a billion pixels).
const maxPixels = 40_000_000

// ErrNoCode is returned when a picture holds no QR code that reads.
var ErrNoCode = errors.New("no QR code found in the picture")

// ReadPicture finds the QR code in a PNG or JPEG picture (a saved code, a
// screenshot, a photo of a screen or a print) and returns its text. It
// reads with github.com/makiuchi-d/gozxing, the Go port of ZXing, which
// finds a code anywhere in the picture, at an angle or with glare.
func ReadPicture(data []byte) (string, error) {
	if len(data) > MaxPictureBytes {
		return "", fmt.Errorf("read a QR code: the picture is %d MB, more than %d MB", len(data)>>20, MaxPictureBytes>>20)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("read a QR code: not a PNG or JPEG picture: %w", err)
	}
	if cfg.Width*cfg.Height > maxPixels {
		return "", fmt.Errorf("read a QR code: the picture is %d×%d pixels, more than %d million", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("read a QR code: %w", err)
	}
	return Read(img)
}

// Read returns the text of the QR code in img.
func Read(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("read a QR code: %w", err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		if errors.As(err, new(gozxing.NotFoundException)) || errors.As(err, new(gozxing.ChecksumException)) || errors.As(err, new(gozxing.FormatException)) {
			return "", ErrNoCode
		}
		return "", fmt.Errorf("read a QR code: %w", err)
	}
	return res.GetText(), nil
}
