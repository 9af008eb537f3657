// Package browsertest starts a real, headless Chromium for tests, driven
// through chromedp: a page is opened, scripted and inspected as a reader's
// browser would show it.
//
//	ctx := browsertest.New(t)
//	var title string
//	err := chromedp.Run(ctx, chromedp.Navigate(url), chromedp.Title(&title))
//
// Each call starts its own browser with a fresh profile, closed when the
// test ends. When no Chromium is found the test is skipped, unless the
// environment variable ISNAD_REQUIRE_BROWSER is set (CI sets it), and then
// it fails. ISNAD_CHROMIUM names the executable when it is not on PATH as
// chromium, chromium-browser or google-chrome.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable to use, or "" when there is none.
func Path() string {
	if p := os.Getenv("ISNAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts headless Chromium and returns a chromedp context for a tab
// in it. The browser is closed when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("ISNAD_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found (set ISNAD_CHROMIUM or install chromium), and ISNAD_REQUIRE_BROWSER is set")
		}
		t.Skip("no Chromium found: install Debian's chromium or set ISNAD_CHROMIUM to run this browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // needed as root, as in CI containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first Run starts the browser; it must not run under a context
	// with a deadline, or the browser dies with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	return ctx
}
