package annotate

import (
	"html"
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindClaimNode is the node kind of a ClaimNode.
var KindClaimNode = ast.NewNodeKind("ClaimNode")

// A ClaimNode wraps one run of a claim's text in the AST. A claim that
// crosses inline markup (it starts inside emphasis, or a link ends in its
// middle) is wrapped as several runs; Part counts them from 0 and the last
// (Part == Parts-1) carries the outlet chip.
type ClaimNode struct {
	ast.BaseInline
	Claim       *Claim
	Part, Parts int
	// Href is the link to the source's outlet page, or "" for a source
	// outside the registry; Label is the chip's text.
	Href, Label string
}

// Kind implements ast.Node.
func (n *ClaimNode) Kind() ast.NodeKind { return KindClaimNode }

// Dump implements ast.Node.
func (n *ClaimNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Claim.ID, "Source": n.Claim.Source.ID}, nil)
}

// WrapOptions says how Wrap labels and links claims. The zero value links
// to "outlets/<id>/" and labels chips with the source's name.
type WrapOptions struct {
	// Href returns the link to a registered source's page.
	Href func(s Source) string
	// Label returns a source's chip label.
	Label func(s Source) string
}

// WrapOptions returns options that label chips with the registry's short
// names in lang ("WSJ", "وول ستريت جورنال") and link outlet pages under
// root, the relative path from the page to the site's root ("../../").
func (a *Annotator) WrapOptions(lang, root string) WrapOptions {
	return WrapOptions{
		Href: func(s Source) string { return root + "outlets/" + s.ID + "/" },
		Label: func(s Source) string {
			if e := a.reg.Lookup(s.ID); e != nil {
				return e.Label(lang)
			}
			return s.Name
		},
	}
}

// Wrap puts each claim's text under ClaimNode nodes in doc, a goldmark
// AST parsed from source whose byte 0 is at offset base of the file, so a
// renderer can mark claims where they are. It splits text nodes at claim
// boundaries; claims must not overlap (the annotator's never do).
func Wrap(doc ast.Node, source []byte, base int, claims []Claim, opt WrapOptions) {
	if len(claims) == 0 {
		return
	}
	if opt.Href == nil {
		opt.Href = func(s Source) string { return "outlets/" + s.ID + "/" }
	}
	if opt.Label == nil {
		opt.Label = func(s Source) string { return s.Name }
	}
	cs := make([]*Claim, len(claims))
	for i := range claims {
		cs[i] = &claims[i]
	}
	// The annotator's claims come sorted.
	if !sort.SliceIsSorted(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start }) {
		sort.Slice(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	}
	// Cut text nodes at every claim boundary.
	cuts := make([]int, 0, 2*len(cs))
	for _, c := range cs {
		cuts = append(cuts, c.Start-base, c.End-base)
	}
	leaves := leafBlocks(doc, make([]leaf, 0, 32))
	splitLeaves(leaves, cuts, &textSlab{n: len(cuts) / 3})
	var w wrapper
	// Most claims are one run: their nodes come from one slice.
	nodes := make([]ClaimNode, len(cs))
	// Claims by one source share its chip's label and link.
	var chipBuf [16]chip
	chips := chipBuf[:0]
	for _, c := range cs {
		w.reset(c.Start-base, c.End-base)
		w.collectIn(leaves)
		if len(w.runs) == 0 {
			continue
		}
		ch := findChip(chips, c.Source)
		if ch == nil {
			chips = append(chips, chip{src: c.Source, label: opt.Label(c.Source)})
			ch = &chips[len(chips)-1]
			if c.Source.ID != "" {
				ch.href = opt.Href(c.Source)
			}
		}
		for i, r := range w.runs {
			var n *ClaimNode
			if len(nodes) > 0 {
				n, nodes = &nodes[0], nodes[1:]
			} else {
				n = &ClaimNode{}
			}
			n.Claim, n.Part, n.Parts, n.Label, n.Href = c, i, len(w.runs), ch.label, ch.href
			w.move(r, n)
		}
	}
}

// A chip is the label and link of a source's claims.
type chip struct {
	src         Source
	label, href string
}

