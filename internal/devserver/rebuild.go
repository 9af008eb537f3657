package devserver

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/isnad/isnad/internal/site"
)

// A BuildFunc brings the site up to date and returns it whole. changed
// lists the source files (slash paths relative to the site folder, or
// folders, for everything under them) that changed since the last call
// that was not cancelled; nil means unknown: check everything. On failure
// it returns a nil Snapshot and the diagnostics in the Result.
// (*site.Builder).Build is one.
type BuildFunc func(ctx context.Context, changed []string) (*site.Snapshot, *site.Result, error)

// An outcome is what one finished build gives.
type outcome struct {
	snap *site.Snapshot
	res  *site.Result
	err  error
	// first is when the first change the build covers was seen; zero
	// for the first build.
	first time.Time
	took  time.Duration
	// changed is what the build was asked to look at.
	changed []string
}

// A rebuilder turns a stream of changed paths into builds, and builds
// into published outcomes: exactly one per burst of changes.
//
// A build starts as soon as a change arrives, so its time overlaps the
// quiet period, but its outcome is published only when no change has
// arrived for the quiet period: the several events of an editor's save
// (a temporary file renamed over the article, a delete and re-create, a
// burst of writes) are one change, and one published build. A change
// that leaves its file missing or empty waits the longer unsettled
// period: it is more often the middle of a save than its end. A change that
// arrives while a build runs cancels it; the next build covers every change
// since the last build that finished.
type rebuilder struct {
	build BuildFunc
	// quiet is how long no change must arrive before a build's outcome
	// is published; unsettled replaces it after a change to a path that
	// settled (when not nil) finds in the middle of a save.
	quiet, unsettled time.Duration
	settled          func(path string) bool
	// maxPaths is the number of changed paths above which a build is
	// asked to check everything.
	maxPaths int
	publish  func(outcome)
}

// run does the first build, then rebuilds on every change from paths
// until ctx is done.
func (rb *rebuilder) run(ctx context.Context, paths <-chan string) {
	var (
		pending = map[string]bool{} // changed since the last finished build
		all     = true              // check everything (first build, lost events)
		first   time.Time           // when the oldest pending change came
		running bool
		cancel  context.CancelFunc = func() {}
		// dirty is set by a change that came after the running build
		// started: its outcome is stale.
		dirty bool
		// calm is true when no change came in the last quiet period.
		calm = true
		// waiting is set when a build is due but waits for the file
		// of the last change to settle (see settled).
		waiting bool
		held    *outcome // a finished build waiting for calm
		done    = make(chan outcome, 1)
	)
	timer := time.NewTimer(rb.quiet)
	timer.Stop()
	defer timer.Stop()

	start := func() {
		var changed []string
		if !all && len(pending) <= rb.maxPaths {
			changed = slices.Sorted(maps.Keys(pending))
		}
		bctx, c := context.WithCancel(ctx)
		cancel = c
		running, dirty = true, false
		since := first
		go func() {
			t0 := time.Now()
			snap, res, err := rb.build(bctx, changed)
			done <- outcome{snap: snap, res: res, err: err, first: since, took: time.Since(t0), changed: changed}
		}()
	}

	start()
	for {
		select {
		case <-ctx.Done():
			cancel()
			if running {
				<-done
			}
			return
		case p, ok := <-paths:
			if !ok {
				paths = nil
				continue
			}
			if first.IsZero() {
				first = time.Now()
			}
			if p == everything {
				all = true
			} else {
				pending[p] = true
			}
			dirty, calm, held = true, false, nil
			// A change that leaves its file missing or empty is
			// most often the middle of a save: no build of it
			// starts until the file settles or the longer period
			// passes.
			settled := rb.settled == nil || p == everything || rb.settled(p)
			waiting = !settled
			if settled {
				timer.Reset(rb.quiet)
			} else {
				timer.Reset(rb.unsettled)
			}
			if running {
				cancel()
			} else if settled {
				start()
			}
		case o := <-done:
			running = false
			cancel()
			if dirty || ctx.Err() != nil {
				if ctx.Err() != nil {
					return
				}
				if !waiting {
					start()
				}
				continue
			}
			clear(pending)
			all = false
			first = time.Time{}
			if calm {
				rb.publish(o)
			} else {
				held = &o
			}
		case <-timer.C:
			calm = true
			if waiting {
				waiting = false
				if !running {
					start()
				}
			}
			if held != nil {
				rb.publish(*held)
				held = nil
			}
		}
	}
}
