package site

import (
	"bytes"
	"context"
	"flag"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// repoRoot is the repository, whose content/ is the sample site.
const repoRoot = "../.."

// buildSample builds the repository's sample site into a fresh folder.
func buildSample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	res, err := BuildDir(t.Context(), Config{Source: os.DirFS(repoRoot), Defaults: isnad.Defaults}, dir)
	if err != nil {
		t.Fatalf("building the sample site: %v", err)
	}
	for _, d := range res.Diags {
		t.Logf("%v", d)
	}
	if res.Articles < 3 {
		t.Fatalf("built %d articles, want at least 3 (the seed, an English and an Arabic Markdown briefing)", res.Articles)
	}
	return dir
}

// TestGoldenPages compares the rendered seed page and an English page
// with testdata/golden; go test -update rewrites them.
func TestGoldenPages(t *testing.T) {
	var out Mem
	if _, err := Build(t.Context(), Config{Source: os.DirFS(repoRoot), Defaults: isnad.Defaults, Out: &out}); err != nil {
		t.Fatal(err)
	}
	for _, page := range []struct{ name, golden string }{
		{"2024/putin-pyongyang/index.html", "putin-pyongyang.html"},
		{"2024/russia-north-korea-treaty/index.html", "russia-north-korea-treaty.html"},
	} {
		got, ok := out.File(page.name)
		if !ok {
			t.Errorf("%s was not written", page.name)
			continue
		}
		golden := filepath.Join("testdata", "golden", page.golden)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from %s (-want +got); if the change is right, run go test ./internal/site -update:\n%s", page.name, golden, diff)
		}
	}
}

var (
	htmlTagRE = regexp.MustCompile(`<html lang="([^"]+)" dir="(rtl|ltr)">`)
	linkRE    = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	cssURLRE  = regexp.MustCompile(`url\(([^)]+)\)`)
	idRE      = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestSampleSiteLinks builds the sample site and checks that every page
// says its language and direction, and that every relative link and asset
// resolves to a file, and every #fragment to an id in it.
func TestSampleSiteLinks(t *testing.T) {
	dir := buildSample(t)
	site := os.DirFS(dir)
	var pages, css []string
	err := fs.WalkDir(site, ".", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case strings.HasSuffix(p, ".html"):
			pages = append(pages, p)
		case strings.HasSuffix(p, ".css"):
			css = append(css, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "404.html", "tags/index.html", "2024/putin-pyongyang/index.html"} {
		if !slices.Contains(pages, want) {
			t.Errorf("no %s in the built site", want)
		}
	}
	if _, err := fs.Stat(site, ".nojekyll"); err != nil {
		t.Error("no .nojekyll in the built site")
	}
	ids := map[string][]string{}
	idsOf := func(p string) []string {
		if v, ok := ids[p]; ok {
			return v
		}
		b, _ := fs.ReadFile(site, p)
		var v []string
		for _, m := range idRE.FindAllSubmatch(b, -1) {
			v = append(v, html.UnescapeString(string(m[1])))
		}
		ids[p] = v
		return v
	}
	checked := 0
	check := func(from, ref string) {
		ref = html.UnescapeString(ref)
		u, err := url.Parse(ref)
		if err != nil {
			t.Errorf("%s: bad URL %q: %v", from, ref, err)
			return
		}
		if u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "data:") {
			return // outside the site
		}
		target := from
		if u.Path != "" {
			if strings.HasPrefix(u.Path, "/") {
				// Only 404.html links from the server root.
				if from != "404.html" {
					t.Errorf("%s: absolute link %q; internal links must be relative", from, ref)
					return
				}
				target = strings.TrimPrefix(u.Path, "/")
			} else {
				target = path.Join(path.Dir(from), u.Path)
			}
		}
		checked++
		if st, err := fs.Stat(site, target); err != nil || st.IsDir() {
			t.Errorf("%s: link %q: no file %s", from, ref, target)
			return
		}
		if u.Fragment != "" && strings.HasSuffix(target, ".html") && !slices.Contains(idsOf(target), u.Fragment) {
			t.Errorf("%s: link %q: no id %q in %s", from, ref, u.Fragment, target)
		}
	}
	for _, p := range pages {
		b, err := fs.ReadFile(site, p)
		if err != nil {
			t.Fatal(err)
		}
		m := htmlTagRE.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s: no <html lang dir>", p)
		} else if dir := string(m[2]); (dir == "rtl") != (string(m[1]) == "ar") {
			t.Errorf("%s: lang %s with dir %s", p, m[1], dir)
		}
		for _, l := range linkRE.FindAllSubmatch(b, -1) {
			check(p, string(l[1]))
		}
	}
	for _, p := range css {
		b, _ := fs.ReadFile(site, p)
		for _, l := range cssURLRE.FindAllSubmatch(b, -1) {
			check(p, strings.Trim(string(l[1]), `"'`))
		}
	}
	if checked < 50 {
		t.Errorf("checked only %d links; the checker is not finding them", checked)
	}
}

