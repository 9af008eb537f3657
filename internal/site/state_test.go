package site

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/corpus"
)

// diskSite writes a site of n generated briefings into a folder.
func diskSite(t *testing.T, n int) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "src")
	for name, f := range corpusSite(n) {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), string(f.Data))
	}
	return src
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUpToDateSiteIsNotBuilt builds twice with nothing changed: the
// second build must see it has nothing to do, and say what the first said.
func TestUpToDateSiteIsNotBuilt(t *testing.T) {
	src := diskSite(t, 20)
	dir := filepath.Join(t.TempDir(), "site")
	cfg := Config{Source: os.DirFS(src), Defaults: isnad.Defaults}
	first, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.UpToDate {
		t.Fatal("the first build says it was up to date")
	}
	second, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !second.UpToDate {
		t.Fatal("a build with nothing changed built the site again")
	}
	first.Written = 0
	first.work = Work{} // the second did nothing
	second.UpToDate = false
	if diff := cmp.Diff(first, second, cmp.AllowUnexported(Result{})); diff != "" {
		t.Errorf("the second build reports (-first +second):\n%s", diff)
	}
}

// TestAnyChangedInputRebuilds changes each kind of input in turn, the
// sneaky ways included: every time, the build must run and the site must
// be what a fresh build of the changed source gives.
func TestAnyChangedInputRebuilds(t *testing.T) {
	a := corpus.Make(1, 4)
	article := filepath.Join("content", filepath.FromSlash(a.Path))
	for _, change := range []struct {
		name string
		do   func(t *testing.T, src string)
	}{
		{"article", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, article), strings.Replace(string(a.Data), "title: \"", "title: \"جديد: ", 1))
		}},
		{"article, same size and times", func(t *testing.T, src string) {
			// Only the change time tells: rsync -t, tar and cp -p keep
			// modification times.
			p := filepath.Join(src, article)
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, p, strings.Replace(string(a.Data), "## ", "#\u00a0", 1)[:len(a.Data)])
			if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
		}},
		{"new article", func(t *testing.T, src string) {
			b := corpus.Make(1, 99)
			writeFile(t, filepath.Join(src, "content", filepath.FromSlash(b.Path)), string(b.Data))
		}},
		{"deleted article", func(t *testing.T, src string) {
			if err := os.Remove(filepath.Join(src, article)); err != nil {
				t.Fatal(err)
			}
		}},
		{"template", func(t *testing.T, src string) {
			base, err := fs.ReadFile(isnad.Defaults, "templates/base.html")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(src, "templates", "base.html"), strings.Replace(string(base), "<body", "<body data-x=\"1\"", 1))
		}},
		{"configuration", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "isnad.toml"), "paginate = 3\n")
		}},
		{"registry", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "content", "outlets.yaml"), "- id: reuters\n  kind: agency\n  name: {ar: رويترز, en: Reuters Wire}\n")
		}},
		{"asset", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "assets", "extra.css"), "p { color: red }\n")
		}},
	} {
		t.Run(change.name, func(t *testing.T) {
			src := diskSite(t, 12)
			dir := filepath.Join(t.TempDir(), "site")
			cfg := Config{Source: os.DirFS(src), Defaults: isnad.Defaults}
			if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
				t.Fatal(err)
			}
			before := contents(siteState(t, dir))
			change.do(t, src)
			res, err := BuildDir(t.Context(), cfg, dir)
			if err != nil {
				t.Fatal(err)
			}
			if res.UpToDate {
				t.Fatal("the build took the site for up to date")
			}
			after := contents(siteState(t, dir))
			if diff := cmp.Diff(freshBuild(t, os.DirFS(src)), after); diff != "" {
				t.Errorf("the site is not what a fresh build gives (-fresh +built):\n%s", diff)
			}
			if cmp.Equal(before, after) {
				t.Error("the change changed nothing in the site")
			}
		})
	}
}

// TestOptionsAndDefaultsAreInputs rebuilds with other options and other
// built-in templates: none may be taken for up to date.
func TestOptionsAndDefaultsAreInputs(t *testing.T) {
	src := os.DirFS(diskSite(t, 6))
	dir := filepath.Join(t.TempDir(), "site")
	base := Config{Source: src, Defaults: isnad.Defaults}
	if _, err := BuildDir(t.Context(), base, dir); err != nil {
		t.Fatal(err)
	}
	defaults := fstest.MapFS{}
	fs.WalkDir(isnad.Defaults, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := fs.ReadFile(isnad.Defaults, p)
			defaults[p] = &fstest.MapFile{Data: data}
		}
		return err
	})
	defaults["assets/extra.js"] = &fstest.MapFile{Data: []byte("//\n")}
	for name, cfg := range map[string]Config{
		"base URL": {Source: src, Defaults: isnad.Defaults, BaseURL: "https://example.org/news/"},
		"drafts":   {Source: src, Defaults: isnad.Defaults, Drafts: true},
		"future":   {Source: src, Defaults: isnad.Defaults, Future: true},
		"defaults": {Source: src, Defaults: defaults},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := BuildDir(t.Context(), cfg, dir)
			if err != nil {
				t.Fatal(err)
			}
			if res.UpToDate {
				t.Error("taken for up to date")
			}
			// Back to the base build, which must run again too.
			res, err = BuildDir(t.Context(), base, dir)
			if err != nil {
				t.Fatal(err)
			}
			if res.UpToDate {
				t.Error("back to the base options: taken for up to date")
			}
		})
	}
}

