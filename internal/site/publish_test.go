package site

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/feed"
)

// buildMem builds src into memory, failing the test on any error.
func buildMem(t *testing.T, cfg Config) *Mem {
	t.Helper()
	var out Mem
	cfg.Out = &out
	if cfg.Defaults == nil {
		cfg.Defaults = isnad.Defaults
	}
	if cfg.Now.IsZero() {
		cfg.Now = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	res, err := Build(t.Context(), cfg)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
	return &out
}

func file(t *testing.T, out *Mem, name string) []byte {
	t.Helper()
	b, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s among %q", name, out.Names())
	}
	return b
}

// xmlDoc is an XML document read back: its root and every element with
// its attributes and text, in document order.
type xmlDoc struct {
	Root  xml.Name
	Elems []xmlElem
}

type xmlElem struct {
	Name  xml.Name
	Attrs map[string]string // by local name ("lang" for xml:lang)
	Text  string
}

func (d *xmlDoc) all(local string) []xmlElem {
	var out []xmlElem
	for _, e := range d.Elems {
		if e.Name.Local == local {
			out = append(out, e)
		}
	}
	return out
}

// readXML checks that doc is well-formed XML whose root is {ns}root and
// whose elements named in dates hold RFC 3339 dates, and reads it back.
func readXML(t *testing.T, name string, doc []byte, ns, root string, dates ...string) *xmlDoc {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var d xmlDoc
	var open []int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if d.Root.Local == "" {
				d.Root = tok.Name
			}
			e := xmlElem{Name: tok.Name, Attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.Attrs[a.Name.Local] = a.Value
			}
			d.Elems = append(d.Elems, e)
			open = append(open, len(d.Elems)-1)
		case xml.CharData:
			if len(open) > 0 {
				d.Elems[open[len(open)-1]].Text += string(tok)
			}
		case xml.EndElement:
			open = open[:len(open)-1]
		}
	}
	if d.Root != (xml.Name{Space: ns, Local: root}) {
		t.Fatalf("%s: root element %v, want {%s}%s", name, d.Root, ns, root)
	}
	for _, el := range dates {
		for _, e := range d.all(el) {
			if _, err := time.Parse(time.RFC3339, e.Text); err != nil {
				t.Errorf("%s: <%s>%s</%s> is not an RFC 3339 date", name, el, e.Text, el)
			}
		}
	}
	return &d
}

var relLinkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestFeeds builds a site with a full base URL: one Atom feed of every
// article and one per language, newest first up to the limit, dated
// articles only, in full with absolute links (issue 6, point 3).
func TestFeeds(t *testing.T) {
	out := buildMem(t, Config{Source: txtarSite(t, "publish.txt")})
	all := readXML(t, "feed.xml", file(t, out, "feed.xml"), feed.Namespace, "feed", "updated", "published")
	var ids []string
	for _, e := range all.all("id") {
		ids = append(ids, e.Text)
	}
	want := []string{"https://news.example.org/", "https://news.example.org/2024/ar/", "https://news.example.org/2024/en/"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("feed.xml ids (-want +got): the two newest dated articles, no draft, no future\n%s", diff)
	}
	if got := all.all("updated")[0].Text; got != "2024-06-22T06:00:00Z" {
		t.Errorf("feed updated %s, want the newest lastmod in UTC", got)
	}
	content := all.all("content")[0].Text
	for _, m := range relLinkRE.FindAllStringSubmatch(content, -1) {
		if !strings.HasPrefix(m[1], "https://") {
			t.Errorf("feed content links to %q; every link in a feed must be absolute", m[1])
		}
	}
	for _, want := range []string{
		`href="https://news.example.org/2024/en/index.html#top"`,
		`src="https://news.example.org/2024/ar/map.png"`,
		`href="https://news.example.org/2024/ar/#notes"`,
		`href="https://example.com/x"`,
	} {
		if !strings.Contains(content, want) {
			t.Errorf("feed content lacks %s:\n%s", want, content)
		}
	}
	self := all.all("link")[0]
	if self.Attrs["rel"] != "self" || self.Attrs["href"] != "https://news.example.org/feed.xml" {
		t.Errorf("first link %v, want rel=self to the feed", self.Attrs)
	}

	ar := readXML(t, "feed.ar.xml", file(t, out, "feed.ar.xml"), feed.Namespace, "feed", "updated", "published")
	if got := len(ar.all("entry")); got != 2 {
		t.Errorf("feed.ar.xml has %d entries, want 2 (the Arabic articles with a date, limit 2)", got)
	}
	if ar.Elems[0].Attrs["lang"] != "ar" {
		t.Errorf("feed.ar.xml: xml:lang %q", ar.Elems[0].Attrs["lang"])
	}
	en := readXML(t, "feed.en.xml", file(t, out, "feed.en.xml"), feed.Namespace, "feed", "updated", "published")
	if got := en.all("title"); len(got) != 2 || got[1].Text != "Putin in Pyongyang" {
		t.Errorf("feed.en.xml titles %v", got)
	}
	var alt []string
	for _, l := range en.all("link") {
		alt = append(alt, l.Attrs["rel"]+" "+l.Attrs["hreflang"]+" "+l.Attrs["href"])
	}
	if !slices.Contains(alt, "alternate ar https://news.example.org/2024/ar/") {
		t.Errorf("the English entry does not link its Arabic translation: %q", alt)
	}

	page := string(file(t, out, "2024/ar/index.html"))
	for _, want := range []string{
		`<link rel="alternate" type="application/atom+xml" href="../../feed.xml" title="إسناد">`,
		`<link rel="alternate" type="application/atom+xml" href="../../feed.ar.xml" title="إسناد · العربية">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Arabic page lacks %s", want)
		}
	}
	if strings.Contains(page, "feed.en.xml") {
		t.Error("the Arabic page links the English feed")
	}
}

// TestSitemapRobotsCNAME: the sitemap lists every page with its full
// address, translations with hreflang, never drafts or the 404 page;
// robots.txt names it; a custom domain gets a CNAME file.
func TestSitemapRobotsCNAME(t *testing.T) {
	out := buildMem(t, Config{Source: txtarSite(t, "publish.txt")})
	sm := readXML(t, "sitemap.xml", file(t, out, "sitemap.xml"), feed.SitemapNamespace, "urlset", "lastmod")
	var locs []string
	unlisted := 0
	for _, l := range sm.all("loc") {
		// Which names the annotator takes for sources outside the
		// registry is its business; that their pages are listed is ours.
		if strings.HasPrefix(l.Text, "https://news.example.org/outlets/unlisted/") {
			unlisted++
			continue
		}
		locs = append(locs, l.Text)
	}
	if unlisted == 0 {
		t.Error("no page of a source outside the registry in the sitemap")
	}
	want := []string{
		"https://news.example.org/",
		"https://news.example.org/2024/ar/",
		"https://news.example.org/2024/en/",
		"https://news.example.org/2024/old/",
		"https://news.example.org/2024/undated/",
		"https://news.example.org/outlets/",
		"https://news.example.org/tags/",
		"https://news.example.org/tags/russia/",
		"https://news.example.org/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/",
	}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("sitemap locs (-want +got):\n%s", diff)
	}
	var links []string
	for _, e := range sm.Elems {
		if e.Name.Local == "link" {
			if e.Name.Space != feed.XHTMLNamespace {
				t.Errorf("link element in namespace %q", e.Name.Space)
			}
			links = append(links, e.Attrs["hreflang"]+" "+e.Attrs["href"])
		}
	}
	wantLinks := []string{
		"ar https://news.example.org/2024/ar/", "en https://news.example.org/2024/en/",
		"en https://news.example.org/2024/en/", "ar https://news.example.org/2024/ar/",
	}
	if diff := cmp.Diff(wantLinks, links); diff != "" {
		t.Errorf("hreflang alternates (-want +got):\n%s", diff)
	}
	if got := string(file(t, out, "robots.txt")); got != "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
	if got := string(file(t, out, "CNAME")); got != "news.example.org\n" {
		t.Errorf("CNAME = %q", got)
	}

	// On github.io there is no CNAME; without a full base URL there are
	// no feeds and no sitemap, as they need full addresses.
	out = buildMem(t, Config{Source: txtarSite(t, "publish.txt"), BaseURL: "https://user.github.io/repo"})
	if _, ok := out.File("CNAME"); ok {
		t.Error("a github.io site got a CNAME file")
	}
	if !bytes.Contains(file(t, out, "sitemap.xml"), []byte("<loc>https://user.github.io/repo/2024/ar/</loc>")) {
		t.Error("--base-url does not replace the configuration's")
	}
	out = buildMem(t, Config{Source: txtarSite(t, "good.txt")})
	for _, name := range []string{"feed.xml", "sitemap.xml", "CNAME"} {
		if _, ok := out.File(name); ok {
			t.Errorf("a site with no base URL got %s", name)
		}
	}
	if got := string(file(t, out, "robots.txt")); got != "User-agent: *\nAllow: /\n" {
		t.Errorf("robots.txt without a base URL = %q", got)
	}
}

// TestBadBaseURLFlag: a malformed --base-url fails the build, naming the
// flag.
func TestBadBaseURLFlag(t *testing.T) {
	var out Mem
	res, err := Build(t.Context(), Config{Source: txtarSite(t, "good.txt"), Defaults: isnad.Defaults, Out: &out, BaseURL: "user.github.io/repo"})
	if err == nil || len(res.Diags) != 1 || res.Diags[0].Error() != `--base-url: baseURL "user.github.io/repo/" must start with http://, https:// or /` {
		t.Errorf("err %v, diags %v", err, res.Diags)
	}
}

