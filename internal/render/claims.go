package render

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/outlet"
)

// claimRenderer writes claims and unattributed statements. A claim is a
// span with its id. After it, past the punctuation that ends it (a
// citeNode), come its outlet chip, a link to its card; the card, shown
// while the chip is hovered or focused (CSS only); and its margin note,
// beside the text on wide screens and folded, opened by a checkbox, on
// narrow ones:
//
//	<span class="claim" id="c-b093eb" data-source="kcna" data-type="indirect">…</span>.<span class="cite">
//	<a class="chip" href="#card-c-b093eb" role="doc-noteref" aria-describedby="card-c-b093eb" data-ref="2"><bdi>KCNA</bdi></a>
//	<span class="card" id="card-c-b093eb">names, kind, country, chain, conduit, origin, links</span></span>
//	<input type="checkbox" class="note-toggle" id="nt-c-b093eb" …><label class="note-label" for="nt-c-b093eb" …></label>
//	<span class="note" aria-hidden="true">name, kind, chain</span>
//
// data-ref is the outlet's number in the sources section, the footnote
// marker in print. The note repeats the card for the eye, so it is hidden
// from assistive technology, which reads the card as the chip's
// description. Inside a link a claim gets a plain chip (links do not
// nest); in headings and table cells, no margin note.
type claimRenderer struct {
	cat  i18n.Catalog
	site *config.Config
}

// RegisterFuncs implements renderer.NodeRenderer.
func (h *claimRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(annotate.KindClaimNode, h.claim)
	reg.Register(annotate.KindStatementNode, h.statement)
	reg.Register(kindCite, h.cite)
}

func (h *claimRenderer) statement(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<span class="unattributed">`)
	} else {
		w.WriteString(`</span>`)
	}
	return ast.WalkContinue, nil
}

func docClaimsOf(n ast.Node) *docClaims {
	if n.Parent() == nil {
		return nil
	}
	d := n.OwnerDocument()
	if d == nil {
		return nil
	}
	dc, _ := d.Meta()[claimsMeta].(*docClaims)
	return dc
}

func (h *claimRenderer) claim(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*annotate.ClaimNode)
	id := esc(n.Claim.ID)
	if entering {
		w.WriteString(`<span class="claim`)
		if n.Claim.Origin == annotate.Marked {
			w.WriteString(` claim-marked`)
		}
		if n.Part == 0 {
			ws(w, `" id="`, id, `"`)
		} else {
			ws(w, `" data-claim="`, id, `"`)
		}
		if n.Claim.Source.ID != "" {
			ws(w, ` data-source="`, esc(n.Claim.Source.ID), `"`)
		}
		ws(w, ` data-type="`, esc(string(n.Claim.Type)), `">`)
		return ast.WalkContinue, nil
	}
	w.WriteString(`</span>`)
	return ast.WalkContinue, nil
}

// kindCite is the node kind of a citeNode.
var kindCite = ast.NewNodeKind("Cite")

// A citeNode stands where a claim's chip goes: after its last run and
// the punctuation that ends it, as footnote markers do.
type citeNode struct {
	ast.BaseInline
	claim *annotate.Claim
}

func (n *citeNode) Kind() ast.NodeKind { return kindCite }

func (n *citeNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// placeCites puts a citeNode after each claim, past the citations and
// closing punctuation that follow it: "…الأوكرانية." then the chip.
func placeCites(doc ast.Node, src []byte) {
	var last []*annotate.ClaimNode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*annotate.ClaimNode); ok && entering {
			if c.Part == c.Parts-1 {
				last = append(last, c)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range last {
		var after ast.Node = n
		for {
			if _, ok := after.NextSibling().(*annotate.Citation); !ok {
				break
			}
			after = after.NextSibling()
		}
		if t, ok := after.NextSibling().(*ast.Text); ok && !t.IsRaw() && t.Segment.Padding == 0 {
			seg := t.Segment
			if k := closingPunct(seg.Value(src)); k > 0 {
				if k < seg.Len() {
					parent := t.Parent()
					left := ast.NewTextSegment(seg.WithStop(seg.Start + k))
					right := ast.NewTextSegment(seg.WithStart(seg.Start + k))
					right.SetSoftLineBreak(t.SoftLineBreak())
					right.SetHardLineBreak(t.HardLineBreak())
					parent.InsertBefore(parent, t, left)
					parent.InsertBefore(parent, t, right)
					parent.RemoveChild(parent, t)
					after = left
				} else {
					after = t
				}
			}
		}
		parent := after.Parent()
		parent.InsertAfter(parent, after, &citeNode{claim: n.Claim})
	}
}

// closingPunct returns the length of the punctuation that opens b and
// closes a sentence or clause: stops, commas, closing quotes and brackets.
func closingPunct(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if !strings.ContainsRune(".,;:!?؟،؛…”»\"')]", r) {
			break
		}
		n += len(string(r))
	}
	return n
}

func (h *claimRenderer) cite(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*citeNode)
	dc := docClaimsOf(n)
	c := dc.claim(n.claim.ID)
	if c == nil {
		return ast.WalkContinue, nil
	}
	inLink, noNote := false, false
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindLink, ast.KindAutoLink:
			inLink = true
		case ast.KindHeading, east.KindTableCell:
			noNote = true
		}
	}
	d := h.describe(c, dc.lang)
	h.chip(w, c, dc, d, inLink)
	if !inLink && !noNote {
		h.note(w, c, dc, d)
	}
	return ast.WalkContinue, nil
}

