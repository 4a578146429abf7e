package seatlink

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// One seat's token opening stream after stream holds StreamsPerSeat at
// most: each new one beyond ends the oldest (before, every one stayed
// open, and the room rendered and sent the state to each every second).
func TestASeatHoldsAFewStreamsAtMost(t *testing.T) {
	r := newRig(t)
	_, token, err := r.dir.Add(context.Background(), app.NewSeat{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat})
	if err != nil {
		t.Fatal(err)
	}
	const opened = StreamsPerSeat + 2
	ended := make(chan int, opened)
	for i := range opened {
		req, _ := http.NewRequest(http.MethodGet, r.https.URL+StatePath, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := r.https.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		br := bufio.NewReader(resp.Body)
		if _, err := br.ReadString('\n'); err != nil { // the stream is open and tracked
			t.Fatal(err)
		}
		go func() { _, _ = io.Copy(io.Discard, br); ended <- i }()
	}
	for range opened - StreamsPerSeat {
		select {
		case i := <-ended:
			if i >= opened-StreamsPerSeat {
				t.Errorf("stream %d ended, not one of the oldest", i)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%d streams of one seat open at once", opened)
		}
	}
	select {
	case i := <-ended:
		t.Errorf("stream %d ended too", i)
	case <-time.After(2 * time.Second): // two heartbeats: the others carry on
	}
}
