package site

import (
	"context"
	"maps"
	"slices"
	"weak"

	"golang.org/x/sync/errgroup"

	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/render"
)

// lastBuild is what Builder.patch needs of the last build that finished:
// its articles in order, what it knew of them, its snapshot and result.
//
// A general build cancelled after it leaves it whole: the general build
// has memories of its own, which a cancelled build may leave halfway, and
// these are not shared: the articles as that build loaded them, and the
// outlet slots it filled, by id.
type lastBuild struct {
	b        *builder
	inc      *incState
	articles []*render.Article
	at       map[string]int // each article's place in articles, by content path
	docs     map[string]*docMemo
	slots    []*outletSlot
	snap     *Snapshot
	res      *Result
}

// keepLast remembers a finished build for the next patch.
func (bl *Builder) keepLast(b *builder, inc *incState, snap *Snapshot, res *Result) {
	n := len(inc.articles)
	if bl.m.disk != nil || inc.articles == nil || len(inc.claimKeys) != n || len(inc.searchKeys) != n {
		return
	}
	at := make(map[string]int, len(inc.articles))
	for i, a := range inc.articles {
		at[a.Doc.Path] = i
	}
	var slots []*outletSlot
	if bl.m.outlets != nil {
		slots = slices.Clone(bl.m.outlets.slots)
	}
	bl.last = &lastBuild{b: b, inc: inc, articles: inc.articles, at: at, docs: maps.Clone(bl.m.docs), slots: slots, snap: snap, res: res}
}

