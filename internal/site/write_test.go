package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/corpus"
)

// corpusSite is a site of the first n generated briefings (package
// corpus), in memory.
func corpusSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, a := range corpus.Generate(1, n) {
		fsys["content/"+a.Path] = &fstest.MapFile{Data: a.Data}
	}
	return fsys
}

// withFile returns a copy of fsys with name set to data.
func withFile(fsys fstest.MapFS, name string, data []byte) fstest.MapFS {
	out := maps.Clone(fsys)
	out[name] = &fstest.MapFile{Data: data}
	return out
}

// fileState is a file of a built site: its bytes and modification time.
type fileState struct {
	data string
	mod  time.Time
}

func siteState(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = fileState{string(b), fi.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ageFiles sets every file's modification time an hour back, so a file
// written again shows.
func ageFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// freshBuild builds src into a new folder and returns its files.
func freshBuild(t *testing.T, src fs.FS) map[string]string {
	t.Helper()
	var out Mem
	if _, err := Build(t.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: &out}); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, name := range out.Names() {
		b, _ := out.File(name)
		files[name] = string(b)
	}
	return files
}

func contents(s map[string]fileState) map[string]string {
	out := make(map[string]string, len(s))
	for k, v := range s {
		out[k] = v.data
	}
	return out
}

// touched returns the files whose modification time differs between two
// states, and those added or removed.
func touched(before, after map[string]fileState) []string {
	var out []string
	for name, a := range after {
		if b, ok := before[name]; !ok || !b.mod.Equal(a.mod) {
			out = append(out, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// differing returns the files whose bytes differ, or that only one has.
func differing(before, after map[string]fileState) []string {
	var out []string
	for name, a := range after {
		if b, ok := before[name]; !ok || b.data != a.data {
			out = append(out, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// TestUnchangedFilesAreNotWritten rebuilds a site with nothing changed,
// with a cache and then without one: no file may be written again.
func TestUnchangedFilesAreNotWritten(t *testing.T) {
	src := corpusSite(40)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	cfg := Config{Source: src, Defaults: isnad.Defaults}
	res, err := BuildDir(t.Context(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != res.Files {
		t.Errorf("first build wrote %d of %d files", res.Written, res.Files)
	}
	ageFiles(t, dir)
	before := siteState(t, dir)
	for _, step := range []string{"with the cache", "without the cache", "with a cache remade without one"} {
		if step == "without the cache" {
			if err := os.RemoveAll(filepath.Join(parent, ".isnad-cache")); err != nil {
				t.Fatal(err)
			}
		}
		res, err := BuildDir(t.Context(), cfg, dir)
		if err != nil {
			t.Fatal(err)
		}
		after := siteState(t, dir)
		if got := touched(before, after); len(got) > 0 || res.Written != 0 || res.Removed != 0 {
			t.Errorf("%s: rebuilding with nothing changed wrote %d and removed %d files: %q", step, res.Written, res.Removed, got)
		}
	}
}

// TestOneChangedArticleWritesOnlyWhatChanged edits one article, its body
// and then its title: its page and the pages that list it change; every
// other file keeps its bytes and its modification time.
func TestOneChangedArticleWritesOnlyWhatChanged(t *testing.T) {
	a := corpus.Make(1, 30)
	page := strings.TrimSuffix(a.Path, ".md") + "/index.html"
	for _, edit := range []struct {
		name, old, new string
		lists          bool // the article's lists change too
	}{
		{"body", "\n\n## ", "\n\nوقالت وكالة رويترز إن الجولة المقبلة ستعقد في الدوحة.\n\n## ", false},
		{"title", "title: \"", "title: \"عاجل: ", true},
	} {
		t.Run(edit.name, func(t *testing.T) {
			src := corpusSite(60)
			dir := filepath.Join(t.TempDir(), "site")
			if _, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
				t.Fatal(err)
			}
			ageFiles(t, dir)
			before := siteState(t, dir)
			edited := bytes.Replace(a.Data, []byte(edit.old), []byte(edit.new), 1)
			if bytes.Equal(edited, a.Data) {
				t.Fatal("the edit did not apply")
			}
			changed := withFile(src, "content/"+a.Path, edited)
			res, err := BuildDir(t.Context(), Config{Source: changed, Defaults: isnad.Defaults}, dir)
			if err != nil {
				t.Fatal(err)
			}
			after := siteState(t, dir)
			if diff := cmp.Diff(freshBuild(t, changed), contents(after)); diff != "" {
				t.Fatalf("the rebuilt site is not what a fresh build makes (-fresh +rebuilt):\n%s", diff)
			}
			diff := differing(before, after)
			t.Logf("changed: %q", diff)
			if !slices.Contains(diff, page) {
				t.Errorf("the edited article's page %s did not change", page)
			}
			if got := touched(before, after); !slices.Equal(got, diff) {
				t.Errorf("files written or removed:\n%q\nfiles whose bytes changed:\n%q", got, diff)
			}
			if res.Written != len(diff) {
				t.Errorf("Result.Written = %d, want %d", res.Written, len(diff))
			}
			lists := 0
			for _, name := range diff {
				switch {
				case strings.HasPrefix(name, strings.TrimSuffix(page, "index.html")):
				case name == "index.html" || strings.HasPrefix(name, "page/") || strings.HasPrefix(name, "tags/"):
					lists++
				case strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".xml") || strings.HasPrefix(name, "outlets/"):
				case strings.HasPrefix(name, "search/"):
					// The search index: the shards of the words that
					// changed, and the chunk holding the article's text
					// or title.
				default:
					t.Errorf("%s changed", name)
				}
			}
			if edit.lists && lists == 0 {
				t.Error("no list page changed with the title")
			}
		})
	}
}

// TestDamagedManifestIsIgnored garbles the cache's manifest, and then
// the site's files behind its back: the next build must still give the
// right site.
func TestDamagedManifestIsIgnored(t *testing.T) {
	src := corpusSite(20)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	cfg := Config{Source: src, Defaults: isnad.Defaults}
	if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	want := freshBuild(t, src)
	manifest := filepath.Join(parent, ".isnad-cache", "site", manifestName)
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	// A flipped byte in a hash, a truncated file, an empty one.
	flipped := bytes.Clone(data)
	flipped[len(manifestMagic)+5] ^= 1
	for name, bad := range map[string][]byte{"flipped": flipped, "truncated": data[:len(data)/2], "empty": nil} {
		t.Run(name, func(t *testing.T) {
			// A page changed behind the manifest's back, with its
			// size and time kept, is only caught by the checksum.
			page := filepath.Join(dir, "index.html")
			fi, _ := os.Stat(page)
			orig, _ := os.ReadFile(page)
			if err := os.WriteFile(page, bytes.Repeat([]byte("x"), len(orig)), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(page, fi.ModTime(), fi.ModTime())
			if err := os.WriteFile(manifest, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := BuildDir(t.Context(), cfg, dir); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, contents(siteState(t, dir))); diff != "" {
				t.Errorf("wrong site after a damaged manifest (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInterruptedCommitIsFinished stops a commit half way, as a crash
// would, then builds again: first the same site, then another one. Each
// build must give exactly the site a fresh build gives.
func TestInterruptedCommitIsFinished(t *testing.T) {
	srcA := corpusSite(30)
	a := corpus.Make(1, 7)
	srcB := withFile(fstestWithoutMap(srcA, "content/"+corpus.Make(1, 3).Path), "content/"+a.Path,
		bytes.Replace(a.Data, []byte("title: "), []byte("title: \"نسخة\"\nx: "), 1))
	for _, next := range []struct {
		name string
		src  fstest.MapFS
	}{{"same", srcB}, {"other", srcA}} {
		t.Run(next.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "site")
			cache := filepath.Join(parent, ".isnad-cache", "site")
			if _, err := BuildDir(t.Context(), Config{Source: srcA, Defaults: isnad.Defaults}, dir); err != nil {
				t.Fatal(err)
			}
			// Build B by hand, up to half its journal.
			stage, err := tempSibling(dir)
			if err != nil {
				t.Fatal(err)
			}
			w, err := newDirWriter(dir, stage, false, readManifest(filepath.Join(cache, manifestName)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Build(t.Context(), Config{Source: srcB, Defaults: isnad.Defaults, Out: w}); err != nil {
				t.Fatal(err)
			}
			var deletes []string
			for name := range readManifest(filepath.Join(cache, manifestName)).Files {
				if _, ok := w.files[name]; !ok {
					deletes = append(deletes, name)
				}
			}
			slices.Sort(w.moves)
			j := &manifest{Files: w.files, Stage: stage, Moves: w.moves, Deletes: deletes}
			if len(j.Moves) < 2 || len(j.Deletes) < 1 {
				t.Fatalf("the change moves %d and deletes %d files; the test needs more", len(j.Moves), len(j.Deletes))
			}
			if err := writeAtomic(filepath.Join(cache, journalName), j.encode()); err != nil {
				t.Fatal(err)
			}
			half := &manifest{Stage: stage, Moves: j.Moves[:len(j.Moves)/2], Deletes: j.Deletes[:len(j.Deletes)/2]}
			if err := apply(dir, half); err != nil {
				t.Fatal(err)
			}

			if _, err := BuildDir(t.Context(), Config{Source: next.src, Defaults: isnad.Defaults}, dir); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(freshBuild(t, next.src), contents(siteState(t, dir))); diff != "" {
				t.Errorf("wrong site after an interrupted commit (-want +got):\n%s", diff)
			}
			if _, err := os.Stat(stage); err == nil {
				t.Error("the interrupted build's staging folder is still there")
			}
			if _, err := os.Stat(filepath.Join(cache, journalName)); err == nil {
				t.Error("the journal is still there")
			}
		})
	}
}

func fstestWithoutMap(fsys fstest.MapFS, drop string) fstest.MapFS {
	out := maps.Clone(fsys)
	delete(out, drop)
	return out
}

// TestOneBuildAtATime holds the cache lock as a running build would: a
// second build of the same site must refuse rather than race it.
func TestOneBuildAtATime(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	cache := filepath.Join(parent, ".isnad-cache", "site")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	unlock, err := lock(filepath.Join(cache, lockName))
	if err != nil {
		t.Fatal(err)
	}
	_, err = BuildDir(t.Context(), Config{Source: corpusSite(3), Defaults: isnad.Defaults}, dir)
	unlock()
	if err == nil || !strings.Contains(err.Error(), "another build") {
		t.Fatalf("a second build at once: err = %v, want a refusal", err)
	}
	if _, err := BuildDir(t.Context(), Config{Source: corpusSite(3), Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatalf("after the lock is released: %v", err)
	}
}

// TestManifestRoundTrip encodes and decodes a journal.
func TestManifestRoundTrip(t *testing.T) {
	m := &manifest{
		Files: map[string]fileEntry{
			"index.html":                     {Sum: hash{1, 2}, Size: 10, Mod: 1700000000123456789, Key: hash{3}},
			"tags/روسيا/index.html":          {Sum: hash{4}, Size: 0, Mod: -1},
			"assets/a file with spaces.css":  {Size: 1},
			"assets/\"quoted\"\nnewline.txt": {Size: 2},
		},
		Stage:   "/tmp/x/.site.building-1",
		Moves:   []string{"index.html"},
		Deletes: []string{"old/index.html"},
	}
	got, err := decodeManifest(m.encode())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// FuzzDecodeManifest feeds damaged manifests to the decoder: it must
// never panic, and whatever it accepts must encode back to itself.
func FuzzDecodeManifest(f *testing.F) {
	f.Add((&manifest{Files: map[string]fileEntry{"index.html": {Size: 3}}, Moves: []string{"index.html"}}).encode())
	f.Add([]byte(manifestMagic + "\nsum 00\n"))
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeManifest(data)
		if err != nil {
			return
		}
		again, err := decodeManifest(m.encode())
		if err != nil {
			t.Fatalf("re-encoded manifest does not decode: %v", err)
		}
		if diff := cmp.Diff(m, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// TestKilledBuildsNeverLeaveAWrongSite runs real builds in a child
// process and kills it (SIGKILL) at random moments, over and over, each
// time with a different change to the source. After every kill, each file
// of the site must be one that some build made, never a torn one; and the
// next build that completes must give exactly the site a fresh build gives.
func TestKilledBuildsNeverLeaveAWrongSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site many times")
	}
	root := t.TempDir()
	srcDir := filepath.Join(root, "src")
	dir := filepath.Join(root, "site")
	arts := corpus.Generate(1, 100)
	for _, a := range arts {
		p := filepath.Join(srcDir, "content", filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildDir$")
		cmd.Env = append(os.Environ(), "ISNAD_HELPER_SRC="+srcDir, "ISNAD_HELPER_OUT="+dir)
		return cmd
	}
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	// seen holds every version of every file any build may have made.
	seen := map[string]map[string]bool{}
	note := func(files map[string]string) {
		for name, data := range files {
			if seen[name] == nil {
				seen[name] = map[string]bool{}
			}
			seen[name][data] = true
		}
	}
	note(freshBuild(t, os.DirFS(srcDir)))
	r := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for round := range 8 {
		// Change a few articles: edit, delete, add.
		for range 3 {
			a := arts[r.IntN(len(arts))]
			p := filepath.Join(srcDir, "content", filepath.FromSlash(a.Path))
			switch r.IntN(3) {
			case 0:
				os.Remove(p)
			default:
				os.WriteFile(p, append(bytes.Clone(a.Data), fmt.Sprintf("\nوقالت وكالة رويترز إن الجولة %d ستعقد في الدوحة.\n", round)...), 0o644)
			}
		}
		note(freshBuild(t, os.DirFS(srcDir)))
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.IntN(1500)) * time.Millisecond)
		if cmd.Process.Kill() == nil {
			kills++
		}
		cmd.Wait()
		for name, data := range contents(siteState(t, dir)) {
			if !seen[name][data] {
				t.Fatalf("round %d: after a kill, %s is a file no build made:\n%.300s", round, name, data)
			}
		}
	}
	t.Logf("%d builds killed", kills)
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, out)
	}
	if diff := cmp.Diff(freshBuild(t, os.DirFS(srcDir)), contents(siteState(t, dir))); diff != "" {
		t.Errorf("after %d killed builds, the site is not what a fresh build makes (-want +got):\n%s", kills, diff)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %q", names)
	}
}

// TestHelperBuildDir is the child process of
// TestKilledBuildsNeverLeaveAWrongSite; it does nothing in a normal run.
func TestHelperBuildDir(t *testing.T) {
	src, out := os.Getenv("ISNAD_HELPER_SRC"), os.Getenv("ISNAD_HELPER_OUT")
	if src == "" {
		return
	}
	res, err := BuildDir(t.Context(), Config{Source: os.DirFS(src), Defaults: isnad.Defaults}, out)
	if err != nil {
		t.Fatalf("%v (%d diagnostics)", err, len(res.Diags))
	}
	fmt.Println("built " + strconv.Itoa(res.Files) + " files")
}

// TestRebuildRedoesOnlyWhatChanged edits one article of a built site: the
// next BuildDir, in a new process as far as it knows (its memory read
// back from the cache), renders that one body again, runs few pages
// through their templates, and gives what a fresh build gives.
func TestRebuildRedoesOnlyWhatChanged(t *testing.T) {
	src := corpusSite(40)
	dir := filepath.Join(t.TempDir(), "site")
	res, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !res.work.Full || res.work.Bodies != 40 {
		t.Errorf("first build: %+v, want a full build of 40 bodies", res.work)
	}
	a := corpus.Make(1, 17)
	changed := withFile(src, "content/"+a.Path, bytes.Replace(a.Data, []byte("\n\n## "), []byte("\n\nوقالت وكالة رويترز إن الجولة المقبلة ستعقد في الدوحة.\n\n## "), 1))
	res, err = BuildDir(t.Context(), Config{Source: changed, Defaults: isnad.Defaults}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.work.Full || res.work.Bodies != 1 || res.work.Pages > 10 {
		t.Errorf("rebuild after one edit: %+v, want 1 body and a few pages", res.work)
	}
	if diff := cmp.Diff(freshBuild(t, changed), contents(siteState(t, dir))); diff != "" {
		t.Errorf("the rebuilt site is not what a fresh build makes (-fresh +rebuilt):\n%s", diff)
	}
	// A template change renders every page again, but no body.
	tmpl := withFile(changed, "templates/404.html", []byte(`{{template "base.html" .}}{{define "main"}}<p>gone</p>{{end}}`))
	res, err = BuildDir(t.Context(), Config{Source: tmpl, Defaults: isnad.Defaults}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.work.Bodies != 0 || res.work.Pages < 40 {
		t.Errorf("rebuild after a template change: %+v, want every page and no body", res.work)
	}
	if diff := cmp.Diff(freshBuild(t, tmpl), contents(siteState(t, dir))); diff != "" {
		t.Errorf("the rebuilt site is not what a fresh build makes (-fresh +rebuilt):\n%s", diff)
	}
}

// TestDamagedBodiesAreIgnored garbles the kept articles, then the index
// of them, then removes them, each time after an edit: the build must
// render what it cannot trust again, and give what a fresh build gives.
func TestDamagedBodiesAreIgnored(t *testing.T) {
	src := corpusSite(12)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	cache := filepath.Join(parent, ".isnad-cache", "site")
	if _, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	for i, damage := range []func() error{
		func() error { return flipByte(filepath.Join(cache, bodiesName), 0.5) },
		func() error { return flipByte(filepath.Join(cache, bodiesName), 0.01) },
		func() error { return flipByte(filepath.Join(cache, indexName), 0.5) },
		func() error { return os.Truncate(filepath.Join(cache, bodiesName), 100) },
		func() error { return os.Remove(filepath.Join(cache, bodiesName)) },
	} {
		if err := damage(); err != nil {
			t.Fatal(err)
		}
		a := corpus.Make(1, i)
		src = withFile(src, "content/"+a.Path, bytes.Replace(a.Data, []byte("title: \""), []byte(fmt.Sprintf("title: \"%d ", i)), 1))
		if _, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(freshBuild(t, src), contents(siteState(t, dir))); diff != "" {
			t.Fatalf("damage %d: the site is not what a fresh build gives (-fresh +built):\n%s", i, diff)
		}
	}
}

// flipByte flips a byte at the fraction at of the file name.
func flipByte(name string, at float64) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	data[int(float64(len(data))*at)] ^= 0x5a
	return os.WriteFile(name, data, 0o644)
}

// TestRestoredBodiesInFeeds rebuilds a site with feeds after an edit that
// changes them: the unchanged articles, restored from the cache without
// their HTML, must still be in the feeds in full, and the site be what a
// fresh build makes.
func TestRestoredBodiesInFeeds(t *testing.T) {
	src := withFile(corpusSite(30), "isnad.toml", []byte("baseURL = \"https://example.org/news/\"\n"))
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir); err != nil {
		t.Fatal(err)
	}
	for i, n := range []int{0, 7} { // the newest article, then another in the feed
		a := corpus.Make(1, n)
		src = withFile(src, "content/"+a.Path, bytes.Replace(a.Data, []byte("title: \""), []byte(fmt.Sprintf("title: \"%d ", i)), 1))
		res, err := BuildDir(t.Context(), Config{Source: src, Defaults: isnad.Defaults}, dir)
		if err != nil {
			t.Fatal(err)
		}
		if res.work.Full || res.work.Bodies != 1 {
			t.Errorf("edit %d: %+v, want one body rendered", i, res.work)
		}
		got := contents(siteState(t, dir))
		if !strings.Contains(got["feed.xml"], "<content") {
			t.Fatalf("edit %d: feed.xml carries no article in full", i)
		}
		if diff := cmp.Diff(freshBuild(t, src), got); diff != "" {
			t.Fatalf("edit %d: the site is not what a fresh build gives (-fresh +built):\n%s", i, diff)
		}
	}
}
