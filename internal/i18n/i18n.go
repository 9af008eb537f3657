// Package i18n knows about languages: which script a text is written in and
// so its direction, the user-interface strings of each language (with plural
// forms), dates with localised month names, numbers in Western or
// Arabic-Indic digits, ordinal letters (أ ب ت ... / a b c ...) and collation
// for sorted lists.
//
// It holds no files and does no I/O: catalogs are built by the caller (the
// config package reads them from TOML) and passed in. Everything here is
// safe for concurrent use unless a type's comment says otherwise.
package i18n

import "strings"

// Base returns the primary language subtag of a BCP 47 tag, lower-cased:
// "ar-EG" → "ar", "EN_us" → "en".
func Base(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// rtlLangs are the languages written right to left, by primary subtag.
var rtlLangs = map[string]bool{
	"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true,
	"iw": true, "ku": false, "ps": true, "sd": true, "ug": true, "ur": true,
	"yi": true, "syr": true, "nqo": true,
}

// Dir returns "rtl" for languages written right to left and "ltr" for all
// others, including the empty tag. A script subtag wins over the language:
// "ku-Arab" is rtl, "az-Latn" ltr.
func Dir(lang string) string {
	l := strings.ToLower(lang)
	switch {
	case strings.Contains(l, "-arab"), strings.Contains(l, "-hebr"), strings.Contains(l, "-thaa"), strings.Contains(l, "-syrc"):
		return "rtl"
	case strings.Contains(l, "-latn"), strings.Contains(l, "-cyrl"):
		return "ltr"
	}
	if rtlLangs[Base(lang)] {
		return "rtl"
	}
	return "ltr"
}

// IsRTL reports whether lang is written right to left.
func IsRTL(lang string) bool { return Dir(lang) == "rtl" }