// patch makes the next snapshot out of the last one, when the change is
// an edit to one article that leaves the shape of the site as it was: the
// article keeps its URL, date, last modification, language, direction,
// terms and translations (and its title, when it has translations), and
// the sources it cites stay in the site with as many pages each. That is
// what saving an article's text is, and the preview server's common
// case; then the cost of a build is that of the article and the pages
// that show it, not of the site.
//
// It re-renders the article's body and page and its claims.json, and
// puts lazily the list and term pages it is on, the outlet pages of the
// sources it cites or cited, and the site's claims.json and search index
// when their keys changed (and the feeds, made now); every other file is
// shared with the last snapshot. The keys are the general build's, so the two make the same
// bytes and can follow one another (TestBuilderPatch).
//
// It reports false when it cannot patch, having changed nothing the
// general build relies on; res is then to be reset. A ctx cancelled
// before it starts changing its memory ends it with nothing changed, and
// so does a mistake in the article, reported in res: the fix is patched
// from the last good build.
func (bl *Builder) patch(ctx context.Context, changed []string, res *Result) (*Snapshot, bool, error) {
	m := &bl.m
	lb := bl.last
	if lb == nil || !m.ready || m.disk != nil || len(changed) == 0 {
		return nil, false, nil
	}
	b0 := lb.b
	src := bl.cfg.Source
	opt := content.Options{Dir: "content", DefaultLang: b0.conf.DefaultLang}
	target := ""
	for _, p := range changed {
		art := p
		if txt := content.SidecarOf(p); txt != "" {
			art = txt
		}
		if !content.IsArticle(art, opt) || target != "" && art != target {
			return nil, false, nil
		}
		target = art
	}
	old := lb.docs[target]
	i, ok := lb.at[target]
	if old == nil || old.doc == nil || old.body == nil || !ok || lb.articles[i].Doc != old.doc {
		return nil, false, nil
	}
	d, loadDiags := content.LoadFile(src, target, opt)
	if d == nil {
		return nil, false, nil
	}
	// The article's diagnostics are replaced by its new ones; the
	// others stay.
	ownFile := func(f string) bool {
		return f == target || f != "" && (f == old.doc.MetaPath || f == d.MetaPath)
	}
	var kept diag.List
	for _, dg := range lb.res.Diags {
		if !ownFile(dg.Pos.File) {
			kept = append(kept, dg)
		}
	}
	if len(lb.res.Diags)-len(kept) != len(old.diags)+len(old.bodyDiags) {
		return nil, false, nil
	}
	if loadDiags.HasErrors() {
		// A mistake in the article: the build fails with it, and
		// the last build stays the one to patch once it is fixed.
		*res = Result{Diags: append(kept, loadDiags...)}
		bl.stale = []string{target}
		return nil, true, nil
	}
	key := docKey(src, target, d)
	if key == old.key {
		// Saved as it was: the same site.
		snap := &Snapshot{files: lb.snap.files, groups: lb.snap.groups, parent: weak.Make(lb.snap), Work: Work{Patched: true}}
		*res = *lb.res
		res.Diags = slices.Clone(lb.res.Diags)
		m.docs[target] = old // a cancelled build may have left another
		last := *lb
		last.snap, last.res = snap, res
		bl.last, bl.stale = &last, nil
		return snap, true, nil
	}

	x := lb.articles[i]
	out := &collector{}
	cfg := bl.cfg
	cfg.Out = out
	inc := &incState{m: m, out: out, akeys: lb.inc.akeys, cards: lb.inc.cards,
		outletUsed: lb.inc.outletUsed, outletSet: lb.inc.outletSet}
	inc.siteOnce.Do(func() { inc.site = lb.inc.site })
	*res = Result{Diags: kept}
	b := &builder{cfg: cfg, res: res, inc: inc, conf: b0.conf, cat: b0.cat, r: b0.r,
		feeds: b0.feeds, searchPages: b0.searchPages, taxonomies: b0.taxonomies}
	ys := b.articles([]*content.Doc{d})
	if len(ys) != 1 || !sameShape(b, x, ys[0]) {
		return nil, false, nil
	}
	y := ys[0]
	bodyDiags := b.r.Body(ctx, d, y)
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	if bodyDiags.HasErrors() {
		*res = Result{Diags: append(append(kept, loadDiags...), bodyDiags...)}
		bl.stale = []string{target}
		return nil, true, nil
	}
	if (x.Claims == nil) != (y.Claims == nil) {
		return nil, false, nil
	}
	var ym []mention
	if y.Claims != nil {
		if old.mentions == nil {
			return nil, false, nil
		}
		ym = mentions(y.Claims)
		if ym == nil {
			ym = []mention{}
		}
		inc.mu.Lock()
		for j := range ym {
			ym[j].id = inc.outletID(ym[j].src.Key)
		}
		inc.mu.Unlock()
	}
	slots, ok := outletChanges(lb.slots, i, old.mentions, ym, b.conf.Paginate)
	if !ok {
		return nil, false, nil
	}

	// From here on the memory changes: a failure forgets the last build,
	// and the general build, whose memory stays whole, takes over.
	bl.last = nil
	saved := *y
	dm := &docMemo{key: key, doc: d, diags: loadDiags, body: &saved, bodyDiags: bodyDiags, mentions: ym}
	m.docs[target], lb.docs[target] = dm, dm
	b.addDiags(loadDiags)
	b.addDiags(bodyDiags)
	inc.bodies.Add(1)
	delete(inc.akeys, x)
	delete(inc.cards, x)
	inc.akeys[y] = key
	// y takes x's place wherever the last build's articles point to it.
	y.Terms, y.Translations = x.Terms, x.Translations
	for _, t := range y.Translations {
		if j := slices.Index(t.Translations, x); j >= 0 {
			t.Translations[j] = y
		}
	}
	articles := slices.Clone(lb.articles)
	articles[i] = y
	inc.articles = articles

	// The pages that show the article, on every core, while the rest
	// is worked out.
	pages := []*render.Page{b.articlePage(y), b.paginated("", articles, pageOf(b, i, len(articles)), b.listPage)}
	for _, plural := range slices.Sorted(maps.Keys(y.Terms)) {
		for _, t := range y.Terms[plural] {
			j := slices.Index(t.Articles, x)
			if j < 0 {
				return nil, false, nil
			}
			t.Articles[j] = y
			pages = append(pages, b.paginated(t.Path, t.Articles, pageOf(b, j, len(t.Articles)), b.termPage(plural, t)))
		}
	}
	// The article's page now, on its own core; the list and term pages,
	// whose cards show it, lazily: a reader of the article waits only for
	// its page.
	var g errgroup.Group
	g.Go(func() error {
		inc.page(b, pageFile(pages[0]), pages[0])
		return nil
	})
	for _, p := range pages[1:] {
		inc.lazyPage(b, pageFile(p), p)
	}
	if y.Claims != nil {
		inc.patchOutlets(b, articles, i, y, slots)
	}
	ok = inc.patchClaims(b, articles, i, y, lb.inc)
	var kb keyer
	inc.searchKeys = slices.Clone(lb.inc.searchKeys)
	inc.searchKeys[i] = inc.searchKey(&kb, y)
	inc.search(b, articles)
	if b.feeds != nil && !inc.reuseFeeds(b, articles) {
		ok = false
	}
	g.Wait()
	if !ok {
		return nil, false, nil
	}
	if res.Diags.HasErrors() {
		return nil, false, nil
	}

	// The snapshot: the last one's files, with this build's in their
	// place.
	files := maps.Clone(lb.snap.files)
	var diff []string
	var bytes int64
	for name, f := range out.files {
		o, had := files[name]
		if had && o == f {
			continue
		}
		if !had || o.Hash != f.Hash {
			diff = append(diff, name)
		}
		if had && !o.Lazy() {
			bytes -= int64(len(o.data))
		}
		if !f.Lazy() {
			bytes += int64(len(f.data))
		}
		files[name] = f
	}
	groups := lb.snap.groups
	if len(out.groups) > 0 {
		groups = maps.Clone(groups)
		for dir, g := range out.groups {
			if o, had := groups[dir]; !had || o.key != g.key {
				diff = append(diff, dir)
			}
			groups[dir] = g
			m.groups[dir] = g
		}
	}
	slices.Sort(diff)
	snap := &Snapshot{files: files, groups: groups, parent: weak.Make(lb.snap), diff: diff,
		Work: Work{Loaded: 1, Bodies: int(inc.bodies.Load()), Pages: int(inc.pages.Load()), Patched: true}}
	res.Articles, res.Pages, res.Files = lb.res.Articles, lb.res.Pages, lb.res.Files
	res.Bytes = lb.res.Bytes + bytes
	res.Sources, res.nextFuture = lb.res.Sources, lb.res.nextFuture
	bl.last, bl.stale = &lastBuild{b: b, inc: inc, articles: articles, at: lb.at, docs: lb.docs, slots: lb.slots, snap: snap, res: res}, nil
	return snap, true, nil
}

