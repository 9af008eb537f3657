package annotate

// A Line is one line of a plain-text article, as the content loader splits
// it: [Start, End) are its bytes in the file, without the line ending and
// the white space around the text; Kind is Paragraph, Heading (a short
// line alone in quotation marks) or Byline.
type Line struct {
	Kind       BlockKind
	Start, End int
}

// FromText builds the annotator's blocks for a plain-text article: one
// block per line, tied byte for byte to src.
func FromText(src []byte, lines []Line) []Block {
	out := make([]Block, 0, len(lines))
	for _, l := range lines {
		if l.Start < 0 || l.End > len(src) || l.Start >= l.End {
			continue
		}
		out = append(out, Block{Kind: l.Kind, Text: string(src[l.Start:l.End]), Segs: []Seg{{Text: 0, Src: l.Start, Len: l.End - l.Start}}})
	}
	return out
}
