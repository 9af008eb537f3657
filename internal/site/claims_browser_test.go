package site

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/isnad/isnad/internal/browsertest"
)

// open loads a page of the built site at width × height, waiting for its
// fonts, so boxes are measured as a reader sees them.
func open(t *testing.T, ctx context.Context, dir, page string, width, height int64) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate(fileURL(dir, page)),
		chromedp.WaitReady("body"),
	)
	if err != nil {
		t.Fatalf("loading %s at %d: %v", page, width, err)
	}
	eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
}

// fileURL is the file:// URL of page in the site at dir; page may carry a
// #fragment.
func fileURL(dir, page string) string {
	p, frag, _ := strings.Cut(page, "#")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p)))}
	if frag != "" {
		u.Fragment = frag
	}
	return u.String()
}

// eval runs a JavaScript expression in the page (awaiting it if it is a
// promise) and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80s: %v", js, err)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
	return v
}

// shoot saves a screenshot of the page as it is when ISNAD_SHOTS names a
// folder.
func shoot(t *testing.T, ctx context.Context, name string, full bool) {
	t.Helper()
	dir := os.Getenv("ISNAD_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	var err error
	if full {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// box is an element's place on the screen, from getBoundingClientRect.
type box struct {
	ID                       string
	Left, Right, Top, Bottom float64
	Visible                  bool
}

const boxJS = `(e) => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
	return {ID: e.id || e.getAttribute('href') || '', Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom,
		Visible: s.visibility === 'visible' && s.display !== 'none' && +s.opacity > 0 && r.width > 0 && r.height > 0}; }`

// settle waits for CSS transitions (a card fading in) to end.
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Sleep(400*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
}

// activeBox describes the focused element.
func activeBox(t *testing.T, ctx context.Context) (box, string, string) {
	t.Helper()
	type active struct {
		Box        box
		Class, Ref string
	}
	a := eval[active](t, ctx, `(() => { const e = document.activeElement;
		return {Box: (`+boxJS+`)(e), Class: e.className, Ref: e.getAttribute('href') || ''}; })()`)
	return a.Box, a.Class, a.Ref
}

// TestClaimsInBrowser drives Chromium over the sample site: the KCNA chip
// on the seed page opens its card from the keyboard, the KCNA outlet page
// links back to each of the seed's KCNA claims, margin notes sit at the
// inline end without overlapping, and no page scrolls sideways.
func TestClaimsInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := buildSample(t)
	const seed = "2024/putin-pyongyang/index.html"
	const english = "2024/russia-north-korea-treaty/index.html"

	// The seed's KCNA claims, from the data beside the page.
	var data struct {
		Claims []struct {
			ID     string
			Source struct{ ID string }
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "2024/putin-pyongyang/claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	var kcna []string
	for _, c := range data.Claims {
		if c.Source.ID == "kcna" {
			kcna = append(kcna, c.ID)
		}
	}
	if len(data.Claims) != 9 || len(kcna) == 0 {
		t.Fatalf("the seed has %d claims, %d of them KCNA's; want 9 with some KCNA", len(data.Claims), len(kcna))
	}

	t.Run("keyboard reaches the KCNA card", func(t *testing.T) {
		open(t, ctx, dir, seed, 1600, 1000)
		chip := "#card-" + kcna[0]
		// Start from the claim, then Tab to the chip as a reader would.
		eval[bool](t, ctx, `(() => { const c = document.getElementById('`+kcna[0]+`'); c.tabIndex = -1; c.focus(); return true; })()`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		settle(t, ctx)
		b, class, ref := activeBox(t, ctx)
		if class != "chip" || ref != chip {
			t.Fatalf("Tab landed on %q %q, want the KCNA chip %q", class, ref, chip)
		}
		card := eval[box](t, ctx, `(`+boxJS+`)(document.getElementById('card-`+kcna[0]+`'))`)
		if !card.Visible {
			t.Fatalf("the KCNA chip is focused but its card is hidden: %+v", card)
		}
		if card.Top < b.Bottom-1 || card.Left < 0 || card.Right > 1600 {
			t.Errorf("the card is not under its chip, on the screen: chip %+v, card %+v", b, card)
		}
		described := eval[string](t, ctx, `document.querySelector('a[href="`+chip+`"]').getAttribute('aria-describedby')`)
		if described != "card-"+kcna[0] {
			t.Errorf("aria-describedby = %q", described)
		}
		text := eval[string](t, ctx, `document.getElementById('card-`+kcna[0]+`').textContent`)
		for _, want := range []string{"وكالة الأنباء المركزية الكورية", "Korean Central News Agency", "وكالة أنباء", "كوريا الشمالية", "وجده إسناد"} {
			if !strings.Contains(text, want) {
				t.Errorf("the KCNA card lacks %q: %q", want, text)
			}
		}
		shoot(t, ctx, "seed-card-1600.png", false)
		// On into the card: its links, visible, going where they say.
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		settle(t, ctx)
		link, _, href := activeBox(t, ctx)
		if href != "../../outlets/kcna/index.html" || !link.Visible {
			t.Errorf("the second Tab reached %q (visible %v), want the card's link to the KCNA page", href, link.Visible)
		}
		if card := eval[box](t, ctx, `(`+boxJS+`)(document.getElementById('card-`+kcna[0]+`'))`); !card.Visible {
			t.Error("the card closed when focus moved into it")
		}
		// Activating the chip keeps the card open after focus leaves.
		eval[bool](t, ctx, `(document.querySelector('a[href="`+chip+`"]').focus(), true)`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
		settle(t, ctx)
		if hash := eval[string](t, ctx, `location.hash`); hash != chip {
			t.Errorf("after Enter on the chip, location.hash = %q, want %q", hash, chip)
		}
		if card := eval[box](t, ctx, `(`+boxJS+`)(document.getElementById('card-`+kcna[0]+`'))`); !card.Visible {
			t.Error("the card of the activated chip is hidden")
		}

		// On a phone the card opens within the screen.
		open(t, ctx, dir, seed, 390, 800)
		eval[bool](t, ctx, `(() => { const a = document.querySelector('a[href="`+chip+`"]'); a.scrollIntoView({block: 'center'}); a.focus(); return true; })()`)
		settle(t, ctx)
		if card := eval[box](t, ctx, `(`+boxJS+`)(document.getElementById('card-`+kcna[0]+`'))`); !card.Visible || card.Left < 0 || card.Right > 390 {
			t.Errorf("at 390 px the focused chip's card is %+v, want it visible within the screen", card)
		}
		shoot(t, ctx, "seed-card-390.png", false)
	})

	t.Run("cards show chains and the org of a person", func(t *testing.T) {
		open(t, ctx, dir, seed, 1600, 1000)
		cards := eval[[]string](t, ctx, `[...document.querySelectorAll('.card')].map(e => e.textContent)`)
		all := strings.Join(cards, "\n")
		for _, want := range []string{"محللون استخباراتيون أميركيون ← وول ستريت جورنال", "ينس ستولتنبرغ", "حلف شمال الأطلسي"} {
			if !strings.Contains(all, want) {
				t.Errorf("no card says %q", want)
			}
		}
		open(t, ctx, dir, english, 1600, 1000)
		cards = eval[[]string](t, ctx, `[...document.querySelectorAll('.card')].map(e => e.textContent)`)
		if all := strings.Join(cards, "\n"); !strings.Contains(all, "http://www.kcna.kp/en") && !strings.Contains(all, "The report") {
			t.Errorf("the English KCNA card does not link the report the front matter cites")
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('.card a[href="http://www.kcna.kp/en"]').length`); n == 0 {
			t.Error("no card links KCNA's report from the front matter")
		}
	})

	t.Run("the KCNA page links back to each claim", func(t *testing.T) {
		open(t, ctx, dir, "outlets/kcna/index.html", 1600, 1000)
		shoot(t, ctx, "kcna-1600.png", true)
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('.claim-list a')].map(a => a.getAttribute('href'))`)
		var got []string
		for _, h := range hrefs {
			if p, frag, ok := strings.Cut(h, "#"); ok && strings.HasSuffix(p, seed) {
				got = append(got, frag)
			}
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(kcna))
		if !slices.Equal(got, want) {
			t.Fatalf("the KCNA page links to the seed's claims %q, want %q", got, want)
		}
		for _, h := range hrefs {
			if !strings.Contains(h, seed) {
				continue
			}
			open(t, ctx, dir, strings.TrimPrefix(h, "../../"), 1600, 1000)
			landed := eval[box](t, ctx, `(() => { const e = document.querySelector(':target'); return e ? (`+boxJS+`)(e) : {}; })()`)
			_, frag, _ := strings.Cut(h, "#")
			if landed.ID != frag || landed.Top < -1 || landed.Bottom > 1000 {
				t.Errorf("%s landed on %+v, want the claim %s in view", h, landed, frag)
			}
		}
	})

	t.Run("back-links from the sources section", func(t *testing.T) {
		open(t, ctx, dir, seed, 1600, 1000)
		links := eval[[]string](t, ctx, `[...document.querySelectorAll('[role=doc-backlink]')].map(a => a.getAttribute('href'))`)
		if len(links) != 9 {
			t.Errorf("%d back-links, want one for each of the 9 claims", len(links))
		}
		letters := eval[string](t, ctx, `[...document.querySelectorAll('.backlinks')][0].textContent`)
		if !strings.HasPrefix(letters, "أب") {
			t.Errorf("the first outlet's back-links read %q, want أ ب ...", letters)
		}
		for _, l := range links {
			landed := eval[box](t, ctx, `(() => { document.querySelector('[role=doc-backlink][href="`+l+`"]').click();
				const e = document.querySelector(':target'); return e ? (`+boxJS+`)(e) : {}; })()`)
			if "#"+landed.ID != l || landed.Top < -1 || landed.Bottom > 1000 {
				t.Errorf("back-link %s landed on %+v", l, landed)
			}
		}
	})

	t.Run("margin notes at the inline end", func(t *testing.T) {
		for _, tt := range []struct {
			page string
			rtl  bool
			shot string
		}{{seed, true, "seed-1600.png"}, {english, false, "english-1600.png"}} {
			open(t, ctx, dir, tt.page, 1600, 1000)
			shoot(t, ctx, tt.shot, true)
			text := eval[box](t, ctx, `(`+boxJS+`)(document.querySelector('.prose'))`)
			notes := eval[[]box](t, ctx, `[...document.querySelectorAll('.note')].map(`+boxJS+`)`)
			if len(notes) < 5 {
				t.Fatalf("%s: %d margin notes", tt.page, len(notes))
			}
			for i, n := range notes {
				if !n.Visible {
					t.Errorf("%s: note %d is hidden at 1600 px", tt.page, i)
				}
				if tt.rtl && n.Right > text.Left || !tt.rtl && n.Left < text.Right {
					t.Errorf("%s: note %d at %.0f–%.0f is not beyond the %s of the text column %.0f–%.0f",
						tt.page, i, n.Left, n.Right, map[bool]string{true: "left", false: "right"}[tt.rtl], text.Left, text.Right)
				}
				if n.Left < 0 || n.Right > 1600 {
					t.Errorf("%s: note %d off the screen: %+v", tt.page, i, n)
				}
				if i > 0 && n.Top < notes[i-1].Bottom {
					t.Errorf("%s: note %d (top %.0f) overlaps note %d (bottom %.0f)", tt.page, i, n.Top, i-1, notes[i-1].Bottom)
				}
			}
		}
	})

	t.Run("narrow: notes fold and open on demand", func(t *testing.T) {
		open(t, ctx, dir, seed, 360, 800)
		shoot(t, ctx, "seed-360.png", true)
		if n := eval[int](t, ctx, `[...document.querySelectorAll('.note')].filter(e => getComputedStyle(e).display !== 'none').length`); n != 0 {
			t.Errorf("%d margin notes open at 360 px; they should be folded", n)
		}
		note := eval[box](t, ctx, `(() => { const l = document.querySelector('.note-label'); l.click();
			return (`+boxJS+`)(l.nextElementSibling); })()`)
		if !note.Visible || note.Left < 0 || note.Right > 360 {
			t.Errorf("the opened note: %+v", note)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("with a note open the page is %d px wide", w)
		}
	})

	t.Run("unattributed statements on demand", func(t *testing.T) {
		open(t, ctx, dir, seed, 1600, 1000)
		bg := `getComputedStyle(document.querySelector('.unattributed')).backgroundColor`
		before := eval[string](t, ctx, bg)
		eval[bool](t, ctx, `(document.querySelector('.show-unattributed').click(), true)`)
		after := eval[string](t, ctx, bg)
		if before == after {
			t.Errorf("the toggle does not mark unattributed statements (background %s)", after)
		}
		if deco := eval[string](t, ctx, `getComputedStyle(document.querySelector('.unattributed')).textDecorationLine`); deco != "underline" {
			t.Errorf("unattributed statements are marked by colour alone (text-decoration %q)", deco)
		}
	})

	t.Run("print: chips become footnote markers", func(t *testing.T) {
		open(t, ctx, dir, seed, 800, 1000)
		// Apply the print rules on screen: the stylesheets again, with
		// their print rules for all media. (A file:// page cannot read its
		// own rules.)
		var css strings.Builder
		for _, name := range []string{"isnad.css", "claims.css"} {
			b, err := os.ReadFile(filepath.Join(dir, "assets", name))
			if err != nil {
				t.Fatal(err)
			}
			css.WriteString(strings.ReplaceAll(string(b), "@media print", "@media all"))
		}
		js, _ := json.Marshal(css.String())
		eval[bool](t, ctx, `(() => { const s = document.createElement('style'); s.textContent = `+string(js)+`;
			document.head.append(s); return true; })()`)
		type chip struct{ Marker, Label, Card string }
		c := eval[chip](t, ctx, `(() => { const a = document.querySelector('a.chip');
			return {Marker: getComputedStyle(a, '::after').content, Label: getComputedStyle(a.firstElementChild).display,
				Card: getComputedStyle(a.nextElementSibling).display}; })()`)
		if c.Marker != `"1"` || c.Label != "none" || c.Card != "none" {
			t.Errorf("printed chip: marker %s, label display %s, card display %s; want \"1\", none, none", c.Marker, c.Label, c.Card)
		}
		if n := eval[int](t, ctx, `[...document.querySelectorAll('.note, .note-label, .sourcing-toggle')].filter(e => getComputedStyle(e).display !== 'none').length`); n != 0 {
			t.Errorf("%d notes or toggles still show in print", n)
		}
		shoot(t, ctx, "seed-print.png", true)
	})

	t.Run("no page scrolls sideways", func(t *testing.T) {
		var pages []string
		err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				pages = append(pages, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, width := range []int64{360, 1600} {
			for _, p := range pages {
				open(t, ctx, dir, p, width, 900)
				if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > int(width) {
					t.Errorf("%s at %d px is %d px wide", p, width, w)
				}
			}
		}
		open(t, ctx, dir, english, 360, 800)
		shoot(t, ctx, "english-360.png", true)
		open(t, ctx, dir, "outlets/kcna/index.html", 360, 800)
		shoot(t, ctx, "kcna-360.png", true)
		open(t, ctx, dir, "outlets/index.html", 1600, 1000)
		shoot(t, ctx, "outlets-1600.png", true)
	})
}

// TestAccessibility runs axe-core (ISNAD_AXE_JS, as CI installs it from
// npm) on the sample pages: no serious or critical violation.
func TestAccessibility(t *testing.T) {
	axe := os.Getenv("ISNAD_AXE_JS")
	if axe == "" {
		if p, err := filepath.Abs("../../node_modules/axe-core/axe.min.js"); err == nil {
			if _, err := os.Stat(p); err == nil {
				axe = p
			}
		}
	}
	if axe == "" {
		if os.Getenv("ISNAD_REQUIRE_BROWSER") == "1" {
			t.Fatal("no axe-core (ISNAD_AXE_JS), and ISNAD_REQUIRE_BROWSER=1")
		}
		t.Skip("no axe-core: set ISNAD_AXE_JS to axe.min.js")
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	dir := buildSample(t)
	type violation struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []string }
	}
	for _, page := range []string{
		"index.html",
		"2024/putin-pyongyang/index.html",
		"2024/russia-north-korea-treaty/index.html",
		"outlets/kcna/index.html",
		"outlets/index.html",
	} {
		for _, width := range []int64{390, 1600} {
			open(t, ctx, dir, page, width, 900)
			eval[bool](t, ctx, string(src)+"\n;true")
			vs := eval[[]violation](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`)
			for _, v := range vs {
				if v.Impact == "serious" || v.Impact == "critical" {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.Join(n.Target, " "))
					}
					t.Errorf("%s at %d: %s (%s): %s; at %q", page, width, v.ID, v.Impact, v.Help, where)
				}
			}
		}
	}
}
