package app

import (
	"context"
	"fmt"
	"sync"
)

// groupCommit writes items that arrive together in one commit: a room of
// phones asking in the same second costs a few fsyncs, not hundreds. When
// a batch fails, its items are tried one by one, so one phone's failure
// does not cost the others theirs.
type groupCommit[T, R any] struct {
	write func(ctx context.Context, items []T) ([]R, error)

	mu      sync.Mutex
	queue   []*pendingItem[T, R]
	writing bool
}

type pendingItem[T, R any] struct {
	item T
	done chan itemResult[R]
}

type itemResult[R any] struct {
	r   R
	err error
}

// do queues item for the next commit and waits for it. When ctx ends
// first the commit may still land; the caller reads the state to know.
func (g *groupCommit[T, R]) do(ctx context.Context, item T) (R, error) {
	p := &pendingItem[T, R]{item: item, done: make(chan itemResult[R], 1)}
	g.mu.Lock()
	g.queue = append(g.queue, p)
	if !g.writing {
		g.writing = true
		go g.flush()
	}
	g.mu.Unlock()
	select {
	case res := <-p.done:
		return res.r, res.err
	case <-ctx.Done():
		var zero R
		return zero, fmt.Errorf("record: %w", ctx.Err())
	}
}

func (g *groupCommit[T, R]) flush() {
	ctx := context.Background()
	for {
		g.mu.Lock()
		batch := g.queue
		g.queue = nil
		if len(batch) == 0 {
			g.writing = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
		items := make([]T, len(batch))
		for i, p := range batch {
			items[i] = p.item
		}
		rs, err := g.write(ctx, items)
		if err == nil && len(rs) == len(batch) {
			for i, p := range batch {
				p.done <- itemResult[R]{r: rs[i]}
			}
			continue
		}
		if len(batch) == 1 {
			batch[0].done <- itemResult[R]{err: err}
			continue
		}
		for _, p := range batch {
			one, err := g.write(ctx, []T{p.item})
			var r R
			if err == nil && len(one) == 1 {
				r = one[0]
			}
			p.done <- itemResult[R]{r: r, err: err}
		}
	}
}
