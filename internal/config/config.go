// Package config reads a site's settings: isnad.toml at the site root and
// the translations files (i18n/LANG.toml) that hold the user-interface
// strings. Every problem is a file:line:col diagnostic; a missing
// isnad.toml is not a problem, the defaults apply.
//
// # isnad.toml
//
//	baseURL = "https://user.github.io/repo/"  # canonical links, feeds, sitemap, 404.html; links stay relative
//	defaultLang = "ar"                         # language of the home and tag pages
//
//	[languages.ar]
//	title = "إسناد"
//	description = "موجزات إخبارية موثقة المصادر"
//	digits = "latn"                            # latn (0-9), arab (٠-٩) or arabext (۰-۹)
//
//	[languages.en]
//	title = "isnad"
//
//	paginate = 25                              # briefings per list page; 0: all on one
//
//	[feed]
//	limit = 20                                 # newest articles in each Atom feed; 0: all
//
//	[taxonomies]                               # singular = "plural"; the plural is the front
//	tag = "tags"                               # matter field and the URL segment
//
//	[markup]
//	unsafe = false                             # true lets raw HTML in Markdown through
//	[markup.highlight]
//	style = "github"                           # a chroma style, for light mode
//	darkStyle = "github-dark"                  # for prefers-color-scheme: dark
//
// Unknown keys are warnings, so a typo does not go unnoticed.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
)

// FileName is the name of the configuration file at the site root.
const FileName = "isnad.toml"

// Config is a site's configuration. The zero value is not ready to use;
// Default returns one that is.
type Config struct {
	// BaseURL is the site's public URL, ending in "/". Pages link to each
	// other relatively whatever it is; it serves canonical links and feeds.
	// "" means unknown.
	BaseURL string `toml:"baseURL"`
	// DefaultLang is the language of the home page, the tag pages and
	// 404.html.
	DefaultLang string `toml:"defaultLang"`
	// Languages holds per-language settings by BCP 47 tag.
	Languages map[string]Language `toml:"languages"`
	// Taxonomies maps a taxonomy's singular name to its plural, which is
	// both the front matter field that lists a page's terms and the URL
	// segment of the term pages ("tag" → "tags": site/tags/روسيا/).
	Taxonomies map[string]string `toml:"taxonomies"`
	// Markup holds the Markdown options.
	Markup Markup `toml:"markup"`
	// Paginate is the number of briefings on each page of the home page
	// and the tag pages; 0 puts them all on one page.
	Paginate int `toml:"paginate"`
	// Params holds any other site-wide values, for templates.
	Params map[string]any `toml:"params"`
	// Feed holds the Atom feeds' settings.
	Feed Feed `toml:"feed"`
}

// Feed holds the Atom feeds' settings.
type Feed struct {
	// Limit is the number of newest articles each feed carries, in full;
	// 0 means every article.
	Limit int `toml:"limit"`
}

// Language holds the settings of one language.
type Language struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	// Digits is how numbers and dates are written: "latn" (the default),
	// "arab" or "arabext".
	Digits string `toml:"digits"`
}

// Markup holds the Markdown options.
type Markup struct {
	// Unsafe lets raw HTML in Markdown through to the page. By default it
	// is escaped and shows as text, because articles quote outside copy.
	Unsafe    bool      `toml:"unsafe"`
	Highlight Highlight `toml:"highlight"`
}

// Highlight holds the code highlighting options.
type Highlight struct {
	Style       string `toml:"style"`     // chroma style for light mode
	DarkStyle   string `toml:"darkStyle"` // chroma style for dark mode
	LineNumbers bool   `toml:"lineNumbers"`
}

