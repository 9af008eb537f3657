package feed

import "time"

// A Sitemap lists the pages of a site for search engines.
type Sitemap struct {
	URLs []URL
}

// A URL is one page of a sitemap.
type URL struct {
	// Loc is the page's full address.
	Loc string
	// Lastmod is when the page last changed; zero leaves it out.
	Lastmod time.Time
	// Alternates are the page in every language it exists in, itself
	// included, for hreflang; empty when it has no translation.
	Alternates []Alternate
}

// Sitemap namespaces: the protocol's and XHTML's, for hreflang links.
const (
	SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
	XHTMLNamespace   = "http://www.w3.org/1999/xhtml"
)

// Bytes encodes the sitemap.
func (s *Sitemap) Bytes() []byte {
	var w writer
	w.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	w.WriteString(`<urlset xmlns="` + SitemapNamespace + `" xmlns:xhtml="` + XHTMLNamespace + `">` + "\n")
	for _, u := range s.URLs {
		w.WriteString("  <url>\n")
		w.elem("    ", "loc", u.Loc)
		if !u.Lastmod.IsZero() {
			w.elem("    ", "lastmod", rfc3339(u.Lastmod))
		}
		for _, a := range u.Alternates {
			w.empty("    ", "xhtml:link", "rel", "alternate", "hreflang", a.Lang, "href", a.URL)
		}
		w.WriteString("  </url>\n")
	}
	w.WriteString("</urlset>\n")
	return w.Bytes()
}

// A SitemapIndex lists the sitemaps of a site too large for one: each
// URL is a sitemap's address and when it last changed.
type SitemapIndex struct {
	Sitemaps []URL
}

// Bytes encodes the sitemap index.
func (s *SitemapIndex) Bytes() []byte {
	var w writer
	w.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	w.WriteString(`<sitemapindex xmlns="` + SitemapNamespace + `">` + "\n")
	for _, u := range s.Sitemaps {
		w.WriteString("  <sitemap>\n")
		w.elem("    ", "loc", u.Loc)
		if !u.Lastmod.IsZero() {
			w.elem("    ", "lastmod", rfc3339(u.Lastmod))
		}
		w.WriteString("  </sitemap>\n")
	}
	w.WriteString("</sitemapindex>\n")
	return w.Bytes()
}
