package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"
)

// stateName is the file of a cache folder that remembers the inputs of the
// last successful build.
const stateName = "state"

// stateVersion changes whenever what a build makes from the same inputs
// may change in a way the binary's hash does not show; bump it with care.
const stateVersion = 1

// A buildState is what BuildDir remembers of its last successful build:
// the hash of all its inputs and what it reported. When the next build's
// inputs hash the same, and the site still holds every file the manifest
// lists, the build has nothing to do.
type buildState struct {
	Version int
	Key     hash // see inputs
	// Sources are the input files as they were when read, so unchanged
	// ones need not be read again; Scan is when they were read.
	Sources map[string]sourceStat
	Scan    int64
	Exe     sourceStat
	// NextFuture is the earliest date of an article left out for being
	// in the future: once it has passed, the site changes.
	NextFuture time.Time
	Result     Result
	// Manifest is the hash of the manifest the build wrote: the state
	// holds only for the site that manifest describes.
	Manifest hash

	read int // files of the site read to hash them, rather than trusted
}

// A sourceStat identifies one version of a file: if a file's size,
// modification and change times and inode are all as recorded, its bytes
// are taken to be those hashed then. The change time cannot be set by
// tools that preserve modification times (rsync -t, tar), so a copy with
// an old date still shows as changed.
type sourceStat struct {
	Size, Mod, Change int64
	Ino               uint64
	Sum               hash
}

// readState reads a cache's state; a missing, damaged or old one is nil.
func readState(cache string) *buildState {
	data, err := os.ReadFile(filepath.Join(cache, stateName))
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil
	}
	var st buildState
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&st); err != nil || st.Version != stateVersion {
		return nil
	}
	return &st
}

// writeState saves st in the cache folder, with a checksum.
func writeState(cache string, st *buildState) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(st); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return writeAtomic(filepath.Join(cache, stateName), buf.Bytes())
}

// inputRoots are the parts of a site folder a build reads.
var inputRoots = []string{"isnad.toml", "content", "templates", "assets"}

// errNoKey says a build's inputs cannot be hashed: the build then always
// runs in full.
var errNoKey = errors.New("the build's inputs cannot be hashed")

// inputs hashes everything a build of cfg depends on: the program itself,
// the options, and every file of the site's inputRoots and of the
// built-in defaults. Files whose identity (see sourceStat) is as prev
// recorded, and that were not changed in the moment prev read them, are
// not read again.
func inputs(cfg Config, prev *buildState) (*buildState, error) {
	if cfg.Render != nil {
		return nil, errNoKey // a function of the caller's, which cannot be hashed
	}
	st := &buildState{Version: stateVersion, Sources: map[string]sourceStat{}, Scan: time.Now().UnixNano()}
	var prevSources map[string]sourceStat
	var racy int64
	if prev != nil {
		prevSources = prev.Sources
		// Within two seconds of the last scan, a file could have changed
		// again with the same times: read it anyway.
		racy = prev.Scan - int64(2*time.Second)
	}
	exe, err := exeStat(prev)
	if err != nil {
		return nil, err
	}
	st.Exe = exe

	type todo struct {
		name string
		fsys fs.FS
		p    string
		stat sourceStat
		site bool // of the site, not the defaults
	}
	var (
		files []todo
		read  []int // the files to read
	)
	for _, root := range inputRoots {
		err := fs.WalkDir(cfg.Source, root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if e.IsDir() {
				return nil
			}
			fi, err := e.Info()
			if err != nil {
				return err
			}
			t := todo{name: p, fsys: cfg.Source, p: p, site: true}
			s, ok := statOf(fi)
			if o, known := prevSources[p]; ok && known && o.Size == s.Size && o.Mod == s.Mod && o.Change == s.Change && o.Ino == s.Ino && o.Mod < racy && o.Change < racy {
				s.Sum = o.Sum
			} else {
				read = append(read, len(files))
			}
			t.stat = s
			files = append(files, t)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading the site's inputs: %w", err)
		}
	}
	if cfg.Defaults != nil {
		err := fs.WalkDir(cfg.Defaults, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			read = append(read, len(files))
			files = append(files, todo{name: "(defaults)/" + p, fsys: cfg.Defaults, p: p})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading the built-in templates: %w", err)
		}
	}
	if err := parallel(len(read), func(i int) error {
		t := &files[read[i]]
		data, err := fs.ReadFile(t.fsys, t.p)
		if err != nil {
			return err
		}
		t.stat.Sum = sha256.Sum256(data)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("reading the site's inputs: %w", err)
	}

	h := sha256.New()
	var n [8]byte
	word := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	word(fmt.Sprint(stateVersion, cfg.BaseURL, cfg.Drafts, cfg.Future))
	h.Write(exe.Sum[:])
	for _, t := range files {
		word(t.name)
		h.Write(t.stat.Sum[:])
		if t.site {
			st.Sources[t.name] = t.stat
		}
	}
	copy(st.Key[:], h.Sum(nil))
	for _, i := range read {
		if files[i].site {
			st.read++
		}
	}
	return st, nil
}

// parallel runs fn for 0..n-1 on every core and returns its first error.
func parallel(n int, fn func(i int) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  int
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := fn(i); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// exeStat identifies the running program by the hash of its file, read
// again only when the file changed.
func exeStat(prev *buildState) (sourceStat, error) {
	name, err := os.Executable()
	if err != nil {
		return sourceStat{}, errNoKey
	}
	fi, err := os.Stat(name)
	if err != nil {
		return sourceStat{}, errNoKey
	}
	s, ok := statOf(fi)
	if o := prev; ok && o != nil && o.Exe.Size == s.Size && o.Exe.Mod == s.Mod && o.Exe.Change == s.Change && o.Exe.Ino == s.Ino {
		s.Sum = o.Exe.Sum
		return s, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return sourceStat{}, errNoKey
	}
	s.Sum = sha256.Sum256(data)
	return s, nil
}

// unchanged reports whether the site needs no build at all: its inputs
// hash as in the last successful build (st), no article left out for
// being in the future has come due, and every file the manifest lists is
// still in dir as written.
func unchanged(cfg Config, prev, now *buildState, old *manifest, dir string) bool {
	if prev == nil || now == nil || old == nil || prev.Key != now.Key || prev.Manifest != old.Sum {
		return false
	}
	t := cfg.Now
	if t.IsZero() {
		t = time.Now()
	}
	if !prev.NextFuture.IsZero() && !t.Before(prev.NextFuture) && !cfg.Future {
		return false
	}
	names := old.names()
	intact := make([]bool, len(names))
	parallel(len(names), func(i int) error {
		e := old.Files[names[i]]
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(names[i])))
		intact[i] = err == nil && fi.Mode().IsRegular() && fi.Size() == e.Size && fi.ModTime().UnixNano() == e.Mod
		return nil
	})
	return !slices.Contains(intact, false)
}
