package site

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"slices"
	"sync"
)

// A Snapshot is one complete build of a site held in memory: every output
// file with the hash of its bytes. It never changes once made, so a server
// can swap a new one in atomically and serve from it while the next build
// runs. Files that did not change between two builds of a Builder are
// shared by their snapshots, not copied.
type Snapshot struct {
	files map[string]*File
	// Work tells how much of the snapshot the build that made it had to
	// redo.
	Work Work
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

// A File is one output file of a Snapshot. Data must not be modified.
type File struct {
	Data []byte
	// Hash is the SHA-256 of Data.
	Hash [sha256.Size]byte
}

// NewFile returns a File for data, with its hash.
func NewFile(data []byte) *File {
	return &File{Data: data, Hash: sha256.Sum256(data)}
}

// Work counts what a build did, as opposed to what it could reuse from the
// build before it; tests use it to prove a rebuild was partial.
type Work struct {
	// Loaded is the number of articles read and parsed from the source.
	Loaded int
	// Bodies is the number of article bodies rendered.
	Bodies int
	// Pages is the number of pages run through their template.
	Pages int
	// Full is true when nothing could be reused: the first build, or one
	// after a change to the configuration, templates or registry.
	Full bool
}

// File returns the output file name ("2024/x/index.html") and whether the
// snapshot has it.
func (s *Snapshot) File(name string) (*File, bool) {
	f, ok := s.files[name]
	return f, ok
}

// Len returns the number of files in the snapshot.
func (s *Snapshot) Len() int { return len(s.files) }

// Names returns the name of every file, sorted.
func (s *Snapshot) Names() []string {
	return slices.Sorted(maps.Keys(s.files))
}

// Changes returns, sorted, the names of the files that differ between old
// and s: added, removed, or with other bytes. A nil old is an empty site.
func (s *Snapshot) Changes(old *Snapshot) []string {
	var out []string
	var oldFiles map[string]*File
	if old != nil {
		oldFiles = old.files
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
	slices.Sort(out)
	return out
}

// collector is an Output that gathers a build's files for a Snapshot.
type collector struct {
	mu    sync.Mutex
	files map[string]*File
}

func (c *collector) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	f := NewFile(bytes.Clone(data))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = make(map[string]*File)
	}
	c.files[name] = f
	return nil
}
