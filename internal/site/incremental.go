package site

import (
	"context"
	"errors"
	"sync"
)

// A Builder builds one site again and again, keeping each build whole in
// memory as a Snapshot. It is what the preview server rebuilds with.
//
// Build calls are serialised: a Builder runs one build at a time. A build
// cancelled through its context leaves the Builder ready for the next one.
type Builder struct {
	cfg Config
	mu  sync.Mutex
}

// NewBuilder returns a Builder for cfg. cfg.Out is not used: every build
// goes to a Snapshot.
func NewBuilder(cfg Config) *Builder {
	cfg.Out = nil
	return &Builder{cfg: cfg}
}

// Build brings the site up to date with its source and returns it whole.
// changed names the source files that changed since the previous call, as
// slash paths relative to the source root ("content/2024/x.md",
// "templates/base.html", or a folder, for everything under it); nil means
// unknown, and every input is checked. The Result is never nil; the
// Snapshot is nil when the build failed (the Result holds the diagnostics)
// or was cancelled.
func (b *Builder) Build(ctx context.Context, changed []string) (*Snapshot, *Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cfg.Source == nil {
		return nil, &Result{}, errors.New("site: Builder needs a Source")
	}
	var c collector
	cfg := b.cfg
	cfg.Out = &c
	res, err := Build(ctx, cfg)
	if err != nil {
		return nil, res, err
	}
	snap := &Snapshot{files: c.files, Work: Work{Full: true}}
	return snap, res, nil
}
