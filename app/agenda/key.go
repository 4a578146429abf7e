package agenda

// Key is a session's identity across imports and machines: the schedule it
// came from (e.g. "frab:fosdem2026", "igf") and its id there.
type Key struct {
	Source, GUID string
}

// Key is s's identity.
func (s Session) Key() Key { return Key{Source: s.Source, GUID: s.GUID} }
