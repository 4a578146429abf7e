package frab

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
)

// schedule.json version 2 (c3voc schema2.json, as the CCC hub publishes it)
// lists events flat under "schedule", each with a full start and end, its
// room and track as references into the conference's lists, people as
// "participants" with a role, and texts that may be given per language.

type jsonV2 struct {
	Events []jsonEventV2 `json:"events"`
}

type jsonConferenceV2 struct {
	Rooms  jsonRefs `json:"rooms"`
	Tracks jsonRefs `json:"tracks"`
}

type jsonEventV2 struct {
	ID          flexString       `json:"id"`
	GUID        string           `json:"guid"`
	Code        string           `json:"code"`
	Start       string           `json:"start"`
	End         string           `json:"end"`
	Duration    string           `json:"duration"`
	Room        jsonRef          `json:"room"`
	Track       jsonRef          `json:"track"`
	Slug        string           `json:"slug"`
	URL         string           `json:"url"`
	Title       string           `json:"title"`
	Subtitle    string           `json:"subtitle"`
	Type        string           `json:"type"`
	Language    string           `json:"language"`
	Abstract    flexText         `json:"abstract"`
	Description flexText         `json:"description"`
	People      jsonParticipants `json:"participants"`
	Links       jsonLinks        `json:"links"`
}

// jsonRef is a room or track: a name, or an object that names it, its slug
// or its guid in the conference's list, and for a track its colour
// ("color" in pretalx and frab, "colors" with a light and a dark one in
// schedule.json version 2; the light one is kept).
type jsonRef struct{ Name, Slug, GUID, Colour string }

func (r *jsonRef) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &r.Name)
	}
	var o struct {
		Name, Slug, GUID string
		Color            string
		Colors           struct{ Light, Dark string }
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*r = jsonRef{Name: o.Name, Slug: o.Slug, GUID: o.GUID, Colour: cmp.Or(o.Color, o.Colors.Light, o.Colors.Dark)}
	return nil
}

// resolve names a reference by looking it up in list when it names nothing.
func (r jsonRef) resolve(list []jsonRef) string {
	if n := strings.TrimSpace(r.Name); n != "" {
		return n
	}
	for _, l := range list {
		if (r.GUID != "" && l.GUID == r.GUID) || (r.Slug != "" && l.Slug == r.Slug) {
			return strings.TrimSpace(l.Name)
		}
	}
	return strings.TrimSpace(r.Slug)
}

// flexText is a text, null, or a text per language ({"en": "…", "de": null}).
type flexText struct {
	text   string
	byLang map[string]string
}

func (f *flexText) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '{' {
		return json.Unmarshal(b, &f.text) // null leaves it empty
	}
	if n := countElements(b); n > maxPerEvent {
		return &capError{fmt.Sprintf("a text is given in %d languages; Floor reads at most %d", n, maxPerEvent)}
	}
	var m map[string]*string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	f.byLang = map[string]string{}
	for k, v := range m {
		if v != nil {
			f.byLang[k] = *v
		}
	}
	return nil
}

// in is the text in lang, else in English, else in the first language that
// has one (sorted, so the choice is stable).
func (f flexText) in(lang string) string {
	if f.byLang == nil {
		return f.text
	}
	for _, l := range append([]string{lang, "en"}, sortedKeys(f.byLang)...) {
		if t := strings.TrimSpace(f.byLang[l]); t != "" {
			return t
		}
	}
	return ""
}

func (e jsonEventV2) event(conf jsonConferenceV2) event {
	ev := event{ID: orDefault(string(e.ID), orDefault(e.Code, e.Slug)), GUID: e.GUID, Date: e.Start, End: e.End,
		Duration: e.Duration, Room: e.Room.resolve(conf.Rooms), Slug: e.Slug, Title: e.Title, Subtitle: e.Subtitle,
		Track: e.Track.resolve(conf.Tracks), Type: e.Type, Language: e.Language, Abstract: e.Abstract.in(e.Language),
		Description: e.Description.in(e.Language), URL: e.URL}
	for _, p := range e.People {
		ev.Persons = append(ev.Persons, person{ID: p.GUID, Name: p.Name, Role: p.Role})
	}
	for _, l := range e.Links {
		ev.Links = append(ev.Links, link{Href: l.URL, Title: l.Title})
	}
	return ev
}
