package agenda

// Merge returns next, completed from prev where next is silent: a second page
// of the same session that omits the date, room or a list does not erase what
// an earlier page said. It returns the names of the fields it kept from prev.
func Merge(prev, next Session) (Session, []string) {
	var kept []string
	keepStr := func(name string, dst *string, old string) {
		if *dst == "" && old != "" {
			*dst = old
			kept = append(kept, name)
		}
	}
	if !next.Scheduled() && prev.Scheduled() {
		next.Start, next.End = prev.Start, prev.End
		kept = append(kept, "time")
	}
	if next.Planned == 0 && prev.Planned > 0 {
		next.Planned = prev.Planned
		kept = append(kept, "planned duration")
	}
	if next.Online == 0 && prev.Online > 0 {
		next.Online = prev.Online
		kept = append(kept, "online duration")
	}
	keepStr("room", &next.Room, prev.Room)
	keepStr("format", &next.Format, prev.Format)
	keepStr("online format", &next.OnlineFormat, prev.OnlineFormat)
	keepStr("abstract", &next.Abstract, prev.Abstract)
	keepStr("description", &next.Description, prev.Description)
	keepStr("issues", &next.Issues, prev.Issues)
	keepStr("expected outcomes", &next.ExpectedOutcomes, prev.ExpectedOutcomes)
	if len(next.PolicyQuestions) == 0 && len(prev.PolicyQuestions) > 0 {
		next.PolicyQuestions, next.PolicyIntro = prev.PolicyQuestions, prev.PolicyIntro
		kept = append(kept, "policy questions")
	}
	if len(next.People) == 0 && len(prev.People) > 0 {
		next.People = prev.People
		kept = append(kept, "people")
	}
	if len(next.SDGs) == 0 && len(prev.SDGs) > 0 {
		next.SDGs = prev.SDGs
		kept = append(kept, "SDGs")
	}
	if len(next.AgendaItems) == 0 && len(prev.AgendaItems) > 0 {
		next.AgendaItems = prev.AgendaItems
		kept = append(kept, "agenda")
	}
	if len(next.Links) == 0 && len(prev.Links) > 0 {
		next.Links = prev.Links
		kept = append(kept, "links")
	}
	if len(next.Notes) == 0 && len(prev.Notes) > 0 {
		next.Notes = prev.Notes
		kept = append(kept, "notes")
	}
	return next, kept
}
