package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/isnad/isnad"
)

// TestBuilderPatch edits single articles in every way an editor does and
// checks after each edit that the Builder's snapshot is byte for byte a
// full build's, that the edits that leave the site's shape alone are
// patched (see Builder.patch), and that a snapshot's changes are those a
// comparison of every file finds. (Issue 5, point 3.)
func TestBuilderPatch(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	prev, res, err := bl.Build(t.Context(), nil)
	if err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	edit := func(name, old, new string) { t.Helper(); editFile(t, src, name, old, new) }
	const (
		either = iota
		patched
		rebuilt
	)
	treaty := "content/2024/russia-north-korea-treaty.md"
	steps := []struct {
		name, file, old, new string
		want                 int
	}{
		{"edit an article's text", "content/2023/note-1.md", "talks resumed", "talks stalled", patched},
		{"cite a known source once more", "content/2023/note-1.md", "The BBC said the mood was calm.", "The BBC said the mood was calm. Reuters said it would last.", patched},
		{"cite it no more", "content/2023/note-1.md", " Reuters said it would last.", "", patched},
		{"edit a translated article's text", treaty, "signed a\n", "signed a formal\n", patched},
		{"edit an article's title", "content/2023/note-2.md", "title: Note 2", "title: Second note", patched},
		{"edit a plain-text article's summary", "content/2024/putin-pyongyang.yaml", "أول زيارة", "أول زيارة رسمية", patched},
		{"edit a translated article's title", treaty, "title: Putin", "title: Now, Putin", rebuilt},
		{"change an article's date", "content/2023/note-3.md", "date: 2023-04-10", "date: 2022-12-01", rebuilt},
		{"change an article's tags", "content/2023/note-3.md", "tags: [Notes, T1]", "tags: [Notes, Fresh]", rebuilt},
		{"change an article's language", "content/2023/note-0.md", "lang: en", "lang: fr", rebuilt},
		{"cite a source new to the site", "content/2023/note-4.md", "The BBC said", "Al Jazeera said", rebuilt},
		{"stop citing a source's only article", "content/2023/note-4.md", "Al Jazeera said", "The BBC said", rebuilt},
		{"cite a source enough for another page", "content/2023/note-1.md", "The BBC said the mood was calm.",
			"The BBC said the mood was calm. The BBC said it was late. The BBC said it was cold. The BBC said it was over.", either},
		{"edit the text after the rebuilds", "content/2023/note-2.md", "talks resumed", "talks went on", patched},
		{"save an article unchanged", "content/2023/note-2.md", "went on", "went on", patched},
	}
	for _, s := range steps {
		edit(s.file, s.old, s.new)
		changed := []string{s.file}
		snap, res, err := bl.Build(t.Context(), changed)
		if err != nil {
			t.Fatalf("%s: %v\n%v", s.name, err, res.Diags)
		}
		out, full := fullBuild(t, src)
		sameSite(t, s.name, snap, out)
		if s.want == patched && !snap.Work.Patched || s.want == rebuilt && snap.Work.Patched {
			t.Errorf("%s: work %+v", s.name, snap.Work)
		}
		if res.Articles != full.Articles || !slices.Equal(res.Diags, full.Diags) {
			t.Errorf("%s: result %d articles, %v; a full build: %d, %v", s.name, res.Articles, res.Diags, full.Articles, full.Diags)
		}
		want := (&Snapshot{files: snap.files, groups: snap.groups}).Changes(prev)
		if got := snap.Changes(prev); !slices.Equal(got, want) {
			t.Errorf("%s: changes %v, want %v", s.name, got, want)
		}
		if snap.Work.Patched {
			if f, _ := snap.File("2024/putin-pyongyang/index.html"); s.file != "content/2024/putin-pyongyang.yaml" && f == nil {
				t.Fatalf("%s: no seed page", s.name)
			} else if g, _ := prev.File("2024/putin-pyongyang/index.html"); s.file != "content/2024/putin-pyongyang.yaml" && f != g {
				t.Errorf("%s: the page of an article not edited was made again", s.name)
			}
		}
		prev = snap
	}

	// A mistake fails the build, fast; the fix is patched from the last
	// good build.
	name := "content/2023/note-2.md"
	edit(name, "date: 2023-03-10", "date: soon")
	if snap, res, err := bl.Build(t.Context(), []string{name}); err == nil || snap != nil || !res.Diags.HasErrors() {
		t.Fatalf("broken front matter: snapshot %v, error %v", snap != nil, err)
	} else if d := res.Diags.Errors()[0]; d.Pos.File != name {
		t.Errorf("broken front matter reported as %v", d)
	}
	// Another article edited meanwhile: the build still fails.
	other := "content/2023/note-1.md"
	edit(other, "talks", "the talks")
	if snap, _, err := bl.Build(t.Context(), []string{other}); err == nil || snap != nil {
		t.Fatalf("an edit elsewhere while an article is broken: snapshot %v, error %v", snap != nil, err)
	}
	edit(name, "date: soon", "date: 2023-03-10")
	edit(name, "went on", "went on and on")
	snap, res, err := bl.Build(t.Context(), []string{name})
	if err != nil {
		t.Fatalf("after the fix: %v\n%v", err, res.Diags)
	}
	out, _ := fullBuild(t, src)
	sameSite(t, "after the fix", snap, out)
	if got, want := snap.Changes(prev), (&Snapshot{files: snap.files, groups: snap.groups}).Changes(prev); !slices.Equal(got, want) {
		t.Errorf("after the fix: changes %v, want %v", got, want)
	}

	// A mistake and its fix alone: the fix is patched.
	edit(name, "date: 2023-03-10", "date: soon")
	if snap, _, err := bl.Build(t.Context(), []string{name}); err == nil || snap != nil {
		t.Fatalf("broken front matter: snapshot %v, error %v", snap != nil, err)
	}
	edit(name, "date: soon", "date: 2023-03-10")
	edit(name, "went on and on", "went on")
	snap, res, err = bl.Build(t.Context(), []string{name})
	if err != nil {
		t.Fatalf("after the fix: %v\n%v", err, res.Diags)
	}
	if !snap.Work.Patched {
		t.Errorf("after the fix: work %+v", snap.Work)
	}
	out, _ = fullBuild(t, src)
	sameSite(t, "after the second fix", snap, out)
}

