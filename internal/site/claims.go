package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"

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
// newest article first. Each article is encoded once.
func (b *builder) writeClaimsData(ctx context.Context, articles []*render.Article) error {
	if b.inc != nil {
		return b.inc.claimsData(ctx, b, articles)
	}
	parts, err := b.encodeClaims(ctx, articles, func(a *render.Article) []byte { return nil })
	if err != nil {
		return err
	}
	for i, a := range articles {
		if parts[i] != nil {
			b.write(a.Path+"claims.json", parts[i])
		}
	}
	b.write("claims.json", claimsArray(parts))
	return nil
}

// encodeClaims encodes the claims data of every article with claims, on
// every core, but for those known already (known returns their bytes).
// An article with no claims has nil.
func (b *builder) encodeClaims(ctx context.Context, articles []*render.Article, known func(*render.Article) []byte) ([][]byte, error) {
	parts := make([][]byte, len(articles))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, a := range articles {
		if a.Claims == nil {
			continue
		}
		if data := known(a); data != nil {
			parts[i] = data
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			parts[i] = b.claimsJSON(a)
			return nil
		})
	}
	return parts, g.Wait()
}

// claimsJSON is an article's claims.json: "isnad annotate --format json"
// with the article's URL (see claims.MarshalJSON, whose bytes these are).
func (b *builder) claimsJSON(a *render.Article) []byte {
	// About the size of the file: a few hundred bytes a claim.
	size := 512 + 640*len(a.Claims.Claims)
	return a.Claims.Data(b.articleURL(a)).AppendJSON(make([]byte, 0, size))
}

// claimsArray makes the site's claims.json of the articles' own: the list
// of their objects, each indented one level further, as encoding the list
// whole would.
func claimsArray(parts [][]byte) []byte {
	return claimsArrayOf(len(parts), func(i int) []byte { return parts[i] })
}

// claimsArrayOf is claimsArray of n parts that part gives, each asked for
// twice and none kept: they may be read from disk.
func claimsArrayOf(parts int, part func(i int) []byte) []byte {
	// Sized exactly first: the site's file is as large as all the
	// articles' together, and grows by no copies.
	size, n := len("[]\n"), 0
	for i := range parts {
		data := part(i)
		if data == nil {
			continue
		}
		data = bytes.TrimSuffix(data, []byte("\n"))
		size += len(",\n  ") + len(data) + 2*bytes.Count(data, []byte("\n"))
		n++
	}
	if n > 0 {
		size += len("\n")
	}
	all := make([]byte, 0, size)
	all = append(all, '[')
	n = 0
	for i := range parts {
		if data := part(i); data != nil {
			all = appendClaimsItem(all, n == 0, data)
			n++
		}
	}
	return appendClaimsEnd(all, n)
}

// writeClaimsArray writes claimsArray of n parts that part gives, each
// asked for once, to w.
func writeClaimsArray(w io.Writer, parts int, part func(i int) []byte) error {
	buf := []byte{'['}
	n := 0
	for i := range parts {
		if data := part(i); data != nil {
			buf = appendClaimsItem(buf, n == 0, data)
			n++
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err := w.Write(appendClaimsEnd(buf, n))
	return err
}

// appendClaimsItem appends an article's claims data to the site's list,
// indented one level further; first says it is the first in the list.
func appendClaimsItem(all []byte, first bool, data []byte) []byte {
	if !first {
		all = append(all, ',')
	}
	all = append(all, "\n  "...)
	data = bytes.TrimSuffix(data, []byte("\n"))
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return append(all, data...)
		}
		all = append(all, data[:i]...)
		all = append(all, "\n  "...)
		data = data[i+1:]
	}
}

// appendClaimsEnd closes the site's list of n articles' claims.
func appendClaimsEnd(all []byte, n int) []byte {
	if n > 0 {
		all = append(all, '\n')
	}
	return append(all, "]\n"...)
}

// outletPages are the pages of every source with claims, cut into pages
// of the configured size, and the index of them all, in the site's
// language.
func (b *builder) outletPages(idx *claims.Index) []*render.Page {
	lang := b.conf.DefaultLang
	index := b.page(render.KindOutlets, lang, "outlets/", b.cat.T(lang, "outlets.title"))
	index.Outlets = idx
	pages := []*render.Page{index}
	for _, o := range idx.All() {
		parts := o.Pages(b.conf.Paginate)
		pathOf := func(n int) string {
			if n == 1 {
				return o.Source.Path()
			}
			return fmt.Sprintf("%spage/%d/", o.Source.Path(), n)
		}
		for i, part := range parts {
			p := b.page(render.KindOutlet, lang, pathOf(i+1), o.Source.Name(lang).Text)
			p.Outlet = o
			p.Outlets = idx
			p.Sections = part
			if len(parts) > 1 {
				p.Pager = &render.Pager{Number: i + 1, Total: len(parts)}
				if i > 0 {
					p.Pager.Prev = pathOf(i) + "index.html"
				}
				if i+1 < len(parts) {
					p.Pager.Next = pathOf(i+2) + "index.html"
				}
			}
			pages = append(pages, p)
		}
	}
	return pages
}
