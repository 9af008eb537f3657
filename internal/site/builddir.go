package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeDir is BuildDir. Its steps, and what a crash at each leaves:
//
//  1. Take the cache folder's lock, finish the commit of a build that died
//     half way through it (its journal), and remove the staging folders of
//     builds that died before their commit.
//  2. Build. New and changed files go to a fresh staging folder beside
//     dir; dir is not touched. A crash or a failure leaves dir as it was.
//  3. Commit: write the journal (the new manifest, the files to move in,
//     the files to delete) atomically, carry it out, then save the
//     manifest and remove the journal. A crash in between is finished by
//     step 1 of the next build, which moves the rest of the new files in;
//     the site is whole again before anything else runs.
//
// The manifest is only a hint: a file is taken to be unchanged only when
// its size and modification time are still what the manifest says, and a
// damaged manifest or journal is ignored (every file is then compared
// byte for byte).
func writeDir(ctx context.Context, cfg Config, dir string) (*Result, error) {
	if err := checkReplaceable(dir); err != nil {
		return &Result{}, err
	}
	cache := cfg.CacheDir
	if cache == "" {
		cache = defaultCacheDir(dir)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return &Result{}, fmt.Errorf("making the cache folder: %w", err)
	}
	unlock, err := lock(filepath.Join(cache, lockName))
	if err != nil {
		return &Result{}, fmt.Errorf("locking the cache: %w", err)
	}
	defer unlock()
	if err := recoverJournal(cache, dir); err != nil {
		return &Result{}, fmt.Errorf("finishing the interrupted build of %s: %w", dir, err)
	}
	removeStale(dir)

	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &Result{}, fmt.Errorf("reading the output folder: %w", err)
	}
	fresh := len(entries) == 0
	var old *manifest
	if !fresh {
		old = readManifest(filepath.Join(cache, manifestName))
	}
	stage, err := tempSibling(dir)
	if err != nil {
		return &Result{}, fmt.Errorf("creating the output folder: %w", err)
	}
	w, err := newDirWriter(dir, stage, fresh, old)
	if err != nil {
		os.RemoveAll(stage)
		return &Result{}, err
	}
	cfg.Out = w
	res, err := Build(ctx, cfg)
	if err != nil {
		os.RemoveAll(stage)
		return res, err
	}
	removed, err := w.commit(cache)
	if err != nil {
		if fresh {
			os.RemoveAll(stage)
		}
		return res, err
	}
	res.Written = int(w.written.Load())
	res.Removed = removed
	return res, nil
}
