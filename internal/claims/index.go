package claims

import (
	"cmp"
	"slices"

	"github.com/isnad/isnad/internal/i18n"
)

// An Outlet is one source across the site, with every claim it takes part
// in, newest first.
type Outlet struct {
	Source Source
	// By are the claims attributed to it; Via those it passed on, as a
	// link in a chain behind another source; To those made to it as a
	// conduit ("told Reuters"); For those its people made on its behalf
	// (Stoltenberg for NATO).
	By, Via, To, For []*Claim
}

// Count is the number of claims the outlet takes part in.
func (o *Outlet) Count() int { return len(o.By) + len(o.Via) + len(o.To) + len(o.For) }

// Articles is the number of distinct articles its claims are in.
func (o *Outlet) Articles() int {
	seen := map[*Article]bool{}
	for _, l := range [][]*Claim{o.By, o.Via, o.To, o.For} {
		for _, c := range l {
			seen[c.Article] = true
		}
	}
	return len(seen)
}

// An Index gathers the claims of every article by source, for the outlet
// pages.
type Index struct {
	// Outlets are the registry's sources that take part in a claim or
	// that an article cites, most claims first, ties in the collation
	// order of the site's language; Unlisted the same for sources
	// outside the registry.
	Outlets, Unlisted []*Outlet
	byKey             map[string]*Outlet
}

// NewIndex gathers the claims of articles. lang is the site's language,
// whose collation orders names with as many claims.
func NewIndex(articles []*Article, lang string) *Index {
	x := &Index{byKey: map[string]*Outlet{}}
	get := func(s Source) *Outlet {
		o := x.byKey[s.Key]
		if o == nil {
			o = &Outlet{Source: s}
			x.byKey[s.Key] = o
			if s.Registered() {
				x.Outlets = append(x.Outlets, o)
			} else {
				x.Unlisted = append(x.Unlisted, o)
			}
		}
		return o
	}
	for _, a := range articles {
		if a == nil {
			continue
		}
		for _, c := range a.Claims {
			o := get(c.Source)
			o.By = append(o.By, c)
			for _, v := range c.Via {
				if v.Key != c.Source.Key {
					o := get(v)
					o.Via = appendOnce(o.Via, c)
				}
			}
			if c.Conduit != nil {
				o := get(*c.Conduit)
				o.To = append(o.To, c)
			}
			if c.Org != nil && c.Org.Key != c.Source.Key {
				o := get(*c.Org)
				o.For = append(o.For, c)
			}
		}
		for _, g := range a.Groups {
			get(g.Source)
		}
	}
	for _, o := range x.byKey {
		for _, l := range [][]*Claim{o.By, o.Via, o.To, o.For} {
			slices.SortStableFunc(l, newestFirst)
		}
	}
	for _, l := range [][]*Outlet{x.Outlets, x.Unlisted} {
		names := i18n.NewCollator(lang)
		slices.SortStableFunc(l, func(a, b *Outlet) int {
			if c := cmp.Compare(b.Count(), a.Count()); c != 0 {
				return c
			}
			if c := names.Compare(a.Source.Name(lang).Text, b.Source.Name(lang).Text); c != 0 {
				return c
			}
			return cmp.Compare(a.Source.Key, b.Source.Key)
		})
	}
	return x
}

func appendOnce(l []*Claim, c *Claim) []*Claim {
	if len(l) > 0 && l[len(l)-1] == c {
		return l
	}
	return append(l, c)
}

// newestFirst orders claims by their article's date, newest first, then
// by article, then as they come in the text.
func newestFirst(a, b *Claim) int {
	if c := b.Article.Date.Compare(a.Article.Date); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Article.Path, b.Article.Path); c != 0 {
		return c
	}
	return cmp.Compare(a.Start, b.Start)
}

// Lookup returns the outlet with the given key, or nil.
func (x *Index) Lookup(key string) *Outlet { return x.byKey[key] }

// All returns every outlet, the registry's first.
func (x *Index) All() []*Outlet { return append(slices.Clone(x.Outlets), x.Unlisted...) }

// A Section is one list of an outlet page: the claims attributed to it
// ("by"), made to it ("to"), made on its behalf ("for") or passed on
// through it ("via").
type Section struct {
	Name string
	// Claims are the section's claims on one page; Total counts them on
	// every page, and Start is the 1-based number of the first here.
	Claims       []*Claim
	Total, Start int
}

// Pages cuts the outlet's claims into pages of at most size claims
// (every claim on one page when size < 1), in the order the page lists
// them: by, to, for, via, each newest first. A page holds the sections
// its claims belong to. An outlet with no claims has one empty page.
func (o *Outlet) Pages(size int) [][]Section {
	all := []Section{{Name: "by", Claims: o.By}, {Name: "to", Claims: o.To}, {Name: "for", Claims: o.For}, {Name: "via", Claims: o.Via}}
	total := o.Count()
	if size < 1 || total <= size {
		size = max(total, 1)
	}
	pages := [][]Section{nil}
	room := size
	for _, s := range all {
		for i := 0; i < len(s.Claims); {
			if room == 0 {
				pages = append(pages, nil)
				room = size
			}
			n := min(room, len(s.Claims)-i)
			last := len(pages) - 1
			pages[last] = append(pages[last], Section{Name: s.Name, Claims: s.Claims[i : i+n], Total: len(s.Claims), Start: i + 1})
			i += n
			room -= n
		}
	}
	return pages
}

// Page is page i (0-based) of Pages(size), and how many pages there are,
// without cutting the others: a source with thousands of pages has each
// made on its own. It returns nil sections when i is out of range.
func (o *Outlet) Page(size, i int) ([]Section, int) {
	total := o.Count()
	if size < 1 || total <= size {
		size = max(total, 1)
	}
	n := max(1, (total+size-1)/size)
	if i < 0 || i >= n {
		return nil, n
	}
	// The page holds the claims from first to first+size in the order
	// by, to, for, via.
	first, end := i*size, min((i+1)*size, total)
	var page []Section
	at := 0
	for _, s := range [...]Section{{Name: "by", Claims: o.By}, {Name: "to", Claims: o.To}, {Name: "for", Claims: o.For}, {Name: "via", Claims: o.Via}} {
		lo, hi := max(first, at), min(end, at+len(s.Claims))
		if lo < hi {
			page = append(page, Section{Name: s.Name, Claims: s.Claims[lo-at : hi-at], Total: len(s.Claims), Start: lo - at + 1})
		}
		at += len(s.Claims)
	}
	return page, n
}
