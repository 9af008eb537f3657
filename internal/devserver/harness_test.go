package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/site"
)

// A harness runs a Server over a copy of a test site, on a free port of
// the loopback interface, and follows its event stream like a browser.
type harness struct {
	t    testing.TB
	dir  string // the site folder
	base string // the server's address with the base path: "http://127.0.0.1:4567/repo/"
	// events receives every server-sent event after the first hello.
	events chan sseEvent
	hello  sseEvent
}

type sseEvent struct {
	name string
	data []byte
}

const (
	testQuiet = 150 * time.Millisecond
	// settle is how long a test waits to be sure no other event follows.
	settle = testQuiet + 300*time.Millisecond
)

// extract writes the files of a txtar archive under dir.
func extract(t testing.TB, archive, dir string) {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// startServer serves a copy of testdata/site.txtar under basePath, after
// prepare (if not nil) has changed the copy, and waits for the first
// build.
func startServer(t *testing.T, basePath string, prepare func(dir string)) *harness {
	t.Helper()
	dir := t.TempDir()
	extract(t, "testdata/site.txtar", dir)
	if prepare != nil {
		prepare(dir)
	}
	// A quiet period longer than the default: on a loaded two-core
	// machine the test's own writes of one burst can be tens of
	// milliseconds apart. The timing itself is tested in rebuild_test.go.
	return serveDir(t, dir, basePath, testQuiet, 2*time.Minute)
}

// serveDir serves the site in dir and waits up to wait for its first
// build.
func serveDir(t testing.TB, dir, basePath string, quiet, wait time.Duration) *harness {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	l, err := Listen("127.0.0.1", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// As isnad serve does: permalinks point at the preview.
	b := site.NewBuilder(site.Config{Source: root.FS(), Defaults: isnad.Defaults, BaseURL: "http://" + l.Addr().String() + BasePath(basePath)})
	srv := &Server{Dir: dir, Build: b.Build, BasePath: basePath, Logf: t.Logf, Quiet: quiet}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("Serve did not return after cancel")
		}
	})
	h := &harness{t: t, dir: dir, base: "http://" + l.Addr().String() + BasePath(basePath), events: make(chan sseEvent, 100)}

	// Wait for the first build to be published, then follow events.
	deadline := time.Now().Add(wait)
	for {
		st := srv.state.Load()
		if st != nil && st.build > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no first build after %v", wait)
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.follow(ctx)
	return h
}

// follow opens the event stream and reads its hello.
func (h *harness) follow(ctx context.Context) {
	h.t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", h.base+"__isnad/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		h.t.Fatalf("event stream Content-Type = %q", ct)
	}
	all := make(chan sseEvent, 100)
	go func() {
		defer resp.Body.Close()
		readEvents(resp.Body, all)
		close(all)
	}()
	select {
	case h.hello = <-all:
		if h.hello.name != "hello" {
			h.t.Fatalf("first event is %q, want hello", h.hello.name)
		}
	case <-time.After(10 * time.Second):
		h.t.Fatal("no hello event")
	}
	go func() {
		for ev := range all {
			h.events <- ev
		}
	}()
}

// readEvents parses a text/event-stream.
func readEvents(r io.Reader, out chan<- sseEvent) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev.name != "" || ev.data != nil {
				out <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, "event: "):
			ev.name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			ev.data = append(ev.data, line[len("data: "):]...)
		}
	}
}

// next waits for the next build event.
func (h *harness) next() Event {
	h.t.Helper()
	select {
	case ev := <-h.events:
		if ev.name != "build" {
			h.t.Fatalf("event %q, want build", ev.name)
		}
		var e Event
		if err := json.Unmarshal(ev.data, &e); err != nil {
			h.t.Fatalf("event data %s: %v", ev.data, err)
		}
		return e
	case <-time.After(15 * time.Second):
		h.t.Fatal("no build event within 15s")
	}
	return Event{}
}

// none fails if an event arrives within d.
func (h *harness) none(d time.Duration) {
	h.t.Helper()
	select {
	case ev := <-h.events:
		h.t.Fatalf("unexpected %s event: %s", ev.name, ev.data)
	case <-time.After(d):
	}
}

// one waits for exactly one build event.
func (h *harness) one() Event {
	h.t.Helper()
	ev := h.next()
	h.none(settle)
	return ev
}

// get fetches a path under the base path.
func (h *harness) get(p string) (int, string) {
	h.t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(h.base + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func (h *harness) path(rel string) string { return filepath.Join(h.dir, filepath.FromSlash(rel)) }

func (h *harness) write(rel, data string) {
	h.t.Helper()
	p := h.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) read(rel string) string {
	h.t.Helper()
	b, err := os.ReadFile(h.path(rel))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(b)
}

// replace rewrites a file with old replaced by new, in place.
func (h *harness) replace(rel, old, new string) {
	h.t.Helper()
	s := h.read(rel)
	if !strings.Contains(s, old) {
		h.t.Fatalf("%s has no %q", rel, old)
	}
	h.write(rel, strings.Replace(s, old, new, 1))
}

func (h *harness) remove(rel string) {
	h.t.Helper()
	if err := os.Remove(h.path(rel)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) rename(from, to string) {
	h.t.Helper()
	if err := os.Rename(h.path(from), h.path(to)); err != nil {
		h.t.Fatal(err)
	}
}

// hasAll reports whether list holds every one of want.
func hasAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, s := range list {
			if s == w {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// problemsOf returns the problems a served page carries for its overlay.
func problemsOf(t testing.TB, page string) []Problem {
	t.Helper()
	_, rest, ok := strings.Cut(page, `data-problems="`)
	if !ok {
		t.Fatal("page has no live-reload script")
	}
	raw, _, _ := strings.Cut(rest, `"`)
	var ps []Problem
	if err := json.Unmarshal([]byte(html.UnescapeString(raw)), &ps); err != nil {
		t.Fatalf("data-problems %q: %v", raw, err)
	}
	return ps
}

// pageProblemsOf returns a served page's own problems, nil for none.
func pageProblemsOf(t testing.TB, page string) []Problem {
	t.Helper()
	_, rest, ok := strings.Cut(page, `data-page-problems="`)
	if !ok {
		return nil
	}
	raw, _, _ := strings.Cut(rest, `"`)
	var ps []Problem
	if err := json.Unmarshal([]byte(html.UnescapeString(raw)), &ps); err != nil {
		t.Fatalf("data-page-problems %q: %v", raw, err)
	}
	return ps
}
