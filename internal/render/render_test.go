package render

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
)

func defaultTemplates(t testing.TB) fs.FS {
	t.Helper()
	sub, err := fs.Sub(isnad.Defaults, "templates")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func newRenderer(t *testing.T, conf *config.Config) *Renderer {
	t.Helper()
	r, diags := New(Config{Site: conf, Templates: defaultTemplates(t)})
	if r == nil || diags.HasErrors() {
		t.Fatalf("New: %v", diags)
	}
	return r
}

// doc loads one article from its path and contents.
func doc(t *testing.T, name, src string) *content.Doc {
	t.Helper()
	docs, diags, err := content.Load(context.Background(), fstest.MapFS{name: {Data: []byte(src)}}, content.Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("loading %s: %v %v", name, err, diags)
	}
	return docs[0]
}

func body(t *testing.T, r *Renderer, name, src string) (*Article, string) {
	t.Helper()
	a := &Article{}
	if diags := r.Body(context.Background(), doc(t, name, src), a); len(diags) > 0 {
		t.Fatalf("Body: %v", diags)
	}
	return a, string(a.Body)
}

func TestMarkdown(t *testing.T) {
	r := newRenderer(t, config.Default())
	tests := []struct {
		name, src string
		want      []string // substrings of the HTML, in order
		not       []string
	}{
		{
			name: "arabic heading ids keep letters and are unique",
			src:  "---\nlang: ar\n---\n## زواج مصلحة\n\nنص\n\n## زواج مصلحة\n\n## زَوَاجٌ\n\n## ?!\n",
			want: []string{`<h2 id="زواج-مصلحة">`, `<h2 id="زواج-مصلحة-1">`, `<h2 id="زواج">`, `<h2 id="section">`},
		},
		{
			name: "raw html is shown, not run",
			src:  "<script>alert(1)</script>\n\nText <b>bold</b>.\n",
			want: []string{`<p class="raw-html">&lt;script&gt;alert(1)&lt;/script&gt;</p>`, `Text &lt;b&gt;bold&lt;/b&gt;.`},
			not:  []string{"<script>", "<b>"},
		},
		{
			name: "fenced code is highlighted and left to right",
			src:  "---\nlang: ar\n---\nنص\n\n```go\nfunc main() {}\n```\n",
			want: []string{`<pre class="chroma" dir="ltr" translate="no" tabindex="0"><code class="language-go" data-lang="go">`, `<span class="kd">func</span>`},
		},
		{
			name: "code in an unknown language is still escaped",
			src:  "```nosuchlang\n<a> & b\n```\n",
			want: []string{`&lt;a&gt; &amp; b`},
		},
		{
			name: "tables, strikethrough, autolinks, footnotes",
			src:  "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~gone~~ www.example.org and https://example.com/x.\n\nClaim.[^1]\n\n[^1]: Note.\n",
			want: []string{
				`<div class="table-scroll"><table>`, `<td>1</td>`, `<td class="align-end">2</td>`,
				`<del>gone</del>`, `<a href="http://www.example.org">www.example.org</a>`,
				`<a href="https://example.com/x">https://example.com/x</a>`,
				`<a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a>`, `↑`,
			},
			not: []string{"text-align"},
		},
		{
			name: "latin names in arabic text are isolated",
			src:  "---\nlang: ar\n---\nشركة ميرسك (Maersk)، و**هاباغ لويد (Hapag-Lloyd)**، بنسبة ‎-46.8% و`code A`.\n",
			want: []string{`(<bdi>Maersk</bdi>)،`, `(<bdi>Hapag-Lloyd</bdi>)</strong>`, `<bdi>-46.8%</bdi>`, `<code>code A</code>`},
		},
		{
			name: "arabic words in english text are isolated",
			src:  "The pact (الاتفاق) was signed.\n",
			want: []string{`(<bdi>الاتفاق</bdi>)`},
		},
		{
			name: "typographic quotes",
			src:  "He said \"no\" -- and left...\n",
			want: []string{"&ldquo;no&rdquo; &ndash; and left&hellip;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, html := body(t, r, "content/a.md", tt.src)
			rest := html
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("missing (or out of order) %q in:\n%s", w, html)
					continue
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(html, n) {
					t.Errorf("unwanted %q in:\n%s", n, html)
				}
			}
		})
	}
}

