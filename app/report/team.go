package report

import (
	"github.com/igf-floor/floor/app/floor"
)

// team adds the session team's record to the report: each line with who
// wrote it and when, and the roles as they actually served.
func (r *Report) team(in Input) {
	by := func(n floor.TeamNote) string {
		who := n.By
		if n.Role != floor.UnknownSeatRole {
			who += ", " + n.Role.Words()
		}
		return " (" + who + ", " + clock(n.At, in.Session, "15:04") + ")"
	}
	turns := in.Floor.Interventions
	if cur := in.Floor.Current; cur != nil {
		turns = append(turns[:len(turns):len(turns)], *cur)
	}
	for _, n := range in.Team {
		switch n.Kind {
		case floor.Takeaway:
			r.Takeaways = append(r.Takeaways, n.Text+by(n))
		case floor.CallToAction:
			r.CallsToAction = append(r.CallsToAction, n.Text+by(n))
		case floor.KeyPoint:
			who := ""
			if n.Turn >= 1 && n.Turn <= len(turns) {
				who = " — " + turns[n.Turn-1].Speaker.Name
			}
			r.KeyPoints = append(r.KeyPoints, "Turn "+itoa(n.Turn)+who+": "+n.Text+by(n))
		}
	}
	roles := map[floor.SeatRole][]string{}
	for _, s := range in.Served {
		roles[s.Role] = append(roles[s.Role], s.Name)
	}
	for _, role := range []floor.SeatRole{floor.CoModerator, floor.OnlineModerator, floor.RapporteurSeat} {
		if len(roles[role]) > 0 {
			r.Served = append(r.Served, RolePeople{Role: role.Words(), People: roles[role]})
		}
	}
}
