package whip

import (
	"strings"
	"testing"
)

func TestParseFrag(t *testing.T) {
	f, err := parseFrag([]byte("a=ice-ufrag:abcd\r\na=ice-pwd:secretsecretsecret\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=candidate:1 1 udp 1 10.0.0.1 5000 typ host\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=candidate:2 1 udp 1 10.0.0.1 5002 typ host\r\na=end-of-candidates\r\n"))
	if err != nil || f.ufrag != "abcd" || f.pwd != "secretsecretsecret" || len(f.candidates) != 2 {
		t.Fatalf("%+v %v", f, err)
	}
	if *f.candidates[0].SDPMid != "0" || f.candidates[1].SDPMid != nil || *f.candidates[1].SDPMLineIndex != 1 {
		t.Fatalf("candidate placement: %+v", f.candidates)
	}
	for _, bad := range []string{"<html>", "hello\r\n", "a=ice-ufrag:" + strings.Repeat("x", 300)} {
		if _, err := parseFrag([]byte(bad)); err == nil {
			t.Errorf("%.20q accepted", bad)
		}
	}
}

func FuzzParseFrag(f *testing.F) {
	f.Add([]byte("a=ice-ufrag:abcd\r\na=ice-pwd:x\r\nm=audio 9 X 0\r\na=mid:0\r\na=candidate:1 1 udp 1 1.2.3.4 5 typ host\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := parseFrag(b)
		if err == nil && (len(fr.ufrag) > 256 || len(fr.pwd) > 256) {
			t.Fatal("long credentials accepted")
		}
	})
}
