package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestFilePos(t *testing.T) {
	src := []byte("ab\ncd\r\n\nxyz")
	f := NewFile("a.md", src)
	tests := []struct {
		off  int
		want string
	}{
		{0, "a.md:1:1"},
		{1, "a.md:1:2"},
		{2, "a.md:1:3"}, // the newline itself
		{3, "a.md:2:1"},
		{7, "a.md:3:1"},
		{8, "a.md:4:1"},
		{10, "a.md:4:3"},
		{99, "a.md:4:4"},
		{-5, "a.md:1:1"},
	}
	for _, tt := range tests {
		if got := f.Pos(tt.off).String(); got != tt.want {
			t.Errorf("Pos(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
	if got := f.Line(2); got != "cd" {
		t.Errorf("Line(2) = %q, want %q", got, "cd")
	}
	if got := f.Line(9); got != "" {
		t.Errorf("Line(9) = %q, want empty", got)
	}
}

func TestFilePosSkipsBOM(t *testing.T) {
	f := NewFile("a.txt", []byte("\uFEFFab"))
	if got := f.Pos(4).String(); got != "a.txt:1:2" {
		t.Errorf("Pos after BOM = %s, want a.txt:1:2", got)
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list gives an error")
	}
	l.Warnf(Pos{File: "b.md", Line: 1, Col: 1}, "unresolved source %q", "x")
	if l.Err() != nil {
		t.Fatal("warnings alone give an error")
	}
	l.Addf(Pos{File: "b.md", Line: 3, Col: 2}, "bad date")
	l.Addf(Pos{File: "a.md", Line: 9, Col: 1}, "bad title")
	l.Addf(Pos{File: "a.md", Line: 9, Col: 1}, "bad title")
	l.Sort()
	if len(l) != 3 {
		t.Fatalf("Sort kept %d diagnostics, want 3 (duplicates dropped)", len(l))
	}
	want := "a.md:9:1: bad title\nb.md:3:2: bad date"
	err := l.Err()
	if err == nil || err.Error() != want {
		t.Fatalf("Err() = %v, want\n%s", err, want)
	}
	if got := AsList(fmt.Errorf("build: %w", err)); len(got) != 2 {
		t.Errorf("AsList through a wrap found %d diagnostics, want 2", len(got))
	}
	if got := AsList(errors.New("plain")); got != nil {
		t.Errorf("AsList(plain) = %v, want nil", got)
	}
	if got := l[1].Error(); got != "b.md:1:1: warning: unresolved source \"x\"" {
		t.Errorf("warning text = %q", got)
	}
}
