package devserver

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/isnad/isnad/internal/corpus"
)

// BenchmarkEditToReload serves a generated site of 10,000 articles
// (ISNAD_SERVE_BENCH_ARTICLES to change it), then edits one article per
// iteration, as an editor saves, and measures the time from the save to
// the reload event, and to the new page being served. It reports the
// median and the 90th percentile of both. The first build, before the
// clock starts, takes minutes at 10,000 articles. (Issue 5, point 8.)
//
//	go test ./internal/devserver -run '^$' -bench EditToReload -benchtime 40x -timeout 60m
func BenchmarkEditToReload(b *testing.B) {
	n := 10000
	if s := os.Getenv("ISNAD_SERVE_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	var victims []string // articles edited in turn
	for i, a := range corpus.Generate(1, n) {
		p := filepath.Join(dir, "content", filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		if i%max(1, n/8) == n/16 && path.Ext(a.Path) == ".md" {
			victims = append(victims, a.Path)
		}
	}
	t0 := time.Now()
	h := serveDir(b, dir, "", DefaultQuiet, 60*time.Minute)
	b.Logf("%d articles: first build published after %v", n, time.Since(t0).Round(time.Millisecond))
	originals := map[string]string{}
	for _, v := range victims {
		originals[v] = h.read("content/" + v)
	}

	var toEvent, toServed []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		v := victims[i%len(victims)]
		page := strings.TrimSuffix(v, path.Ext(v)) + "/index.html"
		marker := fmt.Sprintf("benchmark%dmarker", i)
		i++
		start := time.Now()
		h.write("content/"+v, originals[v]+"\nReuters said "+marker+" was the word.\n")
		for {
			ev := h.next()
			if !ev.OK {
				b.Fatalf("build failed: %v", ev.Problems)
			}
			if slices.Contains(ev.Changed, page) {
				break
			}
		}
		toEvent = append(toEvent, time.Since(start))
		for {
			if _, body := h.get(strings.TrimSuffix(page, "index.html")); strings.Contains(body, marker) {
				break
			}
			if time.Since(start) > time.Minute {
				b.Fatalf("%s never showed the edit", page)
			}
		}
		toServed = append(toServed, time.Since(start))
	}
	b.StopTimer()
	report := func(ds []time.Duration, name string) {
		slices.Sort(ds)
		b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(ds[(len(ds)-1)*9/10].Microseconds())/1000, name+"-p90-ms")
	}
	report(toEvent, "event")
	report(toServed, "served")
	for v, s := range originals {
		h.write("content/"+v, s)
	}
}
