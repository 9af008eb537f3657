// Package outlet holds the registry of sources a claim can be attributed to:
// news outlets, agencies, broadcasters, official bodies and people by role.
//
// The registry is a value, built by merging the defaults embedded in the
// binary with a site's own registry file (content/outlets.yaml), where the
// site's entries win. There is no global registry.
//
// # File format
//
// A registry file is a YAML list of entries:
//
//	# content/outlets.yaml
//	- id: wsj                      # stable slug, used in URLs: outlets/wsj/
//	  kind: newspaper              # see Kind
//	  name: {ar: وول ستريت جورنال, en: The Wall Street Journal}
//	  short: {ar: وول ستريت جورنال, en: WSJ}   # chip label; defaults to name
//	  aliases: [وال ستريت جورنال, ولستريت جورنال, Wall Street Journal, WSJ]
//	  head: {ar: صحيفة, en: newspaper, gender: f}  # type noun and its gender
//	  country: US                  # ISO 3166-1 alpha-2
//	  homepage: https://www.wsj.com
//	  requires_cue: false          # true when the name is also an ordinary word
//	  state: false                 # state-affiliated
//
// People carry a gender and roles with date ranges, so that a role noun
// ("أمين عام الناتو") resolves to whoever held it on the article's date:
//
//	# a person
//	- id: jens-stoltenberg
//	  kind: person
//	  name: {ar: ينس ستولتنبرغ, en: Jens Stoltenberg}
//	  aliases: [ستولتنبرغ, Stoltenberg]
//	  gender: m
//	  roles:
//	    - title: {ar: الأمين العام لحلف الناتو, en: NATO Secretary General}
//	      aliases: [أمين عام الناتو, NATO chief]
//	      org: nato
//	      from: 2014-10-01
//	      to: 2024-10-01   # held from "from" up to, not including, "to"
//
// Optional fields: domains (host names of the outlet's sites, for matching
// report URLs: [wsj.com]), notes and wikidata (kept for editors, unused).
// Unknown fields draw a warning.
//
// A malformed registry (a duplicate id or alias, a URL that is not http or
// https, an unknown kind, a role naming an unknown org) is reported as
// file:line:col diagnostics.
package outlet

import "time"

// Kind is what sort of source an entry is.
type Kind string

const (
	Agency       Kind = "agency"       // news agency: Reuters, KCNA
	Newspaper    Kind = "newspaper"    // WSJ, Asharq Al-Awsat
	Magazine     Kind = "magazine"     // The Economist, Foreign Policy
	Broadcaster  Kind = "broadcaster"  // CNN, Al Jazeera
	Website      Kind = "website"      // Axios, Politico
	Official     Kind = "official"     // governments, ministries, armies, NATO, UN bodies
	Organization Kind = "organization" // NGOs, think tanks, companies
	Person       Kind = "person"
	// Anonymous is never a registry kind; claims from unnamed sources
	// ("officials", "مصادر مطلعة") carry it.
	Anonymous Kind = "anonymous"
)

// Text is a string in Arabic and in English.
type Text struct {
	Ar string `yaml:"ar" json:"ar,omitempty"`
	En string `yaml:"en" json:"en,omitempty"`
}

// In returns the text in lang ("ar" or anything else for English), falling
// back to the other language when that one is empty.
func (t Text) In(lang string) string {
	if lang == "ar" {
		if t.Ar != "" {
			return t.Ar
		}
		return t.En
	}
	if t.En != "" {
		return t.En
	}
	return t.Ar
}

// Head is an entry's type noun ("صحيفة", "newspaper") and its grammatical
// gender ("m" or "f"), which drives verb agreement and anaphora.
type Head struct {
	Ar     string `yaml:"ar" json:"ar,omitempty"`
	En     string `yaml:"en" json:"en,omitempty"`
	Gender string `yaml:"gender" json:"gender,omitempty"`
}

// A Role is an office a person held from From up to (not including) To.
// A zero To means the role is still held.
type Role struct {
	Title   Text      `yaml:"title" json:"title"`
	Aliases []string  `yaml:"aliases" json:"aliases,omitempty"`
	Org     string    `yaml:"org" json:"org,omitempty"`
	From    time.Time `yaml:"from" json:"from"`
	To      time.Time `yaml:"to" json:"to"`
}

// An Entry is one source in the registry.
type Entry struct {
	ID          string   `yaml:"id" json:"id"`
	Kind        Kind     `yaml:"kind" json:"kind"`
	Name        Text     `yaml:"name" json:"name"`
	Short       Text     `yaml:"short" json:"short"`
	Aliases     []string `yaml:"aliases" json:"aliases,omitempty"`
	Head        Head     `yaml:"head" json:"head"`
	Gender      string   `yaml:"gender" json:"gender,omitempty"` // people: "m" or "f"
	Country     string   `yaml:"country" json:"country,omitempty"`
	Homepage    string   `yaml:"homepage" json:"homepage,omitempty"`
	Domains     []string `yaml:"domains" json:"domains,omitempty"`
	RequiresCue bool     `yaml:"requires_cue" json:"requires_cue,omitempty"`
	State       bool     `yaml:"state" json:"state,omitempty"`
	Roles       []Role   `yaml:"roles" json:"roles,omitempty"`
}

// Label returns the short name in lang, for chips and lists.
func (e *Entry) Label(lang string) string {
	if s := e.Short.In(lang); s != "" {
		return s
	}
	return e.Name.In(lang)
}

// Names returns every name the entry goes by: names, short names and
// aliases, as written, each once.
func (e *Entry) Names() []string {
	out := make([]string, 0, 4+len(e.Aliases))
	add := func(s string) {
		if s == "" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	add(e.Name.Ar)
	add(e.Name.En)
	add(e.Short.Ar)
	add(e.Short.En)
	for _, a := range e.Aliases {
		add(a)
	}
	return out
}

// Names returns the role's titles and aliases, as written.
func (r Role) Names() []string {
	out := make([]string, 0, 2+len(r.Aliases))
	for _, s := range append([]string{r.Title.Ar, r.Title.En}, r.Aliases...) {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Held reports whether the role was held on date.
func (r Role) Held(date time.Time) bool {
	return !date.Before(r.From) && (r.To.IsZero() || date.Before(r.To))
}
