package devserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/site"
)

// Server is the preview server of one site. Set its fields, then call
// Serve; the zero values of the optional fields are the defaults.
type Server struct {
	// Dir is the site folder on disk: its isnad.toml, content/,
	// templates/ and assets/ are watched. Required.
	Dir string
	// Build builds the site; required. Diagnostics name files relative
	// to Dir.
	Build BuildFunc
	// BasePath is the URL path the site is served under, "/repo/" for a
	// GitHub Pages project site; "" means "/". See BasePath.
	BasePath string
	// Quiet is how long no change must arrive before a rebuild is
	// published; 0 means DefaultQuiet. After a change that leaves a
	// file missing or empty, the middle of many editors' saves, the
	// server waits Quiet+Unsettled.
	Quiet time.Duration
	// Logf reports builds and problems; nil discards them.
	Logf func(format string, args ...any)

	state atomic.Pointer[state]
	hub   hub
}

// DefaultQuiet is the default quiet period. It bounds from below the time
// from a save to the reload, so it is short: an editor's save is one
// change to the article (a write in place, or a temporary file renamed
// over it), or a few within a millisecond or two (a write in several
// parts). The saves whose steps leave the article missing or empty
// (delete and re-create, rename away and write anew, truncate then
// write) wait Unsettled more, so that their middle is never published.
const DefaultQuiet = 15 * time.Millisecond

// Unsettled is how much longer than the quiet period the server waits
// after a change that leaves a file missing or empty.
const Unsettled = 120 * time.Millisecond

// state is what the server shows: the last good site, and the problems of
// the last build when it failed. It is replaced whole after each build.
type state struct {
	build int            // number of builds published
	snap  *site.Snapshot // the last good site; nil before the first
	// problems are those of the last build when it failed; nil when it
	// succeeded.
	problems []Problem
}

// A Problem is one diagnostic of a failed build, as the error overlay
// shows it.
type Problem struct {
	// Pos is "file:line:col", or less when the position is less precise.
	Pos  string `json:"pos"`
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	Msg  string `json:"msg"`
	// Source is the text of the line, when the file has it.
	Source  string `json:"source,omitempty"`
	Warning bool   `json:"warning,omitempty"`
}

// String returns "file:line:col: message".
func (p Problem) String() string {
	if p.Pos == "" {
		return p.Msg
	}
	return p.Pos + ": " + p.Msg
}

// An Event is what the server tells browsers after each build, as the
// JSON data of a "build" server-sent event.
type Event struct {
	// Build counts published builds, from 1.
	Build int `json:"build"`
	// OK is false when the build failed; Problems then say why, and the
	// previous site is still served.
	OK       bool      `json:"ok"`
	Problems []Problem `json:"problems,omitempty"`
	// Changed are the output files ("2024/x/index.html", "assets/isnad.css")
	// whose bytes changed, appeared or disappeared.
	Changed []string `json:"changed"`
	// All is set instead of Changed when too many files changed to list:
	// every page reloads.
	All bool `json:"all,omitempty"`
	// Ms is the time from the first change seen to the end of the build.
	Ms int64 `json:"ms"`
}

// maxChanged is the most changed names an event lists.
const maxChanged = 2000

func (s *Server) logf(format string, args ...any) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}

// BasePath returns the URL path of a base URL, with slashes at both ends:
// "https://user.github.io/repo" → "/repo/", "" → "/".
func BasePath(baseURL string) string {
	p := baseURL
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			p = "/"
		}
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = "/" + strings.Trim(p, "/") + "/"
	if p == "//" {
		p = "/"
	}
	return p
}

// Serve builds the site, serves it on l and rebuilds it on every change
// under Dir, until ctx is cancelled; then it shuts down cleanly and returns
// nil. It fails only when it cannot start: a failed build is shown in the
// browser, never fatal.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	if s.Dir == "" || s.Build == nil {
		return errors.New("devserver: Serve needs a Dir and a Build")
	}
	s.BasePath = BasePath(s.BasePath)
	if s.Quiet <= 0 {
		s.Quiet = DefaultQuiet
	}
	s.state.Store(&state{})

	w, err := newWatcher(s.Dir, s.logf)
	if err != nil {
		return fmt.Errorf("watching %s: %w", s.Dir, err)
	}
	defer w.close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	paths := make(chan string, 1024)
	go w.run(ctx, paths)
	rb := &rebuilder{build: s.Build, quiet: s.Quiet, unsettled: s.Quiet + Unsettled, settled: s.settled, maxPaths: 500, publish: s.publish}
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		rb.run(ctx, paths)
	}()

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          nil,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	select {
	case err = <-served:
		cancel()
		<-loopDone
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	// Event streams never end by themselves; end them first so that
	// Shutdown only waits for ordinary requests.
	s.hub.close()
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	err = srv.Shutdown(sctx)
	<-loopDone
	if err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}

