package devserver

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// watchedTop are the entries of the site folder whose changes matter: the
// configuration and the three source folders (the outlet registry lives in
// content/). Everything else at the top, site/ among it, is ignored.
var watchedTop = map[string]bool{
	"isnad.toml": true,
	"content":    true,
	"templates":  true,
	"assets":     true,
}

// everything is the path a watcher sends when it lost track of what
// changed (the kernel's event queue overflowed): rebuild from scratch.
const everything = "."

// A watcher turns file system events under a site folder into the slash
// paths, relative to the folder, of the sources that changed. fsnotify
// watches are not recursive, so it adds every folder under the watched
// ones itself, including folders created later.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
	logf func(string, ...any)
	// dirs are the folders being watched, to tell a removed folder from
	// a removed file, which can no longer be asked.
	dirs map[string]bool
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	fsw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, logf: logf, dirs: map[string]bool{}}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for name := range watchedTop {
		w.addTree(filepath.Join(root, name))
	}
	return w, nil
}

// addTree watches dir and every folder under it that is not hidden. A dir
// that does not exist is skipped: it is picked up when it is created.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return nil
		}
		if p != dir && ignored(e.Name(), true) {
			return filepath.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			w.logf("watching %s: %v", p, err)
			return nil
		}
		w.dirs[p] = true
		return nil
	})
}

// forget drops dir and the folders under it from the watched set; the
// kernel has already dropped their watches.
func (w *watcher) forget(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			delete(w.dirs, d)
			_ = w.fsw.Remove(d) // fails for watches already gone
		}
	}
}

func (w *watcher) close() error { return w.fsw.Close() }

// run sends the path of each relevant change to out until ctx is done.
func (w *watcher) run(ctx context.Context, out chan<- string) {
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.send(ctx, out, everything)
				continue
			}
			w.logf("watching: %v", err)
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if rel, ok := w.relevant(ev); ok {
				w.send(ctx, out, rel)
			}
		}
	}
}

func (w *watcher) send(ctx context.Context, out chan<- string, p string) {
	select {
	case out <- p:
	case <-ctx.Done():
	}
}

// relevant returns the source path an event is about, and whether the
// event matters: a change to a watched file that is not an editor's
// temporary or hidden file. A folder created under a watched one is
// watched from then on, with everything under it.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return "", false // metadata only: indexers and backup tools touch these
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || rel == ".." {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !watchedTop[top] {
		return "", false
	}
	isDir := w.dirs[ev.Name]
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			isDir = true
		}
	}
	if isDir && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) {
		w.forget(ev.Name)
	}
	for _, part := range strings.Split(rel, "/") {
		if ignored(part, isDir || part != path.Base(rel)) {
			return "", false
		}
	}
	if isDir && ev.Has(fsnotify.Create) {
		w.addTree(ev.Name)
	}
	return rel, true
}

// ignored reports whether a file or folder name is one editors, tools or
// the system make on the side, or a hidden one, whose changes must not
// start a build:
//
//	.name, .#name, .goutputstream-X   hidden; emacs locks, GNOME's saves
//	name~, #name#                     vim and emacs backups and autosaves
//	name.swp .swx .swo .swn           vim swap files
//	4913, 5036 ...                    vim's probe file (digits only)
//	name___jb_tmp___, ___jb_old___    JetBrains safe writes
//	sedAbc123                         sed -i's temporary file
//	name.tmp .crdownload .part        downloads and other temporaries
//
// Folders are only ignored when hidden.
func ignored(name string, dir bool) bool {
	if name == "" {
		return true
	}
	if strings.HasPrefix(name, ".") {
		return true
	}
	if dir {
		return false
	}
	if strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return true
	}
	if strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") {
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swx", ".swo", ".swn", ".tmp", ".crdownload", ".part", ".kate-swp":
		return true
	}
	if allDigits(name) {
		return true
	}
	if len(name) == 9 && strings.HasPrefix(name, "sed") && alnum(name[3:]) {
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