// TestFutureArticleComesDue builds a site with an article dated in the
// future, then builds again after that date, with nothing else changed:
// the article must appear.
func TestFutureArticleComesDue(t *testing.T) {
	src := diskSite(t, 3)
	writeFile(t, filepath.Join(src, "content", "later.md"), "---\ntitle: Later\ndate: 2030-01-02\nlang: en\n---\n\nReuters said it would happen.\n")
	dir := filepath.Join(t.TempDir(), "site")
	cfg := Config{Source: os.DirFS(src), Defaults: isnad.Defaults, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "later", "index.html")); err == nil {
		t.Fatal("the future article was built")
	}
	cfg.Now = time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	res, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate {
		t.Fatal("taken for up to date after the article's date")
	}
	if _, err := os.Stat(filepath.Join(dir, "later", "index.html")); err != nil {
		t.Error("the article is not there after its date")
	}
}

// TestDamagedStateIsIgnored garbles the saved state, and then changes an
// article: the build must not trust the state.
func TestDamagedStateIsIgnored(t *testing.T) {
	src := diskSite(t, 6)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	cfg := Config{Source: os.DirFS(src), Defaults: isnad.Defaults}
	if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(parent, ".isnad-cache", "site", stateName)
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x55
	if err := os.WriteFile(state, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate {
		t.Error("a damaged state was trusted")
	}
	if diff := cmp.Diff(freshBuild(t, os.DirFS(src)), contents(siteState(t, dir))); diff != "" {
		t.Errorf("the site is not what a fresh build gives (-fresh +built):\n%s", diff)
	}
}

// TestTamperedSiteIsRepaired deletes and edits files of an up-to-date
// site: the next build must put them back.
func TestTamperedSiteIsRepaired(t *testing.T) {
	src := diskSite(t, 6)
	dir := filepath.Join(t.TempDir(), "site")
	cfg := Config{Source: os.DirFS(src), Defaults: isnad.Defaults}
	if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	want := contents(siteState(t, dir))
	if err := os.Remove(filepath.Join(dir, "index.html")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "404.html"), "defaced")
	res, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate || res.Written != 2 {
		t.Errorf("UpToDate = %v, Written = %d; want a build writing the 2 files", res.UpToDate, res.Written)
	}
	if diff := cmp.Diff(want, contents(siteState(t, dir))); diff != "" {
		t.Errorf("the site was not repaired (-want +got):\n%s", diff)
	}
}

// countingFS counts the files opened under content/. A build opens
// files from several goroutines, so the count is atomic.
type countingFS struct {
	fs.FS
	opened *atomic.Int64
}

func (c countingFS) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, "content/") && path.Ext(name) == ".md" {
		c.opened.Add(1)
	}
	return c.FS.Open(name)
}

func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

// TestUnchangedInputsAreNotRead checks that an up-to-date build does not
// read articles whose identity is as recorded (once they are older than
// the racy window), and that an edit keeping the size and modification
// time is still seen, by its change time.
func TestUnchangedInputsAreNotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the racy window")
	}
	src := diskSite(t, 6)
	dir := filepath.Join(t.TempDir(), "site")
	var opened atomic.Int64
	cfg := Config{Source: countingFS{os.DirFS(src), &opened}, Defaults: isnad.Defaults}
	if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2100 * time.Millisecond)
	// The articles were written moments before the first build read
	// them: the second reads them again, the third trusts them.
	for i, wantRead := range []bool{true, false} {
		opened.Store(0)
		res, err := BuildDir(t.Context(), cfg, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !res.UpToDate {
			t.Fatalf("build %d: not up to date", i+2)
		}
		if n := opened.Load(); (n > 0) != wantRead {
			t.Errorf("build %d opened %d articles", i+2, n)
		}
	}
	a := corpus.Make(1, 2)
	p := filepath.Join(src, "content", filepath.FromSlash(a.Path))
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, strings.Replace(string(a.Data), "## ", "#\u00a0", 1))
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	res, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate {
		t.Error("an edit with the same size and modification time went unseen")
	}
}
