package annotate

import "strings"

// PlainText returns the text a reader sees of the file's bytes
// [start, end): the parts of blocks' Text that stand for them, without
// the Markdown around them ("**Kim** said" → "Kim said"), with the
// synthetic spaces of line breaks between, and a space between blocks. A
// claim's Text is its bytes on disk; this is what a page quoting it shows.
func PlainText(blocks []Block, start, end int) string {
	var b strings.Builder
	for _, bl := range blocks {
		last := -1 // end in bl.Text of the last run taken
		for _, s := range bl.Segs {
			from, to := max(s.Src, start), min(s.Src+s.Len, end)
			if from >= to {
				continue
			}
			t0 := s.Text + from - s.Src
			switch {
			case last >= 0:
				b.WriteString(bl.Text[last:t0]) // a line break's space
			case b.Len() > 0:
				b.WriteByte(' ')
			}
			b.WriteString(bl.Text[t0 : t0+to-from])
			last = t0 + to - from
		}
	}
	return strings.TrimSpace(b.String())
}
