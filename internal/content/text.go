package content

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BlockKind is the role of a line of a plain-text article.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading             // a short line standing alone in quotation marks
	Byline              // "بواسطة نجيم", "By Jane Doe": the first line only
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Byline:
		return "byline"
	}
	return "paragraph"
}

// A Block is one non-empty line of a plain-text article. Start and End are
// byte offsets into the file (Doc.Src); the line ending and the white
// space around the text are left out, so Src[Start:End] is the text.
type Block struct {
	Kind       BlockKind
	Start, End int
	// Name is, for a byline, the offsets of the writer's name within it.
	NameStart, NameEnd int
}

// bylineCues open a byline line, longest first so "بقلم" wins over "ب".
var bylineCues = []string{"بواسطة", "بقلم", "كتبت", "كتب", "إعداد", "اعداد", "By", "by", "BY", "Par", "Por", "Von"}

// maxHeadingRunes bounds a subheading: longer quoted lines are quotations
// standing as paragraphs.
const maxHeadingRunes = 60

// SplitText splits the body of a plain-text article, src[start:], into
// blocks: a byline when the first non-empty line is one, a heading for each
// short line quoted whole, a paragraph for every other non-empty line.
// Lines end with LF or CRLF; a last line without a line ending counts.
func SplitText(src []byte, start int) []Block {
	var blocks []Block
	first := true
	for i := start; i < len(src); {
		l, next := rawLine(src, i)
		s, e := trimSpaceOffsets(src, i, i+len(l))
		i = next
		if s == e {
			continue
		}
		b := Block{Kind: Paragraph, Start: s, End: e}
		text := src[s:e]
		switch {
		case first && isByline(text):
			b.Kind = Byline
			b.NameStart, b.NameEnd = bylineName(src, s, e)
		case isQuotedHeading(text):
			b.Kind = Heading
		}
		first = false
		blocks = append(blocks, b)
	}
	return blocks
}

// rawLine returns the line at i without its LF or CRLF and the offset of
// the next line.
func rawLine(src []byte, i int) ([]byte, int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return bytes.TrimSuffix(src[i:], []byte("\r")), len(src)
	}
	return bytes.TrimSuffix(src[i:i+j], []byte("\r")), i + j + 1
}

// isSpace reports white space to trim around a line: Unicode spaces, the
// BOM and the zero-width characters pasted text carries.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' || r == '\u200E' || r == '\u200F'
}

// trimSpaceOffsets returns the offsets of src[s:e] without leading and
// trailing white space. Invalid UTF-8 is not space and stays.
func trimSpaceOffsets(src []byte, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRune(src[s:e])
		if r == utf8.RuneError && n <= 1 || !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRune(src[s:e])
		if r == utf8.RuneError && n <= 1 || !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func isByline(text []byte) bool {
	for _, cue := range bylineCues {
		rest, ok := bytes.CutPrefix(text, []byte(cue))
		if !ok || len(rest) == 0 {
			continue
		}
		r, _ := utf8.DecodeRune(rest)
		if !unicode.IsSpace(r) && r != ':' {
			continue // "Byzantine", "كتبه"
		}
		name := strings.TrimLeft(string(rest), ": \t\u00A0")
		// A name, not a sentence: a few words, no full stop.
		words := len(strings.Fields(name))
		return words >= 1 && words <= 8 && !strings.ContainsAny(name, ".؟?!") && utf8.RuneCountInString(name) <= 80
	}
	return false
}

// bylineName returns the offsets of the name in the byline src[s:e].
func bylineName(src []byte, s, e int) (int, int) {
	text := src[s:e]
	for _, cue := range bylineCues {
		if bytes.HasPrefix(text, []byte(cue)) {
			n := s + len(cue)
			for n < e {
				r, size := utf8.DecodeRune(src[n:e])
				if r != ':' && !isSpace(r) {
					break
				}
				n += size
			}
			return n, e
		}
	}
	return s, e
}

// quotePairs are the opening and closing marks a subheading may stand in.
// Arabic copy often has the curly marks reversed, so both orders count.
var quotePairs = map[rune][]rune{
	'“': {'”', '“'},
	'”': {'“', '”'},
	'"': {'"'},
	'«': {'»'},
	'»': {'«'},
	'„': {'“', '”'},
}

// quoteMarks are the marks that must not appear inside a subheading: a line
// like “a” and “b” is two quotations, not one heading.
const quoteMarks = "“”\"«»„"

func isQuotedHeading(text []byte) bool {
	open, n := utf8.DecodeRune(text)
	closes, ok := quotePairs[open]
	if !ok {
		return false
	}
	closeR, m := utf8.DecodeLastRune(text)
	if len(text) < n+m || !slices.Contains(closes, closeR) {
		return false
	}
	inner := text[n : len(text)-m]
	if len(bytes.TrimSpace(inner)) == 0 || bytes.ContainsAny(inner, quoteMarks) {
		return false
	}
	return utf8.RuneCount(inner) <= maxHeadingRunes
}
