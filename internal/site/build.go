package site

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/render"
)

// Config says what to build and where.
type Config struct {
	// Source is the site folder: isnad.toml, content/, templates/,
	// assets/. Required.
	Source fs.FS
	// Defaults holds the built-in templates/ and assets/ (isnad.Defaults).
	// nil means none: the site must then have all its templates.
	Defaults fs.FS
	// Out receives the files. Required.
	Out Output
	// BaseURL, when not "", replaces the configuration's baseURL.
	BaseURL string
	// Drafts includes articles marked draft.
	Drafts bool
	// Future includes articles dated after Now.
	Future bool
	// Now is the time of the build, which decides what is in the future;
	// zero means the current time.
	Now time.Time
	// Render adds to the renderer's configuration (extenders,
	// transformers) before it is built; nil adds nothing.
	Render func(*render.Config)
	// CacheDir is where BuildDir keeps what it knows of the last build;
	// "" means .isnad-cache/NAME beside the output folder NAME.
	CacheDir string
}

// Result tells what a build did.
type Result struct {
	Articles int // articles rendered
	Pages    int // HTML pages written, articles included
	Files    int // files of the site, pages and assets
	Bytes    int64
	// Written is the number of files whose bytes changed, and Removed the
	// number of files of the previous build that are gone (BuildDir
	// only; Build writes every file).
	Written, Removed int
	// UpToDate says BuildDir found the site already built from the same
	// inputs, and did nothing.
	UpToDate   bool
	nextFuture time.Time // see builder.nextFuture
	work       Work      // what an incremental BuildDir redid
	// Diags holds every problem found, errors and warnings, sorted.
	Diags diag.List
	// Sources maps the file of every article page to the article's
	// file: "2024/x/index.html" → "content/2024/x.md".
	Sources map[string]string
}

// Build builds the site of cfg.Source into cfg.Out. It returns an error
// when ctx is cancelled or when any error diagnostic was found (the
// diagnostics are in the Result too); files may have been written to Out
// either way. Warnings alone do not fail a build.
func Build(ctx context.Context, cfg Config) (*Result, error) {
	res := &Result{}
	if cfg.Source == nil || cfg.Out == nil {
		return res, errors.New("site: Build needs a Source and an Out")
	}
	b := &builder{cfg: cfg, res: res}
	err := b.build(ctx)
	res.Diags.Sort()
	res.nextFuture = b.nextFuture
	if err != nil {
		return res, err
	}
	return res, res.Diags.Err()
}

// BuildDir builds into the folder dir of the real file system. Files whose
// bytes did not change are not written again, so they keep their
// modification times; the others are written beside dir and moved into
// place only when the whole build has succeeded: on failure dir is as it
// was. Files of deleted articles never linger. See writeDir for how a
// crash is survived. To protect other folders from a mistyped --out, an
// existing dir is replaced only when it is empty or holds the .nojekyll
// file every build writes.
func BuildDir(ctx context.Context, cfg Config, dir string) (*Result, error) {
	return writeDir(ctx, cfg, dir)
}

func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading the output folder: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".nojekyll")); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and has no .nojekyll, so it does not look like a site isnad built", dir)
	}
	return nil
}

type builder struct {
	cfg Config
	res *Result
	// inc, when not nil, lets the build reuse the work of earlier builds
	// (see Builder).
	inc  *incState
	conf *config.Config
	cat  i18n.Catalog
	r    *render.Renderer

	feeds []render.Feed // the site's Atom feeds; see feedLinks
	// feedBodies are the articles the feeds carry in full.
	feedBodies  map[*render.Article]bool
	searchPages map[string]string // the search pages' folders by language
	taxonomies  map[string][]*render.Term
	claimIdx    *claims.Index
	// nextFuture is the earliest date of an article left out for being
	// in the future.
	nextFuture time.Time

	mu    sync.Mutex   // guards res.Diags and urls during the parallel stages
	urls  []sitemapURL // the pages the sitemap lists
	files atomic.Int64
	pages atomic.Int64
	// pageSizes holds the size of the last page rendered of each kind
	// (*atomic.Int64 by kind), to size the next one's buffer.
	pageSizes sync.Map
	bytes     atomic.Int64
}

