package site

import (
	"bytes"
	"crypto/sha256"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"weak"

	"github.com/isnad/isnad/internal/diag"
)

// A Snapshot is one complete build of a site held in memory: every output
// file with a hash of its bytes. It never changes once made, so a server
// can swap a new one in atomically and serve from it while the next build
// runs. Files that did not change between two builds of a Builder are
// shared by their snapshots, not copied.
//
// Some files of a Builder's snapshot are made on first use instead of
// during the build: the pages and data that gather the whole site (outlet
// pages, claims.json, the search index), whose cost grows with the site
// while an edit touches one article. They are made from the snapshot's
// own data, so they are exactly what the build would have written; see
// File.Lazy.
type Snapshot struct {
	files map[string]*File
	// groups are sets of files under a folder, made together on first
	// use, whose names are only known once made.
	groups map[string]*group
	// Work tells how much of the snapshot the build that made it had to
	// redo.
	Work Work
	// parent, when set, is the snapshot this one was patched from, and
	// diff what Changes(parent) returns, so that a server asking for the
	// changes of one edit need not compare every file. It is weak: a
	// snapshot must not keep every one before it alive.
	parent weak.Pointer[Snapshot]
	diff   []string
}

// A File is one output file of a Snapshot.
type File struct {
	// Hash identifies the bytes: two files with the same Hash have the
	// same bytes. It is the SHA-256 of the bytes, except for lazy files,
	// whose Hash is that of everything they are made from.
	Hash [sha256.Size]byte
	data []byte
	make *lazyData
	// read, when set, reads the bytes anew each time they are asked for,
	// and keeps none: for files written to disk already, which a build
	// reads once (see disk.readBack).
	read func() []byte
	// stream, when set, writes the bytes of a lazy file, which a disk
	// then writes to its file without holding them (see newStreamFile).
	stream func(io.Writer) error
}

type lazyData struct {
	once  sync.Once
	fn    func() ([]byte, diag.List)
	diags diag.List
}

// NewFile returns a File for data, with its hash.
func NewFile(data []byte) *File {
	return &File{Hash: sha256.Sum256(data), data: data}
}

// newLazyFile returns a File made by fn on first use; key is the hash of
// everything fn reads.
func newLazyFile(key hash, fn func() []byte) *File {
	return newLazyPage(key, func() ([]byte, diag.List) { return fn(), nil })
}

// newLazyPage returns a File made by fn on first use, like newLazyFile,
// for a page whose template may fail: fn then returns a page telling so
// and the diagnostics, which Problems gives. A build that writes the
// file reports them; a server shows them over the page.
func newLazyPage(key hash, fn func() ([]byte, diag.List)) *File {
	return &File{Hash: key, make: &lazyData{fn: fn}}
}

// newStreamFile returns a lazy File whose bytes write writes, on first
// use; key is the hash of everything write reads. A disk streams it to
// its file; in memory, it is made like any lazy file.
func newStreamFile(key hash, write func(io.Writer) error) *File {
	f := newLazyFile(key, func() []byte {
		var buf bytes.Buffer
		if write(&buf) != nil {
			return nil
		}
		return buf.Bytes()
	})
	f.stream = write
	return f
}

// newDiskFile returns a File whose bytes, which hash to sum, are on disk
// and are read by read each time they are asked for.
func newDiskFile(sum hash, read func() []byte) *File {
	return &File{Hash: sum, read: read}
}

// Data returns the file's bytes, making them first if the file is lazy.
// They must not be modified.
func (f *File) Data() []byte {
	if f.read != nil {
		return f.read()
	}
	if f.make != nil {
		f.make.once.Do(func() {
			f.data, f.make.diags = f.make.fn()
			f.make.fn = nil // let go of the build it was made from
		})
	}
	return f.data
}

// Problems returns the diagnostics of making a lazy page (see Data), which
// failed when they hold an error; nil for any other file.
func (f *File) Problems() diag.List {
	if f.make == nil {
		return nil
	}
	f.Data()
	return f.make.diags
}

// Lazy reports whether the file is made on first use.
func (f *File) Lazy() bool { return f.make != nil || f.read != nil }

// A group is a set of files under the folder dir, made together by fn on
// first use of any of them.
type group struct {
	dir   string // "search/"
	key   hash
	once  sync.Once
	fn    func() map[string][]byte
	files map[string]*File
}

func (g *group) all() map[string]*File {
	g.once.Do(func() {
		g.files = map[string]*File{}
		for name, data := range g.fn() {
			g.files[name] = NewFile(data)
		}
	})
	return g.files
}

