package phonepage

import (
	"fmt"

	"github.com/igf-floor/floor/app/qr"
)

// QR is the room's QR code of address: a PNG of size pixels for the
// room's screen or a printed sheet, and the same code as text (two rows a
// line in half blocks) for a terminal.
func QR(address string, size int) (png []byte, text string, err error) {
	if png, err = qr.PNG(address, size); err != nil {
		return nil, "", fmt.Errorf("QR code of %s: %w", address, err)
	}
	if text, err = qr.Terminal(address); err != nil {
		return nil, "", fmt.Errorf("QR code of %s: %w", address, err)
	}
	return png, text, nil
}
