package i18n

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// strong returns the strong direction of r: +1 left to right, -1 right to
// left, 0 for digits, punctuation, spaces and marks.
func strong(r rune) int {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return 1
		}
		return 0
	}
	switch r {
	case '\u200E', '\u200F', '\u061C': // directional marks are not text
		return 0
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L:
		return 1
	case bidi.R, bidi.AL:
		return -1
	}
	return 0
}

// joiner reports characters that may sit inside a run of the other
// direction without ending it: spaces and the punctuation of names,
// numbers and codes ("CMA CGM", "Hapag-Lloyd", "46.8%", "10:30", "U.S.").
func joiner(r rune) bool {
	switch r {
	case ' ', '\u00A0', '.', ',', ':', '/', '%', '-', '+', '\'', '’', '&', '_', '@', '#':
		return true
	}
	return false
}

// OtherRuns finds the runs of text in s written in the direction opposite
// to dir ("rtl" or "ltr"), to isolate them with <bdi>: Latin names, codes
// and figures with signs in Arabic text; Arabic or Hebrew words in English
// text. A run starts and ends with a letter of the other direction, or a
// digit in a run that has one; digits alone are isolated only in
// right-to-left text and only when punctuation joins them ("2023-01",
// "46.8%"), where the bidi algorithm would otherwise reorder the parts.
// Runs are byte ranges [start, end) of s, in order.
func OtherRuns(s []byte, dir string) [][2]int {
	want := 1 // the direction to isolate
	if dir != "rtl" {
		want = -1
	}
	var runs [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		isDigit := want == 1 && unicode.IsDigit(r)
		if strong(r) != want && !isDigit {
			i += n
			continue
		}
		start, end := i, i+n
		letters := !isDigit
		if isDigit && start > 0 && (s[start-1] == '-' || s[start-1] == '+') {
			// A sign belongs to its number unless it joins two words.
			p, _ := utf8.DecodeLastRune(s[:start-1])
			if start == 1 || !unicode.IsLetter(p) && !unicode.IsDigit(p) {
				start--
			}
		}
	run:
		for j := end; j < len(s); {
			r, n := utf8.DecodeRune(s[j:])
			switch {
			case strong(r) == want || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
				letters = letters || strong(r) == want
				j += n
				end = j
			case r == '%' && j == end && end > 0 && '0' <= s[end-1] && s[end-1] <= '9':
				j += n
				end = j
			case joiner(r):
				j += n
			default:
				break run
			}
		}
		if letters || want == 1 && hasDigitJoin(s[start:end]) {
			runs = append(runs, [2]int{start, end})
		}
		i = end
	}
	return runs
}

// hasDigitJoin reports whether a run of digits has punctuation inside it
// or a percent sign or leading sign: only then can the bidi algorithm
// scramble it in right-to-left text.
func hasDigitJoin(s []byte) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && c != ' ' {
			return true
		}
	}
	return false
}
