package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// writeDir is BuildDir. Its steps, and what a crash at each leaves:
//
//  1. Take the cache folder's lock, finish the commit of a build that died
//     half way through it (its journal), and remove the staging folders of
//     builds that died before their commit.
//  2. Hash the inputs (see inputs). If they hash as they did for the last
//     successful build and the site is as that build left it (see
//     unchanged), stop: there is nothing to do.
//  3. Build. New and changed files go to a fresh staging folder beside
//     dir; dir is not touched. A crash or a failure leaves dir as it was.
//  4. Commit: write the journal (the new manifest, the files to move in,
//     the files to delete) atomically, carry it out, then save the
//     manifest and remove the journal. A crash in between is finished by
//     step 1 of the next build, which moves the rest of the new files in;
//     the site is whole again before anything else runs. Last, save the
//     state: the inputs' hash and what the build reported.
//
// The cache is only a hint, checked before it is used: a file is taken to
// be unchanged only when its size and times are still what the cache
// says, and a damaged manifest, journal or state is ignored (the build
// then reads and compares everything itself).
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
	prev := readState(cache)
	now, kerr := inputs(cfg, prev)
	if kerr == nil && !fresh && unchanged(cfg, prev, now, old, dir) {
		res := prev.Result
		res.Diags = slices.Clone(res.Diags)
		res.UpToDate = true
		if now.read > 0 {
			// Remember the files' identities as of now, so the next
			// build need not read them again.
			now.NextFuture, now.Result, now.Manifest = prev.NextFuture, prev.Result, prev.Manifest
			if err := writeState(cache, now); err != nil {
				return &res, fmt.Errorf("saving the cache: %w", err)
			}
		}
		return &res, nil
	}
	os.Remove(filepath.Join(cache, stateName))

	stage, err := tempSibling(dir)
	if err != nil {
		return &Result{}, fmt.Errorf("creating the output folder: %w", err)
	}
	w, err := newDirWriter(dir, stage, fresh, old)
	if err != nil {
		os.RemoveAll(stage)
		return &Result{}, err
	}
	var (
		res *Result
		d   *disk
		bl  *Builder
		env hash
		idx *bodiesIndex
	)
	if kerr == nil {
		// The incremental build, its memory kept on disk (see disk).
		env = envKey(cfg, now.Exe.Sum)
		d = &disk{w: w, cache: cache, kept: map[*File]hash{}, keptGroups: map[*group]bool{}}
		bl = NewBuilder(cfg)
		bl.m.disk = d
		idx = d.restore(cache, env, old, &bl.m)
		var snap *Snapshot
		snap, res, err = bl.Build(ctx, nil)
		if snap != nil {
			res.work = snap.Work
		}
		if err == nil {
			if problems := d.drain(); problems.HasErrors() {
				res.Diags.Append(problems)
				err = problems.Err()
			} else {
				err = d.err
			}
		}
	} else {
		cfg.Out = w
		res, err = Build(ctx, cfg)
	}
	if err != nil {
		os.RemoveAll(stage)
		if d != nil {
			d.dropPending()
		}
		return res, err
	}
	removed, err := w.commit(cache)
	if err != nil {
		if d != nil {
			d.dropPending()
		}
		if fresh {
			os.RemoveAll(stage)
		}
		return res, err
	}
	res.Written = int(w.written.Load())
	res.Removed = removed
	// What is in the site now, counted the same whichever way the build
	// went (an incremental build does not count groups of files).
	res.Files, res.Bytes = len(w.files), 0
	for _, e := range w.files {
		res.Bytes += e.Size
	}
	if kerr == nil {
		m := readManifest(filepath.Join(cache, manifestName))
		if m == nil {
			return res, errors.New("saving the cache: the manifest just written cannot be read")
		}
		now.Manifest = m.Sum
		now.NextFuture = res.nextFuture
		now.Result = *res
		now.Result.Written, now.Result.Removed = 0, 0
		if err := d.save(cache, env, &bl.m, idx); err != nil {
			return res, fmt.Errorf("saving the cache: %w", err)
		}
		if err := writeState(cache, now); err != nil {
			return res, fmt.Errorf("saving the cache: %w", err)
		}
	}
	return res, nil
}