// TestBuilderPatchAfterCancelledBuild cancels patched builds before and
// after general ones, and checks that the next build still matches a full
// one.
func TestBuilderPatchAfterCancelledBuild(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	if _, res, err := bl.Build(t.Context(), nil); err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	name := "content/2023/note-1.md"
	for i, text := range []string{"talks stalled", "talks resumed", "talks ended"} {
		data := src[name].Data
		src[name] = &fstest.MapFile{Data: bytes.Replace(data, []byte("talks "+[]string{"resumed", "stalled", "resumed"}[i]), []byte(text), 1)}
		if snap, _, err := bl.Build(cancelled, []string{name}); err == nil || snap != nil {
			t.Fatalf("edit %d: a cancelled build gave snapshot %v, error %v", i, snap != nil, err)
		}
		if i == 1 {
			// A template change between: the next build is a general
			// one, the one after a patch again.
			tmpl, err := os.ReadFile(filepath.Join(repoRoot, "templates", "404.html"))
			if err != nil {
				t.Fatal(err)
			}
			src["templates/404.html"] = &fstest.MapFile{Data: bytes.Replace(tmpl, []byte(`<h1>`), []byte(`<h1 class="lost">`), 1)}
			if _, _, err := bl.Build(cancelled, []string{"templates/404.html", name}); err == nil {
				t.Fatal("a cancelled general build did not fail")
			}
			if _, res, err := bl.Build(t.Context(), []string{"templates/404.html", name}); err != nil {
				t.Fatalf("%v\n%v", err, res.Diags)
			}
			continue
		}
		snap, res, err := bl.Build(t.Context(), []string{name})
		if err != nil {
			t.Fatalf("edit %d: %v\n%v", i, err, res.Diags)
		}
		if !snap.Work.Patched {
			t.Errorf("edit %d: not patched: %+v", i, snap.Work)
		}
		out, _ := fullBuild(t, src)
		sameSite(t, "after a cancelled build", snap, out)
	}
}

// TestBuilderPatchAfterCancelledRebuild saves an article the way an
// editor's truncate-then-write does: the empty file starts a general build
// (its shape changed), which the write cancels at some point; the build
// after, told of the same article, must still patch the last good build
// and match a full build.
func TestBuilderPatchAfterCancelledRebuild(t *testing.T) {
	src := sampleFS(t)
	bl := NewBuilder(Config{Source: src, Defaults: isnad.Defaults})
	if _, res, err := bl.Build(t.Context(), nil); err != nil {
		t.Fatalf("first build: %v\n%v", err, res.Diags)
	}
	name := "content/2023/note-1.md"
	orig := src[name].Data
	cancelled := 0
	for i, n := range []time.Duration{0, 1, 2, 5, 10, 20, 40, 80, 160, 320} {
		n *= time.Millisecond
		src[name] = &fstest.MapFile{Data: nil}
		ctx, cancel := context.WithTimeout(t.Context(), n)
		snap, _, err := bl.Build(ctx, []string{name})
		cancel()
		if err == nil {
			t.Logf("cancelled after %v: the build finished", n)
		} else if snap != nil {
			t.Fatalf("cancelled after %v: a snapshot and %v", n, err)
		} else {
			cancelled++
		}
		src[name] = &fstest.MapFile{Data: bytes.Replace(orig, []byte("talks resumed"), []byte(fmt.Sprintf("talks resumed %d", i)), 1)}
		snap, res, err := bl.Build(t.Context(), []string{name})
		if err != nil {
			t.Fatalf("after a build cancelled after %d: %v\n%v", n, err, res.Diags)
		}
		out, _ := fullBuild(t, src)
		sameSite(t, fmt.Sprintf("after a build cancelled after %v", n), snap, out)
		if err != nil && !snap.Work.Patched {
			t.Errorf("after a build cancelled after %v: work %+v", n, snap.Work)
		}
	}
	if cancelled == 0 {
		t.Error("no build was cancelled")
	}
}
