package annotate

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCitation is the node kind of a Citation.
var KindCitation = ast.NewNodeKind("Citation")

// A Citation is a piece of citation markup in the text: "[@wsj]" or
// "{@wsj}" after a sentence, "{-}" after a sentence, or the "{…}" of a
// marked span (then it is the last child of its MarkedSpan). It renders as
// nothing: the claim it makes renders instead.
type Citation struct {
	ast.BaseInline
	Cite Cite
	// Err is the problem in the markup, if any; Start and End delimit the
	// markup, brackets included, in the parsed source.
	Err        *CiteError
	Start, End int
	Braced     bool // written in { } rather than [ ]
}

// Kind implements ast.Node.
func (n *Citation) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.
func (n *Citation) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Markup": string(source[n.Start:n.End])}, nil)
}

// KindMarkedSpan is the node kind of a MarkedSpan.
var KindMarkedSpan = ast.NewNodeKind("MarkedSpan")

// A MarkedSpan is "[text]{@wsj}": its children are the text of a claim
// the author marked, and its Citation says whose it is.
type MarkedSpan struct {
	ast.BaseInline
	Citation *Citation
}

// Kind implements ast.Node.
func (n *MarkedSpan) Kind() ast.NodeKind { return KindMarkedSpan }

// Dump implements ast.Node.
func (n *MarkedSpan) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Extension is the goldmark extension for citation markup: it parses
// citations and marked spans into Citation and MarkedSpan nodes and renders
// them (citations as nothing, spans as their text). Claims are wrapped in
// Claim nodes by Wrap, after annotation, and rendered by ClaimRenderer.
type Extension struct{}

// Extend implements goldmark.Extender.
func (Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(
			util.Prioritized(citeParser{}, 199), // before links: "[@" is ours
			util.Prioritized(braceParser{}, 199),
		),
		parser.WithASTTransformers(util.Prioritized(spanTransformer{}, 500)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(markupRenderer{}, 500),
		util.Prioritized(ClaimRenderer{}, 500),
	))
}

// citeParser parses "[@id ...]" and "[=name ...]".
type citeParser struct{}

func (citeParser) Trigger() []byte { return []byte{'['} }

func (citeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[0] != '[' || line[1] != '@' && line[1] != '=' {
		return nil
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 || bytes.IndexByte(line[1:end], '[') >= 0 {
		return nil
	}
	n := &Citation{Start: seg.Start, End: seg.Start + end + 1}
	c, err := parseCite(string(line[1:end]))
	n.Cite = c
	if err != nil {
		ce := err.(*CiteError)
		n.Err = &CiteError{Off: 1 + ce.Off, Msg: ce.Msg}
	}
	block.Advance(end + 1)
	return n
}

// braceParser parses "{@id ...}", "{=name}" and "{-}".
type braceParser struct{}

func (braceParser) Trigger() []byte { return []byte{'{'} }

func (braceParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[0] != '{' || line[1] != '@' && line[1] != '=' && line[1] != '-' {
		return nil
	}
	end := bytes.IndexByte(line, '}')
	if end < 0 {
		return nil
	}
	n := &Citation{Start: seg.Start, End: seg.Start + end + 1, Braced: true}
	c, err := parseCite(string(line[1:end]))
	if err != nil && line[1] == '-' {
		return nil // "{-x}" is not ours
	}
	n.Cite = c
	if err != nil {
		ce := err.(*CiteError)
		n.Err = &CiteError{Off: 1 + ce.Off, Msg: ce.Msg}
	}
	block.Advance(end + 1)
	return n
}

// spanTransformer turns "[", inline nodes, "]" and a braced Citation into
// a MarkedSpan.
type spanTransformer struct{}

func (spanTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var cites []*Citation
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Citation); ok && entering && c.Braced {
			cites = append(cites, c)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range cites {
		wrapSpan(c, source)
	}
	// Like Pandoc, drop the space before a citation: "stalled [@reuters]."
	// reads "stalled." with the chip.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*Citation)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.PreviousSibling().(*ast.Text); ok && !t.SoftLineBreak() && !t.HardLineBreak() {
			s := t.Segment
			for s.Stop > s.Start && (source[s.Stop-1] == ' ' || source[s.Stop-1] == '\t') {
				s.Stop--
			}
			t.Segment = s
		}
		return ast.WalkContinue, nil
	})
}

