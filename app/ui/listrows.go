package ui

import (
	"slices"

	"fyne.io/fyne/v2/widget"
)

// shownRows remembers what each row of a list last showed, so a list that
// is updated once a second redraws only the rows whose words changed.
//
// widget.List.Refresh makes a template row to measure, and in Fyne 2.7.1 a
// row made inside a theme override (the queue and the hub list are in a
// compact one) clears Fyne's whole text-measurement cache, once for each
// widget in the row: every label in the window is then shaped again. Once
// a second for two lists, that was most of the console's CPU. RefreshItem
// makes no template, so only a changed row's new text is measured.
type shownRows struct {
	keys []string
}

// update redraws list after its rows became keys: all of it when the
// number of rows changed, otherwise just the rows whose key changed.
func (s *shownRows) update(list *widget.List, keys []string) {
	switch {
	case len(keys) != len(s.keys):
		s.keys = keys
		list.Refresh()
	case !slices.Equal(keys, s.keys):
		old := s.keys
		s.keys = keys
		for i := range keys {
			if keys[i] != old[i] {
				list.RefreshItem(i)
			}
		}
	}
}
