package site

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/isnad/isnad/internal/browsertest"

	"github.com/isnad/isnad"
)

// TestSearchSpeed measures search in the browser on a large site, one
// keystroke at a time, typed at a brisk 80 ms a key: how long each
// keystroke takes to show its results (titles, dates, languages), and to
// fill in their snippets, from file://. Issue 6 asks for results in under
// 50 ms on a 10,000-article site.
//
// It is a measurement, not a gate: it runs only when ISNAD_SEARCH_SITE
// names a built site, or when ISNAD_SEARCH_10K=1, which builds one from
// 10,000 articles of internal/corpus (minutes on two cores):
//
//	go run ./bench/gencorpus -n 10000 -out /tmp/big/content
//	go run ./cmd/isnad build --src /tmp/big
//	ISNAD_SEARCH_SITE=/tmp/big/site go test ./internal/site -run TestSearchSpeed -v
func TestSearchSpeed(t *testing.T) {
	dir := os.Getenv("ISNAD_SEARCH_SITE")
	if dir == "" && os.Getenv("ISNAD_SEARCH_10K") != "1" {
		t.Skip("set ISNAD_SEARCH_SITE to a built site, or ISNAD_SEARCH_10K=1")
	}
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "site")
		start := time.Now()
		if _, err := BuildDir(t.Context(), Config{Source: corpusSite(10000), Defaults: isnad.Defaults}, dir); err != nil {
			t.Fatal(err)
		}
		t.Logf("built 10,000 articles in %v", time.Since(start))
	}
	ctx := browsertest.New(t)
	openSearch(t, ctx, "file://"+filepath.Join(dir, "search", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__snippets = []; document.getElementById("search").addEventListener("isnad:snippets", e => window.__snippets.push(e.detail))`)); err != nil {
		t.Fatal(err)
	}
	var keys, snips, warm []float64
	first := -1.0
	for _, q := range []string{"الاتفاقيه", "المفاوضات", "والناتو", "رويترز قالت", "بِيُونْغْيَانْغ", "النازحين", "Reuters said", "sanctions", "وكالة الأنباء"} {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__results = []; window.__snippets = []; document.getElementById("search-q").value = ""`)); err != nil {
			t.Fatal(err)
		}
		for _, r := range q {
			kctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			err := chromedp.Do(kctx, chromedp.SendKeys(chromedp.ID("search-q"), string(r)), chromedp.Sleep(80*time.Millisecond))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
		}
		// Wait for the last keystroke's results and snippets.
		qj, _ := json.Marshal(q)
		res, err := chromedp.Run(ctx, chromedp.Poll[[]float64](`(() => {
			const r = window.__results;
			const q = `+string(qj)+`, s = window.__snippets;
			if (!r.length || r[r.length-1].query !== q || !s.length || s[s.length-1].query !== q) return null;
			return [r.length, r[r.length-1].count, ...r.map(x => x.ms)];
		})()`, chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		sn, _ := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`window.__snippets.map(s => s.ms)`))
		ms := res[2:]
		if first < 0 {
			first = ms[0]
			ms = ms[1:]
		}
		keys = append(keys, ms...)
		snips = append(snips, sn...)
		t.Logf("%-16q %6.0f results; per keystroke, results in %v ms, snippets in %v ms", q, res[1], round(res[2:]), round(sn))
		// The same query again, all its files loaded: the time the
		// script itself takes to find, rank and show the results.
		again, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(async () => {
			const f = document.getElementById("search"), q = document.getElementById("search-q"), out = [];
			for (let i = 0; i < 5; i++) {
				const done = new Promise(r => f.addEventListener("isnad:results", e => { window.__last = e.detail; r(e.detail.ms); }, {once: true}));
				q.dispatchEvent(new Event("input"));
				out.push(await done);
			}
			return out;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		warm = append(warm, pct(again, 50))
		last, _ := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[__last.ms, __last.run, __last.wait, __last.sort, __last.meta]`))
		t.Logf("    again: %.1f ms: %.1f finding, %.1f ranking, %.1f waiting for titles, %.1f showing", last[0], last[1], last[3], last[4], last[0]-last[1]-last[3]-last[4])
		parts, _ := chromedp.Run(ctx, chromedp.Evaluate[[][]float64](`window.__results.map(r => [r.ms, r.run, r.wait, r.meta, r.sort])`))
		for _, p := range parts {
			if p[0] > 50 {
				t.Logf("    slow keystroke: %.1f ms, of which %.1f finding the articles (%.1f waiting for the index), %.1f ranking, %.1f waiting for titles, %.1f showing them", p[0], p[1], p[2], p[4], p[3], p[0]-p[1]-p[3]-p[4])
			}
		}
	}
	t.Logf("first keystroke (loading the index's entry): %.1f ms", first)
	t.Logf("results per keystroke over %d keystrokes: median %.1f ms, p95 %.1f ms, max %.1f ms", len(keys), pct(keys, 50), pct(keys, 95), pct(keys, 100))
	t.Logf("the last keystroke of each query again, with its files loaded: %v ms (median of 5 each)", round(warm))
	t.Logf("snippets per keystroke: median %.1f ms, p95 %.1f ms, max %.1f ms", pct(snips, 50), pct(snips, 95), pct(snips, 100))
}

func round(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(int(x*10+0.5)) / 10
	}
	return out
}

func pct(v []float64, p int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := (len(s) - 1) * p / 100
	return s[i]
}
