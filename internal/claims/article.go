package claims

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/outlet"
)

// A Claim is one claim of an article with its sources resolved.
type Claim struct {
	// Claim is the annotator's, in the article's Result: shared, not
	// copied, as a site holds every claim of every article.
	*annotate.Claim
	Source  Source
	Via     []Source
	Conduit *Source
	// Org is the body a person speaks for ("ينس ستولتنبرغ" for NATO).
	Org *Source
	// Report is the specific report the claim comes from (the citation's
	// url=, else the article's front matter sources), or "".
	Report string
	// Group is the claim's outlet in the article's sources section, and
	// Letter its back-link there: أ ب ت on Arabic pages, a b c elsewhere.
	Group  *Group
	Letter string
	// Article is the article the claim is in.
	Article *Article
}

// Marked reports whether the editor marked the claim (rather than the
// annotator finding it).
func (c *Claim) Marked() bool { return c.Origin == annotate.Marked }

// Unnamed reports whether the claim rests on an unnamed source: its
// source, or anyone in its chain, is anonymous.
func (c *Claim) Unnamed() bool {
	if c.Source.Kind == outlet.Anonymous {
		return true
	}
	for _, v := range c.Via {
		if v.Kind == outlet.Anonymous {
			return true
		}
	}
	return false
}

// Chain returns who the claim passed through, from whoever first said it
// to the source the text names: the chain behind the source, then the
// source. It has one element when there is no chain.
func (c *Claim) Chain() []Source {
	return append(slices.Clone(c.Via), c.Source)
}

// Link is the claim's span in its article, from the site root:
// "2024/putin-pyongyang/index.html#c-3f9a1e".
func (c *Claim) Link() string { return c.Article.Path + "index.html#" + c.ID }

// Role is the title of the role the claim's source, a person, held for
// its org on the article's date, in the article's language.
func (c *Claim) Role() Name {
	if c.Source.Kind != outlet.Person {
		return Name{}
	}
	org := ""
	if c.Org != nil {
		org = c.Org.ID()
	}
	return c.Source.Role(org, c.Article.Lang, c.Article.Date)
}

// Display returns the claim's text as a reader sees it on its page,
// without Markdown; its Text is the bytes on disk.
func (c *Claim) Display() string {
	if c.Plain != "" {
		return c.Plain
	}
	return c.Text
}

// Quote returns the words the claim quotes, without the quotation marks,
// for a direct quote; else the claim's text as Display gives it.
func (c *Claim) Quote() string {
	t := c.Display()
	if c.Type != annotate.Direct {
		return t
	}
	open := strings.IndexAny(t, "“\"«„")
	if open < 0 {
		return t
	}
	rest := t[open:]
	_, size := utf8.DecodeRuneInString(rest)
	rest = rest[size:]
	end := strings.LastIndexAny(rest, "”\"»“")
	if end <= 0 {
		return strings.TrimSpace(rest)
	}
	return strings.TrimSpace(rest[:end])
}

// A Group is one outlet in an article's sources section, with the claims
// the article attributes to it.
type Group struct {
	Source Source
	// N is the group's number in the section, from 1, in the order the
	// text first cites the outlets; print shows it as the footnote marker.
	N      int
	Claims []*Claim
	// Reports are the distinct report URLs cited for the outlet.
	Reports []string
}

// Article is what one article's claims show: each claim resolved, the
// sources section and the sourcing strip.
type Article struct {
	// Result is the annotator's result, as "isnad annotate" prints it.
	Result *annotate.Result
	// Title, Lang, Dir, Path (the page's folder from the site root) and
	// Date are the article's, for outlet pages that list its claims.
	Title, Lang, Dir, Path string
	Date                   time.Time
	// Claims are in document order.
	Claims []*Claim
	// Groups are the sources section: one per outlet, in the order the
	// text first cites them, then outlets the front matter names with no
	// claim.
	Groups []*Group
	// Statements are the unattributed statements the page marks: the
	// result's, less table cells and the like.
	Statements []annotate.Span
	Strip      Strip
	byID       map[string]*Claim
}

// Options describe the article a result is about.
type Options struct {
	Registry               *outlet.Registry
	Title, Lang, Dir, Path string
	Date                   time.Time
	// Sources maps registry ids to the report the article cites (front
	// matter "sources").
	Sources map[string]string
	// Statements are the unattributed statements to count and mark; nil
	// means the result's.
	Statements []annotate.Span
}

