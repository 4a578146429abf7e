// Package whip is Floor's WHIP (RFC 9725) endpoint for remote hubs and the
// client hubs publish with: HTTPS with a pinned certificate, per-hub bearer
// tokens, and one Pion PeerConnection per hub carrying its media and the
// "floor" control data channel.
package whip

import (
	"github.com/igf-floor/floor/app/control"

	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Certificate file names in the config directory.
const (
	CertFile = "hub-cert.pem"
	KeyFile  = "hub-key.pem"
)

// LoadOrCreateCertificate returns the certificate in dir, making a
// self-signed ECDSA P-256 one the first time. It is kept so the pin in
// invites already sent stays valid across restarts.
func LoadOrCreateCertificate(dir string, now time.Time) (tls.Certificate, error) {
	certPath, keyPath := filepath.Join(dir, CertFile), filepath.Join(dir, KeyFile)
	cert, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err == nil {
		return cert, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return cert, fmt.Errorf("certificate in %s: %w", dir, err)
	}
	certPEM, keyPEM, err := selfSigned(now)
	if err != nil {
		return cert, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return cert, fmt.Errorf("certificate directory: %w", err)
	}
	// The key first and private; a crash between the two writes leaves no
	// certificate, so the next start makes a fresh pair.
	if err := writeFile(keyPath, keyPEM, 0o600); err != nil {
		return cert, err
	}
	if err := writeFile(certPath, certPEM, 0o644); err != nil {
		return cert, err
	}
	return tls.X509KeyPair(certPEM, keyPEM)
}

// LoadCertificate reads a certificate and key the user supplies.
func LoadCertificate(certPath, keyPath string) (tls.Certificate, error) {
	cert, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err != nil {
		return cert, fmt.Errorf("certificate %s with key %s: %w", certPath, keyPath, err)
	}
	return cert, nil
}

// Pin is the hex SHA-256 of the certificate's DER, as invites carry it.
func Pin(cert tls.Certificate) string {
	if len(cert.Certificate) == 0 {
		return ""
	}
	sum := sha256.Sum256(cert.Certificate[0])
	return hex.EncodeToString(sum[:])
}

// ErrPinMismatch is a server whose certificate is not the one the invite names.
var ErrPinMismatch = control.ErrPinMismatch

// PinnedTLS is a client configuration that trusts exactly the certificate
// whose SHA-256 is pin, and nothing else: no CA, no name check, because the
// invite itself is the trust anchor. Seats use the same (control.PinnedTLS).
func PinnedTLS(pin string) *tls.Config { return control.PinnedTLS(pin) }

func selfSigned(now time.Time) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("certificate key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, fmt.Errorf("certificate serial: %w", err)
	}
	host, _ := os.Hostname()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "Floor " + host, Organization: []string{"Floor"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(5, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	if host != "" {
		tmpl.DNSNames = append(tmpl.DNSNames, host)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("certificate: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, fmt.Errorf("certificate key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), nil
}

// writeFile writes through a temporary file and a rename, so a crash never
// leaves half a key.
func writeFile(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(perm); err == nil {
		_, err = tmp.Write(data)
		if err == nil {
			err = tmp.Sync()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err == nil {
			return nil
		}
	}
	tmp.Close()
	return fmt.Errorf("write %s: %w", path, err)
}
