package cli

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A session run by a team on their own machines, as real processes: a
// room (floor serve) with two hubs, an online moderator, a co-moderator
// and a rapporteur (floor seat --headless). The online moderator queues a
// hub and gives it the floor; the rapporteur writes a takeaway and marks
// the turn as a key point; two seats press give at the same moment and
// exactly one wins; the room is killed and started again and the seats
// come back by themselves; the Markdown report has it all, attributed.
func TestTheSessionTeamRunsARoomFromTheirSeats(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	db := filepath.Join(t.TempDir(), "floor.db")
	if res := run(t, nil, "--db", db, "agenda"); res.code != 0 {
		t.Fatal(res.stderr)
	}
	serve := startChild(t, "--db", db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	opened := waitFor(t, "the room open", serve.out, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	addr := regexp.MustCompile(`https://(127\.0\.0\.1:\d+)`).FindStringSubmatch(opened)[1]
	invite := func(args ...string) string {
		res := run(t, nil, append([]string{"--db", db}, append(args, "--host", addr)...)...)
		if res.code != 0 {
			t.Fatal(res.stderr)
		}
		return regexp.MustCompile(`floor://\S+[^'\s]`).FindString(res.stdout)
	}
	hubID, hubs := map[string]string{}, map[string]*child{}
	for _, n := range []string{"Nairobi", "Accra"} {
		inv := invite("hubs", "add", n)
		hubID[n] = regexp.MustCompile(`hub=(h[0-9a-f]+)`).FindStringSubmatch(inv)[1]
		args := []string{"--db", filepath.Join(t.TempDir(), "hub.db"), "hub", inv, "--size", "160x90", "--source", "test"}
		if n == "Nairobi" {
			args = append(args, "--request-floor")
		}
		hubs[n] = startChild(t, args...)
	}
	waitFor(t, "both hubs in the room", serve.out, func(s string) bool {
		return strings.Contains(lastRoom(s), "Hubs connected: 2") && strings.Contains(lastRoom(s), "Queue: 1")
	})
	seat := func(name, role string) *child {
		c := startChild(t, "--db", filepath.Join(t.TempDir(), "seat.db"), "seat", invite("seats", "add", name, "--role", role), "--headless")
		waitFor(t, name+" following the room", c.out, func(s string) bool { return strings.Contains(s, "Seat of "+name) })
		return c
	}
	online := seat("Ginger Paque", "online-moderator")
	co := seat("Co Moderator", "co-moderator")
	rapporteur := seat("Vladimir Radunovic", "rapporteur")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("room:\n%s\nonline:\n%s\nco:\n%s\nrapporteur:\n%s", serve.out, online.out, co.out, rapporteur.out)
		}
	})
	waitFor(t, "the room listing three seats", serve.out, func(s string) bool { return strings.Contains(lastRoom(s), "Seats connected: 3") })

	// The online moderator queues Accra (a hub that did not ask) and gives
	// it the floor; every seat sees it.
	io.WriteString(online.in, "queue "+hubID["Accra"]+"\n")
	waitFor(t, "Accra queued on the rapporteur's screen", rapporteur.out, func(s string) bool { return strings.Contains(lastSeat(s), "Queue: 2") })
	accra := regexp.MustCompile(`\[(\d+)\] Accra`).FindStringSubmatch(lastSeat(online.out.String()))
	if accra == nil {
		waitFor(t, "Accra on the online moderator's screen", online.out, func(s string) bool { return strings.Contains(lastSeat(s), "] Accra") })
		accra = regexp.MustCompile(`\[(\d+)\] Accra`).FindStringSubmatch(lastSeat(online.out.String()))
	}
	// It sees the hubs' links as the room measures them, corrects Accra's
	// request, gives Accra the floor and tells its speaker to wrap up.
	waitFor(t, "the hubs' link figures on the online moderator's screen", online.out, func(s string) bool {
		return regexp.MustCompile(`Accra \(h[0-9a-f]+\) — connected, rtt \d+ ms, \d+ lost, \d+ kbps`).MatchString(lastSeat(s))
	})
	io.WriteString(online.in, "edit "+accra[1]+" Accra | Accra Youth Hub | Civil Society | African Group\n")
	waitFor(t, "the correction on the rapporteur's screen", rapporteur.out, func(s string) bool {
		return strings.Contains(lastSeat(s), "] Accra — remote: Accra (Civil Society, African Group)")
	})
	// A command names the state its screen showed: the online moderator's
	// own screen must have the correction before it gives, or the room
	// refuses the give as based on an older floor (as it should).
	waitFor(t, "the correction on the online moderator's screen", online.out, func(s string) bool {
		return strings.Contains(lastSeat(s), "] Accra — remote: Accra (Civil Society, African Group)")
	})
	io.WriteString(online.in, "give "+accra[1]+" 4:00\n")
	waitFor(t, "Accra on the floor on the room's console", serve.out, func(s string) bool { return strings.Contains(lastRoom(s), "On the floor: Accra") })
	waitFor(t, "Accra on the floor on the co-moderator's screen", co.out, func(s string) bool { return strings.Contains(lastSeat(s), "On the floor: Accra") })
	io.WriteString(online.in, "speaker Please wrap up in 30 seconds\n")
	waitFor(t, "the message to the speaker on the co-moderator's screen", co.out, func(s string) bool {
		return strings.Contains(lastSeat(s), "The speaker reads: Please wrap up in 30 seconds")
	})
	waitFor(t, "the message to the speaker at Accra, on the floor", hubs["Accra"].out, func(s string) bool {
		return strings.Contains(s, "to the speaker: Please wrap up in 30 seconds")
	})
	waitFor(t, "the message to the speaker in the room", serve.out, func(s string) bool {
		return strings.Contains(lastRoom(s), "The speaker reads: Please wrap up in 30 seconds")
	})

	// The rapporteur writes; a command it has no right to is refused.
	io.WriteString(rapporteur.in, "takeaway Security by design needs incentives for makers\nend\n")
	waitFor(t, "the rapporteur refused ending the turn", rapporteur.out, func(s string) bool {
		return strings.Contains(s, "! end: ") && strings.Contains(s, "give and end turns")
	})

	// Both moderating seats give the floor at once, on the same state.
	waitFor(t, "the co-moderator seeing the takeaway", co.out, func(s string) bool { return strings.Contains(lastSeat(s), "Takeaway by Vladimir Radunovic") })
	waitFor(t, "the online moderator seeing the takeaway", online.out, func(s string) bool { return strings.Contains(lastSeat(s), "Takeaway by Vladimir Radunovic") })
	io.WriteString(co.in, "end\n")
	waitFor(t, "Accra's turn over", online.out, func(s string) bool { return strings.Contains(lastSeat(s), "Turns so far: 1") })
	waitFor(t, "the co-moderator seeing it too", co.out, func(s string) bool { return strings.Contains(lastSeat(s), "Turns so far: 1") })
	// The key point must reach the room before it is killed below: under
	// load the rapporteur's process can still be sending it then.
	keyMark := len(rapporteur.out.String())
	io.WriteString(rapporteur.in, "key 1 Liability for insecure products\n")
	waitFor(t, "the room taking the key point", rapporteur.out, func(s string) bool {
		return strings.Contains(s[keyMark:], "ok: key") || strings.Contains(s[keyMark:], "! key:")
	})
	if s := rapporteur.out.String()[keyMark:]; strings.Contains(s, "! key:") {
		t.Fatalf("the room refused the key point: %s", s)
	}
	marks := [2]int{len(online.out.String()), len(co.out.String())}
	go io.WriteString(online.in, "give\n")
	io.WriteString(co.in, "give\n")
	results := [2]string{}
	for i, c := range []*child{online, co} {
		out := waitFor(t, "an answer to give", c.out, func(s string) bool {
			s = s[marks[i]:]
			return strings.Contains(s, "ok: give") || strings.Contains(s, "! give:")
		})
		results[i] = out[marks[i]:]
	}
	// The loser is told why in words: that someone acted first when both
	// saw the same queue, or that nobody is waiting when its screen had
	// already caught up before its press went out.
	wins := strings.Count(results[0]+results[1], "ok: give")
	both := results[0] + results[1]
	if wins != 1 || !strings.Contains(both, "someone else acted first") && !strings.Contains(both, "nobody is waiting for the floor") {
		t.Fatalf("two gives at once: %d won\nonline: %s\nco: %s", wins, results[0], results[1])
	}
	waitFor(t, "Nairobi on the floor, once", serve.out, func(s string) bool {
		r := lastRoom(s)
		return strings.Contains(r, "On the floor: Nairobi") && strings.Contains(r, "Queue: 0")
	})

	// The room is killed and started again: the seats say so and come back.
	serve.kill()
	for _, c := range []*child{online, co, rapporteur} {
		waitFor(t, "a seat saying it lost the room", c.out, func(s string) bool {
			return strings.Contains(s, "reconnecting to the room") || strings.Contains(s, "STALE")
		})
	}
	again := startChild(t, "--db", db, "serve", "--room-sound", "test")
	waitFor(t, "the room reopened", again.out, func(s string) bool { return strings.Contains(s, "Reopened to hubs") })
	for _, c := range []*child{online, co, rapporteur} {
		waitFor(t, "a seat back", c.out, func(s string) bool {
			i := strings.LastIndex(s, "back with the room after")
			return i >= 0 && strings.Contains(s[i:], "On the floor: Nairobi")
		})
	}
	waitFor(t, "three seats back in the room", again.out, func(s string) bool { return strings.Contains(lastRoom(s), "Seats connected: 3") })
	io.WriteString(co.in, "end\n")
	waitFor(t, "the turn ended from a seat after the restart", again.out, func(s string) bool { return !strings.Contains(lastRoom(s), "On the floor") })
	io.WriteString(again.in, "quit\n")
	if err := again.cmd.Wait(); err != nil {
		t.Fatalf("the room did not quit: %v", err)
	}

	report := filepath.Join(t.TempDir(), "report.md")
	if res := run(t, nil, "--db", db, "report", "WS #234", "--format", "md", "--out", report); res.code != 0 {
		t.Fatal(res.stderr)
	}
	md, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Security by design needs incentives for makers (Vladimir Radunovic, rapporteur,",
		"Turn 1 — Accra: Liability for insecure products (Vladimir Radunovic, rapporteur,",
		"**Online moderator (served, from their seat):** Ginger Paque", "**Co-moderator (served, from their seat):** Co Moderator",
		"**Rapporteur (served, from their seat):** Vladimir Radunovic"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the report has no %q:\n%s", want, md)
		}
	}
	if n := strings.Count(string(md), "| Accra |") + strings.Count(string(md), "| Nairobi |"); n != 2 {
		t.Errorf("%d turns of Accra and Nairobi in the report, want 2:\n%s", n, md)
	}
}

// lastSeat is the last state block a headless seat printed.
func lastSeat(s string) string {
	i := strings.LastIndex(s, "Seat of ")
	if i < 0 {
		return ""
	}
	return s[i:]
}
