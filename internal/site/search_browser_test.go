package site

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/isnad/isnad/internal/browsertest"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/search"
)

// openSearch loads a search page in the browser and starts recording the
// result events its script sends.
func openSearch(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 900),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("search-q")),
		chromedp.Evaluate[chromedp.Void](`window.__results = []; document.getElementById("search").addEventListener("isnad:results", e => window.__results.push(e.detail))`),
	)
	if err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// searchResult is what the page shows for a query.
type searchResult struct {
	Count    int
	MS       float64
	Status   string
	Links    []string
	Langs    []string
	Marks    []string
	Snippets []string
	Metas    []string // each result's date and language
}

// typeQuery clears the search box, types q key by key as a reader would,
// and returns what the page shows once the results for q are in (and,
// with snippets, once their snippets are filled in).
func typeQuery(t *testing.T, ctx context.Context, q string) searchResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`window.__results = []; document.getElementById("search-q").value = ""`),
		chromedp.SendKeys(chromedp.ID("search-q"), q),
	)
	if err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	qj, _ := json.Marshal(q)
	res, err := chromedp.Run(ctx, chromedp.Poll[searchResult](`(() => {
		const q = `+string(qj)+`;
		const r = window.__results.filter(r => r.query === q).pop();
		if (!r) return null;
		const items = [...document.querySelectorAll("#search-results > li")];
		if (items.some(li => !li.querySelector(".snippet").firstChild)) return null;
		return {
			Count: r.count, MS: r.ms,
			Status: document.getElementById("search-status").textContent,
			Links: items.map(li => li.querySelector("a").getAttribute("href")),
			Langs: items.map(li => li.lang + ":" + li.dir),
			Marks: [...document.querySelectorAll("#search-results mark")].map(m => m.textContent),
			Snippets: items.map(li => li.querySelector(".snippet").textContent),
			Metas: items.map(li => li.querySelector(".meta").textContent),
		};
	})()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("no results for %q: %v", q, err)
	}
	return res
}

// TestSearchNormalizationInBrowser runs the shared table of
// internal/search through the browser's script, and compares the words
// and keys the script makes of the sample articles with the Go index's:
// query time and index time must fold alike (issue 6, point 5).
func TestSearchNormalizationInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildSample(t)
	openSearch(t, ctx, "file://"+filepath.Join(dir, "search", "index.html"))

	table, err := os.ReadFile(filepath.Join("..", "search", "testdata", "normalize.json"))
	if err != nil {
		t.Fatal(err)
	}
	failures, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const tab = `+string(table)+`, s = window.isnadSearch, out = [];
		const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
		for (const c of tab.words) if (!eq(s.words(c.text), c.words)) out.push("words(" + c.text + ") = " + JSON.stringify(s.words(c.text)));
		for (const c of tab.keys) {
			if (!eq(s.keys(c.word), c.keys)) out.push("keys(" + c.word + ") = " + JSON.stringify(s.keys(c.word)));
			if (!eq(s.queryKeys(c.word), c.query)) out.push("queryKeys(" + c.word + ") = " + JSON.stringify(s.queryKeys(c.word)));
		}
		for (const c of tab.stems) if (s.englishStem(c.word) !== c.stem) out.push("englishStem(" + c.word + ") = " + s.englishStem(c.word));
		for (const c of tab.matches) {
			const got = s.words(c.query).some(q => s.words(c.text).some(w => s.matches(q, w)));
			if (got !== c.match) out.push("match(" + c.query + ", " + c.text + ") = " + got);
		}
		return out;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("in the browser: %s", f)
	}

	// Every word of the sample articles, and its keys, alike in both.
	var texts []string
	for _, name := range []string{"2024/putin-pyongyang.txt", "2024/red-sea-shipping.md", "2024/russia-north-korea-treaty.md", "outlets.yaml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "content", name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var tab struct{ Samples []string }
	if err := json.Unmarshal(table, &tab); err != nil || len(tab.Samples) == 0 {
		t.Fatalf("no samples in normalize.json: %v", err)
	}
	texts = append(texts, tab.Samples...)
	js, _ := json.Marshal(texts)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`(`+string(js)+`).map(t => window.isnadSearch.words(t).flatMap(w => [w, ...window.isnadSearch.keys(w)]))`))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		var want []string
		for _, w := range search.Words(text) {
			want = append(want, w)
			want = append(want, search.Keys(w)...)
		}
		if !slices.Equal(want, got[i]) {
			for j := range min(len(want), len(got[i])) {
				if want[j] != got[i][j] {
					t.Errorf("text %d: word or key %d is %q in Go, %q in the browser", i, j, want[j], got[i][j])
					break
				}
			}
			if len(want) != len(got[i]) {
				t.Errorf("text %d: %d words and keys in Go, %d in the browser", i, len(want), len(got[i]))
			}
		}
	}
}

// TestSearchInBrowser types queries into the sample site's search page,
// from file:// and over HTTP: Arabic spelled otherwise than the text,
// English, and a filter by outlet (issue 6, points 5 and 9).
func TestSearchInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildSample(t)
	srv := serveSite(t, dir, "/repo/")
	const seed = "../2024/putin-pyongyang/index.html"
	for _, base := range []string{"file://" + dir + "/", srv + "/repo/"} {
		t.Run(strings.SplitN(base, ":", 2)[0], func(t *testing.T) {
			openSearch(t, ctx, base+"search/index.html")
			for _, q := range []string{
				"الاتفاقيه",       // for اتفاقية: ta marbuta typed as ha, with the article
				"بِيُونْغْيَانْغ", // with diacritics, as one word for بيونغ يانغ
				"والناتو",         // with a conjunction and the article, for الناتو
				"بوتين يوقع",      // two words, the second being typed
				"الـنـاتـو",       // tatweel
			} {
				r := typeQuery(t, ctx, q)
				if !slices.Contains(r.Links, seed) {
					t.Errorf("%q: the seed article is not among %q", q, r.Links)
				}
				if len(r.Marks) == 0 {
					t.Errorf("%q: nothing highlighted", q)
				}
				if r.Status == "" {
					t.Errorf("%q: the live region says nothing", q)
				}
				t.Logf("%q: %d results in %.1f ms, marked %q", q, r.Count, r.MS, r.Marks)
			}
			en := typeQuery(t, ctx, "treaties signed")
			if len(en.Links) == 0 || en.Links[0] != "../2024/russia-north-korea-treaty/index.html" || en.Langs[0] != "en:ltr" {
				t.Errorf("English query: %q %q", en.Links, en.Langs)
			} else if en.Metas[0] != "20 June 2024English" {
				t.Errorf("English query: the result's date and language read %q", en.Metas[0])
			}
			// The outlet filter: only articles citing the IMF.
			if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("search-outlet"), "imf")); err != nil {
				t.Fatal(err)
			}
			r := typeQuery(t, ctx, "قناة")
			if len(r.Links) != 1 || r.Links[0] != "../2024/red-sea-shipping/index.html" {
				t.Errorf("filtered to the IMF: %q", r.Links)
			}
			chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("search-outlet"), ""))
			none := typeQuery(t, ctx, "كلمةلاوجودلها")
			if none.Count != 0 || none.Status == "" {
				t.Errorf("a word found nowhere: %d results, status %q", none.Count, none.Status)
			}
		})
	}
}

// TestSearchAccessibility runs axe-core on the search page with results
// on it, in Arabic and in English, narrow and wide: no serious or critical
// violation.
func TestSearchAccessibility(t *testing.T) {
	axe := os.Getenv("ISNAD_AXE_JS")
	if axe == "" {
		axe, _ = filepath.Abs("../../node_modules/axe-core/axe.min.js")
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		if os.Getenv("ISNAD_REQUIRE_BROWSER") == "1" {
			t.Fatalf("no axe-core (ISNAD_AXE_JS): %v", err)
		}
		t.Skip("no axe-core: set ISNAD_AXE_JS to axe.min.js")
	}
	ctx := browsertest.New(t)
	dir := buildSample(t)
	type violation struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []string }
	}
	for _, page := range []struct{ file, query string }{
		{"search/index.html", "والناتو"},
		{"search/en/index.html", "treaty"},
	} {
		for _, width := range []int64{390, 1280} {
			openSearch(t, ctx, "file://"+filepath.Join(dir, page.file))
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			if r := typeQuery(t, ctx, page.query); r.Count == 0 {
				t.Fatalf("%s: no results for %q", page.file, page.query)
			}
			eval[bool](t, ctx, string(src)+"\n;true")
			for _, v := range eval[[]violation](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`) {
				if v.Impact == "serious" || v.Impact == "critical" {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.Join(n.Target, " "))
					}
					t.Errorf("%s at %d: %s (%s): %s; at %q", page.file, width, v.ID, v.Impact, v.Help, where)
				}
			}
			if w := eval[int](t, ctx, `document.documentElement.scrollWidth - innerWidth`); w > 0 {
				t.Errorf("%s at %d: the page is %dpx wider than the screen", page.file, width, w)
			}
		}
	}
}

