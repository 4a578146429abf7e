// Package hubpage serves the browser hub: a page that joins a session from
// an invite link with nothing installed, served by the moderator's Floor
// only while it is open to hubs. It is static (HTML, CSS and one script
// from assets/); everything it does goes through WHIP and the control
// channel, with the same checks as the desktop hub.
package hubpage

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

// Policy is the page's Content-Security-Policy: its own script and style
// only, no inline code, no frames, no forms posted anywhere.
const Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"media-src 'self' blob: mediastream:; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

// Register adds GET /hub, its script and style, and its texts in the
// browser's language to mux.
func Register(mux *http.ServeMux) error {
	all, err := webtext.Load()
	if err != nil {
		return err
	}
	texts := map[string][]byte{}
	for code, t := range all {
		if texts[code], err = json.Marshal(t); err != nil {
			return fmt.Errorf("hub page texts: %w", err)
		}
	}
	mux.HandleFunc("GET /hub", serve("text/html; charset=utf-8", assets.HubPage))
	mux.HandleFunc("GET /hub/hub.js", serve("text/javascript; charset=utf-8", assets.HubScript))
	mux.HandleFunc("GET /hub/hub.css", serve("text/css; charset=utf-8", assets.HubStyle))
	mux.HandleFunc("GET /hub/texts.json", func(w http.ResponseWriter, r *http.Request) {
		lang := webtext.LanguageOf(r)
		w.Header().Set("Content-Language", lang)
		w.Header().Set("Vary", "Accept-Language")
		serve("application/json", func() []byte { return texts[lang] })(w, r)
	})
	return nil
}

func serve(contentType string, body func() []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Security-Policy", Policy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()")
		h.Set("Cache-Control", "no-store")
		w.Write(body())
	}
}
