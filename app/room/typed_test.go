package room_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// typedRoom is a wire room with wireHub joined; last is the room's last
// message to the hub.
func typedRoom(t *testing.T) (ask func(speaker string), last func() string, queue func() []floor.Request) {
	t.Helper()
	m, rm := openWireRoom(t)
	var mu sync.Mutex
	var got []string
	rm.Join(wireHub, "c1", func(b []byte) error { mu.Lock(); got = append(got, string(b)); mu.Unlock(); return nil })
	ask = func(speaker string) {
		rm.Receive(wireHub.ID, fmt.Appendf(nil, `{"v":%d,"type":"request","speaker":%s}`, control.Version, speaker))
	}
	last = func() string {
		mu.Lock()
		defer mu.Unlock()
		for i := len(got) - 1; i >= 0; i-- {
			var msg struct{ Type, Text string }
			if json.Unmarshal([]byte(got[i]), &msg) == nil && msg.Type == "error" {
				return msg.Text
			}
		}
		return ""
	}
	queue = func() []floor.Request { return m.Floor().Queue }
	if _, err := m.Request(context.Background(), floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	return ask, last, queue
}

// A hub's point of order goes to the head of the queue, the hub's own.
func TestHubPointOfOrderHeadsTheQueue(t *testing.T) {
	ask, last, queue := typedRoom(t)
	ask(`{"name":"Wanjiru K.","type":"point-of-order"}`)
	q := queue()
	if len(q) != 2 || q[0].Speaker.Type != floor.PointOfOrder || q[0].Speaker.HubID != wireHub.ID || !q[0].Speaker.Remote {
		t.Fatalf("queue %+v (error %q)", q, last())
	}
}

// A hub's direct reply when nobody has spoken is refused, in words, to the
// hub, and changes nothing.
func TestHubDirectReplyToNobodyIsRefused(t *testing.T) {
	ask, last, queue := typedRoom(t)
	ask(`{"name":"Wanjiru K.","type":"direct-reply"}`)
	if len(queue()) != 1 || !strings.Contains(last(), "nothing to reply to") {
		t.Fatalf("queue %+v, error %q", queue(), last())
	}
}

// A type this version does not know is refused by the wire's checks.
func TestHubUnknownRequestTypeIsRefused(t *testing.T) {
	ask, last, queue := typedRoom(t)
	ask(`{"name":"Wanjiru K.","type":"filibuster"}`)
	if len(queue()) != 1 || !strings.Contains(last(), "no such request type") {
		t.Fatalf("queue %+v, error %q", queue(), last())
	}
}
