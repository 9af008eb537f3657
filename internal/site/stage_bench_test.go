package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/corpus"
	"github.com/isnad/isnad/internal/render"
)

// The stage benchmarks build the first 1,000 generated briefings (package
// corpus), in memory, so a regression in one stage shows with benchstat:
//
//	go test ./internal/site -run '^$' -bench 'Stage|Build' -count 10 > old.txt
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt
//
// Parsing, annotation and bodies alone are benchmarked in package render.
const benchArticles = 1000

// stagedBuilder runs a build up to (not including) its last stage, writing
// every page and file.
func stagedBuilder(b *testing.B, out Output) (*builder, []*render.Article) {
	b.Helper()
	bl := &builder{cfg: Config{Source: corpusSite(benchArticles), Defaults: isnad.Defaults, Out: out}, res: &Result{}}
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

// BenchmarkStageLoad reads and decodes every article: front matter,
// language, positions.
func BenchmarkStageLoad(b *testing.B) {
	src := corpusSite(benchArticles)
	b.ReportAllocs()
	for b.Loop() {
		docs, diags, err := content.Load(b.Context(), src, content.Options{})
		if err != nil || diags.HasErrors() || len(docs) != benchArticles {
			b.Fatalf("%v %v", err, diags.Err())
		}
	}
}

// BenchmarkStageBodies renders every article's body, in parallel as a
// build does: parse, annotate, wrap, isolate, HTML.
func BenchmarkStageBodies(b *testing.B) {
	bl, articles := stagedBuilder(b, discard{})
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			a.Headings = nil
		}
		if err := bl.renderBodies(b.Context(), articles); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStagePages runs every page through its template and makes the
// other files (claims data, feeds, search index, sitemap), writing to
// nowhere.
func BenchmarkStagePages(b *testing.B) {
	bl, articles := stagedBuilder(b, discard{})
	b.ReportAllocs()
	for b.Loop() {
		if err := bl.writeAll(b.Context(), articles); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageWrite writes a built site into an empty folder and puts
// it in place, as BuildDir does on a first build.
func BenchmarkStageWrite(b *testing.B) {
	var files Mem
	bl, articles := stagedBuilder(b, &files)
	if err := bl.writeAll(b.Context(), articles); err != nil {
		b.Fatal(err)
	}
	names := files.Names()
	b.ReportAllocs()
	for b.Loop() {
		parent := b.TempDir()
		dir := filepath.Join(parent, "site")
		stage, err := tempSibling(dir)
		if err != nil {
			b.Fatal(err)
		}
		w, err := newDirWriter(dir, stage, true, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range names {
			data, _ := files.File(name)
			if err := w.WriteFile(name, data); err != nil {
				b.Fatal(err)
			}
		}
		cache := filepath.Join(parent, "cache")
		if err := os.Mkdir(cache, 0o755); err != nil {
			b.Fatal(err)
		}
		if _, err := w.commit(cache); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a whole build in memory.
func BenchmarkBuildCorpus(b *testing.B) {
	src := corpusSite(benchArticles)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Build(b.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: discard{}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Articles != benchArticles {
			b.Fatalf("built %d articles", res.Articles)
		}
	}
}

// BenchmarkBuildDirFull builds into an empty folder with no cache.
func BenchmarkBuildDirFull(b *testing.B) {
	src := corpusSite(benchArticles)
	b.ReportAllocs()
	for b.Loop() {
		dir := filepath.Join(b.TempDir(), "site")
		if _, err := BuildDir(b.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildNothingChanged builds again a site built before, with
// nothing changed.
func BenchmarkRebuildNothingChanged(b *testing.B) {
	src := corpusSite(benchArticles)
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := BuildDir(b.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := BuildDir(b.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if res.Written != 0 {
			b.Fatalf("wrote %d files", res.Written)
		}
	}
}

// BenchmarkRebuildOneArticle builds again after one article changed,
// alternating between two versions of it.
func BenchmarkRebuildOneArticle(b *testing.B) {
	src := corpusSite(benchArticles)
	a := corpus.Make(1, benchArticles/2)
	name := "content/" + a.Path
	edited := bytes.Replace(a.Data, []byte("\n\n## "), []byte("\n\nوقالت وكالة رويترز إن الجولة المقبلة ستعقد في الدوحة.\n\n## "), 1)
	versions := []fstest.MapFS{withFile(src, name, edited), src}
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := BuildDir(b.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
		b.Fatal(err)
	}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		res, err := BuildDir(b.Context(), Config{Source: versions[i%2], Defaults: isnad.Defaults}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if res.Written == 0 {
			b.Fatal("wrote nothing")
		}
		i++
	}
}
