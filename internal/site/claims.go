package site

import (
	"context"
	"html/template"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/outlet"
	"github.com/isnad/isnad/internal/render"
)

// RegistryFile is the site's outlet registry, merged over the built-in
// one (see package outlet).
const RegistryFile = "content/outlets.yaml"

// newAnnotator loads the outlet registry, once per build, and compiles
// the annotator every article shares.
func (b *builder) newAnnotator() *annotate.Annotator {
	reg, diags := outlet.Load(b.cfg.Source, RegistryFile)
	b.addDiags(diags)
	if reg == nil {
		reg, _ = outlet.Default()
	}
	return annotate.New(reg)
}

// claimIndex gathers every article's claims by source.
func (b *builder) claimIndex(articles []*render.Article) *claims.Index {
	list := make([]*claims.Article, 0, len(articles))
	for _, a := range articles {
		if a.Claims != nil {
			list = append(list, a.Claims)
		}
	}
	return claims.NewIndex(list, b.conf.DefaultLang)
}

// articleURL is the URL claims data gives an article: absolute with a
// base URL, else from the site root.
func (b *builder) articleURL(a *render.Article) string {
	return b.conf.BaseURL + a.Path
}

// jsonLD describes an article page for search engines and other readers
// of schema.org.
func (b *builder) jsonLD(a *render.Article, p *render.Page) template.JS {
	if a.Claims == nil {
		return ""
	}
	js, err := a.Claims.JSONLD(claims.Page{
		URL:         p.Permalink,
		Base:        b.conf.BaseURL,
		Headline:    a.Title,
		Description: a.Summary,
		Published:   a.Date,
		Modified:    a.Lastmod,
		Authors:     a.Authors,
		Publisher:   b.conf.Title(a.Lang),
	})
	if err != nil {
		var d diag.List
		d.Addf(diag.Pos{File: a.Doc.Path}, "describing the article as JSON-LD: %v", err)
		b.addDiags(d)
		return ""
	}
	// encoding/json escapes <, > and &, so the text cannot close the
	// <script> it goes in.
	return template.JS(js)
}

// writeClaimsData writes each article's claims beside its page,
// ARTICLE/claims.json, and every article's in claims.json at the root,
// newest article first.
func (b *builder) writeClaimsData(ctx context.Context, articles []*render.Article) error {
	all := make([]claims.Data, 0, len(articles))
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		if a.Claims == nil {
			continue
		}
		d := a.Claims.Data(b.articleURL(a))
		all = append(all, d)
		b.writeJSON(a.Path+"claims.json", d)
	}
	b.writeJSON("claims.json", all)
	return nil
}

func (b *builder) writeJSON(name string, v any) {
	data, err := claims.MarshalJSON(v)
	if err != nil {
		var d diag.List
		d.Addf(diag.Pos{File: name}, "%v", err)
		b.addDiags(d)
		return
	}
	b.write(name, data)
}

// outletPages are the page of every source with claims, and the index of
// them all, in the site's language.
func (b *builder) outletPages(idx *claims.Index) []*render.Page {
	lang := b.conf.DefaultLang
	index := b.page(render.KindOutlets, lang, "outlets/", b.cat.T(lang, "outlets.title"))
	index.Outlets = idx
	pages := []*render.Page{index}
	for _, o := range idx.All() {
		p := b.page(render.KindOutlet, lang, o.Source.Path(), o.Source.Name(lang).Text)
		p.Outlet = o
		p.Outlets = idx
		pages = append(pages, p)
	}
	return pages
}
