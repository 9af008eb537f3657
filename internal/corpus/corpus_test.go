package corpus

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a := Generate(7, 30)
	b := Generate(7, 30)
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("article %d differs between two runs with the same seed", i)
		}
	}
	if c := Generate(8, 1); bytes.Equal(c[0].Data, a[0].Data) {
		t.Error("seeds 7 and 8 give the same first article")
	}
}

func TestArticlesLookLikeBriefings(t *testing.T) {
	arts := Generate(1, 300)
	var ar, en int
	paths := map[string]bool{}
	for _, a := range arts {
		if paths[a.Path] {
			t.Fatalf("duplicate path %s", a.Path)
		}
		paths[a.Path] = true
		if n := len(a.Data); n < 4096 || n > 8192 {
			t.Errorf("%s: %d bytes, want 4-8 KB", a.Path, n)
		}
		if !utf8.Valid(a.Data) {
			t.Errorf("%s: invalid UTF-8", a.Path)
		}
		s := string(a.Data)
		if !strings.HasPrefix(s, "---\ntitle: ") || !strings.Contains(s, "\ndate: ") || !strings.Contains(s, "\ntags: [") {
			t.Errorf("%s: front matter lacks title, date or tags", a.Path)
		}
		if !strings.Contains(s, "\n## ") {
			t.Errorf("%s: no heading", a.Path)
		}
		switch {
		case strings.Contains(s, "\nlang: ar\n"):
			ar++
		case strings.Contains(s, "\nlang: en\n"):
			en++
		}
	}
	if ar != 200 || en != 100 {
		t.Errorf("got %d Arabic and %d English articles, want 200 and 100", ar, en)
	}
	var lists, quotes, tables, code int
	for _, a := range arts {
		s := string(a.Data)
		if strings.Contains(s, "\n- ") {
			lists++
		}
		if strings.Contains(s, "\n> ") {
			quotes++
		}
		if strings.Contains(s, "\n|---|") {
			tables++
		}
		if strings.Contains(s, "\n```") {
			code++
		}
	}
	if lists < 150 || quotes < 100 || tables < 30 || code < 30 || tables > 290 || code > 290 {
		t.Errorf("features over 300 articles: %d lists, %d quotes, %d tables, %d code blocks", lists, quotes, tables, code)
	}
}