func (dc *docClaims) claim(id string) *claims.Claim {
	if dc == nil {
		return nil
	}
	return dc.article.Claim(id)
}

// chip writes the chip and its card; desc is describe's.
func (h *claimRenderer) chip(w util.BufWriter, c *claims.Claim, dc *docClaims, desc string, inLink bool) {
	lang := dc.lang
	id := esc(c.ID)
	ref := i18n.FormatNumber(c.Group.N, lang, h.site.Digits(lang))
	label := c.Source.Label(lang)
	if inLink {
		ws(w, `<span class="chip" data-ref="`, ref, `">`)
		writeName(w, label, lang)
		w.WriteString(`</span>`)
		return
	}
	w.WriteString(`<span class="cite"><a class="chip`)
	if !c.Source.Registered() {
		w.WriteString(` chip-unlisted`)
	}
	// A long name (a source outside the registry, as written) may wrap,
	// so it never widens a narrow screen.
	if utf8.RuneCountInString(label.Text) > 24 {
		w.WriteString(` chip-long`)
	}
	ws(w, `" href="#card-`, id, `" role="doc-noteref" aria-describedby="card-`, id, `" data-ref="`, ref, `">`)
	writeName(w, label, lang)
	ws(w, `</a><span class="card" id="card-`, id, `">`)

	names := c.Source.Names(lang)
	w.WriteString(`<span class="card-names"><b>`)
	writeName(w, names[0], lang)
	w.WriteString(`</b>`)
	for _, nm := range names[1:] {
		w.WriteString(` <span class="card-alt">`)
		writeName(w, nm, lang)
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span>`)
	if desc != "" {
		ws(w, `<span class="card-kind">`, desc, `</span>`)
	}
	if len(c.Via) > 0 {
		ws(w, `<span class="card-chain"><span class="card-label">`, h.t(lang, "claims.chain"), `</span> `)
		h.chain(w, c, lang)
		w.WriteString(`</span>`)
	}
	if c.Conduit != nil {
		ws(w, `<span class="card-conduit"><span class="card-label">`, h.t(lang, "claims.conduit"), `</span> `)
		writeName(w, c.Conduit.Name(lang), lang)
		w.WriteString(`</span>`)
	}
	w.WriteString(`<span class="card-origin">`)
	if c.Marked() {
		w.WriteString(h.t(lang, "claims.marked"))
	} else {
		w.WriteString(h.t(lang, "claims.found"))
	}
	if c.Polarity == "deny" {
		ws(w, ` · `, h.t(lang, "claims.denial"))
	}
	ws(w, `</span><span class="card-links"><a href="`, esc(dc.root), esc(c.Source.Link()), `">`, h.t(lang, "claims.page"), `</a>`)
	report, key := c.Report, "claims.report"
	if report == "" {
		report, key = c.Source.Homepage(), "claims.homepage"
	}
	if report != "" {
		ws(w, ` <a href="`, esc(report), `" rel="external">`, h.t(lang, key))
		if hs := host(report); hs != "" {
			ws(w, ` <span class="host" dir="ltr">`, esc(hs), `</span>`)
		}
		w.WriteString(`</a>`)
	}
	w.WriteString(`</span></span></span>`)
}

// note writes the margin note and the checkbox that opens it on narrow
// screens; desc is describe's.
func (h *claimRenderer) note(w util.BufWriter, c *claims.Claim, dc *docClaims, desc string) {
	lang := dc.lang
	id := esc(c.ID)
	ws(w, `<input type="checkbox" class="note-toggle" id="nt-`, id, `" tabindex="-1" aria-hidden="true">`)
	ws(w, `<label class="note-label" for="nt-`, id, `" title="`, h.t(lang, "claims.note"), `"></label>`)
	w.WriteString(`<span class="note" aria-hidden="true"><b>`)
	writeName(w, c.Source.Name(lang), lang)
	w.WriteString(`</b>`)
	if desc != "" {
		ws(w, ` <span class="note-kind">`, desc, `</span>`)
	}
	if len(c.Via) > 0 {
		w.WriteString(` <span class="note-chain">`)
		h.chain(w, c, lang)
		w.WriteString(`</span>`)
	}
	if c.Conduit != nil {
		ws(w, ` <span class="note-chain">`, h.t(lang, "claims.conduit"), ` `)
		writeName(w, c.Conduit.Label(lang), lang)
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span>`)
}

