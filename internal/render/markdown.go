package render

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/isnad/isnad/internal/annotate"
)

// newMarkdown builds the one goldmark.Markdown a build shares.
func newMarkdown(cfg *Config, code *codeRenderer) goldmark.Markdown {
	exts := []goldmark.Extender{
		// Cell alignment becomes a logical class (tableAlign), not a
		// physical style="text-align:right".
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Typographer,
		extension.Strikethrough,
		extension.Linkify,
		extension.NewFootnote(
			// An arrow that points the same way in both directions.
			extension.WithFootnoteBacklinkHTML("↑"),
		),
	}
	if cfg.Annotator != nil {
		exts = append(exts, annotate.Extension{})
	}
	exts = append(exts, cfg.Extenders...)
	var ropts []renderer.Option
	if cfg.Site.Markup.Unsafe {
		ropts = append(ropts, gmhtml.WithUnsafe())
	}
	ropts = append(ropts, renderer.WithNodeRenderers(
		util.Prioritized(code, 100),
		util.Prioritized(tableWrapper{}, 100),
		util.Prioritized(isolateRenderer{}, 100),
		// Over annotate's own ClaimRenderer (priority 500).
		util.Prioritized(&claimRenderer{cat: cfg.Catalog, site: cfg.Site}, 100),
	))
	if !cfg.Site.Markup.Unsafe {
		ropts = append(ropts, renderer.WithNodeRenderers(util.Prioritized(rawHTMLEscaper{}, 100)))
	}
	popts := []parser.Option{
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(tableAlign{}, 500)),
	}
	for i, t := range cfg.Transformers {
		popts = append(popts, parser.WithASTTransformers(util.Prioritized(t, 1000+i)))
	}
	// The isolator is not among them: Renderer.Body runs it after
	// annotation.
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(popts...),
		goldmark.WithRendererOptions(ropts...),
	)
}

// headingIDs makes heading ids that keep letters of every script and are
// unique within one document. One is made per document.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// Slug turns text into a URL path segment or element id that keeps the
// letters and digits of every script: lower-cased, Arabic diacritics and
// tatweel dropped, runs of anything else turned into one "-". "زواج
// مصلحة" → "زواج-مصلحة", "Kim Jong Un's visit" → "kim-jong-un-s-visit".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r == 'ـ' || r >= 0x064B && r <= 0x065F || r == 0x0670:
			continue // tashkeel and tatweel do not belong in ids
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// tableAlign turns the column alignment of Markdown tables into classes
// read in the direction of the text: "--:" is align-end, ":-:"
// align-center, so a right-aligned column of numbers in an English table
// is left-aligned in an Arabic one, as the whole table mirrors.
type tableAlign struct{}

func (tableAlign) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			switch c.Alignment {
			case east.AlignRight:
				c.SetAttributeString("class", []byte("align-end"))
			case east.AlignCenter:
				c.SetAttributeString("class", []byte("align-center"))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// tableWrapper puts each table in a box that scrolls sideways on narrow
// screens, so a wide table never widens the page.
type tableWrapper struct{}

func (tableWrapper) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<div class="table-scroll"><table`)
			if n.Attributes() != nil {
				gmhtml.RenderAttributes(w, n, extension.TableAttributeFilter)
			}
			w.WriteString(">\n")
		} else {
			w.WriteString("</table></div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// rawHTMLEscaper renders raw HTML as the text it is, so a pasted
// "<script>" shows on the page instead of running.
type rawHTMLEscaper struct{}

func (rawHTMLEscaper) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				w.WriteString(html.EscapeString(string(s.Value(src))))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		w.WriteString(`<p class="raw-html">`)
		lines := b.Lines()
		var text bytes.Buffer
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			text.Write(s.Value(src))
		}
		if b.HasClosure() {
			text.Write(b.ClosureLine.Value(src))
		}
		w.WriteString(strings.ReplaceAll(html.EscapeString(strings.TrimRight(text.String(), "\r\n")), "\n", "<br>\n"))
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// codeRenderer highlights code blocks with chroma, writing CSS classes
// (the stylesheet is separate) inside a left-to-right <pre>.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	cache     highlighted
}

func newCodeRenderer(lineNumbers bool, style *chroma.Style) *codeRenderer {
	return &codeRenderer{
		formatter: chromahtml.New(
			chromahtml.WithClasses(true),
			chromahtml.WithLineNumbers(lineNumbers),
			chromahtml.WithPreWrapper(noPre{}),
			chromahtml.TabWidth(4),
		),
		style: style,
	}
}

// noPre leaves the <pre> to codeRenderer, which adds dir and language.
type noPre struct{}

func (noPre) Start(code bool, styleAttr string) string { return "" }
func (noPre) End(code bool) string                     { return "" }

func (c *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
	reg.Register(ast.KindCodeBlock, c.render)
}

func (c *codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		lang = string(f.Language(src))
	}
	var code bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		code.Write(s.Value(src))
	}
	w.WriteString(`<pre class="chroma" dir="ltr" translate="no" tabindex="0"><code`)
	if lang != "" {
		fmt.Fprintf(w, ` class="language-%s" data-lang="%s"`, html.EscapeString(lang), html.EscapeString(lang))
	}
	w.WriteString(">")
	if s, err := c.highlight(lang, code.String()); err == nil {
		w.WriteString(s)
	} else {
		// A lexer that fails still leaves readable code.
		w.WriteString(html.EscapeString(code.String()))
	}
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// plainText returns the text of n and its descendants, as a reader sees
// it: text, code spans and autolinks, with soft line breaks as spaces.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// truncateWords cuts s to at most n words, adding an ellipsis when it
// cuts.
func truncateWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:n], " "), "،,;؛:.") + "…"
}

// countWords counts the words of s.
func countWords(s string) int {
	n := 0
	in := false
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