// TestSearchMoreAndURL: a query given in the address (?q=, as the search
// box of another page or a bookmark gives it) runs on load; long result
// lists come ten at a time, the "more" button bringing the next ones, and
// the count says how many there are in all.
func TestSearchMoreAndURL(t *testing.T) {
	src := fstest.MapFS{}
	for i := range 25 {
		src[fmt.Sprintf("content/2024/b%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: موجز رقم %d\ndate: 2024-01-%02d\n---\nنص الموجز %d عن الاقتصاد.\n", i, i+1, i))}
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	u := "file://" + filepath.Join(dir, "search", "index.html") + "?q=" + url.QueryEscape("الموجز")
	ctx2, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx2, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	state := func(n int) []string {
		t.Helper()
		got, err := chromedp.Run(ctx2, chromedp.Poll[[]string](fmt.Sprintf(`(() => {
			const items = document.querySelectorAll("#search-results > li");
			if (items.length !== %d) return null;
			return [document.getElementById("search-q").value, document.getElementById("search-status").textContent,
				String(document.getElementById("search-more").hidden), items[0].querySelector("a").textContent];
		})()`, n), chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("waiting for %d results: %v", n, err)
		}
		return got
	}
	got := state(10)
	if got[0] != "الموجز" || got[1] != "25 نتيجة" || got[2] != "false" || got[3] != "موجز رقم 24" {
		t.Errorf("first page: box %q, status %q, more hidden %s, first %q", got[0], got[1], got[2], got[3])
	}
	for _, n := range []int{20, 25} {
		if err := chromedp.Do(ctx2, chromedp.Click(chromedp.ID("search-more"))); err != nil {
			t.Fatal(err)
		}
		got = state(n)
	}
	if got[2] != "true" {
		t.Error("the more button still shows with every result on the page")
	}
}