// wrapSpan looks for "[...]" right before a braced citation, among its
// siblings, and moves what the brackets hold into a MarkedSpan.
func wrapSpan(c *Citation, source []byte) {
	prev, ok := c.PreviousSibling().(*ast.Text)
	if !ok {
		return
	}
	seg := prev.Segment
	if seg.Len() == 0 || source[seg.Stop-1] != ']' || prev.SoftLineBreak() || prev.HardLineBreak() {
		return
	}
	// Find the matching "[" walking back over the siblings' text.
	depth := 0
	var open *ast.Text
	openAt := -1
	for n := ast.Node(prev); n != nil && open == nil; n = n.PreviousSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			continue
		}
		s := t.Segment
		stop := s.Stop
		if t == prev {
			stop-- // the "]" itself
		}
		for i := stop - 1; i >= s.Start; i-- {
			switch source[i] {
			case ']':
				depth++
			case '[':
				if depth == 0 {
					open, openAt = t, i
				} else {
					depth--
				}
			}
			if open != nil {
				break
			}
		}
	}
	if open == nil {
		return
	}
	parent := c.Parent()
	span := &MarkedSpan{Citation: c}
	// Split the closing text at "]", then the opening one at "[" (they may
	// be the same node).
	last := splitText(prev, prev.Segment.Stop-1, prev.Segment.Stop)
	if last == nil {
		return
	}
	open = nil
	for n := last.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		if t, ok := n.(*ast.Text); ok && t.Segment.Start <= openAt && openAt < t.Segment.Stop {
			open = t
			break
		}
	}
	if open == nil {
		return
	}
	first := splitText(open, openAt, openAt+1)
	if first == nil || first.NextSibling() == last {
		return // "[]": nothing to mark
	}
	parent.InsertBefore(parent, first, span)
	for n := first; n != nil && n != last; {
		next := n.NextSibling()
		parent.RemoveChild(parent, n)
		span.AppendChild(span, n)
		n = next
	}
	// last is the "]" text node: drop it; the citation goes inside the span.
	parent.RemoveChild(parent, last)
	parent.RemoveChild(parent, c)
	span.AppendChild(span, c)
	// first began with the "[" itself; drop that node.
	if f, ok := span.FirstChild().(*ast.Text); ok && f.Segment.Start == openAt && f.Segment.Stop == openAt+1 {
		span.RemoveChild(span, f)
	}
}

// splitText cuts text node t around the bytes [i, j) of source, leaving
// up to three sibling nodes, and returns the node holding [i, j), or the
// node right after it for an empty cut.
func splitText(t *ast.Text, i, j int) ast.Node {
	s := t.Segment
	if i < s.Start || j > s.Stop {
		return nil
	}
	parent := t.Parent()
	soft, hard := t.SoftLineBreak(), t.HardLineBreak()
	var mid ast.Node
	if i > s.Start {
		before := ast.NewTextSegment(text.NewSegment(s.Start, i))
		parent.InsertBefore(parent, t, before)
	}
	m := ast.NewTextSegment(text.NewSegment(i, j))
	parent.InsertBefore(parent, t, m)
	mid = m
	if j < s.Stop {
		after := ast.NewTextSegment(text.NewSegment(j, s.Stop))
		after.SetSoftLineBreak(soft)
		after.SetHardLineBreak(hard)
		parent.InsertBefore(parent, t, after)
	} else {
		m.SetSoftLineBreak(soft)
		m.SetHardLineBreak(hard)
	}
	parent.RemoveChild(parent, t)
	return mid
}

// markupRenderer renders Citation nodes as nothing and MarkedSpan nodes as
// their children.
type markupRenderer struct{}

