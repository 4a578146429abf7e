package app

import (
	"context"
	"fmt"
	"maps"

	"github.com/igf-floor/floor/app/agenda"
)

// maxPersonMatches bounds the sessions a name's search reads whole.
const maxPersonMatches = 500

// SessionsWith are the sessions, across every event, that name someone
// called name (in any role; accents and case aside), in agenda order.
func (p *Participant) SessionsWith(ctx context.Context, name string) ([]agenda.Session, error) {
	l, err := p.store.ListSessions(ctx, agenda.Filter{Search: name, Limit: maxPersonMatches})
	if err != nil {
		return nil, fmt.Errorf("sessions with %s: %w", name, err)
	}
	var out []agenda.Session
	for _, s := range l.Sessions { // a listing leaves the people out: read each match whole
		whole, err := p.store.Session(ctx, s.ID)
		if err != nil {
			return nil, fmt.Errorf("sessions with %s: %w", name, err)
		}
		if whole.HasPerson(name) {
			out = append(out, whole)
		}
	}
	return out, nil
}

// Clashes reports whether session id is in My agenda and overlaps another
// session there.
func (p *Participant) Clashes(id int64) bool { return p.clash[id] }

// markClashes finds the sessions of My agenda that overlap another, when
// My agenda changed since it last looked (a search does not change it).
func (p *Participant) markClashes(ctx context.Context, favs map[int64]bool) error {
	if p.clash != nil && maps.Equal(favs, p.favs) {
		return nil
	}
	l, err := p.store.ListSessions(ctx, agenda.Filter{FavouritesOnly: true})
	if err != nil {
		return fmt.Errorf("conflicts: %w", err)
	}
	clash := map[int64]bool{}
	for _, c := range agenda.Conflicts(l.Sessions) {
		clash[c.A.ID], clash[c.B.ID] = true, true
	}
	p.clash = clash
	return nil
}

// ShareMyAgenda is My agenda as a floor://agenda link (its keys only) and
// how many sessions it holds.
func (p *Participant) ShareMyAgenda(ctx context.Context) (string, int, error) {
	favs, err := p.AllFavourites(ctx)
	if err != nil {
		return "", 0, err
	}
	keys := make([]agenda.Key, 0, len(favs))
	for _, s := range favs {
		keys = append(keys, s.Key())
	}
	link, err := ShareLink(keys)
	return link, len(keys), err
}

// SharedImport is what taking in a shared My agenda did.
type SharedImport struct {
	Sessions int // in the link
	Added    int // not in My agenda before
	Unknown  int // of schedules this Floor has not imported: kept, shown once imported
}

// ImportShared adds a shared My agenda's sessions to this one.
func (p *Participant) ImportShared(ctx context.Context, link string) (SharedImport, error) {
	keys, err := ReadShareLink(link)
	if err != nil {
		return SharedImport{}, err
	}
	added, known, err := p.store.AddFavouriteKeys(ctx, keys, p.clock.Now())
	if err != nil {
		return SharedImport{}, err
	}
	return SharedImport{Sessions: len(keys), Added: added, Unknown: len(keys) - known}, p.Load(ctx)
}

// MyAgendaWhole is every session of My agenda read whole (people, texts),
// for an export.
func (p *Participant) MyAgendaWhole(ctx context.Context) ([]agenda.Session, error) {
	favs, err := p.AllFavourites(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]agenda.Session, 0, len(favs))
	for _, light := range favs {
		s, err := p.store.Session(ctx, light.ID)
		if err != nil {
			return nil, fmt.Errorf("my agenda: %w", err)
		}
		out = append(out, s)
	}
	return out, nil
}
