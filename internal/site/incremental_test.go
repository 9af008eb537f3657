package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/isnad/isnad"
)

// sampleFS is the repository's sample site with a base URL, so that feeds
// and the sitemap are made too, and a few more articles.
func sampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(filepath.Join(repoRoot, "content"), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["isnad.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://user.github.io/repo/\"\ndefaultLang = \"ar\"\npaginate = 3\n")}
	for i := range 5 {
		fsys[fmt.Sprintf("content/2023/note-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: Note %d\ndate: 2023-0%d-10\nlang: en\ntags: [Notes, T%d]\n---\n\nReuters reported that talks resumed on day %d.\n\nThe BBC said the mood was calm.\n", i, i+1, i%2, i))}
	}
	return fsys
}

// editFile replaces the first old in src's file name with new, failing
// the test when the file or old is not there.
func editFile(t *testing.T, src fstest.MapFS, name, old, new string) {
	t.Helper()
	f := src[name]
	if f == nil || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	src[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
}

// fullBuild builds src from scratch into memory.
func fullBuild(t *testing.T, src fstest.MapFS) (*Mem, *Result) {
	t.Helper()
	var out Mem
	res, err := Build(t.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: &out})
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	return &out, res
}

// sameSite fails unless snap holds exactly the files of out, byte for byte.
func sameSite(t *testing.T, step string, snap *Snapshot, out *Mem) {
	t.Helper()
	got, want := snap.Names(), out.Names()
	if !slices.Equal(got, want) {
		for _, n := range want {
			if _, ok := snap.File(n); !ok {
				t.Errorf("%s: incremental build lacks %s", step, n)
			}
		}
		for _, n := range got {
			if _, ok := out.File(n); !ok {
				t.Errorf("%s: incremental build has %s, a full build does not", step, n)
			}
		}
		return
	}
	for _, n := range want {
		f, _ := snap.File(n)
		w, _ := out.File(n)
		if !bytes.Equal(f.Data(), w) {
			t.Errorf("%s: %s differs from a full build's:\n%s", step, n, firstDiff(f.Data(), w))
		}
	}
}

// firstDiff shows where two files part.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("incremental: …%q…\nfull:        …%q…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// TestBuilderMatchesBuild edits a site step by step and checks after each
// step that the Builder's snapshot is byte for byte what a full build
// makes, and that it redid only what the edit touched. (Issue 5, point 3.)
func TestBuilderMatchesBuild(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	build := func(step string, changed []string) *Snapshot {
		t.Helper()
		snap, res, err := bl.Build(t.Context(), changed)
		if err != nil {
			t.Fatalf("%s: %v\n%v", step, err, res.Diags)
		}
		out, _ := fullBuild(t, src)
		sameSite(t, step, snap, out)
		return snap
	}
	edit := func(name, old, new string) { t.Helper(); editFile(t, src, name, old, new) }

	first := build("first build", nil)
	if !first.Work.Full || first.Work.Bodies != 8 {
		t.Errorf("first build: %+v, want a full build of 8 bodies", first.Work)
	}
	if !slices.ContainsFunc(first.Names(), func(n string) bool { return strings.HasPrefix(n, "outlets/") && strings.Contains(n, "/page/2/") }) {
		t.Error("no outlet has a second page: the test does not cover paginated outlet pages")
	}
	for _, n := range first.Names() {
		if f, _ := first.File(n); f.Lazy() != (strings.HasPrefix(n, "outlets/") || n == "claims.json") && !strings.HasPrefix(n, "search/") {
			t.Errorf("%s: lazy %v", n, f.Lazy())
		}
	}

	steps := []struct {
		name    string
		do      func()
		changed []string
		// bodies and loaded are how many articles the step must render
		// and load again; -1 for any.
		bodies, loaded int
	}{{
		name:    "edit an article's text",
		do:      func() { edit("content/2023/note-1.md", "talks resumed", "talks stalled") },
		changed: []string{"content/2023/note-1.md"},
		bodies:  1, loaded: 1,
	}, {
		name:    "edit an article's title",
		do:      func() { edit("content/2023/note-2.md", "title: Note 2", "title: Second note") },
		changed: []string{"content/2023/note-2.md"},
		bodies:  1, loaded: 1,
	}, {
		name: "add an article in a new folder",
		do: func() {
			src["content/2025/01/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\ndate: 2025-01-05\ntags: [Notes]\ntranslationKey: nk\n---\n\nAFP said it was new.\n")}
		},
		changed: []string{"content/2025"},
		bodies:  1, loaded: 1,
	}, {
		name: "add its translation",
		do: func() {
			src["content/2025/01/new-ar.md"] = &fstest.MapFile{Data: []byte("---\ntitle: جديد\ndate: 2025-01-05\nlang: ar\ntranslationKey: nk\n---\n\nقالت وكالة الصحافة الفرنسية إنه جديد.\n")}
		},
		changed: []string{"content/2025/01/new-ar.md"},
		bodies:  1, loaded: 1,
	}, {
		name:    "change an article's tags",
		do:      func() { edit("content/2023/note-3.md", "tags: [Notes, T1]", "tags: [Fresh]") },
		changed: []string{"content/2023/note-3.md"},
		bodies:  1, loaded: 1,
	}, {
		name:    "edit a plain-text article's sidecar",
		do:      func() { edit("content/2024/putin-pyongyang.yaml", "date: 2024-06-20", "date: 2024-06-21") },
		changed: []string{"content/2024/putin-pyongyang.yaml"},
		bodies:  1, loaded: 1,
	}, {
		name:    "delete an article",
		do:      func() { delete(src, "content/2023/note-4.md") },
		changed: []string{"content/2023/note-4.md"},
		bodies:  0, loaded: 0,
	}, {
		name:    "delete a folder",
		do:      func() { delete(src, "content/2025/01/new.md"); delete(src, "content/2025/01/new-ar.md") },
		changed: []string{"content/2025"},
		bodies:  0, loaded: 0,
	}, {
		name: "override a template",
		do: func() {
			data, err := os.ReadFile(filepath.Join(repoRoot, "templates", "404.html"))
			if err != nil {
				t.Fatal(err)
			}
			src["templates/404.html"] = &fstest.MapFile{Data: bytes.Replace(data, []byte(`<h1>`), []byte(`<h1 class="lost">`), 1)}
		},
		changed: []string{"templates/404.html"},
		bodies:  0, loaded: 0,
	}, {
		name:    "add an asset",
		do:      func() { src["assets/extra.css"] = &fstest.MapFile{Data: []byte("p { color: teal }\n")} },
		changed: []string{"assets/extra.css"},
		bodies:  0, loaded: 0,
	}, {
		name:    "change the configuration",
		do:      func() { edit("isnad.toml", "paginate = 3", "paginate = 2") },
		changed: []string{"isnad.toml"},
		bodies:  -1, loaded: -1,
	}, {
		name:    "edit without saying what changed",
		do:      func() { edit("content/2023/note-0.md", "day 0", "day zero") },
		changed: nil,
		bodies:  1, loaded: 1,
	}, {
		name:    "save a file unchanged",
		do:      func() {},
		changed: []string{"content/2023/note-0.md"},
		bodies:  0, loaded: 0,
	}}
	for _, s := range steps {
		s.do()
		snap := build(s.name, s.changed)
		if s.bodies >= 0 && snap.Work.Bodies != s.bodies || s.loaded >= 0 && snap.Work.Loaded != s.loaded {
			t.Errorf("%s: work %+v, want %d bodies, %d loaded", s.name, snap.Work, s.bodies, s.loaded)
		}
	}

	// A bad edit fails the build; the fix brings it back.
	edit("content/2023/note-0.md", "date: 2023-01-10", "date: soon")
	if snap, res, err := bl.Build(t.Context(), []string{"content/2023/note-0.md"}); err == nil || snap != nil || !res.Diags.HasErrors() {
		t.Fatalf("broken front matter: snapshot %v, error %v", snap != nil, err)
	}
	edit("content/2023/note-0.md", "date: soon", "date: 2023-01-11")
	build("after the fix", []string{"content/2023/note-0.md"})
}

