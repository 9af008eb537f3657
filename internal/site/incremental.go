package site

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"html"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/render"
	"github.com/isnad/isnad/internal/search"
)

// A Builder builds one site again and again, redoing only the work whose
// inputs changed since its last build, and keeps each build whole in
// memory as a Snapshot. The preview server rebuilds with it on every save.
//
// # What is reused
//
// Work is memoised by a hash of its inputs (a key), never by time stamps:
//
//   - The global inputs are isnad.toml, the translations
//     (templates/i18n/), the outlet registry (content/outlets.yaml) and the
//     Config. A change to any of them redoes everything. The templates are
//     global to pages but not to article bodies: a template change renders
//     every page again but reuses every body.
//   - An article is loaded again only when its file (or its sidecar front
//     matter) is named as changed, or on a full check; its body is rendered
//     and annotated again only when the bytes of those files changed.
//   - Every page has a key made of the data its template is given (see
//     pageKey): an article page, of its article's files, its terms and
//     translations; a list, tag or outlet page, of the articles it shows
//     (or whose claims it shows). A page is rendered again only when its
//     key changed, so an edited article re-renders its own page and the
//     pages that show it: the list and tag pages it is on, and the outlet
//     pages of the sources it cites or used to cite.
//   - Assets are copied again only when something under assets/ changed.
//
// A template that shows data a page's key does not cover (a tag's other
// articles on an article page, say) must extend pageKey; TestBuilderMatchesBuild
// compares every incremental build with a full one and catches a key that
// misses an input.
//
// # Patching
//
// A build after an edit to one article that leaves the shape of the site
// as it was (its URL, date, language, terms, translations and the sources
// with outlet pages; its text, title, summary and claims may change) does
// not go through the articles of the site at all: it patches the last
// build, re-rendering the article and its page, making the list and term
// pages it is on anew (lazily), and sharing everything else (see patch). Its cost is that of
// the article, not of the site: the preview's common case. Every other
// change goes through the general build above.
//
// # Lazy files
//
// The pages and data that gather the whole site, whose cost grows with
// the site while an edit touches one article, are made on first use:
// outlet pages, the outlet index, claims.json and the search index (see
// Snapshot and File.Lazy); and, in a patch, the list and term pages the
// edited article is on. Their bytes are what a full build writes.
//
// # Concurrency
//
// Build calls are serialised: a Builder runs one build at a time. A build
// cancelled through its context leaves the Builder's memory consistent:
// each memoised item is stored whole under its key, and a later build
// reuses it only when the key matches.
type Builder struct {
	cfg Config
	mu  sync.Mutex
	m   memo
	// last is the last build, when the next may patch it (see patch),
	// and stale the articles whose last edit a patch found broken and
	// left out of the memory: the next build looks at them again.
	last  *lastBuild
	stale []string
}

// memo is what a Builder keeps between builds.
type memo struct {
	ready bool
	// bodyKey hashes the inputs of every article body, and pageKey those
	// of every page (bodyKey and the templates).
	bodyKey, pageKey hash
	setup            *setupMemo
	docs             map[string]*docMemo // by content path
	files            map[string]fileMemo // by output name
	groups           map[string]*group   // lazy groups by folder
	assets           map[string]*File    // the assets and assets/code.css
	sitemaps         map[hash]map[string]*File
	outlets          *outletMemo
	// disk, for BuildDir, writes files through to the site and keeps
	// the memory on disk between runs (see disk); nil in memory.
	disk *disk
}

// setupMemo keeps the output of builder.setup.
type setupMemo struct {
	conf  *config.Config
	cat   i18n.Catalog
	r     *render.Renderer
	diags diag.List
	ok    bool
}

// docMemo is one article as last loaded and rendered.
type docMemo struct {
	key   hash         // of the article's file and sidecar
	doc   *content.Doc // nil when the file could not be read
	diags diag.List    // from loading
	// body is the article as rendered, before the build links it to
	// others (terms, translations); nil until rendered.
	body      *render.Article
	bodyDiags diag.List
	// mentions are the sources the body's claims name (see mentions),
	// once asked for.
	mentions []mention
	// restored is the article as BuildDir kept it on disk, until the
	// build loads its files again (see Builder.adopt).
	restored *articleRecord
	// onDisk, when set, says body was restored without its HTML, which
	// is in the record at that place of the cache's bodies file (see
	// disk.body).
	onDisk *bodyEntry
}

type fileMemo struct {
	key hash
	f   *File
}

// NewBuilder returns a Builder for cfg. cfg.Out is not used: every build
// goes to a Snapshot.
func NewBuilder(cfg Config) *Builder {
	cfg.Out = nil
	return &Builder{cfg: cfg}
}

// Build brings the site up to date with its source and returns it whole.
// changed names the source files that changed since the previous call that
// was not cancelled, as slash paths relative to the source root
// ("content/2024/x.md", "templates/base.html", or a folder, for everything
// under it); nil means unknown, and every input is checked. The Result is
// never nil; the Snapshot is nil when the build failed (the Result holds
// the diagnostics) or was cancelled.
func (bl *Builder) Build(ctx context.Context, changed []string) (*Snapshot, *Result, error) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	res := &Result{}
	if bl.cfg.Source == nil {
		return nil, res, errors.New("site: Builder needs a Source")
	}
	snap, err := bl.build(ctx, changed, res)
	res.Diags.Sort()
	if err == nil {
		err = res.Diags.Err()
	}
	if err != nil {
		return nil, res, err
	}
	return snap, res, nil
}

func (bl *Builder) build(ctx context.Context, changed []string, res *Result) (*Snapshot, error) {
	if changed != nil && len(bl.stale) > 0 {
		changed = append(slices.Clone(changed), bl.stale...)
		slices.Sort(changed)
		changed = slices.Compact(changed)
	}
	if snap, ok, err := bl.patch(ctx, changed, res); ok {
		return snap, err
	}
	*res = Result{}
	snap, err := bl.buildAll(ctx, changed, res)
	// A cancelled build leaves the last one to patch, and the next
	// build is told of its changes again; a finished one, good or bad,
	// is what the next build is told the changes since.
	if snap == nil && ctx.Err() == nil {
		bl.last, bl.stale = nil, nil
	}
	return snap, err
}