// Default returns the configuration of a site without isnad.toml: an
// Arabic-first site in Arabic and English.
func Default() *Config {
	return &Config{
		DefaultLang: "ar",
		Languages: map[string]Language{
			"ar": {Title: "إسناد", Description: "موجزات إخبارية، كل خبر فيها منسوب إلى مصدره", Digits: string(i18n.Latin)},
			"en": {Title: "isnad", Description: "News briefings with every claim traced to its source", Digits: string(i18n.Latin)},
		},
		Taxonomies: map[string]string{"tag": "tags"},
		Paginate:   25,
		Feed:       Feed{Limit: 20},
		Markup: Markup{Highlight: Highlight{
			Style:     "github",
			DarkStyle: "github-dark",
		}},
	}
}

// Langs returns the configured languages, the default one first and the
// others in alphabetical order.
func (c *Config) Langs() []string {
	var out []string
	for l := range c.Languages {
		if l != c.DefaultLang {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return append([]string{c.DefaultLang}, out...)
}

// Lang returns the settings of lang, falling back to those of its base
// language ("ar-EG" → "ar") and then to the default language.
func (c *Config) Lang(lang string) Language {
	if l, ok := c.Languages[lang]; ok {
		return l
	}
	if l, ok := c.Languages[i18n.Base(lang)]; ok {
		return l
	}
	return c.Languages[c.DefaultLang]
}

// Digits returns how numbers are written in lang.
func (c *Config) Digits(lang string) i18n.Digits {
	d, _ := i18n.ParseDigits(c.Lang(lang).Digits)
	return d
}

// Title returns the site's title in lang.
func (c *Config) Title(lang string) string {
	if t := c.Lang(lang).Title; t != "" {
		return t
	}
	return c.Languages[c.DefaultLang].Title
}

// Load reads name (normally FileName) from fsys over the defaults. A
// missing file gives the defaults and no diagnostics. Values given in the
// file replace the defaults; languages and taxonomies given in the file
// replace the default sets whole.
func Load(fsys fs.FS, name string) (*Config, diag.List) {
	c := Default()
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	var diags diag.List
	if err != nil {
		diags.Addf(diag.Pos{File: name}, "cannot read: %v", err)
		return c, diags
	}
	var raw fileConfig
	dec := toml.NewDecoder(bytes.NewReader(src)).DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		var strict *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &strict):
			for _, e := range strict.Errors {
				line, col := e.Position()
				diags.Warnf(diag.Pos{File: name, Line: line, Col: col}, "unknown setting %q", strings.Join(e.Key(), "."))
			}
			// Strict errors are reported after a complete decode, so
			// the known fields are all set.
		case errors.As(err, &de):
			line, col := de.Position()
			diags.Addf(diag.Pos{File: name, Line: line, Col: col}, "%s", decodeMessage(de))
			return c, diags
		default:
			diags.Addf(diag.Pos{File: name, Line: 1, Col: 1}, "%v", err)
			return c, diags
		}
	}
	c.merge(&raw)
	c.validate(name, src, &diags)
	return c, diags
}

// fileConfig is Config as decoded from the file, where a zero can be told
// from a missing value.
type fileConfig struct {
	BaseURL     string              `toml:"baseURL"`
	DefaultLang string              `toml:"defaultLang"`
	Languages   map[string]Language `toml:"languages"`
	Taxonomies  map[string]string   `toml:"taxonomies"`
	Markup      Markup              `toml:"markup"`
	Paginate    *int                `toml:"paginate"`
	Params      map[string]any      `toml:"params"`
	Feed        struct {
		Limit *int `toml:"limit"`
	} `toml:"feed"`
}