// TestBuilderRendersOnlyWhatChanged checks that an edit to one article's
// text renders its page and the pages that list it, not the rest.
func TestBuilderRendersOnlyWhatChanged(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	before, _, err := bl.Build(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	name := "content/2023/note-1.md"
	src[name] = &fstest.MapFile{Data: bytes.Replace(src[name].Data, []byte("talks resumed"), []byte("talks broke down"), 1)}
	after, _, err := bl.Build(t.Context(), []string{name})
	if err != nil {
		t.Fatal(err)
	}
	changed := after.Changes(before)
	t.Logf("changed: %v; work %+v", changed, after.Work)
	if !slices.Contains(changed, "2023/note-1/index.html") {
		t.Errorf("the edited article's page is not among the changes %v", changed)
	}
	for _, n := range changed {
		if strings.HasPrefix(n, "2024/") {
			t.Errorf("%s changed, though its article did not", n)
		}
	}
	// Its page, the list page it is on, its two tag pages: at most a
	// handful of pages rendered, of the site's dozens.
	if after.Work.Pages == 0 || after.Work.Pages > 6 {
		t.Errorf("%d pages rendered for one edit", after.Work.Pages)
	}
	if f, _ := after.File("2024/putin-pyongyang/index.html"); f == nil {
		t.Fatal("no seed page")
	} else if g, _ := before.File("2024/putin-pyongyang/index.html"); f != g {
		t.Error("an unchanged page was not shared between the snapshots")
	}
}

// TestBuilderAfterCancelledBuild cancels builds at the points where the
// preview server cancels them, when a newer change arrives, and checks
// that the next build, told of the same changes, still matches a full
// build: a cancelled build must not leave the Builder believing it has
// done what it only started.
func TestBuilderAfterCancelledBuild(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	if _, res, err := bl.Build(t.Context(), nil); err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	edit := func(name, old, new string) { t.Helper(); editFile(t, src, name, old, new) }
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	for _, s := range []struct {
		name    string
		do      func()
		changed []string
	}{
		{"change the configuration", func() { edit("isnad.toml", "paginate = 3", "paginate = 2") }, []string{"isnad.toml"}},
		{"override a template", func() {
			data, err := os.ReadFile(filepath.Join(repoRoot, "templates", "404.html"))
			if err != nil {
				t.Fatal(err)
			}
			src["templates/404.html"] = &fstest.MapFile{Data: bytes.Replace(data, []byte(`<h1>`), []byte(`<h1 class="lost">`), 1)}
		}, []string{"templates/404.html"}},
		{"edit an article", func() { edit("content/2023/note-1.md", "talks resumed", "talks stalled") }, []string{"content/2023/note-1.md"}},
		{"delete an article", func() { delete(src, "content/2023/note-4.md") }, []string{"content/2023/note-4.md"}},
	} {
		s.do()
		if snap, _, err := bl.Build(cancelled, s.changed); err == nil || snap != nil {
			t.Fatalf("%s: a cancelled build gave snapshot %v, error %v", s.name, snap != nil, err)
		}
		snap, res, err := bl.Build(t.Context(), s.changed)
		if err != nil {
			t.Fatalf("%s: %v\n%v", s.name, err, res.Diags)
		}
		out, _ := fullBuild(t, src)
		sameSite(t, s.name+", after a cancelled build", snap, out)
	}
}
