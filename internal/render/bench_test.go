package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/corpus"
	"github.com/isnad/isnad/internal/outlet"
)

// The stage benchmarks run on the same 1,000 generated briefings as the
// site's (package corpus: two thirds Arabic, 4-8 KB of Markdown each), so
// that a regression in one stage shows with benchstat:
//
//	go test ./internal/render -run '^$' -bench . -count 10 > old.txt
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt
const benchArticles = 1000

// benchDocs loads the benchmark corpus.
func benchDocs(b *testing.B) ([]*content.Doc, int64) {
	b.Helper()
	fsys := fstest.MapFS{}
	var size int64
	for _, a := range corpus.Generate(1, benchArticles) {
		fsys["content/"+a.Path] = &fstest.MapFile{Data: a.Data}
		size += int64(len(a.Data))
	}
	docs, diags, err := content.Load(b.Context(), fsys, content.Options{})
	if err != nil || diags.HasErrors() || len(docs) != benchArticles {
		b.Fatalf("loading the corpus: %v %v", err, diags.Err())
	}
	return docs, size
}

// benchRenderer is a renderer with the annotator, as a build makes it.
func benchRenderer(b *testing.B) *Renderer {
	b.Helper()
	reg, diags := outlet.Default()
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	r, diags := New(Config{Site: config.Default(), Templates: defaultTemplates(b), Annotator: annotate.New(reg)})
	if r == nil || diags.HasErrors() {
		b.Fatalf("New: %v", diags)
	}
	return r
}

func benchArticle(d *content.Doc) *Article {
	p := strings.TrimSuffix(strings.TrimPrefix(d.Path, "content/"), ".md") + "/"
	return &Article{Doc: d, Title: d.Meta.Title, Lang: d.Lang, Dir: d.Dir, Path: p, Link: p + "index.html", Date: d.Meta.Date}
}

// BenchmarkParse parses the Markdown of every article into its AST.
func BenchmarkParse(b *testing.B) {
	docs, size := benchDocs(b)
	r := benchRenderer(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
			pc.Set(dirKey, d.Dir)
			r.md.Parser().Parse(text.NewReader(d.Body()), parser.WithContext(pc))
		}
	}
}

// BenchmarkAnnotate finds the claims of every article, from ASTs parsed
// beforehand: the annotator's share of a build.
func BenchmarkAnnotate(b *testing.B) {
	docs, size := benchDocs(b)
	r := benchRenderer(b)
	inputs := make([]*annotate.Input, len(docs))
	for i, d := range docs {
		pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
		doc := r.md.Parser().Parse(text.NewReader(d.Body()), parser.WithContext(pc))
		in := &annotate.Input{File: d.Path, Src: d.Src, Lang: d.Lang, Date: d.Meta.Date, Sources: d.Meta.Sources}
		in.Blocks, in.Marks = annotate.FromAST(doc.(*ast.Document), d.Body(), d.BodyStart)
		inputs[i] = in
	}
	b.SetBytes(size)
	b.ReportAllocs()
	claims := 0
	for b.Loop() {
		claims = 0
		for _, in := range inputs {
			res, _ := r.cfg.Annotator.Annotate(b.Context(), in)
			claims += len(res.Claims)
		}
	}
	b.ReportMetric(float64(claims)/benchArticles, "claims/article")
}

// BenchmarkBody renders the body of every article: parse, annotate, wrap
// the claims, isolate, and write the HTML.
func BenchmarkBody(b *testing.B) {
	docs, size := benchDocs(b)
	r := benchRenderer(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if diags := r.Body(b.Context(), d, benchArticle(d)); diags.HasErrors() {
				b.Fatal(diags.Err())
			}
		}
	}
}
