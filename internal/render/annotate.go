package render

import (
	"context"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
)

// claimsMeta is the key, in the Document's meta, of the docClaims the
// claim renderer reads.
const claimsMeta = "isnad.claims"

// docClaims is what the claim renderer needs of the article being
// rendered.
type docClaims struct {
	article *claims.Article
	lang    string
	// root is the relative path from the page to the site root.
	root string
}

// annotate finds the claims of d in doc, the AST of its body as parsed
// for rendering (never parsed twice), wraps them and its unattributed
// statements into the AST for the claim renderer, and fills a.Claims.
// The annotator's diagnostics (an unknown source in a citation, a bad
// override) are positioned in d's files.
func (r *Renderer) annotate(ctx context.Context, d *content.Doc, a *Article, doc *ast.Document) diag.List {
	var diags diag.List
	in := &annotate.Input{File: d.Path, Src: d.Src, Lang: d.Lang, Date: d.Meta.Date, Sources: d.Meta.Sources}
	if v, ok := d.Meta.Params["claims"]; ok {
		// A plain-text article's front matter is in its sidecar file,
		// which the Doc does not keep: its overrides are reported at the
		// top of that file.
		file, src := d.Path, d.Src[:d.BodyStart]
		if d.MetaPath != "" {
			file, src = d.MetaPath, nil
		}
		var more diag.List
		in.Overrides, more = annotate.ParseOverrides(v, src, file)
		diags.Append(more)
	}
	body := d.Body()
	sc, _ := r.scratch.Get().(*annotate.Scratch)
	if sc == nil {
		sc = new(annotate.Scratch)
	}
	defer r.scratch.Put(sc)
	if d.Kind == content.Text {
		in.Blocks = annotate.FromText(d.Src, textLines(d.Blocks))
	} else {
		in.Blocks, in.Marks = sc.FromAST(doc, body, d.BodyStart)
	}
	res, more := r.cfg.Annotator.Annotate(ctx, in)
	diags.Append(more)
	for i, c := range res.Claims {
		res.Claims[i].Plain = annotate.PlainText(in.Blocks, c.Start, c.End)
	}
	stmts := statements(res.Unattributed, in.Blocks)
	sc.Wrap(doc, body, d.BodyStart, res.Claims, stmts, annotate.WrapOptions{})
	placeCites(doc, body)
	a.Claims = r.newClaims(d, a, res, stmts)
	doc.AddMeta(claimsMeta, &docClaims{article: a.Claims, lang: a.Lang, root: strings.Repeat("../", strings.Count(a.Path, "/"))})
	return diags
}

// newClaims makes an article's claims for the page from what the
// annotator found in it and the statements the page marks.
func (r *Renderer) newClaims(d *content.Doc, a *Article, res *annotate.Result, stmts []annotate.Span) *claims.Article {
	return claims.NewArticle(res, claims.Options{
		Registry:   r.cfg.Annotator.Registry(),
		Title:      a.Title,
		Lang:       a.Lang,
		Dir:        a.Dir,
		Path:       a.Path,
		Date:       a.Date,
		Sources:    d.Meta.Sources,
		Statements: stmts,
	})
}

// RestoreClaims makes a's claims again, as Body did, from what the
// annotator found in d then (a.Claims.Result) and the statements the page
// marked (a.Claims.Statements): for a build that keeps bodies between
// runs as data rather than as pointers. Body must have been run on the
// same files and with the same annotator.
func (r *Renderer) RestoreClaims(d *content.Doc, a *Article, res *annotate.Result, stmts []annotate.Span) {
	if r.cfg.Annotator == nil || res == nil {
		a.Claims = nil
		return
	}
	a.Claims = r.newClaims(d, a, res, stmts)
}

// statements keeps the unattributed spans that are statements in running
// text (paragraphs, list items, quotations), not table cells.
func statements(spans []annotate.Span, blocks []annotate.Block) []annotate.Span {
	out := make([]annotate.Span, 0, len(spans))
	for _, s := range spans {
		i := slices.IndexFunc(blocks, func(b annotate.Block) bool { return inBlock(s, b) })
		if i < 0 {
			continue
		}
		switch blocks[i].Kind {
		case annotate.Paragraph, annotate.ListItem, annotate.BlockQuote:
			out = append(out, s)
		}
	}
	return out
}

func inBlock(s annotate.Span, b annotate.Block) bool {
	for _, g := range b.Segs {
		if g.Src <= s.Start && s.Start < g.Src+g.Len {
			return true
		}
	}
	return false
}

// textLines hands a plain-text article's line blocks to the annotator.
func textLines(blocks []content.Block) []annotate.Line {
	out := make([]annotate.Line, len(blocks))
	for i, b := range blocks {
		k := annotate.Paragraph
		switch b.Kind {
		case content.Heading:
			k = annotate.Heading
		case content.Byline:
			k = annotate.Byline
		}
		out[i] = annotate.Line{Kind: k, Start: b.Start, End: b.End}
	}
	return out
}
