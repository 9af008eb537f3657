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
// [Scratch.Wrap] wraps claims and statements together.
func Wrap(doc ast.Node, source []byte, base int, claims []Claim, opt WrapOptions) {
	var s Scratch
	s.Wrap(doc, source, base, claims, nil, opt)
}

// withDefaults fills in the zero value's link and label.
func (opt WrapOptions) withDefaults() WrapOptions {
	if opt.Href == nil {
		opt.Href = func(s Source) string { return "outlets/" + s.ID + "/" }
	}
	if opt.Label == nil {
		opt.Label = func(s Source) string { return s.Name }
	}
	return opt
}

// wrapSeq is Wrap for claims that are out of order, overlap or are
// empty: it wraps them one after another as they come, sorted.
func wrapSeq(doc ast.Node, base int, claims []Claim, opt WrapOptions) {
	if len(claims) == 0 {
		return
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
		nodes = w.wrapClaim(c, chipOf(&chips, c.Source, opt), nodes)
	}
}

// A chip is the label and link of a source's claims.
type chip struct {
	src         Source
	label, href string
}

// chipOf returns the chip of source src, added to chips the first time:
// claims by one source share its label and link.
func chipOf(chips *[]chip, src Source, opt WrapOptions) *chip {
	if ch := findChip(*chips, src); ch != nil {
		return ch
	}
	*chips = append(*chips, chip{src: src, label: opt.Label(src)})
	ch := &(*chips)[len(*chips)-1]
	if src.ID != "" {
		ch.href = opt.Href(src)
	}
	return ch
}

// wrapClaim puts each run the wrapper collected under a node of claim c,
// the nodes taken from pool while it lasts; it returns what is left of
// pool.
func (w *wrapper) wrapClaim(c *Claim, ch *chip, pool []ClaimNode) []ClaimNode {
	for i, r := range w.runs {
		var n *ClaimNode
		if len(pool) > 0 {
			n, pool = &pool[0], pool[1:]
		} else {
			n = &ClaimNode{}
		}
		n.Claim, n.Part, n.Parts, n.Label, n.Href = c, i, len(w.runs), ch.label, ch.href
		w.move(r, n)
	}
	return pool
}

// wrapStatement puts each run the wrapper collected under a node of the
// unattributed statement sp, the nodes taken from pool while it lasts; it
// returns what is left of pool.
func (w *wrapper) wrapStatement(sp Span, pool []StatementNode) []StatementNode {
	for i, r := range w.runs {
		var n *StatementNode
		if len(pool) > 0 {
			n, pool = &pool[0], pool[1:]
		} else {
			n = &StatementNode{}
		}
		n.Span, n.Part, n.Parts = sp, i, len(w.runs)
		w.move(r, n)
	}
	return pool
}