func (markupRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindCitation, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
	r.Register(KindMarkedSpan, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
}

// FromAST builds the annotator's blocks and marks from a goldmark document
// parsed from source, whose byte 0 is at offset base of the file (base is
// the body's start when source is the body of a file with front matter).
// Every offset in the result is a file offset.
func FromAST(doc ast.Node, source []byte, base int) ([]Block, []Mark) {
	var s Scratch
	return s.FromAST(doc, source, base)
}

// FromAST is the package's FromAST working in s, where it leaves the
// leaves of doc for Wrap.
func (s *Scratch) FromAST(doc ast.Node, source []byte, base int) ([]Block, []Mark) {
	clear(s.leaves)
	clear(s.texts)
	w := astWalker{source: source, base: base, spans: s.spans[:0], segs: s.segs[:0], leaves: s.leaves[:0], texts: s.texts[:0], exact: true}
	w.text.Grow(len(source) + len(source)/8)
	w.blocks(doc, Paragraph)
	s.spans, s.segs, s.leaves, s.texts = w.spans, w.segs, w.leaves, w.texts
	s.doc = nil
	if w.exact {
		s.doc = doc
	}
	if len(w.spans) == 0 {
		return nil, w.marks
	}
	// The blocks share one string and one slice of segments, both of
	// their size.
	all := w.text.String()
	segs := make([]Seg, len(w.segs))
	copy(segs, w.segs)
	out := make([]Block, len(w.spans))
	for i, sp := range w.spans {
		out[i] = Block{Kind: sp.kind, Text: all[sp.text0:sp.text1], Segs: segs[sp.seg0:sp.seg1:sp.seg1]}
	}
	return out, w.marks
}

type astWalker struct {
	source []byte
	base   int
	spans  []blockSpan // where each block lies in text and segs
	marks  []Mark
	// text and segs hold every block's, one after another; the current
	// block's start at text0 and seg0.
	text        strings.Builder
	segs        []Seg
	text0, seg0 int
	// leaves are the leaves of the document, as leafBlocks finds them if
	// exact: no block mixes inline and block children, and no skipped
	// block has children.
	leaves []leaf
	texts  []*ast.Text
	exact  bool
}

type blockSpan struct {
	kind                     BlockKind
	text0, text1, seg0, seg1 int
}

func (w *astWalker) blocks(n ast.Node, kind BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		k := kind
		switch c.Kind() {
		case ast.KindHeading:
			k = Heading
		case ast.KindListItem:
			k = ListItem
		case ast.KindBlockquote:
			k = BlockQuote
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
			if c.FirstChild() != nil {
				w.exact = false
			}
			continue
		}
		if c.Kind().String() == "TableCell" {
			k = TableCell
		}
		if c.Type() != ast.TypeBlock {
			w.exact = false // n holds inline content after a block
		} else if hasInline(c) {
			w.text0, w.seg0 = w.text.Len(), len(w.segs)
			t0 := len(w.texts)
			w.inlines(c)
			if len(w.segs) > w.seg0 {
				w.spans = append(w.spans, blockSpan{k, w.text0, w.text.Len(), w.seg0, len(w.segs)})
			}
			w.leaf(c, t0)
			continue
		}
		w.blocks(c, k)
	}
}

// leaf adds n, a block whose first child is inline, to the leaves if it
// holds any text, as leafBlocks would.
// Its text nodes, from t0 on in w.texts, are the ones inlines met.
func (w *astWalker) leaf(n ast.Node, t0 int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			w.exact = false
			return
		}
	}
	if lo, hi, ok := extent(n); ok {
		w.leaves = append(w.leaves, leaf{n: n, lo: lo, hi: hi, t0: t0, t1: len(w.texts)})
	}
}

func hasInline(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}

// add appends source bytes [s, e) to the current block.
func (w *astWalker) add(s, e int) {
	if e <= s {
		return
	}
	w.segs = append(w.segs, Seg{Text: w.text.Len() - w.text0, Src: w.base + s, Len: e - s})
	w.text.Write(w.source[s:e])
}

// synth appends text that is not in the source (a space for a line break).
func (w *astWalker) synth(s string) {
	w.text.WriteString(s)
}

