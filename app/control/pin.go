package control

import (
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
)

// ErrPinMismatch is a room whose certificate is not the one the invite
// pinned.
var ErrPinMismatch = errors.New("the moderator's certificate does not match the invite (wrong address, or someone in between)")

// PinnedTLS trusts exactly the certificate whose SHA-256 (DER, hex) is pin:
// a room's certificate is self-signed, and the invite carries its pin.
func PinnedTLS(pin string) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS13,
		InsecureSkipVerify: true, // replaced by the pin check below
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return ErrPinMismatch
			}
			sum := sha256.Sum256(cs.PeerCertificates[0].Raw)
			if hex.EncodeToString(sum[:]) != pin {
				return fmt.Errorf("%w: got %x", ErrPinMismatch, sum[:8])
			}
			return nil
		},
	}
}
