package app

import (
	"context"

	"github.com/igf-floor/floor/app/floor"
)

// RequestAll puts every speaker in the queue in one transaction and
// returns their request ids in order: all of them, or none with the first
// reason. The room's phones ask through it, many at once.
func (m *Moderator) RequestAll(ctx context.Context, ss []floor.Speaker) ([]int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	at := m.now()
	cmds := make([]floor.Command, len(ss))
	for i, s := range ss {
		cmds[i] = floor.Command{Kind: floor.Ask, At: at, Speaker: s}
	}
	if err := m.commit(ctx, nil, cmds); err != nil {
		return nil, err
	}
	ids := make([]int, len(ss))
	for i := range ids {
		ids[i] = m.floor.NextID - len(ss) + 1 + i
	}
	return ids, nil
}