func (b *builder) addDiags(l diag.List) {
	if len(l) == 0 {
		return
	}
	b.mu.Lock()
	b.res.Diags.Append(l)
	b.mu.Unlock()
}

// build runs the stages of a build: prepare, then make (bodies, collect,
// writeAll).
func (b *builder) build(ctx context.Context) error {
	docs, err := b.prepare(ctx)
	if err != nil || b.r == nil {
		return err
	}
	return b.make(ctx, docs)
}

// make renders the articles and writes every page and file of the site.
// What lists and indexes need of the articles comes from their front
// matter, so it is gathered first; then each article's page is written as
// soon as its body is rendered (see finishArticle), and the pages that
// gather many articles last.
func (b *builder) make(ctx context.Context, docs []*content.Doc) error {
	articles := b.articles(docs)
	b.collect(articles)
	if b.inc != nil {
		b.inc.articles = articles
	}
	if err := b.renderBodies(ctx, articles); err != nil {
		return err
	}
	if b.inc == nil { // a Builder makes it only when an outlet page is asked for
		b.claimIdx = b.claimIndex(articles)
	}
	return b.writeAll(ctx, articles)
}

// prepare loads the configuration, the translations and the articles,
// and builds the renderer. b.r stays nil when the build cannot go on (the
// problems are reported).
func (b *builder) prepare(ctx context.Context) ([]*content.Doc, error) {
	ok := b.setup()
	if b.conf == nil {
		return nil, nil // a bad --base-url, reported
	}
	docs, err := b.load(ctx)
	if err != nil || docs == nil || !ok {
		b.r = nil
		return nil, err
	}
	return docs, nil
}

// setup loads the configuration and the translations and makes the
// renderer, with its annotator: what every article and page depends on,
// and what a Builder keeps from build to build. It reports whether the
// renderer could be made; b.conf is nil when the build cannot even start
// (a bad --base-url).
func (b *builder) setup() bool {
	src := b.cfg.Source
	conf, diags := config.Load(src, config.FileName)
	b.addDiags(diags)
	if b.cfg.BaseURL != "" {
		u, err := config.ParseBaseURL(b.cfg.BaseURL)
		if err != nil {
			var d diag.List
			d.Addf(diag.Pos{File: "--base-url"}, "%v", err)
			b.addDiags(d)
			return false
		}
		conf.BaseURL = u
	}
	b.conf = conf

	b.cat = i18n.Catalog{}
	b.addDiags(config.LoadCatalog(sub(b.cfg.Defaults, "templates"), "i18n", b.cat))
	b.addDiags(config.LoadCatalog(src, "templates/i18n", b.cat))

	rcfg := render.Config{
		Site:      conf,
		Catalog:   b.cat,
		Templates: overlay{top: sub(src, "templates"), bottom: sub(b.cfg.Defaults, "templates")},
		Annotator: b.newAnnotator(),
	}
	if b.cfg.Render != nil {
		b.cfg.Render(&rcfg)
	}
	r, diags := render.New(rcfg)
	b.addDiags(diags)
	b.r = r
	return r != nil
}

// load reads every article. It returns nil docs, with a diagnostic, when
// there is no content folder to read; the error is for a cancelled ctx.
func (b *builder) load(ctx context.Context) ([]*content.Doc, error) {
	docs, diags, err := content.Load(ctx, b.cfg.Source, content.Options{Dir: "content", DefaultLang: b.conf.DefaultLang})
	b.addDiags(diags)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		b.addDiags(contentFolderDiag(err))
		return nil, nil
	}
	if docs == nil {
		docs = []*content.Doc{}
	}
	return docs, nil
}

// contentFolderDiag reports a content folder that cannot be walked.
func contentFolderDiag(err error) diag.List {
	var d diag.List
	if errors.Is(err, fs.ErrNotExist) {
		d.Addf(diag.Pos{File: "content"}, "no such folder: a site keeps its articles in content/ (see --src)")
	} else {
		d.Addf(diag.Pos{File: "content"}, "cannot read the content folder: %v", err)
	}
	return d
}

