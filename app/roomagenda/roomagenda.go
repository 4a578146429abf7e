// Package roomagenda serves the moderated session as a schedule while the
// room is open to hubs, so participants on the same network can subscribe
// to it (Floor, a calendar, a conference app): /schedule.json in the c3voc
// format and /schedule.ics in iCalendar.
package roomagenda

import (
	"bytes"
	"net/http"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
	"github.com/igf-floor/floor/app/agenda/ical"
)

// Register adds GET /schedule.json and /schedule.ics for session to mux;
// version is Floor's, for the schedule's generator field.
func Register(mux *http.ServeMux, session agenda.Session, version string, now func() time.Time) {
	name := session.Title
	mux.HandleFunc("GET /schedule.json", func(w http.ResponseWriter, _ *http.Request) {
		var buf bytes.Buffer
		if err := frab.WriteJSON(&buf, name, session.Number, []agenda.Session{session}, version); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		send(w, "application/json", buf.Bytes())
	})
	mux.HandleFunc("GET /schedule.ics", func(w http.ResponseWriter, _ *http.Request) {
		var buf bytes.Buffer
		if err := ical.Write(&buf, name, []agenda.Session{session}, now()); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		send(w, "text/calendar; charset=utf-8", buf.Bytes())
	})
}

func send(w http.ResponseWriter, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	w.Write(body)
}
