package devserver

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/isnad/isnad/internal/site"
)

// TestRebuildDebounce drives the rebuilder with changes at set times, on
// synctest's fake clock, and checks when builds are published and what
// each build was asked to look at. (Issue 5, points 2 and 3.)
func TestRebuildDebounce(t *testing.T) {
	const quiet = 30 * time.Millisecond
	type change struct {
		at   time.Duration // after the first build is published
		path string
	}
	tests := []struct {
		name    string
		changes []change
		build   time.Duration // how long a build takes
		// published are the times of the published builds after the
		// first, from the first change.
		published []time.Duration
		// lastChanged is what the last build was asked to look at;
		// nil means everything.
		lastChanged []string
		cancelled   int
	}{{
		name:        "one save",
		changes:     []change{{0, "content/a.md"}},
		build:       10 * time.Millisecond,
		published:   []time.Duration{quiet},
		lastChanged: []string{"content/a.md"},
	}, {
		name: "a burst is one build",
		changes: []change{
			{0, "content/a.md"}, {5 * time.Millisecond, "content/a.md"},
			{20 * time.Millisecond, "content/b.md"}, {45 * time.Millisecond, "content/a.md"},
		},
		build:     10 * time.Millisecond,
		published: []time.Duration{45*time.Millisecond + quiet},
		// The builds that finished unpublished already took in b.md:
		// a build is asked about changes since the last one that
		// finished, published or not.
		lastChanged: []string{"content/a.md"},
		cancelled:   1, // the one running at 5ms
	}, {
		name:        "two saves apart are two builds",
		changes:     []change{{0, "content/a.md"}, {200 * time.Millisecond, "content/b.md"}},
		build:       10 * time.Millisecond,
		published:   []time.Duration{quiet, 200*time.Millisecond + quiet},
		lastChanged: []string{"content/b.md"},
	}, {
		name:        "a build longer than the quiet period is published when done",
		changes:     []change{{0, "templates/base.html"}},
		build:       80 * time.Millisecond,
		published:   []time.Duration{80 * time.Millisecond},
		lastChanged: []string{"templates/base.html"},
	}, {
		name:        "a change during a build cancels it; the next covers both",
		changes:     []change{{0, "content/a.md"}, {50 * time.Millisecond, "content/b.md"}},
		build:       80 * time.Millisecond,
		published:   []time.Duration{130 * time.Millisecond},
		lastChanged: []string{"content/a.md", "content/b.md"},
		cancelled:   1,
	}, {
		name:        "lost events rebuild everything",
		changes:     []change{{0, "content/a.md"}, {1 * time.Millisecond, everything}},
		build:       10 * time.Millisecond,
		published:   []time.Duration{1*time.Millisecond + quiet},
		lastChanged: nil,
		cancelled:   1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var (
					mu        sync.Mutex
					asked     [][]string
					cancelled int
					published []time.Time
				)
				build := func(ctx context.Context, changed []string) (*site.Snapshot, *site.Result, error) {
					mu.Lock()
					asked = append(asked, changed)
					mu.Unlock()
					select {
					case <-time.After(tt.build):
					case <-ctx.Done():
						mu.Lock()
						cancelled++
						mu.Unlock()
						return nil, &site.Result{}, ctx.Err()
					}
					return site.NewSnapshot(map[string][]byte{"index.html": []byte(strings.Join(changed, ","))}), &site.Result{}, nil
				}
				paths := make(chan string)
				rb := &rebuilder{build: build, quiet: quiet, maxPaths: 100, publish: func(outcome) {
					mu.Lock()
					published = append(published, time.Now())
					mu.Unlock()
				}}
				ctx, cancel := context.WithCancel(t.Context())
				done := make(chan struct{})
				go func() { rb.run(ctx, paths); close(done) }()

				time.Sleep(time.Second) // the first build
				mu.Lock()
				if len(published) != 1 || asked[0] != nil {
					t.Fatalf("first build: %d published, asked %v; want 1, everything", len(published), asked)
				}
				mu.Unlock()
				start := time.Now()
				for _, c := range tt.changes {
					time.Sleep(start.Add(c.at).Sub(time.Now()))
					paths <- c.path
				}
				time.Sleep(time.Second)
				cancel()
				<-done

				var got []time.Duration
				for _, p := range published[1:] {
					got = append(got, p.Sub(start))
				}
				if !slices.Equal(got, tt.published) {
					t.Errorf("published at %v, want %v", got, tt.published)
				}
				if last := asked[len(asked)-1]; fmt.Sprint(last) != fmt.Sprint(tt.lastChanged) || (last == nil) != (tt.lastChanged == nil) {
					t.Errorf("last build asked for %q, want %q", last, tt.lastChanged)
				}
				if cancelled != tt.cancelled {
					t.Errorf("%d builds cancelled, want %d", cancelled, tt.cancelled)
				}
			})
		})
	}
}

