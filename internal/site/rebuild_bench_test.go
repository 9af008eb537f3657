package site

import (
	"bytes"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/corpus"
)

// BenchmarkBuilderOneArticle is the preview server's rebuild: a Builder
// that built a site of 10,000 generated articles
// (ISNAD_REBUILD_BENCH_ARTICLES to change it) builds again after an edit
// to one article's text, alternating between two versions of it. The
// first build, before the clock starts, takes minutes at 10,000.
// ISNAD_REBUILD_BENCH_PROFILE=FILE writes a CPU profile of the rebuilds
// alone, ISNAD_REBUILD_BENCH_MEMPROFILE=FILE a profile of their
// allocations.
//
//	go test ./internal/site -run '^$' -bench BuilderOneArticle -benchtime 100x -timeout 30m
func BenchmarkBuilderOneArticle(b *testing.B) {
	memProfile := os.Getenv("ISNAD_REBUILD_BENCH_MEMPROFILE")
	if memProfile != "" {
		runtime.MemProfileRate = 0 // the rebuilds' allocations only
	}
	n := 10000
	if s := os.Getenv("ISNAD_REBUILD_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	src := corpusSite(n)
	a := corpus.Make(1, n/2)
	name := "content/" + a.Path
	edited := bytes.Replace(a.Data, []byte("\n\n## "), []byte("\n\nوقالت وكالة رويترز إن الجولة المقبلة ستعقد في الدوحة.\n\n## "), 1)
	if bytes.Equal(edited, a.Data) {
		edited = append(bytes.Clone(a.Data), "\nReuters said the next round would be in Doha.\n"...)
	}
	versions := [][]byte{edited, a.Data}
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	t0 := time.Now()
	if _, res, err := bl.Build(b.Context(), nil); err != nil {
		b.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	b.Logf("%d articles: first build in %v", n, time.Since(t0).Round(time.Millisecond))
	if p := os.Getenv("ISNAD_REBUILD_BENCH_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(memProfile)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			runtime.GC() // the profile holds what the last cycle saw
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				b.Fatal(err)
			}
		}()
	}
	changed := []string{name}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		src[name] = &fstest.MapFile{Data: versions[i%2]}
		snap, res, err := bl.Build(b.Context(), changed)
		if err != nil {
			b.Fatalf("%v\n%v", err, res.Diags)
		}
		if snap.Work.Bodies != 1 || !snap.Work.Patched {
			b.Fatalf("work %+v, want one body", snap.Work)
		}
		i++
	}
}