// buildAll builds the site as a whole, reusing what its memory holds.
func (bl *Builder) buildAll(ctx context.Context, changed []string, res *Result) (*Snapshot, error) {
	m := &bl.m
	out := &collector{disk: m.disk}
	cfg := bl.cfg
	cfg.Out = out
	inc := &incState{m: m, out: out, akeys: map[*render.Article]hash{}}
	b := &builder{cfg: cfg, res: res, inc: inc}
	full := changed == nil || !m.ready
	work := Work{}

	// The global inputs.
	if full || slices.ContainsFunc(changed, isGlobal) {
		body, page := bl.globalKeys()
		if !m.ready || body != m.bodyKey {
			m.docs, m.files, m.groups, m.assets, m.setup, m.sitemaps = nil, nil, nil, nil, nil, nil
			full = true
			// Until this build finishes, the memory holds only part of
			// the site: a build cancelled before the end leaves the
			// next one to load everything again.
			m.ready = false
		} else if page != m.pageKey {
			m.files, m.groups, m.setup = nil, nil, nil
		}
		m.bodyKey, m.pageKey = body, page
		inc.assetsChanged = true
	}
	if m.docs == nil {
		m.docs = map[string]*docMemo{}
		work.Full = true
	}
	if m.setup == nil {
		n := len(res.Diags)
		ok := b.setup()
		m.setup = &setupMemo{conf: b.conf, cat: b.cat, r: b.r, diags: slices.Clone(res.Diags[n:]), ok: ok}
	} else {
		b.conf, b.cat, b.r = m.setup.conf, m.setup.cat, m.setup.r
		b.addDiags(m.setup.diags)
	}
	if b.conf == nil {
		m.setup = nil // a bad --base-url: try again next time
		return nil, nil
	}
	if slices.ContainsFunc(changed, func(p string) bool { return p == "assets" || strings.HasPrefix(p, "assets/") }) {
		inc.assetsChanged = true
	}

	// The articles.
	docs, err := bl.load(ctx, b, changed, full, &work)
	if err != nil || docs == nil {
		return nil, err
	}
	if !m.setup.ok {
		return nil, nil
	}

	// Everything else.
	err = b.make(ctx, docs)
	res.nextFuture = b.nextFuture
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors() {
		return nil, nil
	}
	work.Bodies = int(inc.bodies.Load())
	work.Pages = int(inc.pages.Load())
	snap := &Snapshot{files: out.files, groups: out.groups, Work: work}
	// Forget what this build no longer makes.
	for name := range m.files {
		if _, ok := out.files[name]; !ok {
			delete(m.files, name)
		}
	}
	m.groups = maps.Clone(out.groups)
	m.ready = true
	bl.keepLast(b, inc, snap, res)
	return snap, nil
}

// isGlobal reports whether a change to the source path p may change every
// page: the configuration, the templates and translations, the registry,
// or the content folder as a whole.
func isGlobal(p string) bool {
	return p == config.FileName || p == RegistryFile || p == "." || p == "content" ||
		p == "templates" || strings.HasPrefix(p, "templates/")
}

// globalKeys hashes the inputs of every article body, and of every page.
func (bl *Builder) globalKeys() (body, page hash) {
	src := bl.cfg.Source
	kb := newKeyer(hash{}, "body")
	kb.str(bl.cfg.BaseURL)
	kb.bool(bl.cfg.Drafts)
	kb.bool(bl.cfg.Future)
	kb.file(src, config.FileName)
	kb.file(src, RegistryFile)
	kb.tree(src, "templates/i18n")
	body = kb.sum()
	kp := newKeyer(body, "page")
	kp.tree(src, "templates")
	return body, kp.sum()
}

// load brings the memoised articles up to date and returns them, sorted
// by path, with their diagnostics added to the build. It returns nil docs
// when there is no content folder.
func (bl *Builder) load(ctx context.Context, b *builder, changed []string, full bool, work *Work) ([]*content.Doc, error) {
	m := &bl.m
	src := bl.cfg.Source
	opt := content.Options{Dir: "content", DefaultLang: b.conf.DefaultLang}
	reload := map[string]bool{}
	if full {
		paths, diags, err := content.Paths(ctx, src, opt)
		b.addDiags(diags)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			b.addDiags(contentFolderDiag(err))
			return nil, nil
		}
		for p := range m.docs {
			if _, found := slices.BinarySearch(paths, p); !found {
				delete(m.docs, p)
			}
		}
		for _, p := range paths {
			reload[p] = true
		}
	} else {
		for _, p := range changed {
			if p != "content" && !strings.HasPrefix(p, "content/") {
				continue
			}
			fi, err := fs.Stat(src, p)
			switch {
			case err != nil: // gone: the file, or a whole folder
				for q := range m.docs {
					if q == p || strings.HasPrefix(q, p+"/") {
						delete(m.docs, q)
					}
				}
			case fi.IsDir():
				paths, diags, err := content.Paths(ctx, src, content.Options{Dir: p})
				b.addDiags(diags)
				if err != nil && ctx.Err() != nil {
					return nil, ctx.Err()
				}
				for _, q := range paths {
					if content.IsArticle(q, opt) {
						reload[q] = true
					}
				}
			case content.IsArticle(p, opt):
				reload[p] = true
			}
			if txt := content.SidecarOf(p); txt != "" && content.IsArticle(txt, opt) {
				if _, err := fs.Stat(src, txt); err == nil {
					reload[txt] = true
				}
			}
		}
		if _, err := fs.Stat(src, "content"); err != nil {
			b.addDiags(contentFolderDiag(err))
			return nil, nil
		}
	}

	// Load what may have changed, in parallel: reading is I/O and parsing
	// front matter is not free.
	paths := slices.Sorted(maps.Keys(reload))
	loaded := make([]*docMemo, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if ctx.Err() != nil {
				return
			}
			d, diags := content.LoadFile(src, p, opt)
			loaded[i] = &docMemo{key: docKey(src, p, d), doc: d, diags: diags}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, p := range paths {
		dm := loaded[i]
		if old, ok := m.docs[p]; ok && old.key == dm.key {
			if old.restored != nil {
				bl.adopt(old, dm)
			}
			continue // same bytes: keep the loaded and rendered article
		}
		m.docs[p] = dm
		work.Loaded++
	}

	docs := make([]*content.Doc, 0, len(m.docs))
	for _, p := range slices.Sorted(maps.Keys(m.docs)) {
		dm := m.docs[p]
		b.addDiags(dm.diags)
		if dm.doc != nil {
			docs = append(docs, dm.doc)
		}
	}
	return docs, nil
}