// TestRebuildTooManyPaths checks that a mass change (a git checkout) asks
// for a check of everything rather than a list of thousands.
func TestRebuildTooManyPaths(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var asked [][]string
		build := func(ctx context.Context, changed []string) (*site.Snapshot, *site.Result, error) {
			asked = append(asked, changed)
			// The changes all come at one instant of the fake clock,
			// while this build runs.
			select {
			case <-time.After(10 * time.Millisecond):
			case <-ctx.Done():
				return nil, &site.Result{}, ctx.Err()
			}
			return site.NewSnapshot(nil), &site.Result{}, nil
		}
		paths := make(chan string)
		rb := &rebuilder{build: build, quiet: 30 * time.Millisecond, maxPaths: 10, publish: func(outcome) {}}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() { rb.run(ctx, paths); close(done) }()
		time.Sleep(time.Second)
		for i := range 11 {
			paths <- fmt.Sprintf("content/%d.md", i)
		}
		time.Sleep(time.Second)
		cancel()
		<-done
		if last := asked[len(asked)-1]; last != nil {
			t.Errorf("after 11 changes the build was asked for %d paths, want everything", len(last))
		}
	})
}

// TestRebuildUnsettled checks that a change leaving its file missing or
// empty, the middle of a delete and re-create or of a truncate then write,
// waits the longer period, so that a save whose steps are further apart
// than the quiet period is still one build published. (Issue 5, point 2.)
func TestRebuildUnsettled(t *testing.T) {
	const quiet, unsettled = 15 * time.Millisecond, 135 * time.Millisecond
	synctest.Test(t, func(t *testing.T) {
		var (
			mu        sync.Mutex
			missing   = map[string]bool{}
			published []time.Time
			builds    int
		)
		build := func(ctx context.Context, changed []string) (*site.Snapshot, *site.Result, error) {
			mu.Lock()
			builds++
			mu.Unlock()
			select {
			case <-time.After(5 * time.Millisecond):
			case <-ctx.Done():
				return nil, &site.Result{}, ctx.Err()
			}
			return site.NewSnapshot(nil), &site.Result{}, nil
		}
		paths := make(chan string)
		rb := &rebuilder{build: build, quiet: quiet, unsettled: unsettled, maxPaths: 100,
			settled: func(p string) bool { mu.Lock(); defer mu.Unlock(); return !missing[p] },
			publish: func(outcome) { mu.Lock(); published = append(published, time.Now()); mu.Unlock() }}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() { rb.run(ctx, paths); close(done) }()
		time.Sleep(time.Second)

		start := time.Now()
		// Deleted, then written again 50ms later: one build, 15ms
		// after the write.
		mu.Lock()
		missing["content/a.md"] = true
		mu.Unlock()
		paths <- "content/a.md"
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		missing["content/a.md"] = false
		mu.Unlock()
		paths <- "content/a.md"
		time.Sleep(time.Second)
		// Deleted for good: built after the longer period, and
		// published once built.
		mu.Lock()
		missing["content/b.md"] = true
		mu.Unlock()
		second := time.Now()
		paths <- "content/b.md"
		time.Sleep(time.Second)
		cancel()
		<-done

		mu.Lock()
		defer mu.Unlock()
		want := []time.Duration{50*time.Millisecond + quiet, unsettled + 5*time.Millisecond}
		got := []time.Duration{}
		for i, p := range published[1:] {
			from := start
			if i > 0 {
				from = second
			}
			got = append(got, p.Sub(from))
		}
		if !slices.Equal(got, want) {
			t.Errorf("published at %v, want %v", got, want)
		}
		// The first, the re-created file's and the deletion's: none
		// of the file in the middle of its save.
		if builds != 3 {
			t.Errorf("%d builds, want 3", builds)
		}
	})
}