// merge copies the values set in raw over c.
func (c *Config) merge(raw *fileConfig) {
	if raw.BaseURL != "" {
		c.BaseURL = raw.BaseURL
	}
	if raw.DefaultLang != "" {
		c.DefaultLang = raw.DefaultLang
	}
	if len(raw.Languages) > 0 {
		def := c.Languages
		c.Languages = raw.Languages
		for l, lc := range c.Languages {
			// A language the defaults know keeps their title when the
			// file gives none.
			if d, ok := def[l]; ok {
				if lc.Title == "" {
					lc.Title = d.Title
				}
				if lc.Description == "" {
					lc.Description = d.Description
				}
				c.Languages[l] = lc
			}
		}
	}
	if len(raw.Taxonomies) > 0 {
		c.Taxonomies = raw.Taxonomies
	}
	c.Markup.Unsafe = raw.Markup.Unsafe
	c.Markup.Highlight.LineNumbers = raw.Markup.Highlight.LineNumbers
	if raw.Markup.Highlight.Style != "" {
		c.Markup.Highlight.Style = raw.Markup.Highlight.Style
	}
	if raw.Markup.Highlight.DarkStyle != "" {
		c.Markup.Highlight.DarkStyle = raw.Markup.Highlight.DarkStyle
	}
	if raw.Paginate != nil {
		c.Paginate = *raw.Paginate
	}
	c.Params = raw.Params
	if raw.Feed.Limit != nil {
		c.Feed.Limit = *raw.Feed.Limit
	}
}

// validate checks the values that decoding cannot, reporting each at the
// line of its key.
func (c *Config) validate(name string, src []byte, diags *diag.List) {
	if u, err := ParseBaseURL(c.BaseURL); err != nil {
		diags.Addf(keyPos(name, src, "baseURL"), "%v", err)
		c.BaseURL = ""
	} else {
		c.BaseURL = u
	}
	if c.Feed.Limit < 0 {
		diags.Addf(keyPos(name, src, "limit"), "feed.limit: %d must be 0 (every article) or more", c.Feed.Limit)
		c.Feed.Limit = 0
	}
	if c.Paginate < 0 {
		diags.Addf(keyPos(name, src, "paginate"), "paginate: %d must be 0 (no pages) or more", c.Paginate)
		c.Paginate = 0
	}
	if c.Languages == nil {
		c.Languages = map[string]Language{}
	}
	if _, ok := c.Languages[c.DefaultLang]; !ok {
		c.Languages[c.DefaultLang] = Language{Title: c.DefaultLang}
	}
	for _, l := range slices.Sorted(maps.Keys(c.Languages)) {
		if _, ok := i18n.ParseDigits(c.Languages[l].Digits); !ok {
			diags.Addf(keyPos(name, src, "digits"), "languages.%s.digits: %q is not one of latn, arab, arabext", l, c.Languages[l].Digits)
		}
	}
	for _, sing := range slices.Sorted(maps.Keys(c.Taxonomies)) {
		plural := c.Taxonomies[sing]
		if plural == "" || strings.ContainsAny(plural, "/\\. ") {
			diags.Addf(keyPos(name, src, sing), "taxonomies.%s: %q must be a single path segment", sing, plural)
		}
	}
}

var typeErrRE = regexp.MustCompile(`^cannot decode TOML (\w+) into struct field \S+ of type (\S+)$`)

// decodeMessage words a TOML decoding error for a site's author, without
// the Go type names go-toml puts in it.
func decodeMessage(de *toml.DecodeError) string {
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	m := typeErrRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := map[string]string{"string": "text", "int": "a whole number", "bool": "true or false"}[m[2]]
	if want == "" {
		want = "a table"
		if strings.HasPrefix(m[2], "[]") {
			want = "a list"
		}
	}
	return fmt.Sprintf("%s: want %s, found a TOML %s", strings.Join(de.Key(), "."), want, m[1])
}

// keyPos finds the first line that assigns key, for diagnostics about a
// value; it falls back to the start of the file.
func keyPos(name string, src []byte, key string) diag.Pos {
	for n, line := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(line, " \t\uFEFF")
		if rest, ok := strings.CutPrefix(t, key); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
			return diag.Pos{File: name, Line: n + 1, Col: len(line) - len(t) + 1}
		}
	}
	return diag.Pos{File: name, Line: 1, Col: 1}
}