// TestLogicalCSSOnly keeps physical directions out of the stylesheets and
// the pages' markup, so everything mirrors on right-to-left pages.
func TestLogicalCSSOnly(t *testing.T) {
	dir := buildSample(t)
	physical := regexp.MustCompile(`(?i)\b(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)`)
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !(strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".html")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range bytes.Split(b, []byte("\n")) {
			if m := physical.Find(line); m != nil {
				t.Errorf("%s:%d: physical property %q", p, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// txtarSite reads a test site from testdata/build/NAME.txt.
func txtarSite(t *testing.T, name string) fs.FS {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "build", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := txtar.FS(a)
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// snapshot returns every file under dir with its contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFailedBuildLeavesOldSite builds a good site, then breaks it in
// several ways: each failed build must leave the old site as it was and
// leave no temporary folder behind.
func TestFailedBuildLeavesOldSite(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	good := txtarSite(t, "good.txt")
	if _, err := BuildDir(t.Context(), Config{Source: good, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	if _, ok := before["2024/two/index.html"]; !ok {
		t.Fatalf("the good build has no 2024/two/index.html: %v", slices.Sorted(maps.Keys(before)))
	}
	for _, broken := range []string{"bad-front-matter.txt", "bad-template.txt", "template-exec-error.txt", "outlet-template-exec-error.txt"} {
		t.Run(broken, func(t *testing.T) {
			res, err := BuildDir(t.Context(), Config{Source: txtarSite(t, broken), Defaults: isnad.Defaults}, dir)
			if err == nil {
				t.Fatal("the broken build succeeded")
			}
			if !res.Diags.HasErrors() {
				t.Errorf("the broken build failed with %v but no error diagnostics", err)
			}
			for _, d := range res.Diags.Errors() {
				if d.Pos.File == "" || d.Pos.Line == 0 {
					t.Errorf("a problem without its file and line: %v", d)
				}
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("the old site changed (-before +after):\n%s", diff)
			}
			// Nothing but the site and its cache (see CacheDir), which
			// holds no half-done commit.
			entries, _ := os.ReadDir(parent)
			if len(entries) != 2 || entries[0].Name() != ".isnad-cache" || entries[1].Name() != "site" {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("left behind: %q", names)
			}
			if _, err := os.Stat(filepath.Join(parent, ".isnad-cache", "site", journalName)); err == nil {
				t.Error("a failed build left a journal")
			}
		})
	}
}

// TestDeletedArticlesDoNotLinger rebuilds after deleting an article.
func TestDeletedArticlesDoNotLinger(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	good := txtarSite(t, "good.txt")
	if _, err := BuildDir(t.Context(), Config{Source: good, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	fewer := fstestWithout(t, good, "content/2024/two.md")
	if _, err := BuildDir(t.Context(), Config{Source: fewer, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "2024", "two")); err == nil {
		t.Error("2024/two/ is still there after its article was deleted")
	}
	if _, err := os.Stat(filepath.Join(dir, "2024", "one", "index.html")); err != nil {
		t.Errorf("2024/one/index.html is gone: %v", err)
	}
}

// TestRefusesToReplaceAForeignFolder protects a folder that is not a site.
func TestRefusesToReplaceAForeignFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "thesis.txt"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := BuildDir(t.Context(), Config{Source: txtarSite(t, "good.txt"), Defaults: isnad.Defaults}, dir)
	if err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Fatalf("BuildDir into a folder of other files: err = %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "thesis.txt")); string(b) != "precious" {
		t.Error("the folder's file was touched")
	}
}

// TestAllProblemsInOneRun checks that one build reports every problem, each
// at its file:line:col.
func TestAllProblemsInOneRun(t *testing.T) {
	res, err := Build(t.Context(), Config{Source: txtarSite(t, "many-problems.txt"), Defaults: isnad.Defaults, Out: &Mem{}})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	var got []string
	for _, d := range res.Diags {
		got = append(got, d.Error())
	}
	want := []string{
		"content/a.md:3:1: date: cannot read \"yesterday\" as a date; write 2024-06-20 or 2024-06-20T10:30:00+03:00",
		"content/b.md:2:13: expected newline but got U+0078 'x'",
		"content/c.txt:1:6: warning: invalid UTF-8; the file should be saved as UTF-8",
		"content/d.md:1:1: front matter is not closed: no closing delimiter line",
		"content/e.toml: content/e.txt already has front matter in content/e.yaml; keep one",
		"content/e.yaml:2:7: sequence end token ']' not found",
		"isnad.toml:2:1: warning: unknown setting \"defaultLanguage\"",
		"templates/term.html:3:1: unexpected EOF",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestSiteFilesOverrideDefaults checks the file-by-file override of the
// built-in templates, translations and assets.
func TestSiteFilesOverrideDefaults(t *testing.T) {
	var out Mem
	if _, err := Build(t.Context(), Config{Source: txtarSite(t, "override.txt"), Defaults: isnad.Defaults, Out: &out}); err != nil {
		t.Fatal(err)
	}
	page, _ := out.File("2024/one/index.html")
	if !bytes.Contains(page, []byte(`<p class="custom">One</p>`)) {
		t.Errorf("the site's article.html was not used:\n%s", page)
	}
	home, _ := out.File("index.html")
	if !bytes.Contains(home, []byte(`class="briefings"`)) {
		t.Error("the built-in list.html was not used for the home page")
	}
	if !bytes.Contains(home, []byte("الصفحة الأولى")) {
		t.Error("the site's translation of nav.home was not used")
	}
	if !bytes.Contains(home, []byte("انتقل إلى المحتوى")) {
		t.Error("the built-in translations were lost when the site overrode one key")
	}
	css, _ := out.File("assets/isnad.css")
	if string(css) != "body { color: teal }\n" {
		t.Errorf("assets/isnad.css = %q, want the site's", css)
	}
	if _, ok := out.File("assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2"); !ok {
		t.Error("the built-in fonts were not copied")
	}
	if code, _ := out.File("assets/code.css"); !bytes.Contains(code, []byte("prefers-color-scheme: dark")) {
		t.Error("assets/code.css has no dark style")
	}
}

// TestDraftsAndBaseURL checks --drafts and --base-url.
func TestDraftsAndBaseURL(t *testing.T) {
	src := txtarSite(t, "good.txt")
	var out Mem
	res, err := Build(t.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.File("2024/draft/index.html"); ok {
		t.Error("a draft was built without Drafts")
	}
	page, _ := out.File("2024/one/index.html")
	if bytes.Contains(page, []byte(`rel="canonical"`)) {
		t.Error("a canonical link without a base URL")
	}
	var out2 Mem
	res2, err := Build(t.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: &out2, Drafts: true, BaseURL: "https://example.org/briefs"})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Articles != res.Articles+1 {
		t.Errorf("with drafts: %d articles, want %d", res2.Articles, res.Articles+1)
	}
	page, _ = out2.File("2024/one/index.html")
	if !bytes.Contains(page, []byte(`<link rel="canonical" href="https://example.org/briefs/2024/one/">`)) {
		t.Errorf("no canonical link from the base URL:\n%s", page)
	}
	notFound, _ := out2.File("404.html")
	if !bytes.Contains(notFound, []byte(`href="/briefs/assets/isnad.css"`)) {
		t.Errorf("404.html must link from the base URL's path:\n%s", notFound)
	}
}

// TestCancelledBuild stops early with the context's error.
func TestCancelledBuild(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Build(ctx, Config{Source: txtarSite(t, "good.txt"), Defaults: isnad.Defaults, Out: &Mem{}}); err == nil {
		t.Error("a cancelled build succeeded")
	}
}

// fstestWithout copies fsys without the file drop.
func fstestWithout(t *testing.T, fsys fs.FS, drop string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || p == drop {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPagination splits the home and tag pages into pages of the
// configured size, linked both ways.
func TestPagination(t *testing.T) {
	src := synthSite(t, 10) // four of them tagged روسيا
	src["isnad.toml"] = &fstest.MapFile{Data: []byte("paginate = 3\n")}
	var out Mem
	if _, err := Build(t.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: &out}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		name       string
		has, hasnt []string
	}{
		{"index.html", []string{`<a rel="next" href="page/2/index.html">`, "10 موجزات", "صفحة 1 من 4"}, []string{`rel="prev"`}},
		{"page/2/index.html", []string{`<a rel="prev" href="../../index.html">`, `<a rel="next" href="../../page/3/index.html">`, "<title>إسناد · صفحة 2</title>"}, nil},
		{"page/4/index.html", []string{`<a rel="prev" href="../../page/3/index.html">`}, []string{`rel="next"`}},
		{"tags/روسيا/index.html", []string{`<a rel="next" href="../../tags/روسيا/page/2/index.html">`}, nil},
		{"tags/روسيا/page/2/index.html", []string{`<a rel="prev" href="../../../../tags/روسيا/index.html">`}, nil},
	} {
		b, ok := out.File(want.name)
		if !ok {
			t.Errorf("no %s; pages: %q", want.name, out.Names())
			continue
		}
		page, _ := url.PathUnescape(string(b))
		for _, s := range want.has {
			if !strings.Contains(page, s) {
				t.Errorf("%s lacks %s", want.name, s)
			}
		}
		for _, s := range want.hasnt {
			if strings.Contains(page, s) {
				t.Errorf("%s has %s", want.name, s)
			}
		}
		if n := strings.Count(page, `<li lang=`); n > 3 {
			t.Errorf("%s lists %d briefings, more than a page holds", want.name, n)
		}
	}
	if _, ok := out.File("page/5/index.html"); ok {
		t.Error("a fifth page for ten briefings three to a page")
	}
}