// describe says what a source is, as HTML: "وكالة أنباء · كوريا
// الشمالية"; for a person, their role and the body they speak for.
func (h *claimRenderer) describe(c *claims.Claim, lang string) string {
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(" · ")
		}
	}
	if c.Source.Kind == outlet.Person {
		if r := c.Role(); r.Text != "" {
			b.WriteString(nameHTML(r, lang))
		}
		if c.Org != nil {
			sep()
			b.WriteString(nameHTML(c.Org.Name(lang), lang))
		}
		if b.Len() > 0 {
			return b.String()
		}
	}
	if c.Source.Kind != "" {
		b.WriteString(h.t(lang, "kind."+string(c.Source.Kind)))
	}
	if cc := c.Source.Country(); cc != "" {
		sep()
		b.WriteString(esc(countryName(h.cat, lang, cc)))
	}
	if !c.Source.Registered() {
		sep()
		b.WriteString(h.t(lang, "claims.unlisted"))
	}
	return b.String()
}

// chain writes who the claim passed through, the first speaker first,
// with arrows pointing the way the page reads: "محللون ← وول ستريت
// جورنال", "analysts → The Wall Street Journal".
func (h *claimRenderer) chain(w util.BufWriter, c *claims.Claim, lang string) {
	arrow := "→"
	if i18n.IsRTL(lang) {
		arrow = "←"
	}
	for i, s := range c.Chain() {
		if i > 0 {
			ws(w, ` <span class="arrow">`, arrow, `</span> `)
		}
		writeName(w, s.Label(lang), lang)
	}
}

func (h *claimRenderer) t(lang, key string) string { return esc(h.cat.T(lang, key)) }

// ws writes each of s in turn.
func ws(w util.BufWriter, s ...string) {
	for _, x := range s {
		w.WriteString(x)
	}
}

// esc escapes s for HTML text and attributes, without allocating when
// there is nothing to escape, the usual case.
func esc(s string) string {
	if !strings.ContainsAny(s, `<>&'"`) {
		return s
	}
	return html.EscapeString(s)
}

// countryName is the name of the country with ISO code cc in lang, from
// the catalog's "country.CC", else the code.
func countryName(cat i18n.Catalog, lang, cc string) string {
	key := "country." + cc
	if s := cat.T(lang, key); s != key {
		return s
	}
	return cc
}

// writeName writes a name isolated from the text around it, with its
// language when it is not the page's.
func writeName(w util.BufWriter, n claims.Name, pageLang string) {
	if n.Lang == "" || i18n.Base(n.Lang) == i18n.Base(pageLang) {
		ws(w, `<bdi>`, esc(n.Text), `</bdi>`)
		return
	}
	ws(w, `<bdi lang="`, esc(n.Lang), `" dir="`, n.Dir(), `">`, esc(n.Text), `</bdi>`)
}

func nameHTML(n claims.Name, pageLang string) string {
	if n.Lang == "" || i18n.Base(n.Lang) == i18n.Base(pageLang) {
		return `<bdi>` + esc(n.Text) + `</bdi>`
	}
	return `<bdi lang="` + esc(n.Lang) + `" dir="` + n.Dir() + `">` + esc(n.Text) + `</bdi>`
}
