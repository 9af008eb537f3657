package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Output receives the files of a build. Names are slash paths relative to
// the site root, "2024/putin-pyongyang/index.html". WriteFile is called
// from several goroutines at once.
type Output interface {
	WriteFile(name string, data []byte) error
}

// checkName rejects names that would escape the output.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("invalid output path %q", name)
	}
	return nil
}

// A Dir writes files under a folder of the real file system.
type Dir struct {
	Path string
}

// WriteFile writes data to Path/name, creating folders as needed.
func (d Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	p := filepath.Join(d.Path, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Mem keeps the files of a build in memory, for the dev server and tests.
// The zero value is ready to use and safe for concurrent use.
type Mem struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile stores a copy of data under name.
func (m *Mem) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = make(map[string][]byte)
	}
	m.files[name] = slices.Clone(data)
	return nil
}

// File returns the contents of name and whether it was written.
func (m *Mem) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// Names returns the names of every file written, sorted.
func (m *Mem) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.files))
}

// replaceDir puts the folder fresh in the place of dir: dir is never left
// half written, and the files of the old build are gone. Where the system
// can (Linux), the two folders are exchanged in one atomic step.
func replaceDir(fresh, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(fresh, dir)
	}
	if err := exchange(fresh, dir); err == nil {
		return os.RemoveAll(fresh) // fresh now holds the old build
	}
	old := fresh + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(fresh, dir); err != nil {
		// Put the old build back rather than leave nothing.
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("%w (and restoring %s: %v)", err, dir, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}

// tempSibling makes a fresh empty folder beside dir, on the same file
// system so it can be renamed into place.
func tempSibling(dir string) (string, error) {
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(parent, "."+strings.TrimPrefix(base, ".")+".building-")
}
