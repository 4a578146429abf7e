package fec

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pion/interceptor/pkg/flexfec"
	"github.com/pion/rtp"
)

// frame is n packets of one frame as the hub packetizes them, payloads of
// varied length, the last with the marker bit.
func frame(rng *rand.Rand, n int, firstSeq uint16) []rtp.Packet {
	var pkts []rtp.Packet
	for i := range n {
		payload := make([]byte, 200+rng.IntN(1000))
		for j := range payload {
			payload[j] = byte(rng.Uint32())
		}
		pkts = append(pkts, rtp.Packet{Header: rtp.Header{Version: 2, PayloadType: 96, SequenceNumber: firstSeq + uint16(i),
			Timestamp: 3000 * 7, SSRC: 0xfeed, Marker: i == n-1}, Payload: payload})
	}
	return pkts
}

// onTheWire is the packet as the room reads it: the transport added
// header extensions the repair does not cover.
func onTheWire(p rtp.Packet) *rtp.Packet {
	q := &rtp.Packet{Header: p.Header, Payload: p.Payload}
	q.Header.Extension = true
	q.Header.ExtensionProfile = 0xBEDE
	_ = q.Header.SetExtension(1, []byte{0x12, 0x34})
	return q
}

// Each lost packet of a frame — the marker packet too — is rebuilt exactly
// from the other packets and the repair packets Pion's encoder made; two
// losses in one group wait, and are rebuilt once one arrives (say, by
// retransmission).
func TestLostPacketsAreRebuiltExactly(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 5, 8, 9, 24, 60, maxCovered} {
		pkts := frame(rng, n, 65530) // the sequence numbers wrap
		repairs := flexfec.NewFlexEncoder03(PayloadType, 0xfec).EncodeFec(pkts, uint32((n+PacketsPerRepair-1)/PacketsPerRepair))
		groups := len(repairs)
		for lost := range n {
			var r Recoverer
			for i, p := range pkts {
				if i != lost {
					r.Media(onTheWire(p), at)
				}
			}
			var got []*rtp.Packet
			for _, rp := range repairs {
				got = append(got, r.Repair(&rp, at)...)
			}
			got = append(got, r.Tick(at.Add(TailWait))...) // the newest packet waits a moment
			want := pkts[lost]
			if len(got) != 1 || got[0].SequenceNumber != want.SequenceNumber || got[0].Marker != want.Marker ||
				got[0].Timestamp != want.Timestamp || got[0].PayloadType != want.PayloadType || got[0].SSRC != want.SSRC ||
				!bytes.Equal(got[0].Payload, want.Payload) {
				t.Fatalf("%d packets, lost #%d: rebuilt %d packets, %+v", n, lost, len(got), got)
			}
		}
		if groups < 2 || n < 2*groups {
			continue
		}
		// Two losses in the first group (packets 0 and groups): nothing until
		// one of them comes back.
		var r Recoverer
		for i, p := range pkts {
			if i != 0 && i != groups {
				r.Media(onTheWire(p), at)
			}
		}
		for _, rp := range repairs {
			if got := r.Repair(&rp, at); len(got) != 0 {
				t.Fatalf("%d packets: rebuilt %d with two lost in a group", n, len(got))
			}
		}
		got := r.Media(onTheWire(pkts[groups]), at)
		if len(got) != 1 || !bytes.Equal(got[0].Payload, pkts[0].Payload) {
			t.Fatalf("%d packets: after the retransmission, rebuilt %d", n, len(got))
		}
	}
}

// A repair for another stream, or one that does not parse, rebuilds
// nothing and is counted.
func TestForeignOrBrokenRepairsRebuildNothing(t *testing.T) {
	at := time.Now()
	rng := rand.New(rand.NewPCG(5, 6))
	pkts := frame(rng, 4, 100)
	repairs := flexfec.NewFlexEncoder03(PayloadType, 0xfec).EncodeFec(pkts, 1)
	var r Recoverer
	for _, p := range pkts[1:] {
		other := p
		other.SSRC = 0xbad
		r.Media(&other, at)
	}
	if got := r.Repair(&repairs[0], at); len(got) != 0 {
		t.Fatalf("rebuilt %d from another stream's packets", len(got))
	}
	for _, b := range [][]byte{nil, make([]byte, 19), append([]byte{0xc0}, make([]byte, 40)...), make([]byte, 22)} {
		r.Repair(&rtp.Packet{Payload: b}, at)
	}
	if r.Refused != 4 {
		t.Fatalf("refused %d of 4 broken repairs", r.Refused)
	}
}

func FuzzRepair(f *testing.F) {
	rng := rand.New(rand.NewPCG(7, 8))
	pkts := frame(rng, 12, 1)
	for _, rp := range flexfec.NewFlexEncoder03(PayloadType, 0xfec).EncodeFec(pkts, 2) {
		f.Add(rp.Payload)
	}
	at := time.Now()
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Recoverer
		for _, p := range pkts[1:] {
			r.Media(onTheWire(p), at)
		}
		for _, p := range append(r.Repair(&rtp.Packet{Payload: b}, at), r.Tick(at.Add(TailWait))...) {
			if _, err := p.Marshal(); err != nil {
				t.Fatalf("a rebuilt packet does not marshal: %v", err)
			}
		}
	})
}

// A repair for packets long gone (a frame of half a window ago) waits for
// nothing and rebuilds nothing.
func TestStaleRepairsAreDropped(t *testing.T) {
	at := time.Now()
	rng := rand.New(rand.NewPCG(9, 10))
	old := frame(rng, 8, 1000)
	repairs := flexfec.NewFlexEncoder03(PayloadType, 0xfec).EncodeFec(old, 1)
	var r Recoverer
	for _, p := range old[2:] {
		r.Media(onTheWire(p), at)
	}
	r.Repair(&repairs[0], at) // two missing: it waits
	for _, p := range frame(rng, window, 1008) {
		r.Media(onTheWire(p), at)
	}
	if got := r.Media(onTheWire(old[0]), at); len(got) != 0 || len(r.pending) != 0 || r.Rebuilt != 0 {
		t.Fatalf("rebuilt %d from a stale repair; %d waiting", len(got), len(r.pending))
	}
}

// The repair often reaches the room's receiver before the frame's last
// packet, which is on its way, not lost: nothing is rebuilt when it comes
// within TailWait.
func TestTheLastPacketOnItsWayIsNotRebuilt(t *testing.T) {
	at := time.Now()
	pkts := frame(rand.New(rand.NewPCG(11, 12)), 6, 40)
	repairs := flexfec.NewFlexEncoder03(PayloadType, 0xfec).EncodeFec(pkts, 1)
	var r Recoverer
	for _, p := range pkts[:5] {
		r.Media(onTheWire(p), at)
	}
	if got := r.Repair(&repairs[0], at); len(got) != 0 {
		t.Fatal("rebuilt the last packet at once")
	}
	if got := r.Media(onTheWire(pkts[5]), at.Add(time.Millisecond)); len(got) != 0 || r.Rebuilt != 0 {
		t.Fatal("rebuilt a packet that came")
	}
	if got := r.Tick(at.Add(time.Second)); len(got) != 0 || len(r.pending) != 0 {
		t.Fatalf("%d rebuilt, %d waiting", len(got), len(r.pending))
	}
}
