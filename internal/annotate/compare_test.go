package annotate_test

import (
	"testing"
	"testing/fstest"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/corpus"
	"github.com/isnad/isnad/internal/site"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkSiteBuild builds a site of the 100 corpus articles that
// BenchmarkAnnotate annotates (load, parse, render, templates; output
// discarded): the whole cost of parsing and rendering them, to compare
// annotation with (issue 3 §7).
func BenchmarkSiteBuild(b *testing.B) {
	fsys := fstest.MapFS{}
	for _, a := range corpus.Generate(1, 100) {
		fsys["content/"+a.Path] = &fstest.MapFile{Data: a.Data}
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := site.Build(b.Context(), site.Config{Source: fsys, Defaults: isnad.Defaults, Out: discard{}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Articles != 100 {
			b.Fatalf("built %d articles", res.Articles)
		}
	}
}
