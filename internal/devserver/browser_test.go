package devserver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/isnad/isnad/internal/browsertest"
)

// longArticle is an Arabic article long enough to scroll.
func longArticle(marker string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: مقال طويل\ndate: 2024-04-01\n---\n\n")
	b.WriteString(marker + "\n\n")
	for i := range 60 {
		fmt.Fprintf(&b, "الفقرة %d: قالت وكالة رويترز إن المحادثات مستمرة، وذكرت مصادر أن الجولة المقبلة تعقد الأسبوع القادم.\n\n", i+1)
	}
	return b.String()
}

// eval runs a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it holds, across reloads
// (chromedp.Poll stops at a navigation).
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, err := chromedp.Run(cctx, chromedp.Evaluate[bool]("Boolean("+expr+")"))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("waited 20s for %s (%s); last error: %v", what, expr, last)
}

// open loads url in the browser, at a desktop size, and waits for its body.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	nctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(nctx,
		chromedp.EmulateViewport(1000, 700),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
	); err != nil {
		t.Fatal(err)
	}
}

// overlay is what the error overlay shows.
type overlay struct {
	Dir, Lang, Text string
}

// overlayOf reads the error overlay of the page, which must show one.
func overlayOf(t *testing.T, ctx context.Context) overlay {
	t.Helper()
	return eval[overlay](t, ctx, `(() => { const o = document.getElementById("isnad-overlay"); return {Dir: o.dir, Lang: o.lang, Text: o.innerText}; })()`)
}

