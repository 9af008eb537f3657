package render

import (
	"html/template"
	"time"

	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
)

// Page kinds, one template each.
const (
	KindArticle = "article"
	KindList    = "list"  // the home page
	KindTerm    = "term"  // the articles of one tag
	KindTerms   = "terms" // every tag
	Kind404     = "404"
	KindSearch  = "search"  // the search page
	KindOutlet  = "outlet"  // one source and every claim it takes part in
	KindOutlets = "outlets" // every source, most claims first
)

// A Page is what a page template runs with.
type Page struct {
	Kind string
	Site *Site
	// Lang and Dir are the page's language and direction: the article's
	// on article pages, the site's default language elsewhere.
	Lang, Dir string
	Title     string
	// Root is the relative path from this page to the site root, "" on
	// the home page and "../../" two folders down; prefix it to any
	// site path to link there from file:// or any subpath.
	Root string
	// Path is the page's folder from the site root, "2024/putin-pyongyang/";
	// "" for the home page.
	Path string
	// Permalink is the page's absolute URL when the site has a base URL.
	Permalink string
	// Article is the article of an article page.
	Article *Article
	// Articles are the articles listed by the home and term pages, newest
	// first.
	Articles []*Article
	// Term is the tag of a term page; Terms the tags of the terms page.
	Term  *Term
	Terms []*Term
	// Taxonomy is the plural of the term's taxonomy, "tags".
	Taxonomy string
	// Count is the number of articles a list shows over all its pages.
	Count int
	// Pager places a list page among its siblings; nil when the list is
	// on one page.
	Pager *Pager
	// Search is what the search page offers; nil on other pages.
	Search *Search
	// Outlet is the source of an outlet page; Outlets the index of the
	// outlets page (and of every page, for links).
	Outlet  *claims.Outlet
	Outlets *claims.Index
	// Sections are the lists of claims on this page of an outlet page.
	Sections []claims.Section
	// jsonLD makes the page's schema.org description (see JSONLD); nil
	// for none. ld is what it made.
	jsonLD func() template.JS
	ld     *template.JS
}

// JSONLD is the page's schema.org description, for a <script
// type="application/ld+json">; "" for none. It is made when a template
// asks for it, so templates that show none do not pay for it.
func (p *Page) JSONLD() template.JS {
	if p.jsonLD == nil {
		return ""
	}
	if p.ld == nil {
		ld := p.jsonLD()
		p.ld = &ld
	}
	return *p.ld
}

// SetJSONLD says how to make the page's JSONLD; make runs the first time
// a template asks.
func (p *Page) SetJSONLD(make func() template.JS) { p.jsonLD, p.ld = make, nil }

// HasJSONLD reports whether the page has a way to make its JSONLD.
func (p *Page) HasJSONLD() bool { return p.jsonLD != nil }

// Search is what the search page offers besides its form.
type Search struct {
	// Outlets are the sources articles cite, to filter results by,
	// sorted by name in the page's language.
	Outlets []SearchOutlet
	// Langs are the languages articles are written in.
	Langs []string
	// Articles is the number of articles indexed.
	Articles int
	// Digits is how the page writes numbers: latn, arab or arabext.
	Digits string
	// Counts are the forms of "N results" in the page's language, by CLDR
	// plural category, "{n}" standing for the number.
	Counts []PluralForm
}

// A PluralForm is one plural form of a string.
type PluralForm struct {
	Category string // zero, one, two, few, many or other
	Text     string
}

// A SearchOutlet is a source search results can be filtered to.
type SearchOutlet struct {
	// ID is the source's key (its folder under outlets/); Name its short
	// name, in Lang.
	ID, Name, Lang string
	// Articles is the number of articles that cite it.
	Articles int
}

// A Feed is one of the site's Atom feeds.
type Feed struct {
	// Lang is the language of the feed's articles; "" for the feed of
	// every article.
	Lang string
	// Link is the feed's file from the site root, "feed.xml".
	Link string
}

// A Pager places one page of a long list among the others.
type Pager struct {
	Number, Total int // 1-based
	// Prev and Next are the files of the newer and the older page, from
	// the site root ("index.html", "page/3/index.html"); "" at either end.
	Prev, Next string
}

// Site is what every page knows of the site.
type Site struct {
	Config *config.Config
	// Title and Description are in the page's language.
	Title, Description string
	// Langs are the configured languages, the default first.
	Langs []string
	// Generator names the program, for <meta name="generator">.
	Generator string
	// Feeds are the site's Atom feeds, the one of every article first;
	// empty when the site has no full base URL to give feeds.
	Feeds []Feed
	// SearchPages are the folders of the search pages by language,
	// "search/" for the default one and "search/en/" for English.
	SearchPages map[string]string
	// DefaultLang is the site's default language.
	DefaultLang string
}

// SearchPage returns the file of the search page in lang, else of the
// default language's, from the site root; "" when the site has none.
func (s *Site) SearchPage(lang string) string {
	if p, ok := s.SearchPages[lang]; ok {
		return p + "index.html"
	}
	if p, ok := s.SearchPages[s.DefaultLang]; ok {
		return p + "index.html"
	}
	return ""
}

// An Article is one rendered article, with everything templates show.
type Article struct {
	Doc *content.Doc
	// Title, Lang and Dir come from the Doc.
	Title, Lang, Dir string
	// Path is the article's folder from the site root,
	// "2024/putin-pyongyang/"; Link is the file to link to,
	// "2024/putin-pyongyang/index.html", which works from file:// too.
	Path, Link string
	Date       time.Time
	Lastmod    time.Time
	Authors    []string
	// Summary is the front matter summary, else the start of the first
	// paragraph, as plain text.
	Summary string
	// Body is the article's HTML.
	Body template.HTML
	// Headings are the body's level-two and level-three headings, for a
	// table of contents.
	Headings []Heading
	// Terms are the article's taxonomy terms by taxonomy plural ("tags").
	Terms map[string][]*Term
	// Translations are the articles that share this one's translationKey.
	Translations []*Article
	// Claims holds what the annotator found in the article: its claims
	// with their sources resolved, its sources section and sourcing
	// strip. It is nil when the renderer has no annotator.
	Claims *claims.Article
	// Words is the number of words in the body, for reading time.
	Words int
	// Text is the body as plain text, one line per heading, paragraph,
	// list item or table cell, for the search index. Code is left out.
	Text string
}

// A Heading is a section heading in an article body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// A Term is a tag (or a term of another taxonomy) with its articles.
type Term struct {
	Name     string
	Taxonomy string
	// Path is the term page's folder, "tags/روسيا/"; Link its file.
	Path, Link string
	// Lang is the language most of its articles are in, for dir="auto"
	// isolation of the name.
	Lang     string
	Articles []*Article
}
