package floor

import "slices"

// Owner is the hub that request id belongs to, "" when it is the room's or
// unknown. It finds requests waiting, on the floor and already spoken.
func (st State) Owner(id int) string {
	if i := st.find(id); i >= 0 {
		return st.Queue[i].Speaker.HubID
	}
	if st.Current != nil && st.Current.Request == id {
		return st.Current.Speaker.HubID
	}
	for _, w := range st.With {
		if w.Request == id {
			return w.Speaker.HubID
		}
	}
	return ""
}

// Waiting is hub's requests still in the queue, in queue order.
func (st State) Waiting(hub string) []int {
	var ids []int
	for _, r := range st.Queue {
		if hub != "" && r.Speaker.HubID == hub {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// Open is hub's requests waiting or on the floor, lowest id first.
func (st State) Open(hub string) []int {
	ids := st.Waiting(hub)
	for _, id := range st.Live() {
		if hub != "" && st.Owner(id) == hub {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// LiveHubs are the hubs on the floor now, in the order they took it.
func (st State) LiveHubs() []string {
	var hubs []string
	for _, id := range st.Live() {
		if h := st.Owner(id); h != "" && !slices.Contains(hubs, h) {
			hubs = append(hubs, h)
		}
	}
	return hubs
}

// LiveRequest is the request hub has on the floor now; 0 when none.
func (st State) LiveRequest(hub string) int {
	for _, id := range st.Live() {
		if hub != "" && st.Owner(id) == hub {
			return id
		}
	}
	return 0
}

// Hubs are the hubs with requests waiting or on the floor, by id, with
// the name their requests carry: after a restart these are the hubs the
// room expects back.
func (st State) Hubs() map[string]string {
	hubs := map[string]string{}
	add := func(s Speaker) {
		if s.HubID != "" {
			hubs[s.HubID] = s.Hub
		}
	}
	for _, r := range st.Queue {
		add(r.Speaker)
	}
	if st.Current != nil {
		add(st.Current.Speaker)
		for _, w := range st.With {
			add(w.Speaker)
		}
	}
	return hubs
}
