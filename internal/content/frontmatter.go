package content

import (
	"bytes"
	"errors"
)

// Format is the syntax of a front matter block.
type Format int

// Front matter formats.
const (
	NoFrontMatter Format = iota
	YAML
	TOML
)

func (f Format) String() string {
	switch f {
	case YAML:
		return "YAML"
	case TOML:
		return "TOML"
	}
	return "none"
}

// bom is the UTF-8 byte order mark some editors put at the start of files.
var bom = []byte("\uFEFF")

// ErrUnclosed is returned by SplitFrontMatter when a front matter block
// has an opening delimiter but no closing one.
var ErrUnclosed = errors.New("front matter is not closed")

// A Split is where SplitFrontMatter found the parts of a file. All offsets
// are into the file as given.
type Split struct {
	Format Format
	// MetaStart and MetaEnd delimit the front matter's contents, without
	// its delimiter lines. Both are 0 when there is no front matter.
	MetaStart, MetaEnd int
	// BodyStart is where the body begins: after the BOM and after the
	// closing delimiter line with its line ending.
	BodyStart int
}

// SplitFrontMatter finds the front matter at the start of src. A block
// opens with a line that is exactly "---" (YAML) or "+++" (TOML), after an
// optional byte order mark, and closes with the next such line ("..." also
// closes YAML); trailing spaces and CR line endings are allowed on
// delimiter lines. A file without an opening line has no front matter and
// its body starts after the BOM. An opening line without a closing one
// gives ErrUnclosed, with the Split of a file without front matter.
func SplitFrontMatter(src []byte) (Split, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	noFM := Split{BodyStart: start}
	first, next := line(src, start)
	var f Format
	switch string(first) {
	case "---":
		f = YAML
	case "+++":
		f = TOML
	default:
		return noFM, nil
	}
	for i := next; i < len(src); {
		l, n := line(src, i)
		if string(l) == string(first) || f == YAML && string(l) == "..." {
			return Split{Format: f, MetaStart: next, MetaEnd: i, BodyStart: n}, nil
		}
		i = n
	}
	return noFM, ErrUnclosed
}

// line returns the line of src starting at i, without its line ending and
// trailing spaces or tabs, and the offset of the next line.
func line(src []byte, i int) ([]byte, int) {
	j := bytes.IndexByte(src[i:], '\n')
	next := len(src)
	if j >= 0 {
		next = i + j + 1
		j += i
	} else {
		j = len(src)
	}
	return bytes.TrimRight(src[i:j], " \t\r"), next
}