// settled reports whether the source path p (slash, relative to Dir) is
// as a save leaves it: a folder, or a file with something in it.
func (s *Server) settled(p string) bool {
	fi, err := os.Stat(filepath.Join(s.Dir, filepath.FromSlash(p)))
	return err == nil && (fi.IsDir() || fi.Size() > 0)
}

// publish makes a finished build what the server shows and tells every
// browser.
func (s *Server) publish(o outcome) {
	old := s.state.Load()
	next := &state{build: old.build + 1, snap: old.snap}
	ev := Event{Build: next.build}
	if !o.first.IsZero() {
		ev.Ms = time.Since(o.first).Milliseconds()
	}
	if o.snap != nil && o.err == nil {
		next.snap = o.snap
		ev.OK = true
		ev.Changed = o.snap.Changes(old.snap)
	} else {
		next.problems = s.problems(o)
		ev.Problems = next.problems
	}
	if ev.Changed == nil {
		ev.Changed = []string{}
	}
	n := len(ev.Changed)
	if n > maxChanged {
		ev.Changed, ev.All = []string{}, true
	}
	s.state.Store(next)
	data, err := json.Marshal(ev)
	if err != nil {
		s.logf("encoding event: %v", err)
		return
	}
	s.hub.broadcast(sse("build", data))

	if ev.OK {
		if o.first.IsZero() {
			s.logf("build %d: %d file(s) in %v", ev.Build, n, o.took.Round(time.Millisecond))
		} else {
			how := "rebuilt"
			if o.snap.Work.Patched {
				how = "patched"
			}
			s.logf("build %d: %d file(s) changed; %s in %v, reload sent %dms after the change", ev.Build, n, how, o.took.Round(time.Millisecond), ev.Ms)
		}
	} else {
		s.logf("build %d failed in %v; still serving the last good site:", ev.Build, o.took.Round(time.Millisecond))
		for _, p := range ev.Problems {
			s.logf("  %s", p)
		}
	}
}

// problems turns a failed build's diagnostics into what the overlay
// shows.
func (s *Server) problems(o outcome) []Problem {
	var list diag.List
	if o.res != nil {
		list = o.res.Diags.Errors()
	}
	if len(list) == 0 {
		list = diag.AsList(o.err)
	}
	out := s.toProblems(list)
	if len(out) == 0 {
		msg := "the build failed"
		if o.err != nil {
			msg = o.err.Error()
		}
		out = append(out, Problem{Msg: msg})
	}
	return out
}

// toProblems turns diagnostics into what the overlay shows, with the
// source line of each where the file has it; nil for none.
func (s *Server) toProblems(list diag.List) []Problem {
	var out []Problem
	files := map[string]*diag.File{}
	for _, d := range list {
		p := Problem{Pos: d.Pos.String(), File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Msg: d.Msg, Warning: d.Severity == diag.Warning}
		if d.Pos.File != "" && d.Pos.Line > 0 {
			f, ok := files[d.Pos.File]
			if !ok {
				if src, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(d.Pos.File))); err == nil {
					f = diag.NewFile(d.Pos.File, src)
				}
				files[d.Pos.File] = f
			}
			if f != nil {
				p.Source = f.Line(d.Pos.Line)
			}
		}
		out = append(out, p)
	}
	return out
}

// sse formats one server-sent event. data must hold no newline (JSON
// from encoding/json has none).
func sse(event string, data []byte) []byte {
	b := make([]byte, 0, len(event)+len(data)+16)
	b = append(b, "event: "...)
	b = append(b, event...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	b = append(b, "\n\n"...)
	return b
}