// sameShape reports whether y can take x's place in the site without
// moving in any list, term or translation.
func sameShape(b *builder, x, y *render.Article) bool {
	if x.Path != y.Path || !x.Date.Equal(y.Date) || !x.Lastmod.Equal(y.Lastmod) || x.Lang != y.Lang || x.Dir != y.Dir ||
		x.Doc.Meta.TranslationKey != y.Doc.Meta.TranslationKey || x.Doc.Meta.Draft != y.Doc.Meta.Draft {
		return false
	}
	if len(x.Translations) > 0 && x.Title != y.Title {
		return false
	}
	for _, plural := range b.conf.Taxonomies {
		if !slices.Equal(x.Doc.Meta.Terms(plural), y.Doc.Meta.Terms(plural)) {
			return false
		}
	}
	return true
}

// pageOf is the page, from 1, that paginate puts the i-th of n articles
// on.
func pageOf(b *builder, i, n int) int {
	if b.pagesOf(n) == 1 {
		return 1
	}
	return i/b.conf.Paginate + 1
}

// An outletChange is what an edit does to one source's claims: the
// article's mention of it before and after (nil for none).
type outletChange struct {
	o        *outletSlot
	old, new *mention
}

// outletChanges works out, without changing anything, how the edit of the
// article at i from mentions xm to ym changes the sources' pages, and
// reports false when a patch cannot follow it: a source gains or loses its
// pages, is named otherwise, or changes its number of pages.
func outletChanges(slots []*outletSlot, i int, xm, ym []mention, size int) ([]outletChange, bool) {
	byID := map[int]*outletChange{}
	for j := range xm {
		c := byID[xm[j].id]
		if c == nil {
			c = &outletChange{}
			byID[xm[j].id] = c
		}
		c.old = &xm[j]
	}
	for j := range ym {
		c := byID[ym[j].id]
		if c == nil {
			c = &outletChange{}
			byID[ym[j].id] = c
		}
		c.new = &ym[j]
	}
	var out []outletChange
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		c := byID[id]
		if id >= len(slots) {
			return nil, false
		}
		o := slots[id]
		c.o = o
		switch {
		case !o.used: // a source new to the site
			return nil, false
		case c.old != nil && c.new == nil && (o.mentioned == 1 || i == o.first):
			// The source loses its pages, or the article that names
			// it first.
			return nil, false
		case c.new != nil && i <= o.first && c.new.src != o.src:
			return nil, false
		}
		totals := o.totals
		if c.old != nil {
			for s, n := range c.old.counts {
				totals[s] -= n
			}
		}
		if c.new != nil {
			for s, n := range c.new.counts {
				totals[s] += n
			}
		}
		before, _ := o.layout(size)
		after, _ := (&outletSlot{totals: totals}).layout(size)
		if before != after {
			return nil, false
		}
		out = append(out, *c)
	}
	return out, true
}

