package annotate

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad/internal/content"
)

// FuzzParseCite: the citation core parser never panics, and what it
// accepts it accepts again the same way.
func FuzzParseCite(f *testing.F) {
	for _, s := range []string{"@wsj", "-", "=صحيفة الغد", "@wsj url=https://x via=\"a b\",@un conduit=@cnn", "@", "@wsj url=ftp://x", "@x via=«مسؤولون", "@x k=", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseCite(s)
		c2, err2 := parseCite(s)
		if (err == nil) != (err2 == nil) || !reflect.DeepEqual(c, c2) {
			t.Fatalf("parseCite(%q) is not deterministic", s)
		}
		if err != nil {
			ce, ok := err.(*CiteError)
			if !ok || ce.Off < 0 || ce.Off > len(s) {
				t.Fatalf("parseCite(%q): bad error %#v", s, err)
			}
			return
		}
		if c.Source == "" && !c.Off {
			t.Fatalf("parseCite(%q) accepted no source", s)
		}
	})
}

// checkResult asserts what every result must hold: offsets inside the
// file and on UTF-8 boundaries, text equal to the file's bytes, claims in
// order without overlap, unique ids.
func checkResult(t *testing.T, src []byte, res *Result) {
	t.Helper()
	ids := map[string]bool{}
	prevEnd := 0
	for _, c := range res.Claims {
		if c.Start < 0 || c.End > len(src) || c.Start >= c.End {
			t.Fatalf("claim %s span %d:%d outside 0:%d", c.ID, c.Start, c.End, len(src))
		}
		if utf8.Valid(src) && (!utf8.RuneStart(src[c.Start]) || c.End < len(src) && !utf8.RuneStart(src[c.End])) {
			t.Fatalf("claim %s span %d:%d not on rune boundaries", c.ID, c.Start, c.End)
		}
		if string(src[c.Start:c.End]) != c.Text {
			t.Fatalf("claim %s text differs from the file", c.ID)
		}
		if c.Start < prevEnd {
			t.Fatalf("claim %s overlaps the previous one", c.ID)
		}
		prevEnd = c.End
		if ids[c.ID] || len(c.ID) != 8 {
			t.Fatalf("claim id %q duplicate or malformed", c.ID)
		}
		ids[c.ID] = true
		if c.Via == nil {
			t.Fatalf("claim %s: via is nil, want []", c.ID)
		}
	}
	for _, u := range res.Unattributed {
		if u.Start < 0 || u.End > len(src) || u.Start >= u.End {
			t.Fatalf("unattributed span %d:%d outside 0:%d", u.Start, u.End, len(src))
		}
	}
}

// FuzzAnnotateText: plain-text articles of any bytes never panic, give
// valid spans, and the same input gives the same output.
func FuzzAnnotateText(f *testing.F) {
	a := defaultAnnotator(f)
	seed, _ := os.ReadFile("../../content/2024/putin-pyongyang.txt")
	f.Add(seed)
	for _, tc := range detectCases {
		f.Add([]byte(tc.text))
	}
	f.Add([]byte("\xff\xfe“ قال \u200f: «"))
	f.Fuzz(func(t *testing.T, src []byte) {
		mk := func() *Input {
			return &Input{File: "f.txt", Src: src, Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
				Blocks: FromText(src, textLines(src))}
		}
		res, _ := a.Annotate(t.Context(), mk())
		checkResult(t, src, res)
		again, _ := a.Annotate(t.Context(), mk())
		if !reflect.DeepEqual(res, again) {
			t.Fatal("not deterministic")
		}
	})
}

// FuzzMarkdown: Markdown articles with citation markup never panic, from
// parsing through annotation to wrapping and rendering; spans are valid
// and the output is deterministic.
func FuzzMarkdown(f *testing.F) {
	a := defaultAnnotator(f)
	files, _ := filepath.Glob("testdata/markup/*.txtar")
	gold, _ := filepath.Glob("testdata/gold/tune/*.txtar")
	for _, file := range append(files, gold...) {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "article.md" || af.Name == "article.txt" {
				f.Add(af.Data)
			}
		}
	}
	f.Add([]byte("[a]{@wsj} [@] {-} [[x]{@un}]{@afp} *[b*]{=x} [c](u){@wsj}\n\n> q [@reuters].\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		render := func() (*Result, string) {
			split, _ := content.SplitFrontMatter(src)
			md := Markdown()
			doc, blocks, marks := ParseMarkdown(md, src, split.BodyStart)
			in := &Input{File: "f.md", Src: src, Lang: "en", Blocks: blocks, Marks: marks}
			res, _ := a.Annotate(t.Context(), in)
			Wrap(doc, src[split.BodyStart:], split.BodyStart, res.Claims, WrapOptions{})
			var b bytes.Buffer
			if err := md.Renderer().Render(&b, src[split.BodyStart:], doc); err != nil {
				t.Fatal(err)
			}
			return res, b.String()
		}
		res, html := render()
		checkResult(t, src, res)
		res2, html2 := render()
		if !reflect.DeepEqual(res, res2) || html != html2 {
			t.Fatal("not deterministic")
		}
		for _, c := range res.Claims {
			// Every claim is rendered exactly once with its id.
			if n := bytes.Count([]byte(html), []byte(`id="`+c.ID+`"`)); n != 1 {
				t.Fatalf("claim %s rendered %d times", c.ID, n)
			}
		}
	})
}
