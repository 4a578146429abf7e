// Package assets embeds what Floor ships inside its binary: the built-in
// agenda and the icon.
package assets

import "embed"

//go:embed agenda/igf-2020-ws234.txt Icon.png web/poll.html web/poll.css web/floor.html web/floor.css web/hub.html web/hub.js web/hub.css web/display.html web/display.js web/display.css web/translations/*.json translations/*.json
var files embed.FS

// BuiltInAgendaName names the built-in agenda in import reports.
const BuiltInAgendaName = "built-in agenda (IGF 2020 WS #234)"

// BuiltInSessionRef finds the built-in session with 'floor show' and friends.
const BuiltInSessionRef = "WS #234"

// BuiltInAgenda is the reference session, IGF 2020 WS #234, as its page
// reads, dated as the IGF site lists it (Wednesday 11 November 2020,
// 11:20–12:20 UTC, Room 3), so a newcomer sees a real agenda offline.
func BuiltInAgenda() []byte { return mustRead("agenda/igf-2020-ws234.txt") }

// Icon is the application icon, 512×512 PNG.
func Icon() []byte { return mustRead("Icon.png") }

// mustRead reads an embedded file; the names are fixed above, so a read
// can only fail if the build is broken, and then an empty slice shows it.
func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil
	}
	return b
}

// WebTranslations are the browser pages' texts in French and Spanish, one
// JSON object per language (web/translations/fr.json), keyed by the English.
func WebTranslations() (embed.FS, string) { return files, "web/translations" }

// PollPage is the template of the page phones in the room vote on.
func PollPage() string { return string(mustRead("web/poll.html")) }

// PollStyle is that page's style sheet.
func PollStyle() []byte { return mustRead("web/poll.css") }

// FloorPage is the template of the page phones in the room ask for the
// floor and write questions on; FloorStyle is its style sheet.
func FloorPage() string  { return string(mustRead("web/floor.html")) }
func FloorStyle() []byte { return mustRead("web/floor.css") }

// HubPage, HubScript and HubStyle are the browser hub's page.
func HubPage() []byte   { return mustRead("web/hub.html") }
func HubScript() []byte { return mustRead("web/hub.js") }
func HubStyle() []byte  { return mustRead("web/hub.css") }

// DisplayPage, DisplayScript and DisplayStyle are the confidence monitor's
// page: the speaker display in a browser.
func DisplayPage() []byte   { return mustRead("web/display.html") }
func DisplayScript() []byte { return mustRead("web/display.js") }
func DisplayStyle() []byte  { return mustRead("web/display.css") }

// Translations is the window's translations, one JSON file per language in
// the translations folder (fr.json, es.json), as Fyne's lang package reads
// them; English is the source text.
func Translations() (embed.FS, string) { return files, "translations" }