func (w *astWalker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			w.texts = append(w.texts, v)
			w.add(v.Segment.Start, v.Segment.Stop)
			if v.SoftLineBreak() || v.HardLineBreak() {
				w.synth(" ")
			}
		case *ast.String:
			// The typographer turns "'" into "’" and "--" into "–" as
			// String nodes with no segment; between two text nodes, the
			// gap in the source is what it stands for, so claims and
			// source names keep those bytes ("South Korea's adviser").
			if s, e, ok := stringSource(v); ok {
				w.add(s, e)
			} else if s, e, ok := typographerSource(v, w.source); ok {
				w.add(s, e)
			} else {
				w.synth(string(v.Value))
			}
			w.texts = textsIn(c, w.texts)
		case *ast.CodeSpan, *ast.Emphasis, *ast.Link:
			w.inlines(c)
		case *ast.AutoLink:
			w.synth(string(v.Label(w.source)))
			w.texts = textsIn(c, w.texts)
		case *ast.Image, *ast.RawHTML:
			// Not prose, but Wrap cuts an image's text.
			w.texts = textsIn(c, w.texts)
		case *Citation:
			w.texts = textsIn(c, w.texts)
			at := w.base + v.Start
			// At is the "@", where diagnostics point.
			m := Mark{Sentence: true, At: at + 1, Start: at, End: at, SourceID: v.Cite.Source, URL: v.Cite.URL,
				Via: v.Cite.Via, Conduit: v.Cite.Conduit, Off: v.Cite.Off}
			if v.Err != nil {
				m.Err = v.Err.Msg
				m.At = at + v.Err.Off
			}
			w.marks = append(w.marks, m)
		case *MarkedSpan:
			startSeg := len(w.segs)
			w.inlines(v)
			// The span's citation was added by the recursion as a
			// sentence mark: turn it into a span mark.
			if len(w.marks) > 0 && startSeg < len(w.segs) {
				m := &w.marks[len(w.marks)-1]
				last := w.segs[len(w.segs)-1]
				m.Sentence = false
				m.Start = w.segs[startSeg].Src
				m.End = last.Src + last.Len
			}
		default:
			if c.Type() == ast.TypeInline {
				w.inlines(c)
			}
		}
	}
}

// typographerSource returns the source bytes of a typographer's String
// node next to one text node only — a quotation mark opening or closing
// a paragraph, '"الوضع كارثي". بهذه الكلمات' — found where the text node
// says they are. (Left to synth, the annotator read "&ldquo;" there, and
// the quotation was lost.)
func typographerSource(n *ast.String, source []byte) (int, int, bool) {
	var form string
	switch string(n.Value) {
	case "&ldquo;", "&rdquo;":
		form = `"`
	case "&lsquo;", "&rsquo;":
		form = "'"
	case "&ndash;":
		form = "--"
	case "&mdash;":
		form = "---"
	case "&hellip;":
		form = "..."
	case "&laquo;":
		form = "<<"
	case "&raquo;":
		form = ">>"
	default:
		return 0, 0, false
	}
	if next, ok := n.NextSibling().(*ast.Text); ok {
		if e := next.Segment.Start; e >= len(form) && e <= len(source) && string(source[e-len(form):e]) == form {
			return e - len(form), e, true
		}
	}
	if prev, ok := n.PreviousSibling().(*ast.Text); ok && !prev.SoftLineBreak() && !prev.HardLineBreak() {
		if s := prev.Segment.Stop; s+len(form) <= len(source) && string(source[s:s+len(form)]) == form {
			return s, s + len(form), true
		}
	}
	return 0, 0, false
}

// stringSource returns the source bytes a String node between two text
// nodes stands for: the gap between them, when it is short enough to be
// a typographer's replacement.
func stringSource(n *ast.String) (int, int, bool) {
	prev, ok1 := n.PreviousSibling().(*ast.Text)
	next, ok2 := n.NextSibling().(*ast.Text)
	if !ok1 || !ok2 || prev.SoftLineBreak() || prev.HardLineBreak() {
		return 0, 0, false
	}
	s, e := prev.Segment.Stop, next.Segment.Start
	return s, e, s < e && e-s <= 3
}
