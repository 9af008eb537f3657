package annotate

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad/internal/content"
)

// dumpAST writes the shape of the tree under n: every node's kind, text
// segment and flags, and what a claim or statement node holds; two trees
// wrapped alike dump alike. Not ChildCount: goldmark's InsertBefore
// counts a child twice when it inserts at the end, so the count depends on
// the order text nodes are cut in, and is not the number of children
// either way; nothing reads it after parsing.
func dumpAST(b *strings.Builder, n ast.Node, depth int) {
	fmt.Fprintf(b, "%*s%s", 2*depth, "", n.Kind())
	switch v := n.(type) {
	case *ast.Text:
		fmt.Fprintf(b, " %d-%d soft=%v hard=%v raw=%v", v.Segment.Start, v.Segment.Stop, v.SoftLineBreak(), v.HardLineBreak(), v.IsRaw())
	case *ClaimNode:
		fmt.Fprintf(b, " %s %d/%d %q %q", v.Claim.ID, v.Part, v.Parts, v.Label, v.Href)
	case *StatementNode:
		fmt.Fprintf(b, " %d-%d %d/%d", v.Span.Start, v.Span.End, v.Part, v.Parts)
	}
	b.WriteByte('\n')
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		dumpAST(b, c, depth+1)
	}
}

// wrapTwice wraps claims and statements into src's AST twice: with
// Scratch.Wrap, after the same Scratch's FromAST, and list after list as
// before there was Scratch.Wrap. It returns both trees' dumps and HTML.
func wrapTwice(t testing.TB, a *Annotator, sc *Scratch, src []byte, claims func([]Claim) []Claim, stmts func([]Span) []Span) (got, want string) {
	split, _ := content.SplitFrontMatter(src)
	body := src[split.BodyStart:]
	md := Markdown()
	out := func(doc ast.Node) string {
		var b strings.Builder
		dumpAST(&b, doc, 0)
		var html bytes.Buffer
		if err := md.Renderer().Render(&html, body, doc); err != nil {
			t.Fatal(err)
		}
		b.WriteString("-- html --\n")
		b.Write(html.Bytes())
		return b.String()
	}
	doc, blocks, marks := ParseMarkdown(md, src, split.BodyStart)
	res, _ := a.Annotate(t.Context(), &Input{File: "f.md", Src: src, Lang: "en", Blocks: blocks, Marks: marks})
	cs, ss := claims(res.Claims), stmts(res.Unattributed)
	wrapStatementsSeq(doc, split.BodyStart, ss)
	wrapSeq(doc, split.BodyStart, cs, WrapOptions{}.withDefaults())
	want = out(doc)

	doc2 := md.Parser().Parse(text.NewReader(body))
	blocks2, _ := sc.FromAST(doc2, body, split.BodyStart)
	if fmt.Sprint(blocks2) != fmt.Sprint(blocks) {
		t.Fatalf("Scratch.FromAST: %v\nFromAST: %v", blocks2, blocks)
	}
	sc.Wrap(doc2, body, split.BodyStart, cs, ss, WrapOptions{})
	return out(doc2), want
}

func same[T any](v []T) []T { return v }

// markupSources are the Markdown articles of the tests' fixtures.
func markupSources(t testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/markup/*.txtar")
	gold, _ := filepath.Glob("testdata/gold/*/*.txtar")
	var out [][]byte
	for _, file := range append(files, gold...) {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "article.md" {
				out = append(out, af.Data)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixtures")
	}
	return out
}

// Scratch.Wrap wraps claims and statements together, in one pass, into
// the same tree as WrapStatements then Wrap did one after the other; one
// Scratch serves one document after another.
func TestScratchWrapSame(t *testing.T) {
	a := defaultAnnotator(t)
	var sc Scratch
	for i, src := range markupSources(t) {
		if got, want := wrapTwice(t, a, &sc, src, same, same); got != want {
			t.Errorf("article %d:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// Claims out of order, overlapping or empty are wrapped list after list,
// as they were.
func TestScratchWrapDisorder(t *testing.T) {
	a := defaultAnnotator(t)
	var sc Scratch
	reverse := func(cs []Claim) []Claim {
		out := make([]Claim, len(cs))
		for i, c := range cs {
			out[len(cs)-1-i] = c
		}
		return out
	}
	overlap := func(cs []Claim) []Claim {
		if len(cs) > 0 {
			c := cs[0]
			c.End = c.Start + (c.End-c.Start)/2
			c.ID += "-half"
			cs = append([]Claim{c}, cs...)
		}
		return cs
	}
	empty := func(ss []Span) []Span {
		if len(ss) > 0 {
			ss = append([]Span{{Start: ss[0].Start, End: ss[0].Start}}, ss...)
		}
		return ss
	}
	for i, src := range markupSources(t) {
		for _, f := range []func([]Claim) []Claim{reverse, overlap} {
			if got, want := wrapTwice(t, a, &sc, src, f, same); got != want {
				t.Errorf("article %d:\n%s\nwant:\n%s", i, got, want)
			}
		}
		if got, want := wrapTwice(t, a, &sc, src, same, empty); got != want {
			t.Errorf("article %d:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// FuzzScratchWrap: for any Markdown, Scratch.Wrap makes the tree
// WrapStatements and Wrap made one after the other.
func FuzzScratchWrap(f *testing.F) {
	for _, src := range markupSources(f) {
		f.Add(src)
	}
	f.Add([]byte("[a]{@wsj} [@] {-} [[x]{@un}]{@afp} *[b*]{=x} [c](u){@wsj}\n\n> q [@reuters].\n"))
	f.Add([]byte("* Reuters said *the talks `stalled`*, CNN reported.\n  * AFP said x.\n\n| Reuters said y | z |\n|-|-|\n"))
	a := defaultAnnotator(f)
	var sc Scratch
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := wrapTwice(t, a, &sc, src, same, same); got != want {
			t.Fatalf("got:\n%s\nwant:\n%s", got, want)
		}
	})
}
