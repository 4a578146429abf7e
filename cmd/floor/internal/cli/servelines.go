package cli

import (
	"fmt"
	"strings"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// The lines 'floor serve' prints of hubs, speakers and links.

func hubWho(h floor.Hub) string {
	var parts []string
	for _, s := range []string{h.City, h.Group, h.Region} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func linkLine(q app.HubLink) string {
	state := q.State
	if q.Lost {
		state = "hub lost?"
	}
	return fmt.Sprintf("  %s: %s, rtt %.1f ms, lost %d, jitter %.1f ms, %.0f kbps, %.0f fps (asked %d kbps)",
		q.Hub.Name, state, ms(q.RTT), q.PacketsLost, ms(q.Jitter), q.Kbps, q.FPS, q.CapKbps)
}
