package media

import (
	"testing"
	"time"

	"github.com/pion/webrtc/v4"
)

// Two engines on loopback, each on its own single UDP port: a real offer
// and answer, and a message across the "floor" data channel.
func TestTwoPeersOnLoopback(t *testing.T) {
	room, err := NewEngine(Config{ListenAddr: "127.0.0.1:0", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	hub, err := NewEngine(Config{ListenAddr: "127.0.0.1:0", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	defer hub.Close()
	if room.Addr().Port == 0 || room.Addr().Port == hub.Addr().Port {
		t.Fatalf("ports %v %v", room.Addr(), hub.Addr())
	}

	offerer, err := hub.API.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		t.Fatal(err)
	}
	defer offerer.Close()
	answerer, err := room.API.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		t.Fatal(err)
	}
	defer answerer.Close()

	got := make(chan string, 1)
	answerer.OnDataChannel(func(dc *webrtc.DataChannel) {
		dc.OnMessage(func(m webrtc.DataChannelMessage) { got <- dc.Label() + ": " + string(m.Data) })
	})
	dc, err := offerer.CreateDataChannel("floor", nil)
	if err != nil {
		t.Fatal(err)
	}
	dc.OnOpen(func() { dc.SendText(`{"v":1,"type":"hello"}`) })

	offer, err := offerer.CreateOffer(nil)
	if err != nil {
		t.Fatal(err)
	}
	gathered := webrtc.GatheringCompletePromise(offerer)
	if err := offerer.SetLocalDescription(offer); err != nil {
		t.Fatal(err)
	}
	<-gathered
	if err := answerer.SetRemoteDescription(*offerer.LocalDescription()); err != nil {
		t.Fatal(err)
	}
	answer, err := answerer.CreateAnswer(nil)
	if err != nil {
		t.Fatal(err)
	}
	gathered = webrtc.GatheringCompletePromise(answerer)
	if err := answerer.SetLocalDescription(answer); err != nil {
		t.Fatal(err)
	}
	<-gathered
	if err := offerer.SetRemoteDescription(*answerer.LocalDescription()); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if m != `floor: {"v":1,"type":"hello"}` {
			t.Errorf("got %q", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no message across the data channel within 10 s")
	}
}

func TestBadListenAddress(t *testing.T) {
	if _, err := NewEngine(Config{ListenAddr: "not an address"}); err == nil {
		t.Error("a bad address was accepted")
	}
}