func findChip(chips []chip, s Source) *chip {
	for i := range chips {
		if chips[i].src == s {
			return &chips[i]
		}
	}
	return nil
}

// A leaf is a block holding inline content (a paragraph, a heading, a
// table cell), with the span of its text. Claims and statements lie
// inside leaves, so wrapping one looks only at the leaves it overlaps.
type leaf struct {
	n      ast.Node
	lo, hi int
}

// leafBlocks appends to out the leaves of n that hold any text, in
// document order; their spans do not overlap and ascend.
func leafBlocks(n ast.Node, out []leaf) []leaf {
	inline := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			out = leafBlocks(c, out)
		} else {
			inline = true
		}
	}
	if inline {
		if lo, hi, ok := extent(n); ok {
			out = append(out, leaf{n, lo, hi})
		}
	}
	return out
}

// collectIn collects the runs of the claim within the leaves it overlaps.
func (w *wrapper) collectIn(leaves []leaf) {
	i := sort.Search(len(leaves), func(i int) bool { return leaves[i].hi > w.lo })
	for ; i < len(leaves) && leaves[i].lo < w.hi; i++ {
		w.collect(leaves[i].n)
	}
}

// A textSlab hands out the text nodes splitAt makes a slice at a time
// rather than one allocation each. A cut splits one node at most, and
// over half the cuts split one (the others fall at a paragraph's start):
// the first slice is sized to be filled, the next ones are small.
type textSlab struct {
	buf []ast.Text
	n   int // the size of the first slice
}

func (s *textSlab) new(seg text.Segment) *ast.Text {
	if len(s.buf) == 0 {
		s.buf = make([]ast.Text, max(s.n, 1))
		s.n = 8
	}
	t := &s.buf[0]
	s.buf = s.buf[1:]
	t.Segment = seg
	return t
}

// splitLeaves cuts the text nodes of leaves that a cut falls strictly
// inside; cuts must be sorted. Every text node is inline content of a
// leaf, and a leaf with no cut inside its span has none to cut.
func splitLeaves(leaves []leaf, cuts []int, slab *textSlab) {
	for _, l := range leaves {
		if k := sort.SearchInts(cuts, l.lo+1); k < len(cuts) && cuts[k] < l.hi {
			splitAt(l.n, cuts, slab)
		}
	}
}

// splitAt cuts every text node of n's inline content that a cut falls
// strictly inside; cuts must be sorted. The node keeps the text before
// the cut. Blocks inside n are leaves of their own.
func splitAt(n ast.Node, cuts []int, slab *textSlab) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if t, ok := c.(*ast.Text); ok {
			k := sort.SearchInts(cuts, t.Segment.Start+1)
			for ; k < len(cuts) && cuts[k] < t.Segment.Stop; k++ {
				x := cuts[k]
				s := t.Segment
				if s.Start < x && x < s.Stop {
					parent := t.Parent()
					right := slab.new(text.NewSegment(x, s.Stop))
					right.SetSoftLineBreak(t.SoftLineBreak())
					right.SetHardLineBreak(t.HardLineBreak())
					right.SetRaw(t.IsRaw())
					t.Segment = text.NewSegment(s.Start, x)
					t.SetSoftLineBreak(false)
					t.SetHardLineBreak(false)
					parent.InsertAfter(parent, t, right)
					t = right
				}
			}
		} else if c.Type() != ast.TypeBlock {
			splitAt(c, cuts, slab)
		}
		c = next
	}
}

// wrapper finds the runs of sibling nodes that lie inside one claim.
type wrapper struct {
	lo, hi int // the claim's span in the parsed source
	nodes  []ast.Node
	runs   []nodeRun
}

// A nodeRun is the run of sibling nodes nodes[a:b] of a wrapper.
type nodeRun struct{ a, b int }

func (w *wrapper) reset(lo, hi int) {
	w.lo, w.hi = lo, hi
	clear(w.nodes)
	w.nodes, w.runs = w.nodes[:0], w.runs[:0]
}