// docKey hashes what an article is loaded from: its file and its sidecar.
func docKey(src fs.FS, p string, d *content.Doc) hash {
	k := newKeyer(hash{}, "doc")
	k.str(p)
	if d == nil {
		k.str("unreadable")
		return k.sum()
	}
	k.bytes(d.Src)
	if d.MetaPath != "" {
		k.file(src, d.MetaPath)
	}
	return k.sum()
}

// incState is what one build of a Builder uses of the memo, shared by the
// goroutines of the build.
type incState struct {
	m   *memo
	out *collector
	// assetsChanged is set when the assets must be copied again.
	assetsChanged bool

	mu sync.Mutex // guards m.docs' entries and m.files

	bodies, pages atomic.Int64

	// akeys are the keys of this build's articles, set as bodies are
	// rendered (guarded by mu: pages are made meanwhile).
	akeys map[*render.Article]hash

	siteOnce sync.Once
	site     hash // see siteKey

	cardMu    sync.Mutex               // guards cards and claimOuts
	cards     map[*render.Article]hash // see cardKey
	claimOuts map[*render.Article]claimsOut

	// What a later patch (see Builder.patch) needs of this build: the
	// sources with outlet pages and the key of their set, and each
	// article's claims.json and its key, by the article's place.
	articles   []*render.Article // in order, once collected
	outletUsed []*outletSlot
	outletSet  hash
	claimKeys  []hash
	claimFiles []*File
	searchKeys []hash
	// onDisk are the articles reused without their HTML, and where it is
	// (see needBody).
	onDisk map[*render.Article]bodyEntry
}

// reuseBody fills a with its body as rendered by an earlier build, when
// its files are the same.
func (inc *incState) reuseBody(b *builder, a *render.Article) bool {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	dm := inc.m.docs[a.Doc.Path]
	if dm == nil || dm.doc != a.Doc || dm.body == nil {
		return false
	}
	// What the body gives: the rest is a's own (the same Doc gives the
	// same), and its terms and translations are this build's, which other
	// articles' pages may be reading.
	x := dm.body
	a.Summary, a.Body, a.Headings, a.Claims, a.Words, a.Text = x.Summary, x.Body, x.Headings, x.Claims, x.Words, x.Text
	b.addDiags(dm.bodyDiags)
	inc.akeys[a] = dm.key
	if dm.onDisk != nil {
		if inc.onDisk == nil {
			inc.onDisk = map[*render.Article]bodyEntry{}
		}
		inc.onDisk[a] = *dm.onDisk
	}
	return true
}

// needBody gives a, reused from an earlier build, its HTML when it was
// restored without it: from the cache folder, or rendered again when the
// record cannot be read back.
func (inc *incState) needBody(ctx context.Context, b *builder, a *render.Article) {
	inc.mu.Lock()
	e, ok := inc.onDisk[a]
	delete(inc.onDisk, a)
	inc.mu.Unlock()
	if !ok || a.Body != "" {
		return
	}
	if body, ok := inc.m.disk.body(e); ok {
		a.Body = htmltemplate.HTML(body)
		return
	}
	// The same files make the same HTML; its diagnostics are the
	// restored ones, already reported.
	y := *a
	y.Headings = nil
	b.r.Body(ctx, a.Doc, &y)
	a.Body = y.Body
}

// keepBody remembers a's body for later builds; BuildDir's disk keeps it
// in the cache folder instead (see disk.keepRecord).
func (inc *incState) keepBody(b *builder, a *render.Article, diags diag.List) {
	inc.bodies.Add(1)
	inc.mu.Lock()
	dm := inc.m.docs[a.Doc.Path]
	if dm == nil || dm.doc != a.Doc {
		inc.mu.Unlock()
		return
	}
	key := dm.key
	inc.mu.Unlock()
	saved := *a
	// The body alone, before the build links it to others.
	saved.Terms, saved.Translations = nil, nil
	if d := inc.m.disk; d != nil && d.keepRecord(a.Doc.Path, key, &saved, diags) {
		saved.Body = "" // on disk; the page is made from a
	}
	inc.mu.Lock()
	defer inc.mu.Unlock()
	dm.body, dm.bodyDiags = &saved, diags
	inc.akeys[a] = key
}

// articleKey is the key of an article's own data: of its files. An
// article whose body was not rendered has none, and a zero key, which
// never matches a remembered one.
func (inc *incState) articleKey(a *render.Article) hash {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	return inc.akeys[a]
}

// reuse returns the file made for name from inputs whose hash is key,
// when an earlier build made it.
func (inc *incState) reuse(name string, key hash) *File {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	if fm, ok := inc.m.files[name]; ok && fm.key == key && key != (hash{}) {
		return fm.f
	}
	return nil
}

func (inc *incState) remember(name string, key hash, f *File) {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	if inc.m.files == nil {
		inc.m.files = map[string]fileMemo{}
	}
	if inc.m.disk != nil {
		f = inc.m.disk.remembered(name, key, f)
	}
	inc.m.files[name] = fileMemo{key: key, f: f}
}

