package check

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
	"github.com/isnad/isnad/internal/links"
	"github.com/isnad/isnad/internal/outlet"
	"github.com/isnad/isnad/internal/site"
)

// RegistryFile is the site's outlet registry.
const RegistryFile = "content/outlets.yaml"

// OutDir is the name the built files are shown under in diagnostics:
// the output folder a build would write.
const OutDir = "site"

// Options says what to check.
type Options struct {
	// Source is the site folder; Defaults the built-in templates and
	// assets (isnad.Defaults). As in site.Config.
	Source, Defaults fs.FS
	// BaseURL, when not "", replaces the configuration's, as
	// "isnad build --base-url" does.
	BaseURL string
	// Now is the time of the check; zero means the current time.
	Now time.Time
}

// A Report is what a check found.
type Report struct {
	// Diags are every problem, errors and warnings, sorted.
	Diags diag.List
	// Articles, Pages and Links count what was checked.
	Articles, Pages, Links int
	// Unresolved are the sources claims are attributed to that the
	// registry lacks, by name, most cited first.
	Unresolved []Unresolved
}

// Unresolved is a source the registry lacks.
type Unresolved struct {
	// Name is the source as written in the articles.
	Name string `json:"name"`
	// Kind is what the annotator took it for ("newspaper").
	Kind outlet.Kind `json:"kind"`
	// Lang is the language of the first article that cites it.
	Lang string `json:"lang"`
	// Claims is how many claims cite it; Files the articles they are in.
	Claims int      `json:"claims"`
	Files  []string `json:"files"`
}

// Suggestion returns a registry entry for u, to paste into
// content/outlets.yaml and complete.
func (u Unresolved) Suggestion() string {
	lang := "en"
	if i18n.IsRTL(u.Lang) {
		lang = "ar"
	}
	kind := u.Kind
	if kind == "" || !outlet.ValidKind(kind) {
		kind = "website"
	}
	name, head := strings.Trim(u.Name, "«»“”\"'‹› "), ""
	if lang == "ar" {
		// "صحيفة الفجر" is the paper الفجر; the registry keeps the type
		// noun apart, for anaphora ("وأضافت الصحيفة").
		first, rest, ok := strings.Cut(name, " ")
		if g, known := arabicHeads[first]; known && ok {
			name, head = rest, fmt.Sprintf("  head: {ar: %s, gender: %s}\n", first, g)
		}
	}
	return fmt.Sprintf("- id: %s\n  kind: %s\n  name: {%s: %s}\n%s", idFor(name), kind, lang, yamlFlow(name), head)
}

// arabicHeads are the type nouns that often start an outlet's name, with
// their grammatical gender.
var arabicHeads = map[string]string{
	"صحيفة": "f", "جريدة": "f", "وكالة": "f", "مجلة": "f", "قناة": "f", "شبكة": "f", "إذاعة": "f", "هيئة": "f",
	"موقع": "m", "تلفزيون": "m", "مركز": "m", "معهد": "m",
}

// OK reports whether the check found no error.
func (r *Report) OK() bool { return !r.Diags.HasErrors() }

// Run checks the site. Problems are in the Report; the error is for a
// check that could not run (ctx cancelled).
func Run(ctx context.Context, opt Options) (*Report, error) {
	rep := &Report{}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	var out site.Mem
	res, err := site.Build(ctx, site.Config{
		Source: opt.Source, Defaults: opt.Defaults, Out: &out,
		BaseURL: opt.BaseURL, Drafts: true, Future: true, Now: opt.Now,
	})
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	if err != nil && len(diag.AsList(err)) == 0 && !res.Diags.HasErrors() {
		return rep, err
	}
	rep.Diags.Append(res.Diags)
	rep.Articles, rep.Pages = res.Articles, res.Pages

	conf, _ := config.Load(opt.Source, config.FileName)
	if opt.BaseURL != "" {
		if u, err := config.ParseBaseURL(opt.BaseURL); err == nil {
			conf.BaseURL = u
		}
	}
	if !conf.Absolute() {
		rep.Diags.Warnf(diag.Pos{File: config.FileName}, "baseURL is not a full address (https://...): the site gets no feeds, sitemap, canonical links or link previews; set it, or pass --base-url")
	}

	docs, diags, err := content.Load(ctx, opt.Source, content.Options{Dir: "content", DefaultLang: conf.DefaultLang})
	rep.Diags.Append(diags) // the build reported them too; Sort drops the twins
	if err == nil {
		if err := rep.unresolved(&out, docs); err != nil {
			return rep, err
		}
		rep.articles(docs)
	}
	rep.links(&out, res.Sources, docs, conf)
	rep.Diags.Sort()
	return rep, nil
}