// TestHeadOfTranslations: two articles sharing a translationKey link to
// each other in the page and in the head, with full addresses, each
// listing itself too; the head carries Open Graph and Twitter card tags
// (issue 6, points 3 and 4).
func TestHeadOfTranslations(t *testing.T) {
	out := buildMem(t, Config{Source: txtarSite(t, "publish.txt")})
	ar := string(file(t, out, "2024/ar/index.html"))
	en := string(file(t, out, "2024/en/index.html"))
	for _, tt := range []struct {
		page string
		want []string
	}{
		{ar, []string{
			`<link rel="canonical" href="https://news.example.org/2024/ar/">`,
			`<link rel="alternate" hreflang="ar" href="https://news.example.org/2024/ar/">`,
			`<link rel="alternate" hreflang="en" href="https://news.example.org/2024/en/">`,
			`<a href="../../2024/en/index.html" hreflang="en">Putin in Pyongyang</a>`,
			`<meta property="og:type" content="article">`,
			`<meta property="og:title" content="بوتين في بيونغ يانغ">`,
			`<meta property="og:url" content="https://news.example.org/2024/ar/">`,
			`<meta property="og:locale" content="ar_AR">`,
			`<meta property="og:locale:alternate" content="en_US">`,
			`<meta property="article:published_time" content="2024-06-20T00:00:00Z">`,
			`<meta property="article:modified_time" content="2024-06-22T06:00:00Z">`,
			`<meta property="article:tag" content="روسيا">`,
			`<meta name="twitter:card" content="summary">`,
			`<meta name="twitter:title" content="بوتين في بيونغ يانغ">`,
		}},
		{en, []string{
			`<link rel="alternate" hreflang="en" href="https://news.example.org/2024/en/">`,
			`<link rel="alternate" hreflang="ar" href="https://news.example.org/2024/ar/">`,
			`<a href="../../2024/ar/index.html" hreflang="ar">بوتين في بيونغ يانغ</a>`,
			`<meta property="og:locale" content="en_US">`,
		}},
	} {
		for _, w := range tt.want {
			if !strings.Contains(tt.page, w) {
				t.Errorf("page lacks %s", w)
			}
		}
	}
	old := string(file(t, out, "2024/old/index.html"))
	if strings.Contains(old, `hreflang`) {
		t.Error("an article with no translation has hreflang links")
	}

	// Without a base URL, the head's alternates are relative.
	out = buildMem(t, Config{Source: txtarSite(t, "publish.txt"), BaseURL: "/repo/"})
	ar = string(file(t, out, "2024/ar/index.html"))
	for _, w := range []string{
		`<link rel="alternate" hreflang="ar" href="../../2024/ar/index.html">`,
		`<link rel="alternate" hreflang="en" href="../../2024/en/index.html">`,
	} {
		if !strings.Contains(ar, w) {
			t.Errorf("page without a full base URL lacks %s", w)
		}
	}
	if strings.Contains(ar, "og:url") || strings.Contains(ar, "canonical") {
		t.Error("a page without a full base URL claims a canonical address")
	}
}

// TestDraftsAndFuture: drafts and future-dated articles are left out
// unless asked for (issue 6, point 6).
func TestDraftsAndFuture(t *testing.T) {
	for _, tt := range []struct {
		drafts, future bool
		want           []string
	}{
		{false, false, nil},
		{true, false, []string{"2024/draft/index.html"}},
		{false, true, []string{"2099/future/index.html"}},
		{true, true, []string{"2024/draft/index.html", "2099/future/index.html"}},
	} {
		out := buildMem(t, Config{Source: txtarSite(t, "publish.txt"), Drafts: tt.drafts, Future: tt.future})
		var got []string
		for _, name := range []string{"2024/draft/index.html", "2099/future/index.html"} {
			if _, ok := out.File(name); ok {
				got = append(got, name)
			}
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("drafts %v future %v: built %q, want %q", tt.drafts, tt.future, got, tt.want)
		}
		for _, name := range []string{"index.html", "feed.xml", "sitemap.xml"} {
			b := file(t, out, name)
			if !tt.drafts && bytes.Contains(b, []byte("draft")) || !tt.future && bytes.Contains(b, []byte("future")) {
				t.Errorf("drafts %v future %v: %s mentions a left-out article", tt.drafts, tt.future, name)
			}
		}
	}
	// The future is relative to the build's time.
	out := buildMem(t, Config{Source: txtarSite(t, "publish.txt"), Now: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)})
	file(t, out, "2099/future/index.html")
}