// collect orders the articles and gathers what lists and indexes need of
// their front matter, before any body is rendered: translations,
// taxonomies, feeds, search pages.
func (b *builder) collect(articles []*render.Article) {
	sortArticles(articles)
	linkTranslations(articles)
	b.taxonomies = b.gatherTaxonomies(articles)
	b.feeds = b.feedLinks(articles)
	b.searchPages = b.searchPageLangs(articles)
	b.feedBodies = b.feedArticles(articles)
}

// writeAll renders and writes every page and file of the site.
func (b *builder) writeAll(ctx context.Context, articles []*render.Article) error {
	taxonomies, claimIdx := b.taxonomies, b.claimIdx
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range b.listPages(articles) {
		g.Go(func() error { return b.writePage(gctx, p) })
	}
	for _, plural := range slices.Sorted(maps.Keys(taxonomies)) {
		terms := taxonomies[plural]
		g.Go(func() error { return b.writePage(gctx, b.termsPage(plural, terms)) })
		for _, t := range terms {
			for _, p := range b.termPages(plural, t) {
				g.Go(func() error { return b.writePage(gctx, p) })
			}
		}
	}
	if b.inc != nil {
		g.Go(func() error { return b.inc.outletPages(gctx, b, articles) })
	} else {
		for _, p := range b.outletPages(claimIdx) {
			g.Go(func() error { return b.writePage(gctx, p) })
		}
	}
	g.Go(func() error { return b.writeClaimsData(gctx, articles) })
	g.Go(func() error { return b.writePage(gctx, b.notFoundPage()) })
	g.Go(func() error { return b.writeAssets(gctx) })
	g.Go(func() error { return b.writeFeeds(gctx, articles) })
	g.Go(func() error { return b.writeSearch(gctx, articles) })
	if err := g.Wait(); err != nil {
		return err
	}
	b.write(".nojekyll", nil)
	b.writeSitemap()
	b.writeRobots()
	b.writeCNAME()
	b.res.Articles = len(articles)
	b.res.Pages = int(b.pages.Load())
	b.res.Files = int(b.files.Load())
	b.res.Bytes = b.bytes.Load()
	return ctx.Err()
}

// articles turns the loaded documents into articles with their URLs,
// leaving out drafts unless asked, and reports URL clashes.
func (b *builder) articles(docs []*content.Doc) []*render.Article {
	var out []*render.Article
	owner := map[string]*content.Doc{}
	var diags diag.List
	now := b.cfg.Now
	if now.IsZero() {
		now = time.Now()
	}
	for _, d := range docs {
		if d.Meta.Draft && !b.cfg.Drafts {
			continue
		}
		if d.Meta.Date.After(now) && !b.cfg.Future {
			if b.nextFuture.IsZero() || d.Meta.Date.Before(b.nextFuture) {
				b.nextFuture = d.Meta.Date
			}
			continue
		}
		rel := d.Rel("content")
		if d.Meta.Slug != "" {
			rel = path.Join(path.Dir(rel), d.Meta.Slug)
		}
		// content/2024/index.md is the page of its folder.
		if path.Base(rel) == "index" {
			rel = path.Dir(rel)
		}
		if rel == "." || b.reserved(rel) {
			diags.Addf(diag.Pos{File: d.Path}, "the page URL %q is taken by the site itself; move the file or set a slug", rel+"/")
			continue
		}
		p := rel + "/"
		if prev, ok := owner[p]; ok {
			diags.Addf(diag.Pos{File: d.Path}, "the page URL %q is already used by %s; set a different slug", p, prev.Path)
			continue
		}
		owner[p] = d
		out = append(out, &render.Article{
			Doc:     d,
			Title:   d.Meta.Title,
			Lang:    d.Lang,
			Dir:     d.Dir,
			Path:    p,
			Link:    p + "index.html",
			Date:    d.Meta.Date,
			Lastmod: d.Meta.Lastmod,
			Authors: d.Meta.Authors,
		})
	}
	b.addDiags(diags)
	return out
}

// reserved reports whether an article at rel would clash with the pages
// and files the site makes itself.
func (b *builder) reserved(rel string) bool {
	first, _, _ := strings.Cut(rel, "/")
	if first == "assets" || first == "404.html" || first == "page" || first == "outlets" || first == "claims.json" || reservedFile(rel) {
		return true
	}
	for _, plural := range b.conf.Taxonomies {
		if first == plural {
			return true
		}
	}
	return false
}

