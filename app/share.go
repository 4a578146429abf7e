package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
)

// A shared My agenda is a floor:// link that carries the favourites' keys
// and nothing else: no name, no account, no times (the other Floor reads
// those from its own copy of each schedule). The keys are "source TAB guid"
// lines, deflated and base64url-encoded, so fifty of them fit a QR code.
const (
	shareScheme  = "floor"
	shareHost    = "agenda"
	shareVersion = "1"
	// MaxSharedKeys bounds a shared agenda: more than any conference-goer
	// marks, few enough to read and check in a blink.
	MaxSharedKeys = 2000
	maxShareLine  = 512      // a source and a guid, each well under it
	maxShareBytes = 64 << 10 // the keys, inflated
)

// ErrNotAShare is text that is not a shared My agenda.
var ErrNotAShare = errors.New("not a shared My agenda link")

// ShareLink is keys as a floor://agenda link.
func ShareLink(keys []agenda.Key) (string, error) {
	if len(keys) > MaxSharedKeys {
		return "", fmt.Errorf("My agenda has %d sessions; a shared agenda holds %d at most", len(keys), MaxSharedKeys)
	}
	var raw bytes.Buffer
	for _, k := range keys {
		if err := checkKeyField(k.Source); err != nil {
			return "", fmt.Errorf("session %s/%s: %w", k.Source, k.GUID, err)
		}
		if err := checkKeyField(k.GUID); err != nil {
			return "", fmt.Errorf("session %s/%s: %w", k.Source, k.GUID, err)
		}
		raw.WriteString(k.Source + "\t" + k.GUID + "\n")
	}
	var packed bytes.Buffer
	w, err := flate.NewWriter(&packed, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(raw.Bytes()); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	q := url.Values{"v": {shareVersion}, "k": {base64.RawURLEncoding.EncodeToString(packed.Bytes())}}
	return (&url.URL{Scheme: shareScheme, Host: shareHost, Path: "/", RawQuery: q.Encode()}).String(), nil
}

// ReadShareLink reads the keys of a shared My agenda; anything else, or a
// link damaged in transit, is refused with the reason.
func ReadShareLink(link string) ([]agenda.Key, error) {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || u.Scheme != shareScheme || u.Host != shareHost {
		return nil, fmt.Errorf("%w: it should start floor://agenda/", ErrNotAShare)
	}
	q := u.Query()
	if v := q.Get("v"); v != shareVersion {
		return nil, fmt.Errorf("%w: version %q, this Floor reads version %s", ErrNotAShare, v, shareVersion)
	}
	packed, err := base64.RawURLEncoding.DecodeString(q.Get("k"))
	if err != nil {
		return nil, fmt.Errorf("%w: the link is damaged (%v)", ErrNotAShare, err)
	}
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(packed)), maxShareBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: the link is damaged (%v)", ErrNotAShare, err)
	}
	if len(raw) > maxShareBytes {
		return nil, fmt.Errorf("%w: more than %d bytes of keys", ErrNotAShare, maxShareBytes)
	}
	var keys []agenda.Key
	seen := map[agenda.Key]bool{}
	for i, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if line == "" && len(raw) == 0 {
			break // an empty My agenda
		}
		source, guid, ok := strings.Cut(line, "\t")
		if !ok || checkKeyField(source) != nil || checkKeyField(guid) != nil {
			return nil, fmt.Errorf("%w: key %d is not a session's", ErrNotAShare, i+1)
		}
		k := agenda.Key{Source: source, GUID: guid}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		if len(keys) > MaxSharedKeys {
			return nil, fmt.Errorf("%w: more than %d sessions", ErrNotAShare, MaxSharedKeys)
		}
	}
	return keys, nil
}

func checkKeyField(s string) error {
	switch {
	case s == "" || len(s) > maxShareLine:
		return errors.New("an empty or overlong key")
	case !utf8.ValidString(s) || strings.ContainsAny(s, "\t\n\r"):
		return errors.New("a key with tabs, line ends or invalid UTF-8")
	case agenda.CheckText([]byte(s)) != nil:
		return errors.New("a key with control or direction characters")
	}
	return nil
}