// move moves the nodes of run r under n, which takes their place.
func (w *wrapper) move(r nodeRun, n ast.Node) {
	run := w.nodes[r.a:r.b]
	parent := run[0].Parent()
	parent.InsertBefore(parent, run[0], n)
	for _, m := range run {
		parent.RemoveChild(parent, m)
		n.AppendChild(n, m)
	}
}

// extent returns the source span of a node's text, and whether it has
// any.
func extent(n ast.Node) (int, int, bool) {
	switch v := n.(type) {
	case *ast.Text:
		return v.Segment.Start, v.Segment.Stop, true
	case *Citation:
		return v.Start, v.End, true
	}
	lo, hi, any := 0, 0, false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s, e, ok := extent(c)
		if !ok {
			continue
		}
		if !any || s < lo {
			lo = s
		}
		if !any || e > hi {
			hi = e
		}
		any = true
	}
	return lo, hi, any
}

// flush ends the run nodes[start:], keeping it unless it is made only of
// citations or empty nodes, which are no text.
func (w *wrapper) flush(start int) {
	for _, m := range w.nodes[start:] {
		if _, ok := m.(*Citation); !ok {
			w.runs = append(w.runs, nodeRun{start, len(w.nodes)})
			return
		}
	}
	w.nodes = w.nodes[:start]
}

func (w *wrapper) collect(n ast.Node) {
	start := len(w.nodes) // the current run is nodes[start:]
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ClaimNode); ok {
			w.flush(start)
			start = len(w.nodes)
			continue
		}
		if c.Type() == ast.TypeBlock {
			// A claim is inline: never wrap a whole paragraph, look
			// inside it.
			w.flush(start)
			w.collect(c)
			start = len(w.nodes)
			continue
		}
		s, e, ok := extent(c)
		switch {
		case !ok:
			if len(w.nodes) > start {
				w.nodes = append(w.nodes, c) // between two pieces of the claim
			}
		case s >= w.lo && e <= w.hi:
			w.nodes = append(w.nodes, c)
		case e <= w.lo || s >= w.hi:
			w.flush(start)
			start = len(w.nodes)
		default:
			w.flush(start)
			w.collect(c) // straddles a boundary: look inside
			start = len(w.nodes)
		}
	}
	// Trailing nodes without text do not belong to the claim.
	for len(w.nodes) > start {
		if _, _, ok := extent(w.nodes[len(w.nodes)-1]); ok {
			break
		}
		w.nodes = w.nodes[:len(w.nodes)-1]
	}
	w.flush(start)
}

// ClaimRenderer renders ClaimNode nodes as
//
//	<span class="claim" id="c-3f9a1e" data-source="wsj" data-type="indirect">…</span><a class="chip" href="outlets/wsj/">WSJ</a>
//
// the chip after the claim's last run; further runs of a claim carry
// data-claim instead of the id. Issue 4's templates restyle it; a site can
// register its own renderer for KindClaimNode at a higher priority.
type ClaimRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (ClaimRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindClaimNode, renderClaim)
}

func renderClaim(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ClaimNode)
	c := n.Claim
	if entering {
		w.WriteString(`<span class="claim`)
		if c.Origin == Marked {
			w.WriteString(` claim-marked`)
		}
		w.WriteString(`"`)
		if n.Part == 0 {
			w.WriteString(` id="` + html.EscapeString(c.ID) + `"`)
		} else {
			w.WriteString(` data-claim="` + html.EscapeString(c.ID) + `"`)
		}
		if c.Source.ID != "" {
			w.WriteString(` data-source="` + html.EscapeString(c.Source.ID) + `"`)
		}
		w.WriteString(` data-type="` + html.EscapeString(string(c.Type)) + `">`)
		return ast.WalkContinue, nil
	}
	w.WriteString(`</span>`)
	if n.Part == n.Parts-1 {
		label := html.EscapeString(n.Label)
		if n.Href != "" {
			w.WriteString(`<a class="chip" href="` + html.EscapeString(n.Href) + `"><bdi>` + label + `</bdi></a>`)
		} else {
			w.WriteString(`<span class="chip chip-unregistered"><bdi>` + label + `</bdi></span>`)
		}
	}
	return ast.WalkContinue, nil
}
