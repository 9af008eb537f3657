package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// Files of a cache folder.
const (
	manifestName = "manifest" // the site as the last build left it
	journalName  = "journal"  // a commit under way
	lockName     = "lock"
)

// A dirWriter is the Output of BuildDir. It never touches the site folder
// while the build runs: a file whose bytes are already there is only
// noted (so it keeps its modification time, and deploys and syncs stay
// small), every other file is written to a staging folder beside the
// site. Only when the whole build has succeeded does commit move the
// staged files into place and delete the files the build no longer
// makes, under a journal that the next build finishes if this one dies
// half way. A failed build leaves the site exactly as it was.
//
// When the site folder is new or empty, everything is staged and the
// staging folder becomes the site in one rename.
type dirWriter struct {
	dir, stage string
	fresh      bool
	// old is the manifest of the site as the last build left it, or nil
	// when there is none to trust; existing then lists the site's files.
	old      *manifest
	existing map[string]bool

	made sync.Map // folders made under stage

	mu    sync.Mutex
	files map[string]fileEntry
	moves []string
	// keys are the keys files were made from, as the build learns them
	// (see setKey).
	keys map[string]hash

	written atomic.Int64
}

func newDirWriter(dir, stage string, fresh bool, old *manifest) (*dirWriter, error) {
	w := &dirWriter{dir: dir, stage: stage, fresh: fresh, old: old, files: map[string]fileEntry{}}
	if !fresh && old == nil {
		w.existing = map[string]bool{}
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() {
				rel, _ := filepath.Rel(dir, p)
				w.existing[filepath.ToSlash(rel)] = true
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading the output folder: %w", err)
		}
	}
	return w, nil
}

// WriteFile implements Output.
func (w *dirWriter) WriteFile(name string, data []byte) error {
	return w.put(name, data, hash{})
}

// put writes data to name, made from inputs whose hash is key (zero when
// unknown).
func (w *dirWriter) put(name string, data []byte, key hash) error {
	if err := checkName(name); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	if !w.fresh {
		if e, ok := w.same(name, data, sum); ok {
			e.Key = key
			w.record(name, e, false)
			return nil
		}
	}
	e, err := w.stageFile(name, data)
	if err != nil {
		return err
	}
	e.Sum, e.Key = sum, key
	w.record(name, e, true)
	return nil
}