// put adds a file to the build's output, counted as written.
func (b *builder) put(name string, f *File) {
	b.inc.out.put(name, f)
	b.files.Add(1)
	if !f.Lazy() {
		b.bytes.Add(int64(len(f.data)))
	}
}

// page writes p to name from memory when its key is known and unchanged,
// or lazily, or renders it and remembers it. It reports false when p has
// no key (a kind of page pageKey does not know), for writePage to render
// it as a plain build does.
func (inc *incState) page(b *builder, name string, p *render.Page) bool {
	key, ok := inc.pageKey(p)
	if !ok {
		return false
	}
	if f := inc.reuse(name, key); f != nil {
		b.put(name, f)
		return true
	}
	data, diags := b.renderPage(p)
	inc.pages.Add(1)
	if len(diags) > 0 {
		b.addDiags(diags)
		return true
	}
	f := NewFile(data)
	b.put(name, f)
	inc.remember(name, key, f)
	return true
}

// errorPage is what a lazy page holds when its template fails once the
// build is over: a build writing it to disk fails instead (see
// disk.drain), and a server shows the page's Problems over it.
// It is in the page's language and direction, for the overlay to be.
func errorPage(p *render.Page, diags diag.List) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html lang=\"" + html.EscapeString(p.Lang) + "\" dir=\"" + html.EscapeString(p.Dir) + "\"><head><meta charset=utf-8><title>error</title></head><body><pre dir=ltr>")
	for _, d := range diags {
		b.WriteString(html.EscapeString(d.Error()))
		b.WriteByte('\n')
	}
	b.WriteString("</pre></body></html>\n")
	return []byte(b.String())
}

// pageKey hashes everything page p is made from, or reports false for a
// kind of page it does not know. It covers the data the templates are
// given: extend it with the data a new template uses.
func (inc *incState) pageKey(p *render.Page) (hash, bool) {
	if p.Kind == render.KindArticle && p.Article != nil {
		return inc.articlePageKey(p.Article), true
	}
	k := newKeyer(inc.siteKey(p.Site), "page")
	k.str(p.Kind, p.Lang, p.Dir, p.Title, p.Root, p.Path, p.Permalink, p.Taxonomy)
	k.int(p.Count)
	if g := p.Pager; g != nil {
		k.int(g.Number, g.Total)
		k.str(g.Prev, g.Next)
	}
	switch p.Kind {
	case render.KindList, render.KindTerm:
		for _, a := range p.Articles {
			k.sum32(inc.cardKey(a))
		}
		if t := p.Term; t != nil {
			k.str(t.Name, t.Path, t.Lang)
		}
	case render.KindTerms:
		for _, t := range p.Terms {
			k.str(t.Name, t.Path, t.Lang)
			k.int(len(t.Articles))
		}
	case render.Kind404:
	default:
		return hash{}, false
	}
	return k.sum(), true
}

// siteKey hashes what every page knows of the site beyond the
// configuration: its feeds and search pages. It is the same for every
// page of a build, and worked out once.
func (inc *incState) siteKey(s *render.Site) hash {
	inc.siteOnce.Do(func() {
		k := newKeyer(inc.m.pageKey, "site")
		if s != nil {
			for _, f := range s.Feeds {
				k.str(f.Lang, f.Link)
			}
			for _, l := range slices.Sorted(maps.Keys(s.SearchPages)) {
				k.str(l, s.SearchPages[l])
			}
		}
		inc.site = k.sum()
	})
	return inc.site
}

// articlePageKey is the key of an article's page, which is made from the
// article (see cardKey), the configuration and the site.
func (inc *incState) articlePageKey(a *render.Article) hash {
	k := newKeyer(inc.site, "article page")
	k.sum32(inc.cardKey(a))
	return k.sum()
}

// cardKey hashes an article's own data and what it shows of others: its
// terms (named as first written, maybe by another article) and what the
// templates show of its translations. It is worked out once per build.
func (inc *incState) cardKey(a *render.Article) hash {
	inc.cardMu.Lock()
	defer inc.cardMu.Unlock()
	if h, ok := inc.cards[a]; ok {
		return h
	}
	k := newKeyer(inc.articleKey(a), "card")
	k.str(a.Path)
	for _, plural := range slices.Sorted(maps.Keys(a.Terms)) {
		k.str(plural)
		for _, t := range a.Terms[plural] {
			k.str(t.Name, t.Path, t.Lang)
		}
	}
	// Of a translation, a page shows where it is, its language and its
	// title, not its text: an edit to one article's text leaves its
	// translations' pages alone.
	for _, t := range a.Translations {
		k.str(t.Path, t.Link, t.Lang, t.Dir, t.Title)
	}
	h := k.sum()
	if inc.cards == nil {
		inc.cards = map[*render.Article]hash{}
	}
	inc.cards[a] = h
	return h
}

// reuseArticlePage puts an article's page of an earlier build in this
// one's output when nothing it is made from changed, without making the
// page's data: most articles of a large site, on most builds.
func (inc *incState) reuseArticlePage(b *builder, a *render.Article) bool {
	inc.siteKey(b.site(a.Lang))
	name := a.Path + "index.html"
	f := inc.reuse(name, inc.articlePageKey(a))
	if f == nil {
		return false
	}
	b.put(name, f)
	b.wrote(name, &render.Page{Kind: render.KindArticle, Path: a.Path, Article: a})
	return true
}

