// Package webform is what the room's no-script form pages (the poll page,
// the phones' page) share: their security headers, their stylesheet, the
// form that asks for a code, and writing a page. Each page keeps its own
// routes, limits and texts.
package webform

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

// Policy is the pages' Content-Security-Policy: their own style, no
// script at all, forms posted only to themselves, no frames.
const Policy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// Secure sets the headers every answer of a form page carries.
func Secure(w http.ResponseWriter) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", Policy)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cache-Control", "no-store")
}

// Style serves a page's stylesheet css.
func Style(css func() []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		Secure(w)
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(css())
	}
}

// Start is a page's front door at base ("/poll"): a code typed into its
// form (?code=) is sent on to base/CODE, upper-cased; without one, ask
// shows the form.
func Start(base string, ask http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if code := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("code"))); code != "" {
			http.Redirect(w, r, base+"/"+url.PathEscape(code), http.StatusSeeOther)
			return
		}
		ask(w, r)
	}
}

// Write answers with page's "page" template over v, in language lang,
// with status code.
func Write(w http.ResponseWriter, code int, lang string, page *template.Template, v any) {
	Secure(w)
	w.Header().Set("Content-Language", lang)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_ = page.ExecuteTemplate(w, "page", v)
}
