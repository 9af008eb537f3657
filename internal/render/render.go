package render

import (
	"bytes"
	"context"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
)

// Config is what a Renderer needs. Site and Templates are required.
type Config struct {
	Site    *config.Config
	Catalog i18n.Catalog
	// Templates holds the page templates at its root: base.html,
	// article.html, ..., partials/*.html.
	Templates fs.FS
	// TemplateDir is the templates' folder as shown in diagnostics;
	// "" means "templates".
	TemplateDir string
	// Extenders are added to the Markdown processor after the built-in
	// extensions.
	Extenders []goldmark.Extender
	// Transformers run on the AST of every article, Markdown and plain
	// text alike, in order, after parsing.
	Transformers []parser.ASTTransformer
	// Annotator, when set, finds the claims of every article in its AST
	// (the citation markup is then part of the Markdown): the body marks
	// each claim with its outlet chip, card and margin note, and
	// Article.Claims holds them.
	Annotator *annotate.Annotator
}

// A Renderer renders articles and pages. It is safe for concurrent use.
type Renderer struct {
	cfg   Config
	md    goldmark.Markdown
	code  *codeRenderer
	dark  *chroma.Style
	pages map[string]*template.Template
	// bodies holds buffers for rendering bodies into: a body is copied
	// out at its exact size, and the buffer, grown to the largest body
	// its goroutine rendered, serves the next one.
	bodies sync.Pool
	// scratch holds the *annotate.Scratch annotation works in, one per
	// body being annotated.
	scratch sync.Pool
}

// New builds a Renderer: the Markdown processor and every page template.
// Templates that fail to parse are reported as diagnostics; the Renderer
// is nil only when a page template cannot be used.
func New(cfg Config) (*Renderer, diag.List) {
	var diags diag.List
	if cfg.TemplateDir == "" {
		cfg.TemplateDir = "templates"
	}
	if cfg.Catalog == nil {
		cfg.Catalog = i18n.Catalog{}
	}
	hl := cfg.Site.Markup.Highlight
	light := styles.Get(hl.Style)
	if styles.Registry[hl.Style] == nil {
		diags.Addf(diag.Pos{File: config.FileName}, "markup.highlight.style: unknown chroma style %q", hl.Style)
	}
	dark := styles.Get(hl.DarkStyle)
	if styles.Registry[hl.DarkStyle] == nil {
		diags.Addf(diag.Pos{File: config.FileName}, "markup.highlight.darkStyle: unknown chroma style %q", hl.DarkStyle)
	}
	r := &Renderer{cfg: cfg, dark: dark}
	r.code = newCodeRenderer(hl.LineNumbers, light)
	r.md = newMarkdown(&r.cfg, r.code)
	r.pages = r.parseTemplates(&diags)
	if diags.HasErrors() {
		return nil, diags
	}
	return r, diags
}

// Body renders the body of d and fills a's Body, Headings, Summary, Text
// and Words. Its diagnostics are positioned in d's file.
func (r *Renderer) Body(ctx context.Context, d *content.Doc, a *Article) diag.List {
	var diags diag.List
	if err := ctx.Err(); err != nil {
		diags.Addf(diag.Pos{File: d.Path}, "%v", err)
		return diags
	}
	body := d.Body()
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(dirKey, d.Dir)
	var doc ast.Node
	if d.Kind == content.Text {
		doc = r.textAST(d, pc)
	} else {
		doc = r.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	}
	if r.cfg.Annotator != nil {
		diags.Append(r.annotate(ctx, d, a, doc.(*ast.Document)))
	}
	// Isolation comes last, so claim spans hold whole runs of text.
	isolator{}.Transform(doc.(*ast.Document), text.NewReader(body), pc)
	buf, _ := r.bodies.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	// Claims' chips, cards and notes make the page a few times its source.
	buf.Grow(4*len(body) + 4096)
	if err := r.md.Renderer().Render(buf, body, doc); err != nil {
		diags.Addf(d.Pos(d.BodyStart), "rendering: %v", err)
	}
	a.Body = template.HTML(buf.String())
	r.bodies.Put(buf)
	var first string
	var all strings.Builder
	words := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			t := plainText(n, body)
			if n.Level == 2 || n.Level == 3 {
				id, _ := n.AttributeString("id")
				idb, _ := id.([]byte)
				a.Headings = append(a.Headings, Heading{Level: n.Level, ID: string(idb), Text: t})
			}
			words += countWords(t)
			appendLine(&all, t)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			t := plainText(n, body)
			if first == "" {
				first = t
			}
			words += countWords(t)
			appendLine(&all, t)
			return ast.WalkSkipChildren, nil
		case *ast.TextBlock:
			// The items of tight lists, table cells.
			appendLine(&all, plainText(n, body))
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == east.KindTableCell {
			appendLine(&all, plainText(n, body))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	a.Words = words
	a.Text = all.String()
	a.Summary = d.Meta.Summary
	if a.Summary == "" {
		a.Summary = truncateWords(first, 45)
	}
	return diags
}

// appendLine adds a block's text to the article's plain text, one line
// per block.
func appendLine(b *strings.Builder, t string) {
	if t == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(t)
}

// textAST builds the AST of a plain-text article from its blocks. Text
// segments are offsets into d.Body().
func (r *Renderer) textAST(d *content.Doc, pc parser.Context) *ast.Document {
	doc := ast.NewDocument()
	body := d.Body()
	for _, b := range d.Blocks {
		seg := text.NewSegment(b.Start-d.BodyStart, b.End-d.BodyStart)
		var n ast.Node
		switch b.Kind {
		case content.Byline:
			continue // shown in the page header
		case content.Heading:
			h := ast.NewHeading(2)
			h.SetAttributeString("id", pc.IDs().Generate(seg.Value(body), ast.KindHeading))
			n = h
		default:
			n = ast.NewParagraph()
		}
		n.SetPos(seg.Start)
		n.Lines().Append(seg)
		n.AppendChild(n, ast.NewTextSegment(seg))
		doc.AppendChild(doc, n)
	}
	reader := text.NewReader(body)
	for _, t := range r.cfg.Transformers {
		t.Transform(doc, reader, pc)
	}
	return doc
}
