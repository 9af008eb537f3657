package i18n

import (
	"unicode"
	"unicode/utf8"
)

// Detect guesses the language of text from its script: the script with the
// most letters wins. Arabic script is told apart into Arabic ("ar"),
// Persian ("fa"), Urdu ("ur") and Sorani Kurdish ("ckb") by the letters only
// those languages use. Hebrew gives "he", Cyrillic "ru", Greek "el", Latin
// "en". Text without letters gives "".
//
// The guess only needs to be good enough to pick a direction and a
// translation catalog; front matter "lang" always wins over it.
func Detect(text []byte) string {
	var arabic, hebrew, latin, cyrillic, greek int
	var persian, urdu, kurdish int
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		if r < 0x80 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
			switch r {
			case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ۓ':
				urdu++
			case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
				persian++
			case 'ڕ', 'ڵ', 'ۆ', 'ێ', 'ە':
				kurdish++
			}
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Greek, r):
			greek++
		}
	}
	best, lang := 0, ""
	for _, c := range []struct {
		n    int
		lang string
	}{{arabic, "ar"}, {latin, "en"}, {hebrew, "he"}, {cyrillic, "ru"}, {greek, "el"}} {
		if c.n > best {
			best, lang = c.n, c.lang
		}
	}
	if lang == "ar" {
		// A few borrowed letters (گ in a place name) do not make a text
		// Persian: ask for three in a hundred letters. In real Persian,
		// Urdu and Kurdish text these letters (ی, ک, ے, ە) are far more
		// frequent than that.
		switch {
		case kurdish*100 >= 3*arabic && kurdish >= urdu:
			return "ckb"
		case urdu*100 >= 3*arabic:
			return "ur"
		case persian*100 >= 3*arabic:
			return "fa"
		}
	}
	return lang
}
