package annotate

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// A Line is a span [Start, End) of a file holding one line of a plain-text
// article, without its line ending.
type Line struct {
	Start, End int
}

// Lines splits src[start:] into lines, as TextBlocks wants them.
func Lines(src []byte, start int) []Line {
	var out []Line
	for i := start; i <= len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && src[e-1] == '\r' {
			e--
		}
		out = append(out, Line{i, e})
		if j < 0 {
			break
		}
		i = end + 1
	}
	return out
}

// TextBlocks turns the lines of a plain-text article into blocks: every
// non-empty line is a paragraph, except a first line that is a byline
// ("بواسطة ...", "By ...") and a short line standing alone in quotation
// marks, which is a subheading. Offsets stay those of src.
func TextBlocks(src []byte, lines []Line) []Block {
	var out []Block
	first := true
	for _, l := range lines {
		s, e := l.Start, l.End
		// Trim white space and a byte order mark, keeping exact offsets.
		for s < e {
			r, n := utf8.DecodeRune(src[s:e])
			if r != ' ' && r != '\t' && r != '\uFEFF' && r != '\u00a0' {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRune(src[s:e])
			if r != ' ' && r != '\t' && r != '\r' && r != '\u00a0' {
				break
			}
			e -= n
		}
		if s >= e {
			continue
		}
		text := string(src[s:e])
		kind := Paragraph
		switch {
		case first && isByline(text):
			kind = Byline
		case isSubheading(text):
			kind = Heading
		}
		first = false
		out = append(out, Block{Kind: kind, Text: text, Segs: []Seg{{Text: 0, Src: s, Len: e - s}}})
	}
	return out
}

func isByline(s string) bool {
	for _, p := range []string{"بواسطة ", "كتب ", "كتبت ", "By ", "by ", "BY "} {
		if strings.HasPrefix(s, p) && utf8.RuneCountInString(s) < 80 {
			return true
		}
	}
	return false
}

// isSubheading reports a short line wholly in quotation marks: “زواج
// مصلحة”.
func isSubheading(s string) bool {
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	r0, _ := utf8.DecodeRuneInString(s)
	r1, _ := utf8.DecodeLastRuneInString(s)
	return isQuote(string(r0)) && isQuote(string(r1)) && len(s) > 2*utf8.RuneLen(r0)
}