// NewArticle resolves the claims of res against the registry and groups
// them by outlet.
func NewArticle(res *annotate.Result, opt Options) *Article {
	a := &Article{Result: res, Title: opt.Title, Lang: opt.Lang, Dir: opt.Dir, Path: opt.Path, Date: opt.Date,
		Statements: opt.Statements, byID: map[string]*Claim{}}
	if a.Statements == nil {
		a.Statements = res.Unattributed
	}
	lang := opt.Lang
	reg := opt.Registry
	groups := map[string]*Group{}
	for i := range res.Claims {
		rc := &res.Claims[i]
		c := &Claim{Claim: rc, Article: a, Source: resolve(reg, rc.Source, lang)}
		for _, v := range rc.Via {
			c.Via = append(c.Via, resolve(reg, v, lang))
		}
		if rc.Conduit != nil {
			s := resolve(reg, *rc.Conduit, lang)
			c.Conduit = &s
		}
		if rc.Org != nil {
			s := resolve(reg, *rc.Org, lang)
			c.Org = &s
		}
		c.Report = rc.URL
		if c.Report == "" && c.Source.ID() != "" {
			c.Report = opt.Sources[c.Source.ID()]
		}
		g := groups[c.Source.Key]
		if g == nil {
			g = &Group{Source: c.Source, N: len(a.Groups) + 1}
			groups[c.Source.Key] = g
			a.Groups = append(a.Groups, g)
		}
		g.Claims = append(g.Claims, c)
		c.Group = g
		c.Letter = i18n.Ordinal(lang, len(g.Claims))
		if c.Report != "" && !slices.Contains(g.Reports, c.Report) {
			g.Reports = append(g.Reports, c.Report)
		}
		a.Claims = append(a.Claims, c)
		a.byID[c.ID] = c
	}
	// Reports the front matter cites with no claim still belong in the
	// section.
	ids := make([]string, 0, len(opt.Sources))
	for id := range opt.Sources {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := resolve(reg, annotate.Source{ID: id}, lang)
		u := opt.Sources[id]
		if g := groups[s.Key]; g != nil {
			if u != "" && !slices.Contains(g.Reports, u) {
				g.Reports = append(g.Reports, u)
			}
			continue
		}
		g := &Group{Source: s, N: len(a.Groups) + 1}
		if u != "" {
			g.Reports = []string{u}
		}
		groups[s.Key] = g
		a.Groups = append(a.Groups, g)
	}
	a.Strip = newStrip(a)
	return a
}

// Claim returns the claim with the given id, or nil.
func (a *Article) Claim(id string) *Claim {
	if a == nil {
		return nil
	}
	return a.byID[id]
}

// Cited reports whether the article has claims or cited reports to show.
func (a *Article) Cited() bool { return a != nil && len(a.Groups) > 0 }

// Strip is an article's sourcing at a glance.
type Strip struct {
	Claims  int // claims in the article
	Sources int // distinct sources they are attributed to
	// Statements counts claims and unattributed statements together;
	// Unattributed the latter, and Share is their percentage, rounded.
	Statements, Unattributed, Share int
	// Unnamed counts claims resting on an unnamed source.
	Unnamed int
	// Kinds counts claims by their source's kind, in a fixed order,
	// leaving out kinds with none.
	Kinds []KindCount
	// Outlets are the article's outlets with claims, most claims first
	// (ties in the text's order).
	Outlets []*Group
}

// A KindCount is how many claims come from sources of one kind.
type KindCount struct {
	Kind outlet.Kind
	N    int
}

// kindOrder is the order kinds appear in the strip: the press, then
// official bodies and people, then the unnamed.
var kindOrder = []outlet.Kind{
	outlet.Agency, outlet.Newspaper, outlet.Magazine, outlet.Broadcaster, outlet.Website,
	outlet.Official, outlet.Organization, outlet.Person, outlet.Anonymous,
}

func newStrip(a *Article) Strip {
	s := Strip{Claims: len(a.Claims), Unattributed: len(a.Statements)}
	s.Statements = s.Claims + s.Unattributed
	if s.Statements > 0 {
		s.Share = (200*s.Unattributed + s.Statements) / (2 * s.Statements)
	}
	count := map[outlet.Kind]int{}
	for _, c := range a.Claims {
		count[c.Source.Kind]++
		if c.Unnamed() {
			s.Unnamed++
		}
	}
	for _, k := range kindOrder {
		if count[k] > 0 {
			s.Kinds = append(s.Kinds, KindCount{k, count[k]})
			delete(count, k)
		}
	}
	// Kinds a newer registry may add go last, in a stable order.
	var rest []outlet.Kind
	for k := range count {
		rest = append(rest, k)
	}
	slices.Sort(rest)
	for _, k := range rest {
		s.Kinds = append(s.Kinds, KindCount{k, count[k]})
	}
	for _, g := range a.Groups {
		if len(g.Claims) > 0 {
			s.Outlets = append(s.Outlets, g)
		}
	}
	s.Sources = len(s.Outlets)
	slices.SortStableFunc(s.Outlets, func(x, y *Group) int { return len(y.Claims) - len(x.Claims) })
	return s
}