// outletPages writes the outlet pages and the outlet index as lazy files.
// Which sources have pages, how many pages each, and which articles' claims
// each page lists come from each article's claims alone (see mentions),
// in the order claims.NewIndex and claims.Outlet.Pages put them; the
// site-wide index behind the pages, whose cost grows with the site, is
// made only when one of them is asked for, once per build. So an edit to
// an article changes the keys of exactly the pages that list its claims
// (and of the pages after them, when its number of claims changed).
func (inc *incState) outletPages(ctx context.Context, b *builder, articles []*render.Article) error {
	om := inc.outlets()
	// Fresh slots, not the last build's emptied: a patch of the last
	// build may still need them when this build is cancelled.
	for i, o := range om.slots {
		om.slots[i] = &outletSlot{paths: slices.Clip(o.paths)}
	}
	var used []*outletSlot
	for i, a := range articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		if a.Claims == nil {
			continue
		}
		ak := inc.cardKey(a)
		for _, m := range inc.mentions(a) {
			o := om.slots[m.id]
			if !o.used {
				o.used, o.src, o.first = true, m.src, i
				used = append(used, o)
			}
			o.mentioned++
			o.add(i, ak, m.counts)
		}
	}
	slices.SortFunc(used, func(x, y *outletSlot) int { return strings.Compare(x.src.Key, y.src.Key) })
	setKey, indexKey := inc.outletKeys(b, used)
	inc.outletUsed, inc.outletSet = used, setKey
	lz := inc.newOutletLazy(b, articles)
	// The pages whose key is unchanged are put back in bulk, under one
	// lock each: a large site has tens of thousands.
	var keep []string
	var kept []*File
	if f := inc.reuse("outlets/index.html", indexKey); f != nil {
		keep, kept = append(keep, "outlets/index.html"), append(kept, f)
		b.wrote("outlets/index.html", &render.Page{Kind: render.KindOutlets, Path: "outlets/"})
	} else {
		b.wrote("outlets/index.html", lz.index(indexKey))
	}
	var kb keyer
	for _, o := range used {
		n, per := o.layout(b.conf.Paginate)
		keys := o.pageKeys(&kb, setKey, n, per, nil)
		names := o.names(n)
		inc.mu.Lock()
		var fresh []int
		for i := 1; i <= n; i++ {
			if fm, ok := inc.m.files[names[i-1]]; ok && fm.key == keys[i-1] {
				keep, kept = append(keep, names[i-1]), append(kept, fm.f)
				continue
			}
			fresh = append(fresh, i)
		}
		inc.mu.Unlock()
		reused := n - len(fresh)
		if len(fresh) == 0 || fresh[0] != 1 {
			// The sitemap lists first pages; a reused one needs no
			// more of its page than this.
			b.wrote(names[0], &render.Page{Kind: render.KindOutlet, Path: strings.TrimSuffix(names[0], "index.html")})
			reused--
		}
		b.pages.Add(int64(reused)) // later pages: not in the sitemap
		if len(fresh) > 0 {
			names = slices.Clone(names) // the slot's own change with the next build
		}
		for _, i := range fresh {
			b.wrote(names[i-1], lz.page(o.src, names, i, keys[i-1]))
		}
	}
	inc.out.putAll(keep, kept)
	b.files.Add(int64(len(keep)))
	return nil
}

// outletKeys works out the summary of every used source, and returns the
// key of which sources there are and the key of the outlet index.
func (inc *incState) outletKeys(b *builder, used []*outletSlot) (setKey, indexKey hash) {
	lang := b.conf.DefaultLang
	// The outlet pages name one another (a person's body), so each
	// depends on which outlets there are; the index lists them all with
	// their counts.
	set := newKeyer(inc.m.pageKey, "outlet set")
	all := newKeyer(inc.m.pageKey, "outlet index")
	for _, o := range used {
		set.str(o.src.Key)
		o.summary = o.summaryKey(inc.m.pageKey, lang)
		all.sum32(o.summary)
	}
	return set.sum(), all.sum()
}

// summaryKey hashes what a source's pages show of it beyond its claims.
func (o *outletSlot) summaryKey(pageKey hash, lang string) hash {
	k := newKeyer(pageKey, "outlet")
	k.str(o.src.Key, o.src.Path(), o.src.Name(lang).Text, o.src.Name(lang).Lang)
	k.int(o.totals[:]...)
	k.int(o.articles)
	return k.sum()
}

// layout returns how many pages a source's claims take, and how many
// claims each holds.
func (o *outletSlot) layout(size int) (n, per int) {
	total := o.totals[0] + o.totals[1] + o.totals[2] + o.totals[3]
	per = size
	if size < 1 || total <= size {
		per = max(total, 1)
	}
	return max(1, (total+per-1)/per), per
}

// outletLazy makes the outlet pages of one build lazily, from the index
// of the build's claims, made once on first use.
type outletLazy struct {
	inc      *incState
	b        *builder
	articles []*render.Article
	once     sync.Once
	idx      *claims.Index
}

func (inc *incState) newOutletLazy(b *builder, articles []*render.Article) *outletLazy {
	return &outletLazy{inc: inc, b: b, articles: articles}
}

func (lz *outletLazy) claimIndex() *claims.Index {
	lz.once.Do(func() { lz.idx = lz.b.claimIndex(lz.articles) })
	return lz.idx
}

// file puts p as the lazy file name, filled in on first use, and returns
// p.
func (lz *outletLazy) file(name string, key hash, p *render.Page, fill func(*render.Page) bool) *render.Page {
	b := lz.b
	f := newLazyPage(key, func() ([]byte, diag.List) {
		if !fill(p) {
			// The claim index and the page names come from the same
			// build: this is a bug of ours, which must not pass for a page.
			diags := diag.List{{Msg: "internal error: the outlet page " + name + " does not match the claims of its build"}}
			return errorPage(p, diags), diags
		}
		data, diags := b.renderPage(p)
		if len(diags) > 0 {
			return errorPage(p, diags), diags
		}
		return data, nil
	})
	b.put(name, f)
	lz.inc.remember(name, key, f)
	return p
}

// index puts the outlet index, and returns its page.
func (lz *outletLazy) index(key hash) *render.Page {
	b := lz.b
	lang := b.conf.DefaultLang
	p := b.page(render.KindOutlets, lang, "outlets/", b.cat.T(lang, "outlets.title"))
	return lz.file("outlets/index.html", key, p, func(p *render.Page) bool {
		p.Outlets = lz.claimIndex()
		return true
	})
}

