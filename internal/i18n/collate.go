package i18n

import (
	"bytes"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortKey folds s for collation in lang: for Arabic it drops the short
// vowels and other diacritics (tashkeel), tatweel and Quranic marks,
// reads the hamza and madda forms of alef (أ إ آ ٱ) as bare alef and alef
// maqsura (ى) as yeh, so that "إيران" sorts beside "ايران" and "أوكرانيا"
// among the alefs. Other text is returned unchanged. The result is for
// comparing, never for display.
func SortKey(lang, s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'ـ': // tatweel
			return -1
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
			return -1
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			return 'ا'
		case r == 'ى':
			return 'ي'
		}
		return r
	}, s)
}

// A Collator orders strings the way a reader of a language expects to find
// them in an index. It is not safe for concurrent use: make one per
// goroutine with NewCollator.
type Collator struct {
	lang   string
	c      *collate.Collator // loose, on SortKey-folded text
	strict *collate.Collator // breaks ties between loosely equal strings
	buf    collate.Buffer
}

// NewCollator returns a collator for lang that ignores case, width and
// diacritics, on top of SortKey's Arabic folding.
func NewCollator(lang string) *Collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return &Collator{
		lang:   lang,
		c:      collate.New(tag, collate.Loose, collate.Numeric),
		strict: collate.New(tag, collate.Numeric),
	}
}

// group puts text in the collator's own script first: an Arabic index
// lists Arabic names before Latin ones, as CLDR's Arabic order does.
func (c *Collator) group(s string) byte {
	native := Dir(c.lang) == "rtl"
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if (strong(r) == -1) == native {
			return 0
		}
		return 1
	}
	return 0
}

// Key returns a byte key for s; comparing keys with bytes.Compare orders
// the strings as Compare does.
func (c *Collator) Key(s string) []byte {
	k := []byte{c.group(s)}
	k = append(k, c.c.KeyFromString(&c.buf, SortKey(c.lang, s))...)
	c.buf.Reset()
	k = append(k, 0) // no key byte is below a separator; see collate's keys
	k = append(k, c.strict.KeyFromString(&c.buf, s)...)
	c.buf.Reset()
	k = append(k, 0)
	return append(k, s...)
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b. Strings
// the loose order cannot tell apart are ordered by the strict CLDR order
// (which puts إيران before ايران), then by their bytes, so the order is total and the same on every
// run.
func (c *Collator) Compare(a, b string) int {
	if ga, gb := c.group(a), c.group(b); ga != gb {
		return int(ga) - int(gb)
	}
	if r := c.c.CompareString(SortKey(c.lang, a), SortKey(c.lang, b)); r != 0 {
		return r
	}
	if r := c.strict.CompareString(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// SortFunc sorts s in place by the collation of key(e) in lang. Keys are
// computed once per element.
func SortFunc[E any](lang string, s []E, key func(E) string) {
	c := NewCollator(lang)
	type item struct {
		k []byte
		e E
	}
	items := make([]item, len(s))
	for i, e := range s {
		items[i] = item{c.Key(key(e)), e}
	}
	slices.SortStableFunc(items, func(a, b item) int { return bytes.Compare(a.k, b.k) })
	for i := range items {
		s[i] = items[i].e
	}
}
