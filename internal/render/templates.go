package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
)

// pageTemplates are the page templates every site has, by page kind.
var pageTemplates = map[string]string{
	KindArticle: "article.html",
	KindList:    "list.html",
	KindTerm:    "term.html",
	KindTerms:   "terms.html",
	Kind404:     "404.html",
	KindSearch:  "search.html",
	KindOutlet:  "outlet.html",
	KindOutlets: "outlets.html",
}

// funcs returns the template functions; see the package comment.
func (r *Renderer) funcs() template.FuncMap {
	c := r.cfg.Catalog
	site := r.cfg.Site
	return template.FuncMap{
		"t": func(lang, key string) string { return c.T(lang, key) },
		"n": func(lang, key string, count int) string { return c.N(lang, key, count, site.Digits(lang)) },
		"date": func(lang string, t time.Time) string {
			return c.FormatDate(t, lang, site.Digits(lang))
		},
		"num":     func(lang string, n int) string { return i18n.FormatNumber(n, lang, site.Digits(lang)) },
		"ordinal": i18n.Ordinal,
		"dir":     i18n.Dir,
		"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
		"rfc3339": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"locale":  locale,
		"minutes": func(words int) int { return max(1, (words+199)/200) },
		"dict":    dict,
		"country": func(lang, code string) string { return countryName(c, lang, code) },
		"percent": func(lang string, n int) string {
			d := site.Digits(lang)
			if d == i18n.Latin {
				return i18n.FormatNumber(n, lang, d) + "%"
			}
			return i18n.FormatNumber(n, lang, d) + "٪"
		},
		"host": host,
	}
}

// host returns the host of a URL without "www.", for showing where a
// link goes: "https://www.kcna.kp/en" → "kcna.kp".
func host(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// locale turns a language tag into the language_TERRITORY form Open Graph
// wants: "ar" → "ar_AR", "en" → "en_US", "fr-CA" → "fr_CA".
func locale(lang string) string {
	base, region, ok := strings.Cut(lang, "-")
	if ok && len(region) == 2 {
		return strings.ToLower(base) + "_" + strings.ToUpper(region)
	}
	if r, ok := defaultTerritory[strings.ToLower(base)]; ok {
		return strings.ToLower(base) + "_" + r
	}
	return strings.ToLower(base) + "_" + strings.ToUpper(base)
}

// defaultTerritory is the territory Open Graph readers expect for a bare
// language, where it is not the language code in capitals.
var defaultTerritory = map[string]string{
	"ar": "AR", "en": "US", "fa": "IR", "ur": "PK", "he": "IL", "ja": "JP", "zh": "CN", "ko": "KR", "sv": "SE", "da": "DK", "el": "GR", "uk": "UA",
}

// dict builds a map from key, value pairs, to pass several values to a
// partial: {{template "partials/card.html" (dict "A" . "Root" $.Root)}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict wants key, value pairs")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// parseTemplates parses base.html and the partials once, then each page
// template into its own clone of them.
func (r *Renderer) parseTemplates(diags *diag.List) map[string]*template.Template {
	fsys := r.cfg.Templates
	common := template.New("base.html").Funcs(r.funcs())
	ok := r.parseFile(common, "base.html", diags)
	partials, _ := fs.Glob(fsys, "partials/*.html")
	slices.Sort(partials)
	for _, p := range partials {
		ok = r.parseFile(common.New(p), p, diags) && ok
	}
	if !ok {
		return nil
	}
	pages := map[string]*template.Template{}
	for _, kind := range slices.Sorted(maps.Keys(pageTemplates)) {
		name := pageTemplates[kind]
		t, err := common.Clone()
		if err != nil {
			diags.Addf(diag.Pos{File: path.Join(r.cfg.TemplateDir, name)}, "%v", err)
			continue
		}
		if r.parseFile(t.New(name), name, diags) {
			pages[kind] = t
		}
	}
	return pages
}

// parseFile parses the template file name into t, reporting failures.
func (r *Renderer) parseFile(t *template.Template, name string, diags *diag.List) bool {
	src, err := fs.ReadFile(r.cfg.Templates, name)
	if err != nil {
		diags.Addf(diag.Pos{File: path.Join(r.cfg.TemplateDir, name)}, "cannot read template: %v", unwrapPath(err))
		return false
	}
	if _, err := t.Parse(string(src)); err != nil {
		diags.Append(r.templateDiag(err))
		return false
	}
	return true
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// templateErrRE picks the template name, line and column out of
// text/template and html/template messages, which carry no typed position:
// "template: article.html:12:5: executing ...", "html/template:base.html:3:9: ...".
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: (.*)$`)

// templateDiag turns a template error into a diagnostic in the template's
// file.
func (r *Renderer) templateDiag(err error) diag.List {
	var diags diag.List
	msg := err.Error()
	var herr *template.Error
	if errors.As(err, &herr) && herr.Name != "" && herr.Line > 0 {
		diags.Addf(diag.Pos{File: path.Join(r.cfg.TemplateDir, herr.Name), Line: herr.Line, Col: 1}, "%s", herr.Description)
		return diags
	}
	first, _, _ := strings.Cut(msg, "\n")
	if m := templateErrRE.FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[2])
		// text/template counts columns from 0 (ErrorContext), and
		// gives none for parse errors.
		col := 1
		if m[3] != "" {
			c, _ := strconv.Atoi(m[3])
			col = c + 1
		}
		text := m[4]
		// Execution errors repeat the template and position; keep the
		// part after "executing \"x\" at <...>: ".
		if strings.HasPrefix(text, "executing ") {
			if i := strings.Index(text, ">: "); i >= 0 {
				text = "executing " + text[strings.Index(text, " at ")+4:i+1] + ": " + text[i+3:]
			}
		}
		diags.Addf(diag.Pos{File: path.Join(r.cfg.TemplateDir, m[1]), Line: line, Col: col}, "%s", text)
		return diags
	}
	diags.Addf(diag.Pos{File: r.cfg.TemplateDir}, "%s", msg)
	return diags
}

// Page renders p with the template of its kind into w. A failure is
// reported at the template's position.
func (r *Renderer) Page(w io.Writer, p *Page) diag.List {
	t, ok := r.pages[p.Kind]
	if !ok {
		var diags diag.List
		diags.Addf(diag.Pos{File: r.cfg.TemplateDir}, "no template for %s pages", p.Kind)
		return diags
	}
	if buf, ok := w.(*bytes.Buffer); ok {
		// Straight into the caller's buffer, cut back on failure.
		n := buf.Len()
		if err := t.ExecuteTemplate(buf, pageTemplates[p.Kind], p); err != nil {
			buf.Truncate(n)
			return r.templateDiag(err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, pageTemplates[p.Kind], p); err != nil {
		return r.templateDiag(err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		var diags diag.List
		diags.Addf(diag.Pos{File: p.Path}, "writing: %v", err)
		return diags
	}
	return nil
}
