package claims

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
	"unicode"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/outlet"
)

// A Source is who a claim is attributed to, as pages show it: a registry
// entry, or a name the registry lacks, as written in the text.
type Source struct {
	// Key identifies the source across the site and names its page's
	// folder under outlets/: "kcna", "unlisted/russian-state-media".
	Key string
	// Entry is the registry entry; nil for a source outside the registry.
	Entry *outlet.Entry
	// Written is the name as the text gives it, for a source outside the
	// registry, and WrittenLang the language of the article it is from.
	Written, WrittenLang string
	Kind                 outlet.Kind
}

// unlistedDir is the folder, under outlets/, of the pages of sources
// outside the registry.
const unlistedDir = "unlisted/"

// resolve turns the annotator's source into a Source: the registry entry
// of its id, else its name as written in an article in lang.
func resolve(reg *outlet.Registry, s annotate.Source, lang string) Source {
	if s.ID != "" && reg != nil {
		if e := reg.Lookup(s.ID); e != nil {
			return Source{Key: e.ID, Entry: e, Kind: e.Kind}
		}
	}
	name := s.Name
	if name == "" {
		name = s.ID
	}
	return Source{Key: unlistedDir + Slug(name), Written: name, WrittenLang: lang, Kind: s.Kind}
}

// Slug is the folder name of the page of a source outside the registry:
// its folded name (package fold: no diacritics or tatweel, one form of
// alef, lower case), with every run of anything but letters and digits
// turned into "-". "وسائل إعلام مصرية" → "وسائل-اعلام-مصريه", "Russian
// state media" → "russian-state-media". A name with no letters gets a
// hash.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.String(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		h := fnv.New32a()
		h.Write([]byte(name))
		return fmt.Sprintf("source-%08x", h.Sum32())
	}
	return b.String()
}

// Registered reports whether the source is in the registry.
func (s Source) Registered() bool { return s.Entry != nil }

// ID is the registry id, or "" outside the registry.
func (s Source) ID() string {
	if s.Entry != nil {
		return s.Entry.ID
	}
	return ""
}

// Path is the folder of the source's page from the site root,
// "outlets/kcna/"; Link the file to link to.
func (s Source) Path() string { return "outlets/" + s.Key + "/" }

// Link is the source's page, from the site root:
// "outlets/kcna/index.html".
func (s Source) Link() string { return s.Path() + "index.html" }

// pick returns the text of t in lang with the language it is actually in,
// falling back to the other language.
func pick(t outlet.Text, lang string) (string, string) {
	if i18n.Base(lang) == "ar" {
		if t.Ar != "" {
			return t.Ar, "ar"
		}
		return t.En, "en"
	}
	if t.En != "" {
		return t.En, "en"
	}
	return t.Ar, "ar"
}

// A Name is a name in a language: Lang and Dir go on the element that
// shows it.
type Name struct {
	Text, Lang string
}

// Dir is the direction of the name's language.
func (n Name) Dir() string { return i18n.Dir(n.Lang) }

// Name returns the source's full name for a page in lang.
func (s Source) Name(lang string) Name {
	if s.Entry == nil {
		return Name{s.Written, s.WrittenLang}
	}
	t, l := pick(s.Entry.Name, lang)
	if t == "" {
		return Name{s.Entry.ID, "en"}
	}
	return Name{t, l}
}

// Label returns the source's short name for a page in lang: the chip's
// text.
func (s Source) Label(lang string) Name {
	if s.Entry == nil {
		return s.Name(lang)
	}
	t, l := pick(s.Entry.Short, lang)
	if t == "" {
		return s.Name(lang)
	}
	return Name{t, l}
}

// Names returns the source's names in Arabic and in English, the page's
// language first, each once; a source outside the registry has only its
// name as written.
func (s Source) Names(lang string) []Name {
	first := s.Name(lang)
	if s.Entry == nil {
		return []Name{first}
	}
	other := "en"
	if first.Lang == "en" {
		other = "ar"
	}
	out := []Name{first}
	if t, l := pick(s.Entry.Name, other); l == other && t != "" && t != first.Text {
		out = append(out, Name{t, l})
	}
	return out
}

// Homepage is the outlet's homepage, or "".
func (s Source) Homepage() string {
	if s.Entry == nil {
		return ""
	}
	return s.Entry.Homepage
}

// Country is the ISO 3166-1 code of the source's country, or "".
func (s Source) Country() string {
	if s.Entry == nil {
		return ""
	}
	return s.Entry.Country
}

// Role returns, for a person, the title of the role they held on date
// for the body org ("" for any), in lang: "الأمين العام لحلف الناتو". A
// zero date picks the latest such role.
func (s Source) Role(org, lang string, date time.Time) Name {
	if s.Entry == nil {
		return Name{}
	}
	var found *outlet.Role
	for i, r := range s.Entry.Roles {
		if org != "" && r.Org != org {
			continue
		}
		// With no date, the latest role for org.
		if r.Held(date) || date.IsZero() {
			found = &s.Entry.Roles[i]
			if !date.IsZero() {
				break
			}
		}
	}
	if found == nil {
		return Name{}
	}
	t, l := pick(found.Title, lang)
	return Name{t, l}
}

// SuggestedID is an id for a source outside the registry, for an editor
// adding it: its slug when that is a valid registry id (lower-case ASCII
// letters, digits and hyphens), else "".
func (s Source) SuggestedID() string {
	if s.Entry != nil {
		return s.Entry.ID
	}
	slug := strings.TrimPrefix(s.Key, unlistedDir)
	for _, r := range slug {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return ""
		}
	}
	return slug
}
