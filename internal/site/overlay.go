package site

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// overlay is a file system whose files come from top when it has them and
// from bottom otherwise: a site's own templates/ and assets/ over the
// embedded defaults, file by file. Folders are merged.
type overlay struct {
	top, bottom fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.bottom.Open(name)
}

// ReadDir merges the entries of both layers, top winning by name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	bottom, berr := fs.ReadDir(o.bottom, name)
	if terr != nil && berr != nil {
		return nil, terr
	}
	seen := make(map[string]bool, len(top))
	out := slices.Clone(top)
	for _, e := range top {
		seen[e.Name()] = true
	}
	for _, e := range bottom {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// sub returns the folder dir of fsys, or an empty file system when fsys
// is nil.
func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return emptyFS{}
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return emptyFS{}
	}
	return s
}

type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
