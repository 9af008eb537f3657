package site

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/isnad/isnad/internal/browsertest"
)

// pageReport is what the test asks the browser about a page.
type pageReport struct {
	Lang, Dir     string
	BodyDirection string
	ScrollWidth   int
	InnerWidth    int
	Fonts         map[string]string // family → status
	NaskhReady    bool
	PreDirections []string
	ItemDirs      []string // computed direction of each item in a list of briefings
	ItemsShown    []bool   // whether each item's title can be seen
	Bdi           int
}

const reportJS = `(async () => {
	await document.fonts.ready;
	const fonts = {};
	document.fonts.forEach(f => { if (fonts[f.family] !== "loaded") fonts[f.family] = f.status; });
	return {
		Lang: document.documentElement.lang,
		Dir: document.documentElement.dir,
		BodyDirection: getComputedStyle(document.body).direction,
		ScrollWidth: document.documentElement.scrollWidth,
		InnerWidth: window.innerWidth,
		Fonts: fonts,
		NaskhReady: document.fonts.check('16px "Isnad Naskh"', 'بوتين'),
		PreDirections: [...document.querySelectorAll('pre')].map(e => getComputedStyle(e).direction),
		ItemDirs: [...document.querySelectorAll('.briefings > li')].map(e => e.lang + ":" + getComputedStyle(e).direction),
		ItemsShown: [...document.querySelectorAll('.briefings > li')].map(e => {
			const a = e.querySelector('h2 a');
			if (!a) return false;
			const r = a.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && a.checkVisibility({opacityProperty: true, visibilityProperty: true});
		}),
		Bdi: document.querySelectorAll('.prose bdi').length,
	};
})()`

// visit loads the page at width × 900 and reports on it; with
// ISNAD_SHOTS set it also saves a full-page screenshot there.
func visit(t *testing.T, ctx context.Context, file string, width int64, shot string) pageReport {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, 900),
		chromedp.Navigate("file://"+file),
		chromedp.WaitReady("body"),
	)
	if err != nil {
		t.Fatalf("loading %s: %v", file, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](reportJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("inspecting %s: %v", file, err)
	}
	var r pageReport
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ISNAD_SHOTS"); dir != "" && shot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, shot), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// TestSampleSiteInBrowser opens the sample site from file:// in Chromium,
// narrow and wide: pages read in their direction, the self-hosted fonts
// load, code stays left to right, mixed lists keep each item's direction,
// and nothing is wider than the screen.
func TestSampleSiteInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildSample(t)
	for _, width := range []int64{390, 1280} {
		seed := visit(t, ctx, filepath.Join(dir, "2024/putin-pyongyang/index.html"), width, "seed-"+itoa(width)+".png")
		if seed.Lang != "ar" || seed.Dir != "rtl" || seed.BodyDirection != "rtl" {
			t.Errorf("seed at %d: lang %q dir %q, body direction %q", width, seed.Lang, seed.Dir, seed.BodyDirection)
		}
		if seed.Fonts["Isnad Naskh"] != "loaded" || !seed.NaskhReady {
			t.Errorf("seed at %d: the Arabic font did not load from file://: %v", width, seed.Fonts)
		}
		if seed.ScrollWidth > seed.InnerWidth {
			t.Errorf("seed at %d: page is %dpx wide, wider than the screen", width, seed.ScrollWidth)
		}

		home := visit(t, ctx, filepath.Join(dir, "index.html"), width, "home-"+itoa(width)+".png")
		if home.Dir != "rtl" {
			t.Errorf("home at %d: dir %q", width, home.Dir)
		}
		for _, item := range home.ItemDirs {
			lang, d, _ := strings.Cut(item, ":")
			if want := map[string]string{"ar": "rtl", "en": "ltr"}[lang]; want != "" && d != want {
				t.Errorf("home at %d: a %s item is laid out %s", width, lang, d)
			}
		}
		if len(home.ItemsShown) != 3 || slices.Contains(home.ItemsShown, false) {
			t.Errorf("home at %d: briefings whose titles can be seen: %v, want all 3", width, home.ItemsShown)
		}
		if !strings.Contains(strings.Join(home.ItemDirs, " "), "en:ltr") {
			t.Errorf("home at %d: no English item among %q", width, home.ItemDirs)
		}
		if home.ScrollWidth > home.InnerWidth {
			t.Errorf("home at %d: page is %dpx wide, wider than the screen", width, home.ScrollWidth)
		}

		code := visit(t, ctx, filepath.Join(dir, "2024/red-sea-shipping/index.html"), width, "red-sea-"+itoa(width)+".png")
		if len(code.PreDirections) == 0 {
			t.Errorf("red sea at %d: no code block", width)
		}
		for _, d := range code.PreDirections {
			if d != "ltr" {
				t.Errorf("red sea at %d: a code block is laid out %s", width, d)
			}
		}
		if code.Bdi == 0 {
			t.Errorf("red sea at %d: no isolated Latin runs in the Arabic text", width)
		}
		if code.ScrollWidth > code.InnerWidth {
			t.Errorf("red sea at %d: page is %dpx wide, wider than the screen", width, code.ScrollWidth)
		}

		en := visit(t, ctx, filepath.Join(dir, "2024/russia-north-korea-treaty/index.html"), width, "english-"+itoa(width)+".png")
		if en.Dir != "ltr" || en.Fonts["Isnad Serif"] != "loaded" {
			t.Errorf("english at %d: dir %q, fonts %v", width, en.Dir, en.Fonts)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