func TestUnsafeLetsRawHTMLThrough(t *testing.T) {
	conf := config.Default()
	conf.Markup.Unsafe = true
	r := newRenderer(t, conf)
	_, html := body(t, r, "content/a.md", "Text <b>bold</b>.\n")
	if !strings.Contains(html, "<b>bold</b>") {
		t.Errorf("raw HTML escaped with markup.unsafe:\n%s", html)
	}
}

func TestPlainTextIsNotMarkdown(t *testing.T) {
	r := newRenderer(t, config.Default())
	src := "بواسطة نجيم\n*ليس* تأكيدا <b>ولا</b> [رابطا](x) # ولا عنوانا\n\n“زواج مصلحة”\n“زواج مصلحة”\nقالت وكالة رويترز (Reuters)."
	a, html := body(t, r, "content/a.txt", src)
	// Markup characters show as written; the Latin letters among them are
	// isolated like any other.
	want := `<p>*ليس* تأكيدا &lt;<bdi>b</bdi>&gt;ولا&lt;/<bdi>b</bdi>&gt; [رابطا](<bdi>x</bdi>) # ولا عنوانا</p>
<h2 id="زواج-مصلحة">“زواج مصلحة”</h2>
<h2 id="زواج-مصلحة-1">“زواج مصلحة”</h2>
<p>قالت وكالة رويترز (<bdi>Reuters</bdi>).</p>
`
	if html != want {
		t.Errorf("plain text body:\n%s\nwant:\n%s", html, want)
	}
	if strings.Contains(html, "نجيم") {
		t.Error("the byline is in the body")
	}
	if len(a.Headings) != 2 || a.Headings[1].ID != "زواج-مصلحة-1" {
		t.Errorf("headings = %+v", a.Headings)
	}
	if a.Summary != "*ليس* تأكيدا <b>ولا</b> [رابطا](x) # ولا عنوانا" {
		t.Errorf("summary = %q, want the first paragraph", a.Summary)
	}
}

// TestTextSegmentsAreFileOffsets checks the promise transformers rely on:
// every text node's segment, plus BodyStart, is the same bytes in the file.
func TestTextSegmentsAreFileOffsets(t *testing.T) {
	for _, tt := range []struct{ name, src string }{
		{"content/a.txt", "\uFEFFبواسطة نجيم\r\nقالت (Reuters) إن\r\n“عنوان”\r\nنص"},
		{"content/b.md", "\uFEFF---\r\ntitle: x\r\n---\r\n## عنوان\r\n\r\nقالت (Reuters) إن **نص**\r\n"},
	} {
		d := doc(t, tt.name, tt.src)
		var seen []string
		check := transformerFunc(func(n ast.Node, src []byte) {
			ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if t2, ok := n.(*ast.Text); ok && entering {
					got := string(t2.Segment.Value(src))
					inFile := string(d.Src[d.BodyStart+t2.Segment.Start : d.BodyStart+t2.Segment.Stop])
					if got != inFile {
						t.Errorf("%s: segment %q is %q in the file", tt.name, got, inFile)
					}
					seen = append(seen, got)
				}
				return ast.WalkContinue, nil
			})
		})
		r2, diags := New(Config{Site: config.Default(), Templates: defaultTemplates(t), Transformers: []parser.ASTTransformer{check}})
		if r2 == nil {
			t.Fatal(diags)
		}
		if diags := r2.Body(context.Background(), d, &Article{}); len(diags) > 0 {
			t.Fatal(diags)
		}
		if !strings.Contains(strings.Join(seen, "|"), "Reuters") {
			t.Errorf("%s: the transformer saw %q", tt.name, seen)
		}
	}
}