// shot saves a screenshot of the page as name under $ISNAD_SHOTS, when set,
// for a person to look at.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("ISNAD_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserSeesEditsLive opens an article in Chromium, edits it on disk
// and sees the new text with no action in the browser, at the same scroll
// position; swaps a stylesheet without a reload; and shows and clears the
// error overlay, right to left on an Arabic page. (Issue 5, points 4, 5
// and 7.)
func TestBrowserSeesEditsLive(t *testing.T) {
	ctx := browsertest.New(t)
	h := startServer(t, "", nil)
	h.write("content/2024/long.md", longArticle("النص الأول"))
	if ev := h.one(); !ev.OK {
		t.Fatalf("adding the long article: %+v", ev)
	}

	open(t, ctx, h.base+"2024/long/")
	waitFor(t, ctx, "the event stream", "window.isnadLive && isnadLive.connected")
	eval[any](t, ctx, "window.scrollTo(0, 900), window.marker = 'before', 0")
	waitFor(t, ctx, "the scroll", "window.scrollY > 800")

	// An edit on disk shows up by itself, where the reader was.
	h.replace("content/2024/long.md", "النص الأول", "النص المعدَّل")
	h.next()
	waitFor(t, ctx, "the edited text", `document.body.innerText.includes("النص المعدَّل")`)
	waitFor(t, ctx, "the event stream after the reload", "window.isnadLive && isnadLive.connected")
	if m := eval[string](t, ctx, "String(window.marker)"); m != "undefined" {
		t.Errorf("after an edit the page was not reloaded (marker %q)", m)
	}
	waitFor(t, ctx, "the scroll position to come back", "Math.abs(window.scrollY - 900) < 50")

	// A stylesheet edit is applied without reloading the page.
	eval[any](t, ctx, "window.marker = 'kept', 0")
	sheets := eval[int](t, ctx, `document.querySelectorAll('link[rel~="stylesheet"]').length`)
	h.write("assets/isnad.css", ":root { --probe: 42 }\nbody { background: rgb(1, 2, 3) }\n")
	h.next()
	waitFor(t, ctx, "the new stylesheet", `getComputedStyle(document.documentElement).getPropertyValue("--probe").trim() === "42"`)
	if m := eval[string](t, ctx, "String(window.marker)"); m != "kept" {
		t.Errorf("a stylesheet edit reloaded the page (marker %q)", m)
	}
	if bg := eval[string](t, ctx, "getComputedStyle(document.body).backgroundColor"); bg != "rgb(1, 2, 3)" {
		t.Errorf("background %q after the stylesheet edit", bg)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('link[rel~="stylesheet"]').length`); n != sheets {
		t.Errorf("%d stylesheets after the swap, want %d (the old one removed)", n, sheets)
	}

	// Another page's edit leaves this one alone.
	h.replace("content/2024/grain.md", "rose", "fell")
	ev := h.one()
	if !ev.OK || !hasAll(ev.Changed, grainPage) {
		t.Fatalf("editing another article: %+v", ev)
	}
	time.Sleep(300 * time.Millisecond)
	if m := eval[string](t, ctx, "String(window.marker)"); m != "kept" {
		t.Errorf("editing another article reloaded this one (marker %q)", m)
	}

	// A broken front matter shows the overlay, right to left here,
	// over the last good page; the fix clears it.
	h.replace("content/2024/long.md", "date: 2024-04-01", "date: 2024-13-45")
	h.next()
	waitFor(t, ctx, "the error overlay", `document.getElementById("isnad-overlay")`)
	o := overlayOf(t, ctx)
	if o.Dir != "rtl" || o.Lang != "ar" {
		t.Errorf("overlay dir %q lang %q, want rtl ar", o.Dir, o.Lang)
	}
	if !strings.Contains(o.Text, "تعذّر بناء الموقع") || !strings.Contains(o.Text, "content/2024/long.md:3:") || !strings.Contains(o.Text, "date: 2024-13-45") {
		t.Errorf("overlay text:\n%s", o.Text)
	}
	if !strings.Contains(eval[string](t, ctx, "document.body.innerText"), "النص المعدَّل") {
		t.Error("the last good page is not shown under the overlay")
	}
	shot(t, ctx, "serve-overlay.png")
	h.replace("content/2024/long.md", "date: 2024-13-45", "date: 2024-04-02")
	h.next()
	waitFor(t, ctx, "the overlay to go", `!document.getElementById("isnad-overlay")`)
}

// TestBrowserShowsAPageTemplateFailure opens an outlet page, made on
// first use once the build is over, whose template fails when it runs:
// the build is good, so only that page shows the overlay, in its
// language and with the template's file:line:col and line; fixing the
// template reloads the page without it.
func TestBrowserShowsAPageTemplateFailure(t *testing.T) {
	ctx := browsertest.New(t)
	h := startServer(t, "", nil)
	h.write("templates/outlet.html", brokenOutletTemplate)
	if ev := h.one(); !ev.OK {
		t.Fatalf("the broken outlet template failed the build: %+v", ev)
	}
	open(t, ctx, h.base+"outlets/reuters/")
	waitFor(t, ctx, "the page's overlay", `document.getElementById("isnad-overlay")`)
	waitFor(t, ctx, "the event stream", "window.isnadLive && isnadLive.connected")
	o := overlayOf(t, ctx)
	if o.Dir != "rtl" || o.Lang != "ar" {
		t.Errorf("overlay dir %q lang %q, want rtl ar", o.Dir, o.Lang)
	}
	if !strings.Contains(o.Text, "تعذّر إنشاء هذه الصفحة") || !strings.Contains(o.Text, "templates/outlet.html:3:") || !strings.Contains(o.Text, "index .Outlet.Source.Kind 99") {
		t.Errorf("overlay text:\n%s", o.Text)
	}
	shot(t, ctx, "serve-page-overlay.png")
	// An edit elsewhere leaves the overlay: the page is still broken.
	h.replace("content/2024/grain.md", "rose", "fell")
	h.next()
	time.Sleep(300 * time.Millisecond)
	waitFor(t, ctx, "the overlay to stay", `document.getElementById("isnad-overlay")`)

	h.remove("templates/outlet.html")
	h.next()
	waitFor(t, ctx, "the fixed page", `!document.getElementById("isnad-overlay") && document.querySelector("h1") && document.querySelector("h1").innerText.includes("رويترز")`)
}
