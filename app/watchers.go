package app

import "sync"

// watchers are the functions a use case calls after each change, with a
// lock of their own: a watcher may be added or removed while the use
// case's own lock is held, and is called with no lock held.
type watchers struct {
	mu   sync.Mutex
	next int
	fns  map[int]func()
}

// add keeps w until the returned stop is called.
func (ws *watchers) add(w func()) (stop func()) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.fns == nil {
		ws.fns = map[int]func(){}
	}
	ws.next++
	id := ws.next
	ws.fns[id] = w
	return func() {
		ws.mu.Lock()
		defer ws.mu.Unlock()
		delete(ws.fns, id)
	}
}

// tell calls every watcher, outside the lock.
func (ws *watchers) tell() {
	ws.mu.Lock()
	fns := make([]func(), 0, len(ws.fns))
	for _, w := range ws.fns {
		fns = append(fns, w)
	}
	ws.mu.Unlock()
	for _, w := range fns {
		w()
	}
}