// Work counts what a build did, as opposed to what it could reuse from the
// build before it; tests use it to prove a rebuild was partial.
type Work struct {
	// Loaded is the number of articles read and parsed from the source.
	Loaded int
	// Bodies is the number of article bodies rendered and annotated.
	Bodies int
	// Pages is the number of pages run through their template during the
	// build (lazy pages are counted when made, not here).
	Pages int
	// Full is true when nothing could be reused: the first build, or one
	// after a change to the configuration, translations or registry.
	Full bool
	// Patched is true when the build was made of the one before by
	// patching what one article's edit changed (see Builder).
	Patched bool
}

// NewSnapshot returns a Snapshot of the given files, by name; the map
// and the bytes are kept, not copied. It is for tests and for callers that
// assemble a site themselves.
func NewSnapshot(files map[string][]byte) *Snapshot {
	s := &Snapshot{files: make(map[string]*File, len(files))}
	for name, data := range files {
		s.files[name] = NewFile(data)
	}
	return s
}

// File returns the output file name ("2024/x/index.html") and whether the
// snapshot has it. Asking for a file of a lazy group makes the group.
func (s *Snapshot) File(name string) (*File, bool) {
	if f, ok := s.files[name]; ok {
		return f, true
	}
	for dir, g := range s.groups {
		if strings.HasPrefix(name, dir) {
			f, ok := g.all()[name]
			return f, ok
		}
	}
	return nil, false
}

// Names returns the name of every file, sorted. It makes every lazy group,
// whose names are not known before.
func (s *Snapshot) Names() []string {
	names := slices.Collect(maps.Keys(s.files))
	for _, g := range s.groups {
		names = slices.AppendSeq(names, maps.Keys(g.all()))
	}
	slices.Sort(names)
	return names
}

// Changes returns, sorted, the names of the files that differ between old
// and s: added, removed, or with other bytes. A nil old is an empty site.
// A lazy group that changed is named by its folder with a final slash,
// "search/", standing for every file under it. A lazy file or group is
// taken to have changed when anything it is made from did.
func (s *Snapshot) Changes(old *Snapshot) []string {
	if old != nil && old == s.parent.Value() {
		return slices.Clone(s.diff)
	}
	var out []string
	var oldFiles map[string]*File
	var oldGroups map[string]*group
	if old != nil {
		oldFiles, oldGroups = old.files, old.groups
	}
	for name, f := range s.files {
		if o, ok := oldFiles[name]; !ok || o != f && o.Hash != f.Hash {
			out = append(out, name)
		}
	}
	for name := range oldFiles {
		if _, ok := s.files[name]; !ok {
			out = append(out, name)
		}
	}
	for dir, g := range s.groups {
		if o, ok := oldGroups[dir]; !ok || o.key != g.key {
			out = append(out, dir)
		}
	}
	for dir := range oldGroups {
		if _, ok := s.groups[dir]; !ok {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out
}

// collector is an Output that gathers a build's files for a Snapshot.
type collector struct {
	mu     sync.Mutex
	files  map[string]*File
	groups map[string]*group
	// disk, when set, writes each file through to a site folder and
	// leaves only its hash here.
	disk *disk
}

func (c *collector) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	c.put(name, NewFile(bytes.Clone(data)))
	return nil
}

// put adds a file as it is: a new one, one reused from an earlier build,
// or a lazy one.
func (c *collector) put(name string, f *File) {
	if c.disk != nil {
		f = c.disk.flush(name, f)
	} else if d := f.data; cap(d)-len(d) > len(d)/16 {
		// Kept in memory for as long as the snapshot lives (a preview
		// server's): not with the slack of the buffer it was rendered
		// in, which is up to its size again. f is new, not yet shared.
		f.data = bytes.Clone(d)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = make(map[string]*File)
	}
	c.files[name] = f
}

// putAll adds files reused from an earlier build, under one lock.
func (c *collector) putAll(names []string, files []*File) {
	if c.disk != nil {
		for i, name := range names {
			files[i] = c.disk.flush(name, files[i])
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = make(map[string]*File, len(names))
	}
	for i, name := range names {
		c.files[name] = files[i]
	}
}

func (c *collector) get(name string) *File {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files[name]
}

func (c *collector) putGroup(g *group) {
	if c.disk != nil {
		c.disk.flushGroup(g)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.groups == nil {
		c.groups = make(map[string]*group)
	}
	c.groups[g.dir] = g
}