// putStream writes to name, made from inputs whose hash is key, what
// write writes, holding none of it: it goes to the staging folder, and is
// dropped from there when the site already has the same bytes.
func (w *dirWriter) putStream(name string, key hash, write func(io.Writer) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	h := sha256.New()
	e, err := w.stageWith(name, func(f *os.File) error {
		bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	p := filepath.Join(w.stage, filepath.FromSlash(name))
	e.Key = key
	h.Sum(e.Sum[:0])
	if !w.fresh && w.sameSum(name, e.Size, e.Sum) {
		if err := os.Remove(p); err != nil {
			return err
		}
		site, err := os.Lstat(filepath.Join(w.dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		e.Mod = site.ModTime().UnixNano()
		w.record(name, e, false)
		return nil
	}
	w.record(name, e, true)
	return nil
}

// sameSum reports whether the site already holds name with size bytes
// hashing to sum: as the manifest says, when the file is as it left it,
// else by hashing the file.
func (w *dirWriter) sameSum(name string, size int64, sum hash) bool {
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != size {
		return false
	}
	if w.old != nil {
		if o, ok := w.old.Files[name]; ok && o.Size == size && o.Mod == fi.ModTime().UnixNano() {
			return o.Sum == sum
		}
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	var got hash
	h.Sum(got[:0])
	return got == sum
}

// setKey records that name is made from inputs whose hash is key, for
// the next build; the file may be written before or after.
func (w *dirWriter) setKey(name string, key hash) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.keys == nil {
		w.keys = map[string]hash{}
	}
	w.keys[name] = key
}

// keep reports whether the site still holds name as the last build made
// it from inputs whose hash is key, and if so keeps it: the build need not
// make it again.
func (w *dirWriter) keep(name string, key hash) bool {
	if w.fresh || w.old == nil || key == (hash{}) {
		return false
	}
	o, ok := w.old.Files[name]
	if !ok || o.Key != key || !w.intact(name, o) {
		return false
	}
	w.record(name, o, false)
	return true
}

// intact reports whether the site's file name still has the size and
// modification time the manifest gives it, that is, whether the manifest's
// hash of it can be trusted.
func (w *dirWriter) intact(name string, e fileEntry) bool {
	fi, err := os.Lstat(filepath.Join(w.dir, filepath.FromSlash(name)))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == e.Size && fi.ModTime().UnixNano() == e.Mod
}

// same reports whether the site already holds data as name, and returns
// the file's entry if so.
func (w *dirWriter) same(name string, data []byte, sum hash) (fileEntry, bool) {
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return fileEntry{}, false
	}
	e := fileEntry{Sum: sum, Size: fi.Size(), Mod: fi.ModTime().UnixNano()}
	if w.old != nil {
		if o, ok := w.old.Files[name]; ok && o.Size == e.Size && o.Mod == e.Mod {
			return e, o.Sum == sum
		}
	}
	cur, err := os.ReadFile(p)
	return e, err == nil && bytes.Equal(cur, data)
}

func (w *dirWriter) record(name string, e fileEntry, staged bool) {
	w.mu.Lock()
	w.files[name] = e
	if staged {
		w.moves = append(w.moves, name)
	}
	w.mu.Unlock()
	if staged {
		w.written.Add(1)
	}
}

// stageFile writes data to name under the staging folder.
func (w *dirWriter) stageFile(name string, data []byte) (fileEntry, error) {
	return w.stageWith(name, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// stageWith makes the file name under the staging folder with write, and
// returns its size and modification time.
func (w *dirWriter) stageWith(name string, write func(*os.File) error) (fileEntry, error) {
	p := filepath.Join(w.stage, filepath.FromSlash(name))
	if err := w.mkdir(filepath.Dir(p)); err != nil {
		return fileEntry{}, err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fileEntry{}, err
	}
	err = write(f)
	var fi os.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileEntry{}, err
	}
	return fileEntry{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}, nil
}

// mkdir makes the folder p under the staging folder, once: a folder at a
// time, each with one system call, since the staging folder starts empty.
func (w *dirWriter) mkdir(p string) error {
	if _, ok := w.made.Load(p); ok || p == w.stage || len(p) < len(w.stage) {
		return nil
	}
	if err := w.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.made.Store(p, true)
	return nil
}

// commit puts the build in place and records it in the cache folder. It
// returns the number of files deleted.
func (w *dirWriter) commit(cache string) (int, error) {
	for name, key := range w.keys {
		if e, ok := w.files[name]; ok {
			e.Key = key
			w.files[name] = e
		}
	}
	next := &manifest{Files: w.files}
	if w.fresh {
		os.Remove(filepath.Join(cache, manifestName))
		if err := os.Chmod(w.stage, 0o755); err != nil {
			return 0, err
		}
		if err := replaceDir(w.stage, w.dir); err != nil {
			return 0, fmt.Errorf("putting the new site in place: %w", err)
		}
		return 0, writeAtomic(filepath.Join(cache, manifestName), next.encode())
	}
	var deletes []string
	if w.old != nil {
		for name := range w.old.Files {
			if _, ok := w.files[name]; !ok {
				deletes = append(deletes, name)
			}
		}
	} else {
		for name := range w.existing {
			if _, ok := w.files[name]; !ok {
				deletes = append(deletes, name)
			}
		}
	}
	slices.Sort(deletes)
	slices.Sort(w.moves)
	if len(w.moves) > 0 || len(deletes) > 0 {
		j := &manifest{Files: w.files, Stage: w.stage, Moves: w.moves, Deletes: deletes}
		if err := writeAtomic(filepath.Join(cache, journalName), j.encode()); err != nil {
			return 0, fmt.Errorf("writing the journal: %w", err)
		}
		if err := apply(w.dir, j); err != nil {
			return 0, fmt.Errorf("updating %s (the next build finishes it): %w", w.dir, err)
		}
	}
	if err := writeManifest(cache, next); err != nil {
		return 0, err
	}
	os.Remove(filepath.Join(cache, journalName))
	os.RemoveAll(w.stage)
	return len(deletes), nil
}

// writeManifest saves m as the cache's manifest, unless it already is.
func writeManifest(cache string, m *manifest) error {
	name := filepath.Join(cache, manifestName)
	data := m.encode()
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := writeAtomic(name, data); err != nil {
		return fmt.Errorf("writing the manifest: %w", err)
	}
	return nil
}

// apply carries out a journal on the site folder dir: it deletes the files
// to delete, moves the staged files into place and removes the folders it
// emptied. It can be run again after being interrupted: what is done
// already is skipped.
func apply(dir string, j *manifest) error {
	var emptied []string
	for _, name := range j.Deletes {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			// A folder where the old build had a file: remove it whole.
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
		emptied = append(emptied, path.Dir(name))
	}
	made := map[string]bool{}
	for _, name := range j.Moves {
		src := filepath.Join(j.Stage, filepath.FromSlash(name))
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
			continue // moved before the interruption
		}
		if parent := filepath.Dir(dst); !made[parent] {
			if err := mkdirOver(dir, parent); err != nil {
				return err
			}
			made[parent] = true
		}
		if err := os.Rename(src, dst); err != nil {
			// A folder is where the file goes: an old build's.
			if fi, lerr := os.Lstat(dst); lerr != nil || !fi.IsDir() {
				return err
			}
			if err := os.RemoveAll(dst); err != nil {
				return err
			}
			if err := os.Rename(src, dst); err != nil {
				return err
			}
		}
	}
	// Deepest first, so a folder's emptied subfolders go before it.
	slices.SortFunc(emptied, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, d := range slices.Compact(emptied) {
		for d != "." && d != "/" && d != "" {
			if os.Remove(filepath.Join(dir, filepath.FromSlash(d))) != nil {
				break // not empty, or gone already
			}
			d = path.Dir(d)
		}
	}
	return nil
}

// mkdirOver makes the folder p inside root, removing a file that stands
// where one of its folders must go (an output of an old build that the
// manifest did not list).
func mkdirOver(root, p string) error {
	err := os.MkdirAll(p, 0o755)
	if err == nil || !errors.Is(err, syscall.ENOTDIR) && !errors.Is(err, fs.ErrExist) {
		return err
	}
	for q := p; len(q) > len(root); q = filepath.Dir(q) {
		if fi, err := os.Lstat(q); err == nil && !fi.IsDir() {
			if err := os.Remove(q); err != nil {
				return err
			}
			break
		}
	}
	return os.MkdirAll(p, 0o755)
}

// recoverJournal finishes a commit that a crash interrupted: the staged
// files of a build that had succeeded are moved into place and its
// manifest saved. A damaged journal cannot be trusted; the manifest is
// then dropped, so the next build checks every file itself.
func recoverJournal(cache, dir string) error {
	name := filepath.Join(cache, journalName)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	// The state is of the build before the interrupted one.
	os.Remove(filepath.Join(cache, stateName))
	j, err := decodeManifest(data)
	if err != nil {
		os.Remove(filepath.Join(cache, manifestName))
		return os.Remove(name)
	}
	if err := apply(dir, j); err != nil {
		return err
	}
	if err := writeManifest(cache, &manifest{Files: j.Files}); err != nil {
		return err
	}
	os.RemoveAll(j.Stage)
	return os.Remove(name)
}

// defaultCacheDir is where BuildDir keeps its cache for the site folder
// dir: .isnad-cache/NAME beside it, outside the site.
func defaultCacheDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(filepath.Dir(dir), ".isnad-cache", filepath.Base(dir))
}

// removeStale removes the staging folders that builds of dir which died
// before their commit left behind. Only call it holding the cache lock.
func removeStale(dir string) {
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	old, _ := filepath.Glob(filepath.Join(parent, "."+strings.TrimPrefix(base, ".")+".building-*"))
	for _, p := range old {
		os.RemoveAll(p)
	}
}

// names returns the sorted names of m's files.
func (m *manifest) names() []string { return slices.Sorted(maps.Keys(m.Files)) }