// patchOutlets files the edited article y, at i, under the sources it
// names now, and puts lazily the pages whose keys changed.
func (inc *incState) patchOutlets(b *builder, articles []*render.Article, i int, y *render.Article, slots []outletChange) {
	if len(slots) == 0 {
		return
	}
	yk := inc.cardKey(y)
	for _, c := range slots {
		o := c.o
		var oc, nc [4]int
		if c.old != nil {
			oc = c.old.counts
			o.mentioned--
		}
		if c.new != nil {
			nc = c.new.counts
			o.mentioned++
			if i < o.first {
				o.first = i
			}
		}
		sum := func(cs [4]int) int { return cs[0] + cs[1] + cs[2] + cs[3] }
		if sum(oc) > 0 {
			o.articles--
		}
		if sum(nc) > 0 {
			o.articles++
		}
		for s := range o.sections {
			runs := o.sections[s]
			j, found := slices.BinarySearchFunc(runs, i, func(r outletRun, at int) int { return r.at - at })
			o.totals[s] += nc[s] - oc[s]
			switch {
			case nc[s] > 0 && found:
				runs[j] = outletRun{yk, nc[s], i}
			case nc[s] > 0:
				runs = slices.Insert(runs, j, outletRun{yk, nc[s], i})
			case found:
				runs = slices.Delete(runs, j, j+1)
			}
			o.sections[s] = runs
		}
	}
	_, indexKey := inc.outletKeys(b, inc.outletUsed)
	lz := inc.newOutletLazy(b, articles)
	if inc.reuse("outlets/index.html", indexKey) == nil {
		lz.index(indexKey)
	}
	var kb keyer
	for _, c := range slots {
		o := c.o
		n, per := o.layout(b.conf.Paginate)
		// With as many claims as before, only the pages that list
		// the article's are new; else every page of the source is.
		var want func(int) bool
		if c.old != nil && c.new != nil && c.old.counts == c.new.counts {
			pages := o.pagesWith(i, per)
			want = func(p int) bool { return slices.Contains(pages, p) }
		}
		keys := o.pageKeys(&kb, inc.outletSet, n, per, want)
		names := slices.Clone(o.names(n))
		for p := 1; p <= n; p++ {
			if (want == nil || want(p-1)) && inc.reuse(names[p-1], keys[p-1]) == nil {
				lz.page(o.src, names, p, keys[p-1])
			}
		}
	}
}

// patchClaims puts the edited article's claims.json, and claims.json of
// the site when its key changed.
func (inc *incState) patchClaims(b *builder, articles []*render.Article, i int, y *render.Article, last *incState) bool {
	keys, files := slices.Clone(last.claimKeys), slices.Clone(last.claimFiles)
	if y.Claims != nil {
		var kb keyer
		keys[i] = inc.claimsKey(&kb, b, y)
		name := y.Path + "claims.json"
		f := inc.reuse(name, keys[i])
		if f == nil {
			f = NewFile(b.claimsJSON(y))
			inc.remember(name, keys[i], f)
		}
		files[i] = f
		b.put(name, f)
	}
	inc.claimKeys, inc.claimFiles = keys, files
	inc.siteClaims(b, articles, keys, files)
	return true
}

// lazyPage puts p as name lazily, made on first use, or from memory when
// its key is known and unchanged. Its articles are its own: a later patch
// changes the lists it was cut from.
func (inc *incState) lazyPage(b *builder, name string, p *render.Page) {
	key, ok := inc.pageKey(p)
	if !ok {
		inc.page(b, name, p)
		return
	}
	if f := inc.reuse(name, key); f != nil {
		b.put(name, f)
		return
	}
	p.Articles = slices.Clone(p.Articles)
	f := newLazyPage(key, func() ([]byte, diag.List) {
		data, diags := b.renderPage(p)
		if len(diags) > 0 {
			return errorPage(p, diags), diags
		}
		return data, nil
	})
	b.put(name, f)
	inc.remember(name, key, f)
}
