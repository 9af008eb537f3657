package site

import (
	"io"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/render"
)

// Issue 3 §7: annotation must cost less than a sixth of parsing and
// rendering the same articles. The two benchmarks below time both on the
// same 1,000 generated briefings (package corpus), one article after
// another:
//
//	go test ./internal/site -run '^$' -bench 'Annotation$|ParseRenderPage$' -count 10 > share.txt
//	go run golang.org/x/perf/cmd/benchstat@latest share.txt
//
// and the first's time over the second's is annotation's share.

// cpuTime returns the CPU time the process has used, user and system:
// on a shared machine it varies less than the wall clock, and benchstat
// compares it as the "cpu-ms/op" column.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// corpusBuilder prepares a build of the benchmark corpus, its article
// bodies rendered once; annotating says whether the renderer finds claims.
func corpusBuilder(b *testing.B, annotating bool) (*builder, []*render.Article) {
	b.Helper()
	cfg := Config{Source: corpusSite(benchArticles), Defaults: isnad.Defaults, Out: discard{}}
	if !annotating {
		cfg.Render = func(c *render.Config) { c.Annotator = nil }
	}
	bl := &builder{cfg: cfg, res: &Result{}}
	docs, err := bl.prepare(b.Context())
	if err != nil || bl.r == nil {
		b.Fatalf("prepare: %v %v", err, bl.res.Diags.Err())
	}
	articles := bl.articles(docs)
	if err := bl.renderBodies(b.Context(), articles); err != nil {
		b.Fatal(err)
	}
	bl.collect(articles)
	return bl, articles
}

// BenchmarkParseRenderPage parses and renders every article the way a
// build does with annotation off: goldmark parses the body, the body is
// rendered to HTML, and the article page runs through its template.
func BenchmarkParseRenderPage(b *testing.B) {
	bl, articles := corpusBuilder(b, false)
	var size int64
	for _, a := range articles {
		size += int64(len(a.Doc.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	t0, n := cpuTime(), 0
	for b.Loop() {
		n++
		for _, a := range articles {
			a.Headings = nil
			if diags := bl.r.Body(b.Context(), a.Doc, a); diags.HasErrors() {
				b.Fatal(diags.Err())
			}
			if diags := bl.r.Page(io.Discard, bl.articlePage(a)); diags.HasErrors() {
				b.Fatal(diags.Err())
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-t0)/float64(n)/1e6, "cpu-ms/op")
}

// BenchmarkAnnotation times what annotation adds to the same build: the
// annotator's input built from each article's AST, the claims found, and
// claims and unattributed statements wrapped into the AST. The ASTs are
// parsed afresh before each round, off the clock: parsing is the other
// benchmark's.
func BenchmarkAnnotation(b *testing.B) {
	bl, articles := corpusBuilder(b, true)
	an := bl.newAnnotator()
	md := annotate.Markdown()
	docs := make([]*ast.Document, len(articles))
	var size int64
	for _, a := range articles {
		size += int64(len(a.Doc.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	claims := 0
	// One goroutine's scratch, kept from article to article as the
	// renderer keeps it.
	var sc annotate.Scratch
	var cpu time.Duration
	n := 0
	for b.Loop() {
		b.StopTimer()
		for i, a := range articles {
			docs[i] = md.Parser().Parse(text.NewReader(a.Doc.Body())).(*ast.Document)
		}
		// Parsing's garbage is parsing's: collect it off the clock.
		runtime.GC()
		b.StartTimer()
		n++
		t0 := cpuTime()
		claims = 0
		for i, a := range articles {
			d := a.Doc
			in := &annotate.Input{File: d.Path, Src: d.Src, Lang: d.Lang, Date: d.Meta.Date, Sources: d.Meta.Sources}
			if d.Kind == content.Text {
				b.Fatalf("%s: the corpus is Markdown", d.Path)
			}
			in.Blocks, in.Marks = sc.FromAST(docs[i], d.Body(), d.BodyStart)
			res, _ := an.Annotate(b.Context(), in)
			sc.Wrap(docs[i], d.Body(), d.BodyStart, res.Claims, res.Unattributed, annotate.WrapOptions{})
			claims += len(res.Claims)
		}
		cpu += cpuTime() - t0
	}
	b.ReportMetric(float64(cpu)/float64(n)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(claims)/float64(len(articles)), "claims/article")
}