// renderBodies renders the article bodies in parallel.
func (b *builder) renderBodies(ctx context.Context, articles []*render.Article) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, a := range articles {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if b.inc != nil && b.inc.reuseBody(b, a) {
				return b.finishArticle(ctx, a)
			}
			diags := b.r.Body(ctx, a.Doc, a)
			b.addDiags(diags)
			if b.inc != nil && ctx.Err() == nil {
				b.inc.keepBody(b, a, diags)
			}
			return b.finishArticle(ctx, a)
		})
	}
	return g.Wait()
}

// finishArticle writes what is made of one article alone as soon as its
// body is rendered: its page and, in a Builder, its claims.json. Then,
// when the build writes through to a folder (see disk), it lets go of the
// body's HTML, which only the feeds need later: a build of any size holds
// the HTML of no more articles than it renders at once.
func (b *builder) finishArticle(ctx context.Context, a *render.Article) error {
	if b.inc == nil || !b.inc.reuseArticlePage(b, a) {
		if b.inc != nil {
			b.inc.needBody(ctx, b, a)
		}
		if err := b.writePage(ctx, b.articlePage(a)); err != nil {
			return err
		}
	}
	if b.inc == nil {
		return nil
	}
	b.inc.articleClaims(b, a)
	if b.feedBodies[a] {
		b.inc.needBody(ctx, b, a)
	} else if b.inc.m.disk != nil {
		a.Body = ""
	}
	return nil
}

// sortArticles orders articles newest first; undated ones last, then by
// path, so the order is the same on every run.
func sortArticles(as []*render.Article) {
	slices.SortStableFunc(as, func(a, b *render.Article) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Path, b.Path)
	})
}

// linkTranslations ties together articles that share a translationKey.
func linkTranslations(as []*render.Article) {
	groups := map[string][]*render.Article{}
	for _, a := range as {
		if k := a.Doc.Meta.TranslationKey; k != "" {
			groups[k] = append(groups[k], a)
		}
	}
	for _, g := range groups {
		for _, a := range g {
			for _, o := range g {
				if o != a {
					a.Translations = append(a.Translations, o)
				}
			}
		}
	}
}

// taxonomies gathers the terms of every taxonomy: plural → terms, each
// with its articles newest first. Terms that slug alike are one term,
// named as first written.
func (b *builder) gatherTaxonomies(articles []*render.Article) map[string][]*render.Term {
	out := map[string][]*render.Term{}
	for _, plural := range slices.Sorted(maps.Keys(invert(b.conf.Taxonomies))) {
		bySlug := map[string]*render.Term{}
		slugs := map[string]string{} // by name: a site has few, used many times
		var terms []*render.Term
		for _, a := range articles {
			for _, name := range a.Doc.Meta.Terms(plural) {
				slug, ok := slugs[name]
				if !ok {
					slug = render.Slug(name)
					slugs[name] = slug
				}
				if slug == "" {
					continue
				}
				t, ok := bySlug[slug]
				if !ok {
					t = &render.Term{Name: name, Taxonomy: plural, Path: plural + "/" + slug + "/"}
					t.Link = t.Path + "index.html"
					bySlug[slug] = t
					terms = append(terms, t)
				}
				// a is the last article added, if it already is one
				// of t's: articles come one after another.
				if n := len(t.Articles); n == 0 || t.Articles[n-1] != a {
					t.Articles = append(t.Articles, a)
				}
				if a.Terms == nil {
					a.Terms = map[string][]*render.Term{}
				}
				if !slices.Contains(a.Terms[plural], t) {
					a.Terms[plural] = append(a.Terms[plural], t)
				}
			}
		}
		for _, t := range terms {
			t.Lang = majorityLang(t.Articles, b.conf.DefaultLang)
		}
		i18n.SortFunc(b.conf.DefaultLang, terms, func(t *render.Term) string { return t.Name })
		// A taxonomy with no terms yet still gets its page: the
		// navigation links to it.
		out[plural] = terms
	}
	return out
}

