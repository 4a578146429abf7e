// Package webtext is the browser pages' texts (the poll page, the hub page)
// in the visitor's language: French and Spanish from
// assets/web/translations, English being the texts themselves, chosen from
// the browser's Accept-Language.
package webtext

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/text/language"

	"github.com/igf-floor/floor/assets"
)

// languages are the page's languages; English is the texts themselves.
var languages = []language.Tag{language.English, language.French, language.Spanish}

// Texts are one language's translations, keyed by the English.
type Texts map[string]string

// Load reads the French and Spanish texts, by language code ("en" is empty).
func Load() (map[string]Texts, error) {
	fs, dir := assets.WebTranslations()
	all := map[string]Texts{"en": {}}
	for _, code := range []string{"fr", "es"} {
		b, err := fs.ReadFile(dir + "/" + code + ".json")
		if err != nil {
			return nil, fmt.Errorf("web page texts: %w", err)
		}
		t := Texts{}
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("web page texts %s: %w", code, err)
		}
		all[code] = t
	}
	return all, nil
}

// LanguageOf is the visitor's language among the pages', from the
// Accept-Language header (English when none matches).
func LanguageOf(r *http.Request) string {
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, i, conf := language.NewMatcher(languages).Match(tags...)
	if conf == language.No {
		return "en"
	}
	base, _ := languages[i].Base()
	return base.String()
}

// Say is the text key in t, with %d or %s filled from args; the English
// key when t has none.
func (t Texts) Say(key string, args ...any) string {
	s := t[key]
	if strings.TrimSpace(s) == "" {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Lacking lists, as "fr: key", every key that a language's texts leave out
// or leave blank: the pages' tests fail on them.
func Lacking(keys map[string]bool) ([]string, error) {
	all, err := Load()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, code := range []string{"fr", "es"} {
		for k := range keys {
			if strings.TrimSpace(all[code][k]) == "" {
				out = append(out, code+": "+k)
			}
		}
	}
	return out, nil
}
