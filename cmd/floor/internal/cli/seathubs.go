package cli

import (
	"fmt"
	"strings"

	"github.com/igf-floor/floor/app/control"
)

// byHubName reads "HUB TEXT" where HUB is a hub's id or its name as the
// seat's screen lists it (several words, any case): it returns the line
// with the hub's id in front, or rest as it was when no hub matches.
func byHubName(s control.TeamStateWire, rest string) string {
	best := ""
	id := ""
	for _, h := range s.Hubs {
		n := h.Name
		if len(n) <= len(best) || len(rest) < len(n) || !strings.EqualFold(rest[:len(n)], n) {
			continue
		}
		if len(rest) > len(n) && rest[len(n)] != ' ' {
			continue
		}
		best, id = n, h.ID
	}
	if id == "" {
		return rest
	}
	return strings.TrimSpace(id + " " + strings.TrimSpace(rest[len(best):]))
}

// withoutFigures is s with the hubs' link figures taken out (their state
// kept): what a headless seat compares to know whether the room changed,
// so a bitrate moving every second does not print the whole room again.
func withoutFigures(s control.TeamStateWire) control.TeamStateWire {
	hubs := make([]control.HubPresenceWire, len(s.Hubs))
	for i, h := range s.Hubs {
		if h.Link != nil {
			h.Link = &control.LinkWire{State: h.Link.State, Lost: h.Link.Lost, MediaOnly: h.Link.MediaOnly}
		}
		hubs[i] = h
	}
	s.Hubs = hubs
	return s
}

// describeHubs is the hubs with their links as the room measures them
// now: the 'hubs' command.
func describeHubs(s control.TeamStateWire) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Hubs: %d\n", len(s.Hubs))
	for _, h := range s.Hubs {
		fmt.Fprintf(&b, "  %s (%s)%s\n", h.Name, h.ID, hubLinkWords(h))
	}
	return b.String()
}