func invert(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

// majorityLang is the language most of as are in; ties go to def, then to
// the alphabetically first.
func majorityLang(as []*render.Article, def string) string {
	count := map[string]int{}
	for _, a := range as {
		count[a.Lang]++
	}
	best := def
	for _, l := range slices.Sorted(maps.Keys(count)) {
		if count[l] > count[best] {
			best = l
		}
	}
	return best
}

// root returns the relative path from the page at folder p to the site
// root: "" for "", "../../" for "2024/x/".
func root(p string) string {
	return strings.Repeat("../", strings.Count(p, "/"))
}

func (b *builder) site(lang string) *render.Site {
	return &render.Site{
		Config:      b.conf,
		Title:       b.conf.Title(lang),
		Description: b.conf.Lang(lang).Description,
		Langs:       b.conf.Langs(),
		Generator:   "isnad",
		Feeds:       b.feeds,
		SearchPages: b.searchPages,
		DefaultLang: b.conf.DefaultLang,
	}
}

func (b *builder) page(kind, lang, p, title string) *render.Page {
	pg := &render.Page{
		Kind:  kind,
		Site:  b.site(lang),
		Lang:  lang,
		Dir:   i18n.Dir(lang),
		Title: title,
		Root:  root(p),
		Path:  p,
	}
	pg.Permalink = b.conf.URL(p)
	return pg
}

func (b *builder) articlePage(a *render.Article) *render.Page {
	p := b.page(render.KindArticle, a.Lang, a.Path, a.Title)
	p.Dir = a.Dir
	p.Article = a
	return p
}

// paginate cuts a list of articles whose first page is at the folder base
// into pages of the configured size: base, base+"page/2/", ...
func (b *builder) paginate(base string, as []*render.Article, newPage func(path string, part []*render.Article) *render.Page) []*render.Page {
	total := b.pagesOf(len(as))
	pages := make([]*render.Page, 0, total)
	for n := 1; n <= total; n++ {
		pages = append(pages, b.paginated(base, as, n, newPage))
	}
	return pages
}

// pagesOf is the number of pages paginate cuts n articles into.
func (b *builder) pagesOf(n int) int {
	size := b.conf.Paginate
	if size <= 0 || n <= size {
		return 1
	}
	return (n + size - 1) / size
}

// paginated is page n of those paginate makes.
func (b *builder) paginated(base string, as []*render.Article, n int, newPage func(path string, part []*render.Article) *render.Page) *render.Page {
	size := b.conf.Paginate
	if size <= 0 || len(as) <= size {
		p := newPage(base, as)
		p.Count = len(as)
		return p
	}
	total := b.pagesOf(len(as))
	pathOf := func(n int) string {
		if n == 1 {
			return base
		}
		return fmt.Sprintf("%spage/%d/", base, n)
	}
	p := newPage(pathOf(n), as[(n-1)*size:min(n*size, len(as))])
	p.Count = len(as)
	p.Pager = &render.Pager{Number: n, Total: total}
	if n > 1 {
		p.Pager.Prev = pathOf(n-1) + "index.html"
	}
	if n < total {
		p.Pager.Next = pathOf(n+1) + "index.html"
	}
	return p
}

func (b *builder) listPages(as []*render.Article) []*render.Page {
	return b.paginate("", as, b.listPage)
}

func (b *builder) listPage(path string, part []*render.Article) *render.Page {
	lang := b.conf.DefaultLang
	p := b.page(render.KindList, lang, path, b.conf.Title(lang))
	p.Articles = part
	return p
}

func (b *builder) termsPage(plural string, terms []*render.Term) *render.Page {
	lang := b.conf.DefaultLang
	p := b.page(render.KindTerms, lang, plural+"/", b.cat.T(lang, "taxonomy."+plural))
	p.Terms = terms
	p.Taxonomy = plural
	return p
}

func (b *builder) termPages(plural string, t *render.Term) []*render.Page {
	return b.paginate(t.Path, t.Articles, b.termPage(plural, t))
}

func (b *builder) termPage(plural string, t *render.Term) func(string, []*render.Article) *render.Page {
	lang := b.conf.DefaultLang
	return func(path string, part []*render.Article) *render.Page {
		p := b.page(render.KindTerm, lang, path, t.Name)
		p.Term = t
		p.Articles = part
		p.Taxonomy = plural
		return p
	}
}

// notFoundPage is served for any missing URL, at any depth, so its links
// cannot be relative: they start from the base URL's path when there is
// one, else from the server root.
func (b *builder) notFoundPage() *render.Page {
	lang := b.conf.DefaultLang
	p := b.page(render.Kind404, lang, "", b.cat.T(lang, "404.title"))
	p.Root = b.conf.BasePath()
	p.Permalink = ""
	return p
}

// writePage renders p to its index.html (or 404.html).
func (b *builder) writePage(ctx context.Context, p *render.Page) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	name := pageFile(p)
	if b.inc == nil || !b.inc.page(b, name, p) {
		data, diags := b.renderPage(p)
		if len(diags) > 0 {
			b.addDiags(diags)
			return nil
		}
		b.write(name, data)
	}
	b.wrote(name, p)
	return nil
}

