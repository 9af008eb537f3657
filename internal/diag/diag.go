// Package diag reports problems in source files as "file:line:col: message".
//
// Every stage of the pipeline collects its problems in a List instead of
// stopping at the first one, so a build reports all of them in one run.
// Positions are 1-based; columns count bytes, as go/scanner does.
package diag

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// A Pos is a position in a source file. Line and Col are 1-based; Col counts
// bytes. A zero Line means the position names the file only.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// A Diagnostic is a problem at a position. It implements error.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// Error formats the diagnostic as "file:line:col: message", with
// "warning: " before the message of a warning.
func (d Diagnostic) Error() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// A List collects diagnostics. The zero value is an empty list ready to use.
// A List is not safe for concurrent use; give each goroutine its own and
// Append them.
type List []Diagnostic

// Addf adds an error at pos.
func (l *List) Addf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Append adds every diagnostic of m.
func (l *List) Append(m List) { *l = append(*l, m...) }

// Sort orders the list by file, line, column and message, and drops exact
// duplicates.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// HasErrors reports whether the list holds at least one error (not only
// warnings).
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors of the list.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error if it holds any error, else nil.
// Warnings alone never make an error.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l.Errors())
}

// ListError is a List used as an error; its message has one diagnostic a line.
type ListError List

func (e ListError) Error() string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// AsList returns the diagnostics carried by err: those of a ListError or a
// Diagnostic wrapped anywhere in it. Other errors give nil.
func AsList(err error) List {
	var le ListError
	if errors.As(err, &le) {
		return List(le)
	}
	var d Diagnostic
	if errors.As(err, &d) {
		return List{d}
	}
	return nil
}

// A File maps byte offsets in a source file to positions.
type File struct {
	name  string
	src   []byte
	lines []int // byte offset at which each line starts
}

// NewFile indexes src, the whole file as it is on disk, under name.
func NewFile(name string, src []byte) *File {
	lines := []int{0}
	for i, c := range src {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &File{name: name, src: src, lines: lines}
}

// Name returns the file's name as given to NewFile.
func (f *File) Name() string { return f.name }

// Pos returns the position of the byte at offset. Offsets past the end
// clamp to the end of the file. A byte order mark at the start of the file
// does not count as a column.
func (f *File) Pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.src) {
		offset = len(f.src)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	start := f.lines[i]
	if i == 0 && bytes.HasPrefix(f.src, []byte("\uFEFF")) && offset >= 3 {
		start = 3
	}
	return Pos{File: f.name, Line: i + 1, Col: offset - start + 1}
}

// Line returns the text of the 1-based line n without its line ending, or
// "" when there is no such line. Error pages use it to show context.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	end := len(f.src)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	return strings.TrimSuffix(string(f.src[f.lines[n-1]:end]), "\r")
}