type transformerFunc func(n ast.Node, src []byte)

func (f transformerFunc) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	f(doc, reader.Source())
}

func TestTemplateErrorsHavePositions(t *testing.T) {
	base, _ := fs.ReadFile(isnad.Defaults, "templates/base.html")
	tmpl := fstest.MapFS{"base.html": {Data: base}}
	for _, name := range []string{"list.html", "term.html", "terms.html", "404.html", "outlet.html", "outlets.html", "search.html"} {
		tmpl[name] = &fstest.MapFile{Data: []byte(`{{template "base.html" .}}`)}
	}
	for _, p := range []string{"partials/header.html", "partials/footer.html"} {
		b, _ := fs.ReadFile(isnad.Defaults, "templates/"+p)
		tmpl[p] = &fstest.MapFile{Data: b}
	}
	tmpl["article.html"] = &fstest.MapFile{Data: []byte("{{template \"base.html\" .}}\n{{define \"main\"}}\n<p>{{.Article.Nope}}</p>\n{{end}}\n")}
	r, diags := New(Config{Site: config.Default(), Templates: tmpl})
	if r == nil {
		t.Fatalf("New: %v", diags)
	}
	var buf bytes.Buffer
	got := r.Page(&buf, &Page{Kind: KindArticle, Site: &Site{Config: config.Default()}, Lang: "ar", Dir: "rtl", Article: &Article{}})
	want := `templates/article.html:3:14: executing <.Article.Nope>: can't evaluate field Nope in type *render.Article`
	if len(got) != 1 || got[0].Error() != want {
		t.Errorf("exec error = %v\nwant %s", got, want)
	}

	tmpl["article.html"] = &fstest.MapFile{Data: []byte("{{template \"base.html\" .}}\n{{define \"main\"}}\n{{if}}\n{{end}}\n")}
	tmpl["term.html"] = &fstest.MapFile{Data: []byte("{{nosuchfunc}}")}
	r, diags = New(Config{Site: config.Default(), Templates: tmpl})
	if r != nil {
		t.Fatal("New succeeded with broken templates")
	}
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Error())
	}
	wantMsgs := []string{
		"templates/article.html:3:1: missing value for if",
		`templates/term.html:1:1: function "nosuchfunc" not defined`,
	}
	if strings.Join(msgs, "\n") != strings.Join(wantMsgs, "\n") {
		t.Errorf("parse errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"زواج مصلحة":             "زواج-مصلحة",
		"Kim Jong Un's visit":    "kim-jong-un-s-visit",
		"الحرب في أوكرانيا":      "الحرب-في-أوكرانيا",
		"  --Hello,   World!-- ": "hello-world",
		"مُسَيَّرات":             "مسيرات",
		"North Korea":            "north-korea",
		"":                       "",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCodeCSS(t *testing.T) {
	r := newRenderer(t, config.Default())
	css, err := r.CodeCSS()
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	if !strings.Contains(s, ".chroma .kd") || !strings.Contains(s, "@media (prefers-color-scheme: dark)") {
		t.Errorf("code CSS lacks token classes or the dark style:\n%.400s", s)
	}
	for _, phys := range []string{"margin-right", "margin-left", "padding-left", "padding-right"} {
		if strings.Contains(s, phys) {
			t.Errorf("code CSS has %s", phys)
		}
	}
}

func TestUnknownHighlightStyle(t *testing.T) {
	conf := config.Default()
	conf.Markup.Highlight.Style = "no-such-style"
	_, diags := New(Config{Site: conf, Templates: defaultTemplates(t)})
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), `unknown chroma style "no-such-style"`) {
		t.Errorf("diags = %v", diags)
	}
}