// wrote notes that the page p is in the site as the file name.
func (b *builder) wrote(name string, p *render.Page) {
	b.pages.Add(1)
	b.noteURL(p)
	if p.Article != nil {
		b.mu.Lock()
		if b.res.Sources == nil {
			b.res.Sources = map[string]string{}
		}
		b.res.Sources[name] = p.Article.Doc.Path
		b.mu.Unlock()
	}
}

// pageFile is the file a page is written to.
func pageFile(p *render.Page) string {
	if p.Kind == render.Kind404 {
		return "404.html"
	}
	return p.Path + "index.html"
}

// renderPage runs p through its template. An article page gets its
// JSON-LD here, only when it is rendered.
func (b *builder) renderPage(p *render.Page) ([]byte, diag.List) {
	if p.Kind == render.KindArticle && p.Article != nil && !p.HasJSONLD() {
		p.SetJSONLD(func() template.JS { return b.jsonLD(p.Article, p) })
	}
	// Sized like the last page of its kind, so it seldom grows.
	hint, _ := b.pageSizes.LoadOrStore(p.Kind, new(atomic.Int64))
	size := hint.(*atomic.Int64)
	buf := bytes.NewBuffer(make([]byte, 0, size.Load()+size.Load()/8))
	if diags := b.r.Page(buf, p); len(diags) > 0 {
		return nil, diags
	}
	size.Store(int64(buf.Len()))
	return buf.Bytes(), nil
}

// write sends one file to the output, reporting a failure.
func (b *builder) write(name string, data []byte) {
	if err := b.cfg.Out.WriteFile(name, data); err != nil {
		var d diag.List
		d.Addf(diag.Pos{File: name}, "writing: %v", err)
		b.addDiags(d)
		return
	}
	b.files.Add(1)
	b.bytes.Add(int64(len(data)))
}

// writeAssets copies the assets, the site's over the built-in ones, and
// writes the generated code stylesheet.
func (b *builder) writeAssets(ctx context.Context) error {
	if b.inc != nil && b.inc.reuseAssets(b) {
		return nil
	}
	if b.inc != nil {
		defer b.inc.keepAssets()
	}
	assets := overlay{top: sub(b.cfg.Source, "assets"), bottom: sub(b.cfg.Defaults, "assets")}
	err := fs.WalkDir(assets, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "." {
				return fs.SkipDir
			}
			var d diag.List
			d.Addf(diag.Pos{File: path.Join("assets", p)}, "cannot read: %v", err)
			b.addDiags(d)
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") && p != "." {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return ctx.Err()
		}
		data, err := fs.ReadFile(assets, p)
		if err != nil {
			var d diag.List
			d.Addf(diag.Pos{File: path.Join("assets", p)}, "cannot read: %v", err)
			b.addDiags(d)
			return nil
		}
		b.write(path.Join("assets", p), data)
		return nil
	})
	if err != nil {
		return err
	}
	css, err := b.r.CodeCSS()
	if err != nil {
		var d diag.List
		d.Addf(diag.Pos{File: config.FileName}, "code stylesheet: %v", err)
		b.addDiags(d)
		return nil
	}
	b.write("assets/code.css", css)
	return nil
}
