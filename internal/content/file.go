package content

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/isnad/isnad/internal/diag"
)

// IsArticle reports whether Load reads the file at p as an article: a .md,
// .markdown or .txt file under opt.Dir with no hidden part in its path (no
// folder or file name starting with "." or "_").
func IsArticle(p string, opt Options) bool {
	if opt.Dir == "" {
		opt.Dir = "content"
	}
	rest, ok := strings.CutPrefix(p, opt.Dir+"/")
	if !ok || !fs.ValidPath(p) {
		return false
	}
	for _, part := range strings.Split(rest, "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return false
		}
	}
	switch path.Ext(p) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// SidecarOf returns the plain-text article whose front matter the file at
// p would be (content/x.yaml → content/x.txt), or "" when p is no sidecar.
func SidecarOf(p string) string {
	for _, ext := range sidecarExts {
		if path.Ext(p) == ext {
			return strings.TrimSuffix(p, ext) + ".txt"
		}
	}
	return ""
}

// LoadFile loads the one article at p, with its sidecar front matter, as
// Load would. It returns a nil Doc, with a diagnostic, when the file
// cannot be read. It is for callers that track which files changed, such
// as a rebuild after an edit.
func LoadFile(fsys fs.FS, p string, opt Options) (*Doc, diag.List) {
	if opt.Dir == "" {
		opt.Dir = "content"
	}
	if opt.DefaultLang == "" {
		opt.DefaultLang = "en"
	}
	names := map[string]bool{}
	if path.Ext(p) == ".txt" {
		stem := strings.TrimSuffix(p, ".txt")
		for _, ext := range sidecarExts {
			if fi, err := fs.Stat(fsys, stem+ext); err == nil && !fi.IsDir() {
				names[stem+ext] = true
			}
		}
	}
	var diags diag.List
	d := loadFile(fsys, p, names, opt, &diags)
	return d, diags
}

// Paths walks opt.Dir as Load does and returns the paths of its articles,
// sorted, without reading them. Folders that cannot be read are
// diagnostics; the error is for a cancelled ctx or a content folder that
// cannot be walked at all.
func Paths(ctx context.Context, fsys fs.FS, opt Options) ([]string, diag.List, error) {
	if opt.Dir == "" {
		opt.Dir = "content"
	}
	var (
		paths []string
		diags diag.List
	)
	err := fs.WalkDir(fsys, opt.Dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == opt.Dir {
				return err
			}
			diags.Addf(diag.Pos{File: p}, "cannot read: %v", unwrapPath(err))
			return nil
		}
		if p != opt.Dir && (strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_")) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return ctx.Err()
		}
		switch path.Ext(p) {
		case ".md", ".markdown", ".txt":
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, diags, err
	}
	slices.Sort(paths)
	return paths, diags, nil
}