func findChip(chips []chip, s Source) *chip {
	for i := range chips {
		// Field by field, ids first: most sources differ in their id's
		// length, and the inlined test need not call Source's equality.
		if c := &chips[i].src; c.ID == s.ID && c.Kind == s.Kind && c.Name == s.Name {
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
	// t0 and t1 delimit, in Scratch.texts, the text nodes of n's inline
	// content, in the order splitAt would meet them.
	t0, t1 int
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
			out = append(out, leaf{n: n, lo: lo, hi: hi})
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

// A Scratch is the working memory of FromAST and Wrap, kept from one
// document to the next by a caller that annotates many (one per
// goroutine: it is not safe for concurrent use). FromAST also leaves in it
// the leaves of the document it read, which Wrap on the same document then
// needs not look for again: the document must not change in between. The
// zero value is ready to use.
type Scratch struct {
	doc    ast.Node // the document leaves are of, or nil
	leaves []leaf
	texts  []*ast.Text // the leaves' text nodes
	spans  []blockSpan
	segs   []Seg
	items  []wrapItem
	cuts   []int
	chips  []chip
	w      wrapper
}

// A wrapItem is a claim or a statement to wrap, its span in the parsed
// source.
type wrapItem struct {
	lo, hi int
	claim  *Claim // nil for a statement
	stmt   int    // the statement's index
}

// Wrap puts claims under ClaimNode nodes and statements (unattributed
// spans, as Result reports them) under StatementNode nodes in doc, as Wrap
// and WrapStatements do, in one pass over the leaves they fall in. Claims
// and statements must not overlap.
func (s *Scratch) Wrap(doc ast.Node, source []byte, base int, claims []Claim, stmts []Span, opt WrapOptions) {
	leaves := s.leaves
	if s.doc != doc {
		leaves = nil
	}
	s.doc = nil // doc changes now
	defer s.release()
	if len(claims) == 0 && len(stmts) == 0 {
		return
	}
	opt = opt.withDefaults()
	if !s.order(base, claims, stmts) {
		wrapStatementsSeq(doc, base, stmts)
		wrapSeq(doc, base, claims, opt)
		return
	}
	if leaves == nil {
		s.leaves, s.texts = leafBlocks(doc, s.leaves[:0]), s.texts[:0]
		for i := range s.leaves {
			l := &s.leaves[i]
			l.t0 = len(s.texts)
			s.texts = textsIn(l.n, s.texts)
			l.t1 = len(s.texts)
		}
		leaves = s.leaves
	}
	for i := 1; i < len(leaves); i++ {
		if leaves[i].hi < leaves[i-1].hi {
			wrapStatementsSeq(doc, base, stmts)
			wrapSeq(doc, base, claims, opt)
			return
		}
	}
	// The nodes Wrap makes come from slices: the claim and statement
	// nodes from one each for the most part, the split text nodes a few
	// at a time (see splitTexts).
	var texts []ast.Text
	cnodes := make([]ClaimNode, len(claims))
	snodes := make([]StatementNode, len(stmts))
	w := &s.w
	next, cut := 0, 0 // the first leaf an item may overlap; leaves[:cut] are cut
	for _, it := range s.items {
		for next < len(leaves) && leaves[next].hi <= it.lo {
			next++
		}
		end := next
		for end < len(leaves) && leaves[end].lo < it.hi {
			end++
		}
		for ; cut < end; cut++ {
			if l := leaves[cut]; s.cutInside(l) {
				texts = splitTexts(s.texts[l.t0:l.t1], s.cuts, texts)
			}
		}
		w.reset(it.lo, it.hi)
		for _, l := range leaves[next:end] {
			w.collect(l.n)
		}
		if len(w.runs) == 0 {
			continue
		}
		if it.claim == nil {
			snodes = w.wrapStatement(stmts[it.stmt], snodes)
			continue
		}
		c := it.claim
		cnodes = w.wrapClaim(c, chipOf(&s.chips, c.Source, opt), cnodes)
	}
}

// order puts claims and statements in s.items in document order and
// their boundaries in s.cuts, and says whether they come sorted, each
// non-empty and none overlapping another: if not, they are wrapped one
// list after the other, as before there was Scratch.Wrap.
func (s *Scratch) order(base int, claims []Claim, stmts []Span) bool {
	items := s.items[:0]
	i, j := 0, 0
	for i < len(claims) || j < len(stmts) {
		var it wrapItem
		if j == len(stmts) || i < len(claims) && claims[i].Start < stmts[j].Start {
			it = wrapItem{lo: claims[i].Start - base, hi: claims[i].End - base, claim: &claims[i]}
			i++
		} else {
			it = wrapItem{lo: stmts[j].Start - base, hi: stmts[j].End - base, stmt: j}
			j++
		}
		if it.lo >= it.hi || len(items) > 0 && it.lo < items[len(items)-1].hi {
			s.items = items
			return false
		}
		items = append(items, it)
	}
	s.items = items
	cuts := s.cuts[:0]
	for _, it := range items {
		cuts = append(cuts, it.lo, it.hi)
	}
	s.cuts = cuts
	return true
}

// cutInside says whether a cut falls strictly inside leaf l.
func (s *Scratch) cutInside(l leaf) bool {
	k := sort.SearchInts(s.cuts, l.lo+1)
	return k < len(s.cuts) && s.cuts[k] < l.hi
}

// textsIn appends to out the text nodes of n's inline content, as splitAt
// meets them.
func textsIn(n ast.Node, out []*ast.Text) []*ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			out = append(out, t)
		} else if c.Type() != ast.TypeBlock {
			out = textsIn(c, out)
		}
	}
	return out
}

// textChunk is how many text nodes splitTexts allocates at once: a few
// kilobytes, a size the allocator serves from its cache. Counting the
// nodes first to allocate them all at once cost more than it saved: it
// read every text node, and a slice of that size takes a span of its own.
const textChunk = 24

// splitTexts cuts text nodes ts as splitAt cuts them, taking the new
// nodes from the front of texts, refilled textChunk at a time, and
// returns what is left of it.
func splitTexts(ts []*ast.Text, cuts []int, texts []ast.Text) []ast.Text {
	for _, t := range ts {
		k := sort.SearchInts(cuts, t.Segment.Start+1)
		for ; k < len(cuts) && cuts[k] < t.Segment.Stop; k++ {
			x := cuts[k]
			s := t.Segment
			if s.Start < x && x < s.Stop {
				if len(texts) == 0 {
					texts = make([]ast.Text, textChunk)
				}
				right := &texts[0]
				texts = texts[1:]
				right.Segment = text.NewSegment(x, s.Stop)
				right.SetSoftLineBreak(t.SoftLineBreak())
				right.SetHardLineBreak(t.HardLineBreak())
				right.SetRaw(t.IsRaw())
				t.Segment = text.NewSegment(s.Start, x)
				t.SetSoftLineBreak(false)
				t.SetHardLineBreak(false)
				parent := t.Parent()
				parent.InsertAfter(parent, t, right)
				t = right
			}
		}
	}
	return texts
}

// release drops what s holds of the document it wrapped, so a kept
// Scratch does not keep the document alive.
func (s *Scratch) release() {
	clear(s.leaves)
	clear(s.texts)
	clear(s.items)
	clear(s.chips)
	s.leaves, s.texts, s.items, s.chips = s.leaves[:0], s.texts[:0], s.items[:0], s.chips[:0]
	s.w.reset(0, 0)
}
