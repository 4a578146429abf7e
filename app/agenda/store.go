package agenda

import "time"

// ImportRecord says where a schedule came from, for the import log.
type ImportRecord struct {
	File   string
	Format string
	At     time.Time
	Report Report
}

// SaveResult says what saving a schedule changed.
type SaveResult struct {
	Added, Updated, Removed int
	// Unchanged counts the sessions already stored as the schedule gives
	// them: a re-import of the same file is all Unchanged, none Updated.
	Unchanged int
	// Kept lists, per session GUID, what was kept from the stored copy
	// and why (the new document did not give it, named nobody, ...).
	Kept map[string][]Kept
	// Changes counts the field changes recorded for "What changed".
	Changes int
	// EventID is the id the event was stored under: the schedule's own, or
	// one of its source's when another source's event has that id.
	EventID string
	// Notes are what the user should know about the save, e.g. that the
	// schedule became an event of its own.
	Notes []string
}

// Filter narrows an agenda list.
type Filter struct {
	Search         string // words to find; each must match the start of a word
	FavouritesOnly bool
	Limit          int // the most search results; 0 means the store's default
}

// Listing is one answer to a Filter, in agenda order.
type Listing struct {
	Sessions []Session
	// Truncated is true when a search matched more than the limit: the list
	// then holds the first matches found, not all of them.
	Truncated bool
}

// ChangeRecord is one recorded change to a session, from one import.
type ChangeRecord struct {
	At        time.Time
	File      string // the file or address imported
	Source    string
	GUID      string
	Title     string
	Change    Change
	Favourite bool // the session is in My agenda
}

// Subscription is a schedule Floor keeps in sync from the web.
type Subscription struct {
	URL          string
	ETag         string
	LastModified string
	Refresh      time.Duration // as the publisher asks; 0 when it does not say
	CheckedAt    time.Time     // last attempt
	SyncedAt     time.Time     // last success (a 304 included)
	LastError    string        // why the last attempt failed, "" when it did not
}
