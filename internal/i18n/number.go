package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Digits is the set of digits numbers are written with.
type Digits string

// Digit styles, named after their Unicode CLDR numbering systems.
const (
	// Latin is 0123456789, the default everywhere: the Arabic press
	// (Al Jazeera, Asharq Al-Awsat, Reuters Arabic) writes Western digits,
	// and so does the text pasted into our articles, so dates and counts in
	// the page chrome match the body.
	Latin Digits = "latn"
	// ArabicIndic is ٠١٢٣٤٥٦٧٨٩, as in Egyptian and Gulf print.
	ArabicIndic Digits = "arab"
	// Persian is ۰۱۲۳۴۵۶۷۸۹ (extended Arabic-Indic), used for Persian and Urdu.
	Persian Digits = "arabext"
)

// ParseDigits checks a digits setting; "" means Latin.
func ParseDigits(s string) (Digits, bool) {
	switch Digits(s) {
	case "", Latin:
		return Latin, true
	case ArabicIndic, Persian:
		return Digits(s), true
	}
	return Latin, false
}

// Digitize replaces the ASCII digits of s by those of d. Decimal and
// grouping separators are left alone; FormatNumber handles those.
func Digitize(s string, d Digits) string {
	var zero rune
	switch d {
	case ArabicIndic:
		zero = '٠'
	case Persian:
		zero = '۰'
	default:
		return s
	}
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return zero + r - '0'
		}
		return r
	}, s)
}

// FormatNumber writes n with digits d and the grouping separator of lang
// (",", or "٬" with Arabic-Indic digits), grouping thousands from 10,000 on
// as most style guides do.
func FormatNumber(n int, lang string, d Digits) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) > 4 {
		sep := ","
		if d == ArabicIndic || d == Persian {
			sep = "٬"
		}
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(c)
		}
		s = b.String()
	}
	if neg {
		s = "-" + s
	}
	return Digitize(s, d)
}

// FormatDate writes t's calendar date in lang with the month's name from
// the catalog ("month.1" ... "month.12") laid out by its "date.format"
// ("{day} {month} {year}" when absent), with digits d: "20 يونيو 2024",
// "٢٠ يونيو ٢٠٢٤", "20 June 2024". Time of day is never shown.
func (c Catalog) FormatDate(t time.Time, lang string, d Digits) string {
	if t.IsZero() {
		return ""
	}
	format := "{day} {month} {year}"
	if m, ok := c.lookup(lang, "date.format"); ok && m.Other != "" {
		format = m.Other
	}
	month := t.Month().String()
	if m, ok := c.lookup(lang, monthKey(int(t.Month()))); ok && m.Other != "" {
		month = m.Other
	}
	// By hand rather than with a strings.Replacer, which costs more to
	// build than this does to run: dates are formatted by the thousand.
	var b strings.Builder
	b.Grow(len(format) + len(month))
	for {
		i := strings.IndexByte(format, '{')
		if i < 0 {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:i])
		format = format[i:]
		switch {
		case strings.HasPrefix(format, "{day}"):
			b.WriteString(Digitize(strconv.Itoa(t.Day()), d))
			format = format[len("{day}"):]
		case strings.HasPrefix(format, "{month}"):
			b.WriteString(month)
			format = format[len("{month}"):]
		case strings.HasPrefix(format, "{year}"):
			b.WriteString(Digitize(strconv.Itoa(t.Year()), d))
			format = format[len("{year}"):]
		default:
			b.WriteByte('{')
			format = format[1:]
		}
	}
}
