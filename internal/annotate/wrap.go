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
	sort.Slice(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	// Cut text nodes at every claim boundary.
	cuts := make([]int, 0, 2*len(cs))
	for _, c := range cs {
		cuts = append(cuts, c.Start-base, c.End-base)
	}
	splitAt(doc, cuts)
	leaves := leafBlocks(doc)
	for _, c := range cs {
		w := wrapper{claim: c, lo: c.Start - base, hi: c.End - base}
		w.collectIn(leaves)
		for i, run := range w.runs {
			n := &ClaimNode{Claim: c, Part: i, Parts: len(w.runs), Label: opt.Label(c.Source)}
			if c.Source.ID != "" {
				n.Href = opt.Href(c.Source)
			}
			parent := run[0].Parent()
			parent.InsertBefore(parent, run[0], n)
			for _, m := range run {
				parent.RemoveChild(parent, m)
				n.AppendChild(n, m)
			}
		}
	}
}

// A leaf is a block holding inline content (a paragraph, a heading, a
// table cell), with the span of its text. Claims and statements lie
// inside leaves, so wrapping one looks only at the leaves it overlaps.
type leaf struct {
	n      ast.Node
	lo, hi int
}

// leafBlocks returns the leaves of n that hold any text, in document
// order; their spans do not overlap and ascend.
func leafBlocks(n ast.Node) []leaf {
	var out []leaf
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		inline := false
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock {
				walk(c)
			} else {
				inline = true
			}
		}
		if inline {
			if lo, hi, ok := extent(n); ok {
				out = append(out, leaf{n, lo, hi})
			}
		}
	}
	walk(n)
	return out
}

// collectIn collects the runs of the claim within the leaves it overlaps.
func (w *wrapper) collectIn(leaves []leaf) {
	i := sort.Search(len(leaves), func(i int) bool { return leaves[i].hi > w.lo })
	for ; i < len(leaves) && leaves[i].lo < w.hi; i++ {
		w.collect(leaves[i].n)
	}
}

// splitAt cuts every text node of n that a cut falls strictly inside;
// cuts must be sorted.
func splitAt(n ast.Node, cuts []int) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if t, ok := c.(*ast.Text); ok {
			k := sort.SearchInts(cuts, t.Segment.Start+1)
			for ; k < len(cuts) && cuts[k] < t.Segment.Stop; k++ {
				x := cuts[k]
				s := t.Segment
				if s.Start < x && x < s.Stop {
					parent := t.Parent()
					left := ast.NewTextSegment(text.NewSegment(s.Start, x))
					right := ast.NewTextSegment(text.NewSegment(x, s.Stop))
					right.SetSoftLineBreak(t.SoftLineBreak())
					right.SetHardLineBreak(t.HardLineBreak())
					right.SetRaw(t.IsRaw())
					left.SetRaw(t.IsRaw())
					parent.InsertBefore(parent, t, left)
					parent.InsertBefore(parent, t, right)
					parent.RemoveChild(parent, t)
					t = right
				}
			}
		} else {
			splitAt(c, cuts)
		}
		c = next
	}
}

// wrapper finds the runs of sibling nodes that lie inside one claim.
type wrapper struct {
	claim  *Claim
	lo, hi int // the claim's span in the parsed source
	runs   [][]ast.Node
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

func (w *wrapper) collect(n ast.Node) {
	var run []ast.Node
	flush := func() {
		// A run made only of citations or empty nodes is no text.
		for _, m := range run {
			if _, ok := m.(*Citation); !ok {
				w.runs = append(w.runs, run)
				break
			}
		}
		run = nil
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ClaimNode); ok {
			flush()
			continue
		}
		if c.Type() == ast.TypeBlock {
			// A claim is inline: never wrap a whole paragraph, look
			// inside it.
			flush()
			w.collect(c)
			continue
		}
		s, e, ok := extent(c)
		switch {
		case !ok:
			if len(run) > 0 {
				run = append(run, c) // between two pieces of the claim
			}
		case s >= w.lo && e <= w.hi:
			run = append(run, c)
		case e <= w.lo || s >= w.hi:
			flush()
		default:
			flush()
			w.collect(c) // straddles a boundary: look inside
		}
	}
	// Trailing nodes without text do not belong to the claim.
	for len(run) > 0 {
		if _, _, ok := extent(run[len(run)-1]); ok {
			break
		}
		run = run[:len(run)-1]
	}
	flush()
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