// page puts page i of the source src, whose pages are the files names,
// and returns it. names must not change after.
func (lz *outletLazy) page(src claims.Source, names []string, i int, key hash) *render.Page {
	b := lz.b
	n := len(names)
	size := b.conf.Paginate
	pathOf := func(i int) string { return strings.TrimSuffix(names[i-1], "index.html") }
	p := b.page(render.KindOutlet, b.conf.DefaultLang, pathOf(i), src.Name(b.conf.DefaultLang).Text)
	if n > 1 {
		p.Pager = &render.Pager{Number: i, Total: n}
		if i > 1 {
			p.Pager.Prev = names[i-2]
		}
		if i < n {
			p.Pager.Next = names[i]
		}
	}
	return lz.file(names[i-1], key, p, func(p *render.Page) bool {
		x := lz.claimIndex()
		p.Outlet, p.Outlets = x.Lookup(src.Key), x
		if p.Outlet == nil {
			return false
		}
		part, count := p.Outlet.Page(size, i-1)
		if count != n {
			return false
		}
		p.Sections = part
		return true
	})
}

// outletMemo keeps, from build to build, a slot for every source that has
// had an outlet page, so that articles' mentions name them by number.
type outletMemo struct {
	ids   map[string]int
	slots []*outletSlot
}

// An outletSlot gathers, during a build, what one source's pages list.
type outletSlot struct {
	used bool
	// src is the source as the first article that names it gives it,
	// and first that article's place in the build's order; mentioned is
	// the number of articles that name it.
	src       claims.Source
	first     int
	mentioned int
	sections  [4][]outletRun // by, to, for, via: the order of Outlet.Pages
	totals    [4]int
	articles  int
	summary   hash
	paths     []string // its pages' files, as far as worked out
}

// An outletRun is the claims of one article in a section of a source's
// pages.
type outletRun struct {
	key hash // the article's
	n   int
	at  int // the article's place in the build's order
}

// add files the claims of the article at, whose key is key, with counts
// by section, after those of the articles before it.
func (o *outletSlot) add(at int, key hash, counts [4]int) {
	sum := 0
	for s, n := range counts {
		if n > 0 {
			o.sections[s] = append(o.sections[s], outletRun{key, n, at})
			o.totals[s] += n
			sum += n
		}
	}
	if sum > 0 {
		o.articles++
	}
}

// pageKeys returns the keys of the source's n pages of per claims each:
// each covers the source's summary, which sources there are, and the
// articles whose claims fall on the page. When want is not nil, only the
// pages it wants get their key; the others are left zero.
func (o *outletSlot) pageKeys(k *keyer, setKey hash, n, per int, want func(page int) bool) []hash {
	keys := make([]hash, n)
	cur, on := -1, false
	// next ends the page being keyed and starts the page after it.
	next := func() {
		if on {
			keys[cur] = k.sum()
		}
		cur++
		on = cur < n && (want == nil || want(cur))
		if on {
			k.buf = k.buf[:0]
			k.sum32(o.summary)
			k.str("outlet page")
			k.sum32(setKey)
			k.int(cur, n)
		}
	}
	next()
	pos := 0
	for s, runs := range o.sections {
		for _, run := range runs {
			for off := 0; off < run.n; {
				for pos/per > cur {
					next()
				}
				take := min(per-pos%per, run.n-off)
				if on {
					k.sum32(run.key)
					k.int(s, off, take)
				}
				pos, off = pos+take, off+take
			}
		}
	}
	for cur < n {
		next()
	}
	return keys
}

// pagesWith returns the pages, from 0, of per claims each, that list
// claims of the article at at.
func (o *outletSlot) pagesWith(at, per int) []int {
	var pages []int
	pos := 0
	for _, runs := range o.sections {
		for _, run := range runs {
			if run.at == at {
				for p := pos / per; p <= (pos+run.n-1)/per; p++ {
					if !slices.Contains(pages, p) {
						pages = append(pages, p)
					}
				}
			}
			pos += run.n
		}
	}
	return pages
}

// names returns the files of the source's first n pages.
func (o *outletSlot) names(n int) []string {
	base := o.src.Path()
	if len(o.paths) == 0 || !strings.HasPrefix(o.paths[0], base) || o.paths[0] != base+"index.html" {
		o.paths = o.paths[:0]
	}
	for i := len(o.paths) + 1; i <= n; i++ {
		if i == 1 {
			o.paths = append(o.paths, base+"index.html")
		} else {
			o.paths = append(o.paths, base+"page/"+strconv.Itoa(i)+"/index.html")
		}
	}
	return o.paths[:n]
}

// outlets returns the Builder's outlet slots.
func (inc *incState) outlets() *outletMemo {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	if inc.m.outlets == nil {
		inc.m.outlets = &outletMemo{ids: map[string]int{}}
	}
	return inc.m.outlets
}

// outletID returns the slot number of the source key, making one for a
// new source. inc.mu must be held.
func (inc *incState) outletID(key string) int {
	om := inc.m.outlets
	if om == nil {
		om = &outletMemo{ids: map[string]int{}}
		inc.m.outlets = om
	}
	id, ok := om.ids[key]
	if !ok {
		id = len(om.slots)
		om.ids[key] = id
		om.slots = append(om.slots, &outletSlot{})
	}
	return id
}

// A mention is a source an article's claims or sources section name, with
// the number of its claims in each section of the source's page: those it
// makes, is told, its people make for it, and it passes on (Outlet.Pages's
// by, to, for and via).
type mention struct {
	id     int // the source's outlet slot
	src    claims.Source
	counts [4]int
}

