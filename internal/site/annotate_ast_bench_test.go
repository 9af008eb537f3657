package site

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad/internal/annotate"
)

// BenchmarkAnnotationAST times the AST side of annotation alone, on the
// corpus of BenchmarkAnnotation: the annotator's input built from each
// article's AST (Scratch.FromAST) and the claims and statements wrapped
// back into it (Scratch.Wrap), the annotator running in between as in a
// build. Each article's two calls are timed on the wall clock, and the
// metrics are the sum over articles of each one's fastest round: on a
// shared machine, a round another process interrupted does not count.
//
//	go test ./internal/site -run '^$' -bench 'AnnotationAST$' -benchtime 8x -count 8
func BenchmarkAnnotationAST(b *testing.B) {
	bl, articles := corpusBuilder(b, true)
	an := bl.newAnnotator()
	md := annotate.Markdown()
	docs := make([]*ast.Document, len(articles))
	from := make([]time.Duration, len(articles))
	wrap := make([]time.Duration, len(articles))
	for i := range articles {
		from[i], wrap[i] = time.Hour, time.Hour
	}
	var sc annotate.Scratch
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for i, a := range articles {
			docs[i] = md.Parser().Parse(text.NewReader(a.Doc.Body())).(*ast.Document)
		}
		runtime.GC()
		b.StartTimer()
		for i, a := range articles {
			d := a.Doc
			in := &annotate.Input{File: d.Path, Src: d.Src, Lang: d.Lang, Date: d.Meta.Date, Sources: d.Meta.Sources}
			t0 := time.Now()
			in.Blocks, in.Marks = sc.FromAST(docs[i], d.Body(), d.BodyStart)
			t1 := time.Now()
			res, _ := an.Annotate(b.Context(), in)
			t2 := time.Now()
			sc.Wrap(docs[i], d.Body(), d.BodyStart, res.Claims, res.Unattributed, annotate.WrapOptions{})
			t3 := time.Now()
			from[i], wrap[i] = min(from[i], t1.Sub(t0)), min(wrap[i], t3.Sub(t2))
		}
	}
	var f, w time.Duration
	both := make([]time.Duration, len(articles))
	for i := range articles {
		f, w, both[i] = f+from[i], w+wrap[i], from[i]+wrap[i]
	}
	slices.Sort(both)
	b.ReportMetric(float64(f+w)/1e6, "min-ms/op")
	b.ReportMetric(float64(f)/1e6, "fromast-ms/op")
	b.ReportMetric(float64(w)/1e6, "wrap-ms/op")
	b.ReportMetric(float64(both[len(both)/2])/1e3, "median-us/doc")
}
