package i18n

import (
	"strconv"
	"strings"
)

// A Message is one user-interface string with its plural forms, by CLDR
// plural category. Other is the form used when the category's own form is
// empty, and the only form of a string that has no plural.
type Message struct {
	Zero, One, Two, Few, Many, Other string
}

// A Catalog holds the user-interface strings of every language: language →
// key → message. Keys are dotted names such as "nav.home" or "month.6".
// A Catalog is read-only once built and safe for concurrent use.
type Catalog map[string]map[string]Message

// Set adds or replaces the message for key in lang.
func (c Catalog) Set(lang, key string, m Message) {
	lang = Base(lang)
	if c[lang] == nil {
		c[lang] = make(map[string]Message)
	}
	c[lang][key] = m
}

// Merge copies every message of d into c, replacing those c has: a site's
// translations override the embedded ones key by key.
func (c Catalog) Merge(d Catalog) {
	for lang, msgs := range d {
		for k, m := range msgs {
			c.Set(lang, k, m)
		}
	}
}

// lookup finds key in lang, then in English, then in any language in a
// fixed order, so a missing translation shows something readable.
func (c Catalog) lookup(lang, key string) (Message, bool) {
	if m, ok := c[Base(lang)][key]; ok {
		return m, true
	}
	if m, ok := c["en"][key]; ok {
		return m, true
	}
	return Message{}, false
}

// T returns the string for key in lang. A missing key returns the key
// itself, which is easy to spot on a page.
func (c Catalog) T(lang, key string) string {
	m, ok := c.lookup(lang, key)
	if !ok {
		return key
	}
	return m.Other
}

// N returns the plural form of key for the count n in lang, with "{n}"
// replaced by n written with digits d.
func (c Catalog) N(lang, key string, n int, d Digits) string {
	m, ok := c.lookup(lang, key)
	if !ok {
		return key
	}
	var s string
	switch Plural(lang, n) {
	case Zero:
		s = m.Zero
	case One:
		s = m.One
	case Two:
		s = m.Two
	case Few:
		s = m.Few
	case Many:
		s = m.Many
	}
	if s == "" {
		s = m.Other
	}
	return strings.ReplaceAll(s, "{n}", FormatNumber(n, lang, d))
}

// PluralCategory is a CLDR plural category.
type PluralCategory int

// The CLDR plural categories.
const (
	Other PluralCategory = iota
	Zero
	One
	Two
	Few
	Many
)

// Plural returns the CLDR plural category of the integer n in lang. Arabic
// has all six; English and most others only One and Other.
func Plural(lang string, n int) PluralCategory {
	if n < 0 {
		n = -n
	}
	switch Base(lang) {
	case "ar":
		switch m := n % 100; {
		case n == 0:
			return Zero
		case n == 1:
			return One
		case n == 2:
			return Two
		case m >= 3 && m <= 10:
			return Few
		case m >= 11 && m <= 99:
			return Many
		}
		return Other
	case "he":
		switch n {
		case 1:
			return One
		case 2:
			return Two
		}
		return Other
	case "fa":
		if n <= 1 {
			return One
		}
		return Other
	}
	if n == 1 {
		return One
	}
	return Other
}

// ParsePlural names a plural category as written in a translations file
// ("zero", "one", "two", "few", "many", "other").
func ParsePlural(s string) (PluralCategory, bool) {
	switch s {
	case "zero":
		return Zero, true
	case "one":
		return One, true
	case "two":
		return Two, true
	case "few":
		return Few, true
	case "many":
		return Many, true
	case "other":
		return Other, true
	}
	return Other, false
}

// SetForm sets the form of category p in m.
func (m *Message) SetForm(p PluralCategory, s string) {
	switch p {
	case Zero:
		m.Zero = s
	case One:
		m.One = s
	case Two:
		m.Two = s
	case Few:
		m.Few = s
	case Many:
		m.Many = s
	default:
		m.Other = s
	}
}

// monthKey is the catalog key of a month's name, 1-based.
func monthKey(m int) string { return "month." + strconv.Itoa(m) }
