package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/fold"
)

// Key markers; see the package comment.
const (
	Exact   = '='
	Stemmed = '~'
	Article = '^'
)

// Words folds text and returns its words, in order.
func Words(text string) []string {
	folded := fold.LooseString(text)
	var out []string
	start := -1
	for i, r := range folded {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = appendWord(out, folded[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = appendWord(out, folded[start:])
	}
	return out
}

func appendWord(out []string, w string) []string {
	if utf8.RuneCountInString(w) < 2 {
		return out
	}
	return append(out, w)
}

func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	case 0x0621 <= r && r <= 0x064A:
		return true // the Arabic letters, the bulk of our text
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Script is the kind of word a key is made for.
type Script int

const (
	Other  Script = iota // digits, other scripts: exact keys only
	Arabic               // Arabic script: prefixes
	Latin                // a-z only: English stemming
)

// ScriptOf tells what kind of word w (folded) is.
func ScriptOf(w string) Script {
	latin := true
	for _, r := range w {
		if 0x0600 <= r && r <= 0x06FF {
			return Arabic
		}
		if r < 'a' || r > 'z' {
			latin = false
		}
	}
	if latin {
		return Latin
	}
	return Other
}

// prefixes are the Arabic prefixes a stem is found behind, folded,
// longest first: a conjunction (و ف), then a preposition (ب ك ل), then
// the article ال (ل + ال is written لل).
var prefixes = []string{
	"وبال", "وكال", "فبال", "فكال", "ولل", "فلل",
	"وال", "فال", "بال", "كال", "لل", "ال",
	"وب", "وك", "ول", "فب", "فك", "فل",
	"و", "ف", "ب", "ك", "ل",
}

// hasArticle reports whether prefix p ends in the article.
func hasArticle(p string) bool { return strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل") }

// A Stem is an Arabic word without one of its possible prefixes.
type Stem struct {
	Stem    string
	Article bool // the prefix ends in the article
}

// Stems returns the stems of the folded Arabic word w, one for each
// prefix it starts with that leaves enough letters (three, or two after
// the article), longest prefix first, each stem once.
func Stems(w string) []Stem {
	var out []Stem
	for _, p := range prefixes {
		r, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		art := hasArticle(p)
		min := 3
		if art {
			min = 2
		}
		if utf8.RuneCountInString(r) < min {
			continue
		}
		dup := false
		for i := range out {
			if out[i].Stem == r {
				out[i].Article = out[i].Article || art
				dup = true
			}
		}
		if !dup {
			out = append(out, Stem{Stem: r, Article: art})
		}
	}
	return out
}

// EnglishStem stems a folded English word lightly: plurals, -ed, -ing and a
// final e, enough for "treaties" to meet "treaty" and "signed" "signing".
func EnglishStem(w string) string {
	if len(w) < 4 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "eed"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ed") && len(w) >= 5 && hasVowel(w[:len(w)-2]):
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) >= 6 && hasVowel(w[:len(w)-3]):
		w = undouble(w[:len(w)-3])
	}
	if strings.HasSuffix(w, "e") && len(w) > 4 {
		w = w[:len(w)-1]
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// undouble drops one of a final pair of consonants: "stopp" → "stop",
// but "fall", "pass" and "buzz" stay.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// Keys returns the index keys of the folded word w; see the package
// comment.
func Keys(w string) []string {
	keys := []string{string(Exact) + w}
	switch ScriptOf(w) {
	case Arabic:
		for _, s := range Stems(w) {
			keys = append(keys, string(Stemmed)+s.Stem)
			if s.Article {
				keys = append(keys, string(Article)+s.Stem)
			}
		}
	case Latin:
		keys = append(keys, string(Stemmed)+EnglishStem(w))
	}
	return keys
}

// QueryKeys returns the keys a query word w (folded) looks up: a text
// word matches w when it has any of them.
func QueryKeys(w string) []string {
	switch ScriptOf(w) {
	case Arabic:
		keys := []string{string(Exact) + w, string(Stemmed) + w}
		for _, s := range Stems(w) {
			keys = append(keys, string(Exact)+s.Stem)
			if s.Article {
				keys = append(keys, string(Article)+s.Stem)
			}
		}
		return keys
	case Latin:
		return []string{string(Stemmed) + EnglishStem(w)}
	}
	return []string{string(Exact) + w}
}

// Matches reports whether the query word q matches the text word w, both
// folded: whether w has a key q looks up.
func Matches(q, w string) bool {
	have := Keys(w)
	for _, k := range QueryKeys(q) {
		for _, h := range have {
			if h == k {
				return true
			}
		}
	}
	return false
}

// MatchesText reports whether any word of the query matches any word of
// text.
func MatchesText(query, text string) bool {
	tw := Words(text)
	for _, q := range Words(query) {
		for _, w := range tw {
			if Matches(q, w) {
				return true
			}
		}
	}
	return false
}
