package site

import (
	"context"
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/feed"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/links"
	"github.com/isnad/isnad/internal/outlet"
	"github.com/isnad/isnad/internal/render"
	"github.com/isnad/isnad/internal/search"
)

// The files a build writes for publishing, besides the pages. Articles
// cannot take these names (see reserved).
const (
	feedFile    = "feed.xml" // every article; feed.LANG.xml for one language
	sitemapFile = "sitemap.xml"
	robotsFile  = "robots.txt"
	cnameFile   = "CNAME"
	searchDir   = "search" // the search page and its index
)

// sitemapMax is the most URLs one sitemap file may list.
const sitemapMax = 50000

// feedLinks returns the site's feeds: one of every article, then one per
// language articles are written in. Feeds need full URLs, so a site
// without a full base URL has none.
func (b *builder) feedLinks(articles []*render.Article) []render.Feed {
	if !b.conf.Absolute() {
		return nil
	}
	out := []render.Feed{{Link: feedFile}}
	var langs []string
	for _, a := range articles {
		if l := i18n.Base(a.Lang); !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	for _, l := range langs {
		out = append(out, render.Feed{Lang: l, Link: "feed." + l + ".xml"})
	}
	return out
}

// writeFeeds writes the Atom feeds of b.feeds: the newest dated articles
// of each, in full, with absolute links.
func (b *builder) writeFeeds(ctx context.Context, articles []*render.Article) error {
	if b.inc != nil && b.inc.reuseFeeds(b, articles) {
		return nil
	}
	for _, f := range b.feeds {
		if err := ctx.Err(); err != nil {
			return err
		}
		lang := f.Lang
		if lang == "" {
			lang = b.conf.DefaultLang
		}
		a := &feed.Atom{
			Lang:      f.Lang,
			Title:     b.conf.Title(lang),
			Subtitle:  b.conf.Lang(lang).Description,
			ID:        b.conf.URL(""),
			Self:      b.conf.URL(f.Link),
			Alternate: b.conf.URL(""),
			Author:    b.conf.Title(lang),
			Generator: "isnad",
		}
		if f.Lang != "" {
			a.ID = b.conf.URL(f.Link)
		}
		for _, art := range b.feedItems(f, articles) {
			a.Entries = append(a.Entries, b.feedEntry(art))
		}
		b.write(f.Link, a.Bytes())
	}
	return nil
}

// feedItems returns the articles the feed f carries, of articles in the
// site's order: the newest dated ones, up to the limit.
func (b *builder) feedItems(f render.Feed, articles []*render.Article) []*render.Article {
	var out []*render.Article
	for _, a := range articles {
		if a.Date.IsZero() || f.Lang != "" && i18n.Base(a.Lang) != f.Lang {
			continue
		}
		if lim := b.conf.Feed.Limit; lim > 0 && len(out) == lim {
			break
		}
		out = append(out, a)
	}
	return out
}

// feedArticles returns the articles some feed carries in full, whose
// bodies a build keeps until the feeds are written.
func (b *builder) feedArticles(articles []*render.Article) map[*render.Article]bool {
	out := map[*render.Article]bool{}
	for _, f := range b.feeds {
		for _, a := range b.feedItems(f, articles) {
			out[a] = true
		}
	}
	return out
}

func (b *builder) feedEntry(a *render.Article) feed.Entry {
	link := b.conf.URL(a.Path)
	e := feed.Entry{
		ID:        link,
		Link:      link,
		Title:     a.Title,
		Lang:      a.Lang,
		Published: a.Date,
		Updated:   a.Lastmod,
		Authors:   a.Authors,
		Summary:   a.Summary,
		Content:   string(absLinks([]byte(a.Body), link)),
	}
	for _, t := range a.Terms["tags"] {
		e.Categories = append(e.Categories, t.Name)
	}
	for _, t := range a.Translations {
		if t.Lang != a.Lang && !slices.ContainsFunc(e.Translations, func(x feed.Alternate) bool { return x.Lang == t.Lang }) {
			e.Translations = append(e.Translations, feed.Alternate{Lang: t.Lang, URL: b.conf.URL(t.Path)})
		}
	}
	return e
}

// absLinks makes every relative link in the HTML fragment body absolute,
// resolved against base, the page it comes from, so the content of a
// feed entry works wherever it is read.
func absLinks(body []byte, base string) []byte {
	bu, err := url.Parse(base)
	if err != nil {
		return body
	}
	return links.Rewrite(body, func(l links.Link) string {
		u, err := url.Parse(l.URL)
		if err != nil || u.IsAbs() || strings.HasPrefix(l.URL, "//") {
			return l.URL
		}
		return bu.ResolveReference(u).String()
	})
}

// A sitemapURL is a page the sitemap lists.
type sitemapURL struct {
	path    string
	lastmod time.Time
	article *render.Article
}

// noteURL records p for the sitemap: every page but 404.html, the search
// page and the second and later pages of a long list.
func (b *builder) noteURL(p *render.Page) {
	if p.Kind == render.Kind404 || p.Kind == render.KindSearch || p.Pager != nil && p.Pager.Number > 1 {
		return
	}
	u := sitemapURL{path: p.Path, article: p.Article}
	if a := p.Article; a != nil {
		u.lastmod = a.Date
		if a.Lastmod.After(a.Date) {
			u.lastmod = a.Lastmod
		}
	}
	for _, a := range p.Articles {
		if a.Date.After(u.lastmod) {
			u.lastmod = a.Date
		}
	}
	b.mu.Lock()
	b.urls = append(b.urls, u)
	b.mu.Unlock()
}

// writeSitemap writes sitemap.xml, with hreflang alternates between
// translations, or, for a site of more pages than a sitemap may list,
// sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml, ...
func (b *builder) writeSitemap() {
	if !b.conf.Absolute() {
		return
	}
	slices.SortFunc(b.urls, func(x, y sitemapURL) int { return strings.Compare(x.path, y.path) })
	if b.inc != nil {
		done, keep := b.inc.sitemap(b)
		if done {
			return
		}
		defer keep()
	}
	var urls []feed.URL
	for _, u := range b.urls {
		fu := feed.URL{Loc: b.conf.URL(u.path), Lastmod: u.lastmod}
		if a := u.article; a != nil && len(a.Translations) > 0 {
			fu.Alternates = append(fu.Alternates, feed.Alternate{Lang: a.Lang, URL: fu.Loc})
			for _, t := range a.Translations {
				fu.Alternates = append(fu.Alternates, feed.Alternate{Lang: t.Lang, URL: b.conf.URL(t.Path)})
			}
		}
		urls = append(urls, fu)
	}
	if len(urls) <= sitemapMax {
		b.write(sitemapFile, (&feed.Sitemap{URLs: urls}).Bytes())
		return
	}
	var index feed.SitemapIndex
	for i := 0; i < len(urls); i += sitemapMax {
		part := urls[i:min(i+sitemapMax, len(urls))]
		name := "sitemap-" + strconv.Itoa(i/sitemapMax+1) + ".xml"
		b.write(name, (&feed.Sitemap{URLs: part}).Bytes())
		var last time.Time
		for _, u := range part {
			if u.Lastmod.After(last) {
				last = u.Lastmod
			}
		}
		index.Sitemaps = append(index.Sitemaps, feed.URL{Loc: b.conf.URL(name), Lastmod: last})
	}
	b.write(sitemapFile, index.Bytes())
}

// writeRobots writes robots.txt, which lets every crawler in and names
// the sitemap. (Crawlers read it only at the root of a host; under a
// project path it is harmless, and the sitemap can be submitted by hand.)
func (b *builder) writeRobots() {
	s := "User-agent: *\nAllow: /\n"
	if b.conf.Absolute() {
		s += "\nSitemap: " + b.conf.URL(sitemapFile) + "\n"
	}
	b.write(robotsFile, []byte(s))
}

// writeCNAME writes the CNAME file GitHub Pages reads to serve the site
// under its own domain, when the base URL names one.
func (b *builder) writeCNAME() {
	if d := b.conf.CustomDomain(); d != "" {
		b.write(cnameFile, []byte(d+"\n"))
	}
}

// reservedFile reports whether an article at rel would take the name of
// one of the publishing files.
func reservedFile(rel string) bool {
	first, _, _ := strings.Cut(rel, "/")
	if first == searchDir || first == robotsFile || first == cnameFile || strings.HasPrefix(first, "sitemap") && path.Ext(first) == ".xml" {
		return true
	}
	return strings.HasPrefix(first, "feed") && path.Ext(first) == ".xml"
}

// searchPageLangs returns the languages that get a search page: the
// default one, then every other language articles are written in.
func (b *builder) searchPageLangs(articles []*render.Article) map[string]string {
	pages := map[string]string{b.conf.DefaultLang: searchDir + "/"}
	for _, a := range articles {
		l := i18n.Base(a.Lang)
		if _, ok := pages[l]; !ok && l != "" {
			pages[l] = searchDir + "/" + l + "/"
		}
	}
	return pages
}

// searchDocs turns the articles into what the search index holds, and
// returns the sources they cite by key. An article's outlets are the
// sources of its claims and of its front matter (the groups of its
// sources section), unnamed ones aside.
func (b *builder) searchDocs(articles []*render.Article) ([]search.Doc, map[string]claims.Source) {
	docs := make([]search.Doc, len(articles))
	sources := map[string]claims.Source{}
	for i, a := range articles {
		d := search.Doc{Path: a.Path, Title: a.Title, Text: a.Text, Lang: a.Lang, Dir: a.Dir}
		if !a.Date.IsZero() {
			d.Date = a.Date.Format("2006-01-02")
			d.DateText = b.cat.FormatDate(a.Date, a.Lang, b.conf.Digits(a.Lang))
		}
		if a.Claims != nil {
			for _, g := range a.Claims.Groups {
				if g.Source.Kind == outlet.Anonymous || g.Source.Key == "" {
					continue
				}
				d.Outlets = append(d.Outlets, g.Source.Key)
				sources[g.Source.Key] = g.Source
			}
		} else {
			d.Outlets = slices.Sorted(maps.Keys(a.Doc.Meta.Sources))
		}
		docs[i] = d
	}
	return docs, sources
}

// writeSearch builds the search index and writes it with the search
// pages, one per language of b.searchPages.
func (b *builder) writeSearch(ctx context.Context, articles []*render.Article) error {
	if b.inc != nil {
		b.inc.search(b, articles)
		return nil
	}
	docs, sources := b.searchDocs(articles)
	ix, err := search.Build(ctx, docs)
	if err != nil {
		return err
	}
	if err := ix.Write(ctx, func(name string, data []byte) error {
		b.write(name, data)
		return nil
	}); err != nil {
		return err
	}
	counts := ix.Outlets()
	var langs []string
	for _, d := range docs {
		if !slices.Contains(langs, d.Lang) {
			langs = append(langs, d.Lang)
		}
	}
	slices.Sort(langs)
	for _, lang := range slices.Sorted(maps.Keys(b.searchPages)) {
		p := b.page(render.KindSearch, lang, b.searchPages[lang], b.cat.T(lang, "search.title"))
		s := &render.Search{Langs: langs, Articles: len(docs), Digits: string(b.conf.Digits(lang)), Counts: b.pluralForms(lang, "search.results")}
		for key, n := range counts {
			o := render.SearchOutlet{ID: key, Name: key, Lang: lang, Articles: n}
			if src, ok := sources[key]; ok {
				name := src.Label(lang)
				o.Name, o.Lang = name.Text, name.Lang
			}
			s.Outlets = append(s.Outlets, o)
		}
		i18n.SortFunc(lang, s.Outlets, func(o render.SearchOutlet) string { return o.Name })
		p.Search = s
		if err := b.writePage(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// pluralForms returns the plural forms of the UI string key in lang.
func (b *builder) pluralForms(lang, key string) []render.PluralForm {
	for _, l := range []string{lang, i18n.Base(lang), b.conf.DefaultLang} {
		m, ok := b.cat[l][key]
		if !ok {
			continue
		}
		var out []render.PluralForm
		for _, f := range []struct{ cat, text string }{
			{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other},
		} {
			if f.text != "" {
				out = append(out, render.PluralForm{Category: f.cat, Text: f.text})
			}
		}
		return out
	}
	return nil
}
