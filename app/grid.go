package app

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/igf-floor/floor/app/agenda"
)

// Grid is one day of the agenda as a timetable: rooms as columns, time
// running down, each session a block as long as it lasts.
type Grid struct {
	Day    string         // the day's heading, as Row.Day
	Rooms  []string       // the columns, in natural order ("Room 2" before "Room 10"); "" is a session with no room
	Start  time.Time      // the first hour shown, in Loc
	End    time.Time      // the end of the last hour shown
	Loc    *time.Location // the zone the times are read in
	Blocks []GridBlock
}

// GridBlock is a session placed in the grid. Sessions that overlap in one
// room share its column side by side: Lane of Lanes.
type GridBlock struct {
	Session     agenda.Session
	Favourite   bool
	Clash       bool
	Column      int
	Lane, Lanes int
	From, To    time.Duration // from Grid.Start
}

// MinGridBlock is the least length a block is drawn with, so a session of
// no length (a marker) can still be read and tapped.
const MinGridBlock = 15 * time.Minute

// GridOf lays out the sessions under day's heading in rows (as Rows gives
// them) as a grid; unscheduled sessions are left out.
func (p *Participant) GridOf(rows []Row, day string) Grid {
	g := Grid{Day: day}
	var in []Row
	inDay := false
	for _, r := range rows {
		if r.IsDay() {
			inDay = r.Day == day
			continue
		}
		if inDay && r.Session.Scheduled() {
			in = append(in, r)
		}
	}
	if len(in) == 0 {
		return g
	}
	g.Loc = p.zone.viewerLocation(*in[0].Session, p.local)
	first, last := in[0].Session.Start, in[0].Session.Start
	rooms := map[string]bool{}
	for _, r := range in {
		s := *r.Session
		if s.Start.Before(first) {
			first = s.Start
		}
		last = maxTime(last, blockEnd(s))
		rooms[s.Room] = true
	}
	start := first.In(g.Loc)
	g.Start = time.Date(start.Year(), start.Month(), start.Day(), start.Hour(), 0, 0, 0, g.Loc)
	g.End = last.In(g.Loc)
	if g.End.Truncate(time.Hour) != g.End {
		g.End = g.End.Truncate(time.Hour).Add(time.Hour)
	}
	for room := range rooms {
		g.Rooms = append(g.Rooms, room)
	}
	slices.SortFunc(g.Rooms, naturalCompare)
	for _, r := range in {
		s := *r.Session
		g.Blocks = append(g.Blocks, GridBlock{Session: s, Favourite: r.Favourite, Clash: r.Clash,
			Column: slices.Index(g.Rooms, s.Room), From: s.Start.Sub(g.Start), To: blockEnd(s).Sub(g.Start)})
	}
	assignLanes(g.Blocks)
	return g
}

// blockEnd is when s's block ends: its end, else its length, at least
// MinGridBlock after it starts.
func blockEnd(s agenda.Session) time.Time {
	end := s.End
	if !end.After(s.Start) {
		end = s.Start.Add(s.Duration())
	}
	return maxTime(end, s.Start.Add(MinGridBlock))
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// assignLanes puts overlapping blocks of one column side by side: each
// block takes the first lane free at its start, and every block of a run of
// overlapping ones gets the run's lane count.
func assignLanes(blocks []GridBlock) {
	slices.SortStableFunc(blocks, func(a, b GridBlock) int {
		return cmp.Or(cmp.Compare(a.Column, b.Column), cmp.Compare(a.From, b.From), cmp.Compare(b.To, a.To))
	})
	for i := 0; i < len(blocks); {
		// A run: blocks of one column that overlap one another, directly or through others.
		j, runEnd := i, blocks[i].To
		var laneEnds []time.Duration
		for ; j < len(blocks) && blocks[j].Column == blocks[i].Column && (j == i || blocks[j].From < runEnd); j++ {
			lane := slices.IndexFunc(laneEnds, func(end time.Duration) bool { return end <= blocks[j].From })
			if lane < 0 {
				lane = len(laneEnds)
				laneEnds = append(laneEnds, 0)
			}
			laneEnds[lane] = blocks[j].To
			blocks[j].Lane = lane
			runEnd = max(runEnd, blocks[j].To)
		}
		for k := i; k < j; k++ {
			blocks[k].Lanes = len(laneEnds)
		}
		i = j
	}
}

// naturalCompare orders names as people count: "Room 2" before "Room 10",
// case aside; "" (no room) last.
func naturalCompare(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	ca, cb := chunks(strings.ToLower(a)), chunks(strings.ToLower(b))
	for i := 0; i < len(ca) && i < len(cb); i++ {
		na, ea := strconv.Atoi(ca[i])
		nb, eb := strconv.Atoi(cb[i])
		if ea == nil && eb == nil && na != nb {
			return cmp.Compare(na, nb)
		}
		if c := strings.Compare(ca[i], cb[i]); c != 0 && (ea != nil || eb != nil) {
			return c
		}
	}
	return cmp.Or(cmp.Compare(len(ca), len(cb)), strings.Compare(a, b))
}

// chunks splits s into runs of digits and runs of the rest.
func chunks(s string) []string {
	var out []string
	var cur []rune
	digit := false
	for i, r := range s {
		d := unicode.IsDigit(r)
		if i > 0 && d != digit {
			out = append(out, string(cur))
			cur = cur[:0]
		}
		cur, digit = append(cur, r), d
	}
	return append(out, string(cur))
}
