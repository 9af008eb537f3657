package render

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/isnad/isnad/internal/i18n"
)

// dirKey holds the direction of the document being parsed.
var dirKey = parser.NewContextKey()

// KindIsolate is the kind of Isolate nodes.
var KindIsolate = ast.NewNodeKind("Isolate")

// An Isolate is a run of text in the other direction (a Latin name in
// Arabic text, an Arabic word in English text), rendered as <bdi> so the
// bidi algorithm lays it out on its own and the punctuation around it
// stays in place: "(CMA CGM)،" instead of "،(CMA CGM".
type Isolate struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *Isolate) Kind() ast.NodeKind { return KindIsolate }

// Dump implements ast.Node.
func (n *Isolate) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// isolator wraps the runs of the other direction in every text node in
// Isolate nodes. It runs after every other transformer, so claim spans and
// the like see the text nodes as parsed. Text is split, never changed:
// each piece keeps its exact segment of the source.
type isolator struct{}

func (isolator) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	dir, _ := pc.Get(dirKey).(string)
	if dir == "" {
		return
	}
	src := reader.Source()
	var groups [][]*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		}
		// Any container, claim spans of extensions included.
		groups = append(groups, textGroups(n)...)
		return ast.WalkContinue, nil
	})
	for _, g := range groups {
		isolate(g, src, dir)
	}
}

// textGroups returns the runs of consecutive text children of n whose
// segments follow each other in the source: the parser splits text at
// punctuation ("46" "." "8%"), and a run of the other direction may span
// the pieces. A line break ends a group.
func textGroups(n ast.Node) [][]*ast.Text {
	var groups [][]*ast.Text
	var cur []*ast.Text
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.IsRaw() || t.Segment.Padding != 0 {
			flush()
			continue
		}
		if len(cur) > 0 && cur[len(cur)-1].Segment.Stop != t.Segment.Start {
			flush()
		}
		cur = append(cur, t)
		if t.SoftLineBreak() || t.HardLineBreak() {
			flush()
		}
	}
	flush()
	return groups
}

// isolate replaces the text nodes of g, which cover one stretch of the
// source, by pieces around the runs of the other direction.
func isolate(g []*ast.Text, src []byte, dir string) {
	start, stop := g[0].Segment.Start, g[len(g)-1].Segment.Stop
	if stop > len(src) || start > stop {
		return
	}
	value := src[start:stop]
	// Entities and backslash escapes are decoded when the text is
	// written; splitting one would break it.
	if bytes.ContainsAny(value, "&\\") {
		return
	}
	runs := i18n.OtherRuns(value, dir)
	if len(runs) == 0 {
		return
	}
	lastText := g[len(g)-1]
	parent := lastText.Parent()
	soft, hard := lastText.SoftLineBreak(), lastText.HardLineBreak()
	var end *ast.Text
	insert := func(n ast.Node, t *ast.Text) {
		parent.InsertBefore(parent, g[0], n)
		end = t
	}
	pos := 0
	for _, r := range runs {
		if r[0] > pos {
			t := ast.NewTextSegment(text.NewSegment(start+pos, start+r[0]))
			insert(t, t)
		}
		iso := &Isolate{}
		inner := ast.NewTextSegment(text.NewSegment(start+r[0], start+r[1]))
		iso.AppendChild(iso, inner)
		insert(iso, inner)
		pos = r[1]
	}
	if pos < len(value) {
		t := ast.NewTextSegment(text.NewSegment(start+pos, stop))
		insert(t, t)
	}
	for _, t := range g {
		parent.RemoveChild(parent, t)
	}
	// Line breaks belong after the last piece.
	end.SetSoftLineBreak(soft)
	end.SetHardLineBreak(hard)
}

// isolateRenderer writes Isolate nodes.
type isolateRenderer struct{}

func (isolateRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindIsolate, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<bdi>")
		} else {
			w.WriteString("</bdi>")
		}
		return ast.WalkContinue, nil
	})
}