// unresolved gathers, from the claims.json the build wrote, the sources
// it could not tie to the registry: the build has annotated every
// article already (drafts and future ones included), and reported the
// annotator's own problems.
func (r *Report) unresolved(out *site.Mem, docs []*content.Doc) error {
	data, ok := out.File("claims.json")
	if !ok {
		return nil // the build stopped early, and said why
	}
	var files []struct {
		File   string `json:"file"`
		Claims []struct {
			Start   int             `json:"start"`
			Source  claimSource     `json:"source"`
			Via     []claimSource   `json:"via"`
			Conduit *claimSource    `json:"conduit"`
			Origin  annotate.Origin `json:"origin"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(data, &files); err != nil {
		return fmt.Errorf("reading the built claims.json: %w", err)
	}
	byFile := map[string]int{}
	for i, f := range files {
		byFile[f.File] = i
	}
	byName := map[string]*Unresolved{}
	for _, d := range docs { // in the order of the files, as the report lists them
		i, ok := byFile[d.Path]
		if !ok {
			continue
		}
		f := files[i]
		for _, c := range f.Claims {
			srcs := append([]claimSource{c.Source}, c.Via...)
			if c.Conduit != nil {
				srcs = append(srcs, *c.Conduit)
			}
			for _, s := range srcs {
				if s.ID != nil || s.Kind == outlet.Anonymous || s.Name == "" || c.Origin == annotate.Marked && s.Kind == "" {
					continue
				}
				u := byName[s.Name]
				if u == nil {
					u = &Unresolved{Name: s.Name, Kind: s.Kind, Lang: d.Lang}
					byName[s.Name] = u
				}
				u.Claims++
				if !slices.Contains(u.Files, d.Path) {
					u.Files = append(u.Files, d.Path)
				}
				r.Diags.Warnf(d.Pos(c.Start), "source %q is not in the outlet registry; add it to %s to tie its claims to an outlet page", s.Name, RegistryFile)
			}
		}
	}
	for _, u := range byName {
		r.Unresolved = append(r.Unresolved, *u)
	}
	slices.SortFunc(r.Unresolved, func(a, b Unresolved) int {
		if a.Claims != b.Claims {
			return b.Claims - a.Claims
		}
		return strings.Compare(a.Name, b.Name)
	})
	return nil
}

// claimSource is a source as claims.json has it.
type claimSource struct {
	ID   *string     `json:"id"`
	Name string      `json:"name"`
	Kind outlet.Kind `json:"kind"`
}

// articles checks what the build lets pass but a reader would miss.
func (r *Report) articles(docs []*content.Doc) {
	langs := map[string]map[string]*content.Doc{} // translationKey → lang → doc
	for _, d := range docs {
		if d.Meta.Date.IsZero() {
			r.Diags.Warnf(diag.Pos{File: metaFile(d), Line: 1, Col: 1}, "no date: the article is left out of the feeds and listed after every dated one")
		}
		k := d.Meta.TranslationKey
		if k == "" {
			continue
		}
		if langs[k] == nil {
			langs[k] = map[string]*content.Doc{}
		}
		if prev := langs[k][d.Lang]; prev != nil {
			r.Diags.Warnf(diag.Pos{File: metaFile(d), Line: 1, Col: 1}, "translationKey %q: %s is in %s too; translations of one briefing should each be in another language", k, prev.Path, d.Lang)
			continue
		}
		langs[k][d.Lang] = d
	}
}

// metaFile is the file that holds an article's front matter.
func metaFile(d *content.Doc) string {
	if d.MetaPath != "" {
		return d.MetaPath
	}
	return d.Path
}

// links checks every link of every built page and stylesheet.
func (r *Report) links(out *site.Mem, sources map[string]string, docs []*content.Doc, conf *config.Config) {
	byPath := map[string]*content.Doc{}
	for _, d := range docs {
		byPath[d.Path] = d
	}
	anchors := map[string][]string{}
	anchorsOf := func(name string) []string {
		if a, ok := anchors[name]; ok {
			return a
		}
		b, _ := out.File(name)
		var ids []string
		for _, a := range links.Scan(b).Anchors {
			ids = append(ids, a.ID)
		}
		anchors[name] = ids
		return ids
	}
	exists := func(name string) bool { _, ok := out.File(name); return ok }
	for _, name := range out.Names() {
		data, _ := out.File(name)
		var ls []links.Link
		base := ""
		switch path.Ext(name) {
		case ".html":
			p := links.Scan(data)
			ls, base = p.Links, p.Base
		case ".css":
			ls = links.CSS(data)
		case ".xml":
			r.wellFormed(name, data)
			continue
		default:
			continue
		}
		var file *diag.File
		seen := map[string]int{}
		for _, l := range ls {
			r.Links++
			seen[l.URL]++
			msg, warn := resolve(name, base, l, conf, exists, anchorsOf)
			if msg == "" {
				continue
			}
			pos := r.linkPos(name, l, seen[l.URL], sources, byPath, data, &file)
			if warn {
				r.Diags.Warnf(pos, "%s", msg)
			} else {
				r.Diags.Addf(pos, "%s", msg)
			}
		}
	}
}

// wellFormed reports a feed or sitemap that is not well-formed XML, as
// templates or content with stray control characters could make it.
func (r *Report) wellFormed(name string, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			pos := diag.Pos{File: path.Join(OutDir, name)}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				pos.Line = se.Line
				err = errors.New(se.Msg)
			}
			r.Diags.Addf(pos, "not well-formed XML: %v", err)
			return
		}
	}
}

// linkPos places a problem link: in the article it was written in, when
// its page is an article's and the article holds the link as written
// (the nth time the page has it, its nth occurrence in the article);
// else in the built file.
func (r *Report) linkPos(name string, l links.Link, nth int, sources map[string]string, byPath map[string]*content.Doc, data []byte, file **diag.File) diag.Pos {
	if d := byPath[sources[name]]; d != nil && l.URL != "" {
		if i := findLink(d.Src[d.BodyStart:], l.URL, nth); i >= 0 {
			return d.Pos(d.BodyStart + i)
		}
	}
	if *file == nil {
		*file = diag.NewFile(path.Join(OutDir, name), data)
	}
	return (*file).Pos(l.Start)
}

// findLink returns the offset in body of the nth (1-based) place the link
// url is written as a link destination — "](url)", "](url "title")",
// "[x]: url", "<url>", "src=\"url\"" — or -1.
func findLink(body []byte, url string, nth int) int {
	u := []byte(url)
	n := 0
	for i := 0; i < len(body); {
		j := bytes.Index(body[i:], u)
		if j < 0 {
			return -1
		}
		at := i + j
		i = at + 1
		var before, after byte = ' ', ' '
		if at > 0 {
			before = body[at-1]
		}
		if end := at + len(u); end < len(body) {
			after = body[end]
		}
		if !strings.ContainsRune("(< \t\"'", rune(before)) || !strings.ContainsRune(") \t\n>\"'", rune(after)) {
			continue // a longer link that starts or ends with this one
		}
		if n++; n == nth {
			return at
		}
	}
	return -1
}

// resolve checks one link of the built file from; base is the page's
// <base href>. It returns "" for a good link, else the problem and
// whether it is only a warning.
func resolve(from, base string, l links.Link, conf *config.Config, exists func(string) bool, anchorsOf func(string) []string) (string, bool) {
	raw := l.URL
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("malformed link %q: %v", raw, errors.Unwrap(err)), false
	}
	switch u.Scheme {
	case "":
	case "http", "https":
		// A full address into the site itself (canonical links,
		// hreflang) is checked like a relative one.
		if !conf.Absolute() || !strings.HasPrefix(raw, conf.BaseURL) && !strings.HasPrefix(u.String(), conf.URL("")) {
			return "", false
		}
		p := strings.TrimPrefix(u.Path, strings.TrimSuffix(conf.BasePath(), "/"))
		u = &url.URL{Path: "/" + strings.TrimPrefix(p, "/"), Fragment: u.Fragment}
		return target(raw, strings.TrimPrefix(u.Path, "/"), u.Fragment, exists, anchorsOf)
	default:
		return "", false // mailto:, data:, tel:, javascript:
	}
	if u.Host != "" {
		return "", false // //other.host/x
	}
	if base != "" {
		bu, err := url.Parse(base)
		if err != nil {
			return fmt.Sprintf("malformed <base href> %q", base), false
		}
		u = bu.ResolveReference(u)
	}
	p := u.Path
	if p == "" && u.Fragment == "" {
		return "", false // href="" or "?q": this page
	}
	switch {
	case p == "":
		p = from
	case strings.HasPrefix(p, "/"):
		root := conf.BasePath()
		if from != "404.html" && base == "" {
			return fmt.Sprintf("link %q starts from the server root; links between pages must be relative, so the site works from any folder and from file://", raw), false
		}
		if !strings.HasPrefix(p, root) {
			return fmt.Sprintf("link %q leaves the site, which is served from %s", raw, root), false
		}
		p = strings.TrimPrefix(p, root)
	default:
		joined := path.Join(path.Dir(from), p)
		if joined == ".." || strings.HasPrefix(joined, "../") {
			return fmt.Sprintf("link %q leaves the site", raw), false
		}
		switch {
		case joined == ".":
			joined = ""
		case strings.HasSuffix(p, "/") || path.Base(p) == "." || path.Base(p) == "..":
			joined += "/"
		}
		p = joined
	}
	return target(raw, p, u.Fragment, exists, anchorsOf)
}

// target checks that the site file p (a folder when it ends in "/" or is
// "") exists and holds the anchor frag.
func target(raw, p, frag string, exists func(string) bool, anchorsOf func(string) []string) (string, bool) {
	file := p
	if p == "" || strings.HasSuffix(p, "/") {
		file = p + "index.html"
		if !exists(file) {
			return fmt.Sprintf("broken link %q: no page %s", raw, file), false
		}
	} else if !exists(p) {
		if exists(p + "/index.html") {
			file = p + "/index.html"
		} else {
			return fmt.Sprintf("broken link %q: no file %s in the site", raw, p), false
		}
	}
	if frag != "" && frag != "top" && path.Ext(file) == ".html" && !slices.Contains(anchorsOf(file), frag) {
		return fmt.Sprintf("broken link %q: %s has no id %q", raw, file, frag), false
	}
	if file != p && !strings.HasPrefix(raw, "http") {
		return fmt.Sprintf("link %q names a folder: servers show its index.html, but file:// cannot; link to the index.html in it", raw), true
	}
	return "", false
}

// idFor makes a registry id from a source's name: lower-case ASCII
// letters, digits and hyphens, as the registry wants. Arabic letters are
// romanised roughly, "الفجر الجديد" → "al-fjr-al-jdyd", for the editor to
// improve.
func idFor(name string) string {
	var b strings.Builder
	dash := false
	word := true // at the start of a word
	rs := []rune(strings.ToLower(name))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\'' || r == '’' {
			continue // "Korea's" → "koreas"
		}
		var out string
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			out = string(r)
		case r > 0x7F && unicode.IsLetter(r) && r < 0x250:
			// Latin with accents: the base letter.
			if d := norm.NFD.String(string(r)); d != "" && d[0] < 0x80 {
				out = d[:1]
			}
		case word && r == 'ا' && i+1 < len(rs) && rs[i+1] == 'ل':
			out = "al-"
			i++
		default:
			out = arabicLatin[r]
		}
		if out == "" {
			if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				dash = true
				word = true
			}
			continue
		}
		if dash && b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
		dash, word = false, false
		b.WriteString(out)
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		id = "source"
	}
	return id
}

// arabicLatin romanises Arabic letters for ids, one letter each.
var arabicLatin = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h",
	'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t",
	'ظ': "z", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ة': "a",
	'و': "w", 'ي': "y", 'ى': "a", 'ؤ': "u", 'ئ': "i", 'پ': "p", 'چ': "ch", 'گ': "g", 'ک': "k", 'ی': "y",
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
}

// yamlFlow quotes s for a YAML flow mapping when it needs it.
func yamlFlow(s string) string {
	if strings.ContainsAny(s, ",:{}[]#&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	return s
}