// mentions returns inc's memory of mentions(a.Claims), worked out once
// per body.
func (inc *incState) mentions(a *render.Article) []mention {
	inc.mu.Lock()
	dm := inc.m.docs[a.Doc.Path]
	if dm != nil && dm.doc == a.Doc && dm.body != nil && dm.body.Claims == a.Claims && dm.mentions != nil {
		defer inc.mu.Unlock()
		return dm.mentions
	}
	inc.mu.Unlock()
	m := mentions(a.Claims)
	if m == nil {
		m = []mention{}
	}
	inc.mu.Lock()
	defer inc.mu.Unlock()
	for i := range m {
		m[i].id = inc.outletID(m[i].src.Key)
	}
	if dm != nil && dm.doc == a.Doc && dm.body != nil && dm.body.Claims == a.Claims {
		dm.mentions = m
	}
	return m
}

// mentions returns the sources an article's claims and sources section
// name, as claims.NewIndex files them: a claim under its source (by), each
// outlet of its chain once (via), its conduit (to) and the body its
// speaker speaks for (for).
func mentions(a *claims.Article) []mention {
	const by, to, forOrg, via = 0, 1, 2, 3
	var out []mention
	at := map[string]int{}
	add := func(s claims.Source, section int) {
		i, ok := at[s.Key]
		if !ok {
			i = len(out)
			at[s.Key] = i
			out = append(out, mention{src: s})
		}
		if section >= 0 {
			out[i].counts[section]++
		}
	}
	for _, c := range a.Claims {
		add(c.Source, by)
		var seen map[string]bool
		for _, v := range c.Via {
			if v.Key == c.Source.Key {
				continue
			}
			if seen[v.Key] {
				add(v, -1)
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[v.Key] = true
			add(v, via)
		}
		if c.Conduit != nil {
			add(*c.Conduit, to)
		}
		if c.Org != nil && c.Org.Key != c.Source.Key {
			add(*c.Org, forOrg)
		}
	}
	for _, g := range a.Groups {
		add(g.Source, -1)
	}
	return out
}

// reuseFeeds puts the feeds of an earlier build in this one's output when
// the articles they carry did not change, and otherwise has a plain
// writeFeeds make them and remembers them. It reports true when the feeds
// are written.
func (inc *incState) reuseFeeds(b *builder, articles []*render.Article) bool {
	k := newKeyer(inc.m.pageKey, "feeds")
	for _, f := range b.feeds {
		k.str(f.Lang, f.Link)
		for _, a := range b.feedItems(f, articles) {
			k.sum32(inc.articleKey(a))
			k.str(a.Path)
		}
	}
	key := k.sum()
	var reused []*File
	for _, f := range b.feeds {
		if old := inc.reuse(f.Link, key); old != nil {
			reused = append(reused, old)
		}
	}
	if len(reused) == len(b.feeds) {
		for i, f := range b.feeds {
			b.put(f.Link, reused[i])
		}
		return true
	}
	c := &collector{}
	if err := b.fork(c).writeFeeds(context.Background(), articles); err != nil {
		return false
	}
	for name, f := range c.files {
		b.put(name, f)
		inc.remember(name, key, f)
	}
	return true
}

// sitemap puts the sitemap files of an earlier build in this one's output
// when the pages they list are the same, and reports true; or it returns
// keep, for writeSitemap to call once it has written them.
func (inc *incState) sitemap(b *builder) (done bool, keep func()) {
	k := newKeyer(inc.m.bodyKey, "sitemap")
	for _, u := range b.urls {
		k.str(u.path)
		k.int(int(u.lastmod.Unix()), u.lastmod.Nanosecond())
		if a := u.article; a != nil {
			k.str(a.Lang)
			for _, t := range a.Translations {
				k.str(t.Lang, t.Path)
			}
		}
		k.str("\x00")
	}
	key := k.sum()
	if fm, ok := inc.m.sitemaps[key]; ok {
		for name, f := range fm {
			b.put(name, f)
		}
		return true, nil
	}
	return false, func() {
		inc.out.mu.Lock()
		defer inc.out.mu.Unlock()
		fm := map[string]*File{}
		for name, f := range inc.out.files {
			if strings.HasPrefix(name, "sitemap") && path.Ext(name) == ".xml" {
				fm[name] = f
			}
		}
		inc.m.sitemaps = map[hash]map[string]*File{key: fm}
	}
}

// reuseAssets puts the assets of the last build in this one's output,
// when nothing they are made from changed.
func (inc *incState) reuseAssets(b *builder) bool {
	if inc.assetsChanged || inc.m.assets == nil {
		return false
	}
	for name, f := range inc.m.assets {
		b.put(name, f)
	}
	return true
}

// keepAssets remembers the assets writeAssets wrote.
func (inc *incState) keepAssets() {
	inc.out.mu.Lock()
	defer inc.out.mu.Unlock()
	inc.m.assets = map[string]*File{}
	for name, f := range inc.out.files {
		if strings.HasPrefix(name, "assets/") {
			inc.m.assets[name] = f
		}
	}
}

// A claimsOut is an article's claims.json and the key it is made from.
type claimsOut struct {
	key hash
	f   *File
}

// articleClaims writes a's claims.json, from memory when the article did
// not change, as soon as its body is rendered (see finishArticle).
func (inc *incState) articleClaims(b *builder, a *render.Article) {
	if a.Claims == nil {
		return
	}
	// Claims data is made from the articles alone, not the templates.
	var kb keyer
	key := inc.claimsKey(&kb, b, a)
	name := a.Path + "claims.json"
	f := inc.reuse(name, key)
	if f != nil {
		b.put(name, f)
	} else {
		f = NewFile(b.claimsJSON(a))
		b.put(name, f)
		inc.remember(name, key, f)
		if d := inc.m.disk; d != nil {
			// Written: the site's claims.json reads it back.
			f = d.readBack(name, f.Hash)
		}
	}
	inc.cardMu.Lock()
	defer inc.cardMu.Unlock()
	if inc.claimOuts == nil {
		inc.claimOuts = map[*render.Article]claimsOut{}
	}
	inc.claimOuts[a] = claimsOut{key, f}
}

// claimsData gathers the articles' claims.json, which finishArticle
// wrote, into claims.json of the whole site, made lazily.
func (inc *incState) claimsData(ctx context.Context, b *builder, articles []*render.Article) error {
	keys := make([]hash, len(articles))
	files := make([]*File, len(articles))
	inc.cardMu.Lock()
	for i, a := range articles {
		if o, ok := inc.claimOuts[a]; ok {
			keys[i], files[i] = o.key, o.f
		}
	}
	inc.cardMu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	inc.claimKeys, inc.claimFiles = keys, files
	inc.siteClaims(b, articles, keys, files)
	return nil
}

// claimsKey is the key of an article's claims.json.
func (inc *incState) claimsKey(k *keyer, b *builder, a *render.Article) hash {
	k.buf = append(k.buf[:0], inc.m.bodyKey[:]...)
	k.str("claims")
	k.sum32(inc.articleKey(a))
	k.str(b.articleURL(a))
	return k.sum()
}

// siteClaims puts claims.json of the whole site, made lazily of the
// articles' files, whose keys are keys; files must not change after.
func (inc *incState) siteClaims(b *builder, articles []*render.Article, keys []hash, files []*File) {
	root := newKeyer(inc.m.bodyKey, "claims.json")
	root.buf = slices.Grow(root.buf, len(keys)*len(hash{}))
	for i, a := range articles {
		if a.Claims != nil {
			root.sum32(keys[i])
		}
	}
	key := root.sum()
	if f := inc.reuse("claims.json", key); f != nil {
		b.put("claims.json", f)
		return
	}
	// The site's file is the articles' put together, made on first use.
	// It is as large as all of them (225 MB at 10,000 articles), so a
	// BuildDir streams it to its file (see newStreamFile).
	f := newStreamFile(key, func(w io.Writer) error {
		return writeClaimsArray(w, len(files), func(i int) []byte {
			if files[i] == nil {
				return nil
			}
			return files[i].Data()
		})
	})
	b.put("claims.json", f)
	inc.remember("claims.json", key, f)
}

// search makes the search index and pages a lazy group, or reuses the
// last build's when no article changed.
func (inc *incState) search(b *builder, articles []*render.Article) {
	// What the index holds of each article, by its place, kept for a
	// later patch to change one.
	if len(inc.searchKeys) != len(articles) {
		inc.searchKeys = make([]hash, len(articles))
		var kb keyer
		for i, a := range articles {
			inc.searchKeys[i] = inc.searchKey(&kb, a)
		}
	}
	k := newKeyer(inc.m.pageKey, "search")
	k.buf = slices.Grow(k.buf, len(articles)*len(hash{}))
	for _, l := range slices.Sorted(maps.Keys(b.searchPages)) {
		k.str(l, b.searchPages[l])
	}
	for _, h := range inc.searchKeys {
		k.sum32(h)
	}
	key := k.sum()
	if g, ok := inc.m.groups[search.Dir]; ok && g.key == key {
		inc.out.putGroup(g)
		return
	}
	inc.out.putGroup(&group{dir: search.Dir, key: key, fn: func() map[string][]byte {
		c := &collector{}
		fb := b.fork(c)
		if err := fb.writeSearch(context.Background(), articles); err != nil {
			return nil
		}
		out := make(map[string][]byte, len(c.files))
		for name, f := range c.files {
			out[name] = f.data
		}
		return out
	}})
}

// searchKey is the key of what the search index holds of a.
func (inc *incState) searchKey(k *keyer, a *render.Article) hash {
	k.buf = k.buf[:0]
	k.sum32(inc.articleKey(a))
	k.str(a.Path)
	return k.sum()
}

// fork returns a builder that writes to out what b would, with b's
// settings and renderer, for lazy files made after the build.
func (b *builder) fork(out Output) *builder {
	cfg := b.cfg
	cfg.Out = out
	return &builder{
		cfg: cfg, res: &Result{}, conf: b.conf, cat: b.cat, r: b.r,
		feeds: b.feeds, searchPages: b.searchPages, taxonomies: b.taxonomies, claimIdx: b.claimIdx,
	}
}

// A keyer hashes the parts of a key, each length-prefixed, so that no two
// lists of parts hash alike. It gathers them in a buffer and hashes that
// once: keys are small and many.
type keyer struct {
	buf []byte
}

func newKeyer(base hash, kind string) *keyer {
	k := &keyer{buf: make([]byte, 0, 256)}
	k.buf = append(k.buf, base[:]...)
	k.str(kind)
	return k
}

func (k *keyer) int(ns ...int) {
	for _, n := range ns {
		k.buf = binary.LittleEndian.AppendUint64(k.buf, uint64(n))
	}
}

func (k *keyer) bool(v bool) {
	if v {
		k.int(1)
	} else {
		k.int(0)
	}
}

func (k *keyer) str(ss ...string) {
	for _, s := range ss {
		k.int(len(s))
		k.buf = append(k.buf, s...)
	}
}

func (k *keyer) bytes(b []byte) {
	k.int(len(b))
	k.buf = append(k.buf, b...)
}

func (k *keyer) sum32(h hash) { k.buf = append(k.buf, h[:]...) }

func (k *keyer) sum() hash { return sha256.Sum256(k.buf) }

// file adds the name and bytes of a source file, or its absence.
func (k *keyer) file(fsys fs.FS, name string) {
	k.str(name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		k.str("\x00absent")
		return
	}
	k.bytes(data)
}

// tree adds every file under dir, in order.
func (k *keyer) tree(fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			// A missing folder is an empty one: removing a site's last
			// template leaves the site as it was before it had any.
			if !errors.Is(err, fs.ErrNotExist) {
				k.str(p, "\x00unreadable")
			}
			return nil
		}
		if !e.IsDir() && !strings.HasPrefix(path.Base(p), ".") {
			k.file(fsys, p)
		}
		return nil
	})
}
