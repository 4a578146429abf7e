// Package qr draws and reads QR codes: Floor's one place for its QR libraries
// (github.com/skip2/go-qrcode to draw, pure Go, MIT, no dependencies;
// github.com/makiuchi-d/gozxing to read, the Go port of ZXing, Apache-2.0).
package qr

import (
	"fmt"

	"github.com/skip2/go-qrcode"
)

// PNG is text as a QR code of size×size pixels, with medium error
// correction (a smudged print or a glare on a screen still reads).
func PNG(text string, size int) ([]byte, error) {
	b, err := qrcode.Encode(text, qrcode.Medium, size)
	if err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	return b, nil
}

// Terminal is text as a QR code in half blocks, two rows a line, for a
// terminal.
func Terminal(text string) (string, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("QR code: %w", err)
	}
	return q.ToSmallString(false), nil
}
