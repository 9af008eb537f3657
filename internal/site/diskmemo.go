package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/render"
	"github.com/isnad/isnad/internal/search"
)

// Files of a cache folder that keep a Builder's memory between runs of
// BuildDir (see disk).
const (
	bodiesName  = "bodies"         // the rendered articles, appended to
	indexName   = "bodies.index"   // which of them are current, and the keys
	pendingName = "bodies.pending" // the articles this run rendered
)

// A disk is what BuildDir adds to a Builder, so that the preview server's
// incremental build also serves "isnad build": the same keys decide what
// is made again. It keeps the Builder's memory between runs in the cache
// folder: every article as rendered (the bodies file, appended to, and its
// index), and the key of every file of the site (in the manifest; the bytes
// are in the site itself). And it writes each file through to the site's
// dirWriter as the build makes it, keeping only its hash in memory, and
// each article's record to the cache folder as soon as it is rendered (see
// keepRecord), so a build of any size holds no article's HTML for long.
type disk struct {
	w     *dirWriter
	cache string // the cache folder
	// kept are the files of the last build that the memory was given:
	// in the site folder, under the keys they were made from.
	kept map[*File]hash
	// keptGroups are such groups of files (the search index).
	keptGroups map[*group]bool

	mu  sync.Mutex
	err error // the first failure to write
	// pending holds the records of the articles this run rendered, at
	// the places pendingAt gives, by content path; save moves them into
	// the bodies file.
	pending   *os.File
	pendingN  int64
	pendingAt map[string]bodyEntry
	// recBufs holds buffers for encoding records, which keepRecord
	// drops once written: a worker reuses one rather than growing a
	// fresh one for every article.
	recBufs sync.Pool
	// lazy are the files made on first use (outlet pages, claims.json),
	// which drain makes on every core once the build is done.
	lazy []lazyOut
}

type lazyOut struct {
	name string
	f    *File
}

func (d *disk) fail(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.err = err
	}
}

// flush writes a file the build puts in its output to the site, and
// returns what the build's memory keeps of it: its hash.
func (d *disk) flush(name string, f *File) *File {
	if key, ok := d.kept[f]; ok {
		if !d.w.keep(name, key) {
			d.fail(fmt.Errorf("%s changed during the build", name))
		}
		return f
	}
	if f.Lazy() {
		d.mu.Lock()
		d.lazy = append(d.lazy, lazyOut{name, f})
		d.mu.Unlock()
		return f
	}
	if err := d.w.put(name, f.Data(), hash{}); err != nil {
		d.fail(fmt.Errorf("writing %s: %w", name, err))
	}
	return &File{Hash: f.Hash}
}

// drain makes the lazy files the build put in its output, and writes
// them, under their keys. It returns the problems of the pages whose
// templates failed, sorted, which fail the build: those pages are not
// written.
func (d *disk) drain() diag.List {
	var problems diag.List
	parallel(len(d.lazy), func(i int) error {
		l := d.lazy[i]
		if l.f.stream != nil {
			if err := d.w.putStream(l.name, l.f.Hash, l.f.stream); err != nil {
				d.fail(fmt.Errorf("writing %s: %w", l.name, err))
			}
			return nil
		}
		data := l.f.Data()
		if p := l.f.Problems(); p.HasErrors() {
			d.mu.Lock()
			problems.Append(p)
			d.mu.Unlock()
			return nil
		}
		if err := d.w.put(l.name, data, l.f.Hash); err != nil {
			d.fail(fmt.Errorf("writing %s: %w", l.name, err))
		}
		l.f.data = nil // written: the memory is not kept after the run
		return nil
	})
	d.lazy = nil
	problems.Sort()
	return problems
}

// flushGroup writes a group of files (made now, if need be) to the site.
func (d *disk) flushGroup(g *group) {
	if d.keptGroups[g] {
		for name := range g.files {
			if !d.w.keep(name, g.key) {
				d.fail(fmt.Errorf("%s changed during the build", name))
			}
		}
		return
	}
	for name, f := range g.all() {
		if err := d.w.put(name, f.Data(), g.key); err != nil {
			d.fail(fmt.Errorf("writing %s: %w", name, err))
		}
	}
}

// readBack stands for the file name just written through, whose bytes
// hash to sum: they are read back from the staging folder or, when they
// were there already, the site, when something asks (claims.json gathers
// the articles').
func (d *disk) readBack(name string, sum hash) *File {
	return newDiskFile(sum, func() []byte {
		for _, dir := range []string{d.w.stage, d.w.dir} {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err == nil && sha256.Sum256(data) == sum {
				return data
			}
		}
		d.fail(fmt.Errorf("%s changed during the build", name))
		return nil
	})
}

// keepRecord writes the record of the article at content path p, just
// rendered from files whose hash is key, to the pending file of the cache
// folder, and reports whether it did: the build need not keep its HTML.
func (d *disk) keepRecord(p string, key hash, a *render.Article, diags diag.List) bool {
	bp, _ := d.recBufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	rec := appendRecord((*bp)[:0], newRecord(key, a, diags))
	defer func() { *bp = rec; d.recBufs.Put(bp) }()
	// Hashed outside the lock, which the workers share.
	sum, head := sha256.Sum256(rec), recordHead(rec, len(a.Body))
	headSum := sha256.Sum256(rec[:head])
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pending == nil {
		if d.pendingAt != nil { // could not be made
			return false
		}
		d.pendingAt = map[string]bodyEntry{}
		f, err := os.OpenFile(filepath.Join(d.cache, pendingName), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return false
		}
		d.pending = f
	}
	if _, err := d.pending.Write(rec); err != nil {
		// Its places cannot be trusted any more: what was written
		// there is rendered again next time.
		d.pending.Close()
		d.pending = nil
		return false
	}
	d.pendingAt[p] = bodyEntry{Key: key, Off: d.pendingN, Size: int64(len(rec)), Sum: sum, Head: head, HeadSum: headSum}
	d.pendingN += int64(len(rec))
	return true
}

// dropPending closes and removes the pending file, once save has taken
// what it needs of it or the build failed.
func (d *disk) dropPending() {
	if d.pending != nil {
		d.pending.Close()
		os.Remove(d.pending.Name())
		d.pending = nil
	}
}

// encodeRecord encodes the record of an article rendered from files whose
// hash is key.
func encodeRecord(key hash, a *render.Article, diags diag.List) []byte {
	return appendRecord(nil, newRecord(key, a, diags))
}

// newRecord is the record of an article rendered from files whose hash
// is key.
func newRecord(key hash, a *render.Article, diags diag.List) *articleRecord {
	rec := &articleRecord{
		Key: key, Title: a.Title, Lang: a.Lang, Dir: a.Dir, Path: a.Path, Link: a.Link,
		Date: a.Date, Lastmod: a.Lastmod, Authors: a.Authors, Summary: a.Summary,
		Body: string(a.Body), Headings: a.Headings, Words: a.Words, Text: a.Text, Diags: diags,
	}
	if a.Claims != nil {
		rec.Claims, rec.Statements = a.Claims.Result, a.Claims.Statements
	}
	return rec
}

// remembered notes the key a file was made from, for the next run, and
// returns the hollow file the build's memory keeps instead of the bytes.
func (d *disk) remembered(name string, key hash, f *File) *File {
	d.w.setKey(name, key)
	if f.Lazy() {
		return f // made and written by drain
	}
	return &File{Hash: f.Hash}
}

// An articleRecord is one rendered article as the bodies file keeps it:
// what Body made of its files, with its claims as the annotator's data.
type articleRecord struct {
	Key                    hash // docKey: of the article's files
	Title, Lang, Dir, Path string
	Link                   string
	Date, Lastmod          time.Time
	Authors                []string
	Summary                string
	Body                   string
	Headings               []render.Heading
	Words                  int
	Text                   string
	Claims                 *annotate.Result
	Statements             []annotate.Span
	Diags                  diag.List
}

// A bodiesIndex says where in the bodies file each current article is,
// and what its memory was made with.
type bodiesIndex struct {
	Version int
	// Env hashes what neither the Builder's keys nor the files cover:
	// the program and the built-in templates and assets.
	Env              hash
	BodyKey, PageKey hash
	Entries          map[string]bodyEntry // by content path
}

type bodyEntry struct {
	Key       hash
	Off, Size int64
	Sum       hash // of the record's bytes
	// Head is the length of the record before its HTML, and HeadSum the
	// hash of those bytes: restore reads no more.
	Head    int64
	HeadSum hash
}

// envKey hashes the program and the built-in defaults.
func envKey(cfg Config, exe hash) hash {
	k := newKeyer(exe, "env")
	k.int(stateVersion)
	if cfg.Defaults != nil {
		fs.WalkDir(cfg.Defaults, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, _ := fs.ReadFile(cfg.Defaults, p)
			k.str(p)
			k.bytes(data)
			return nil
		})
	}
	return k.sum()
}

func readIndex(cache string) *bodiesIndex {
	data, err := os.ReadFile(filepath.Join(cache, indexName))
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil
	}
	var x bodiesIndex
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&x); err != nil || x.Version != stateVersion {
		return nil
	}
	return &x
}

func writeIndex(cache string, x *bodiesIndex) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(x); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return writeAtomic(filepath.Join(cache, indexName), buf.Bytes())
}

// restore gives m what the last run of BuildDir left: its keys, its
// articles as rendered, and the files of the site old lists that are
// still as written. Anything that cannot be read, or does not check out,
// is left out, and made again by the build.
func (d *disk) restore(cache string, env hash, old *manifest, m *memo) *bodiesIndex {
	x := readIndex(cache)
	if x == nil || x.Env != env {
		return nil
	}
	f, err := os.Open(filepath.Join(cache, bodiesName))
	if err != nil {
		return nil
	}
	defer f.Close()
	paths := slices.Sorted(maps.Keys(x.Entries))
	recs := make([]*articleRecord, len(paths))
	// Records are read without their HTML, their head only (see
	// needBody), each into a buffer its worker reuses: nothing decoded
	// points into it.
	var bufs sync.Pool
	parallel(len(paths), func(i int) error {
		e := x.Entries[paths[i]]
		bp, _ := bufs.Get().(*[]byte)
		if bp == nil {
			bp = new([]byte)
		}
		defer bufs.Put(bp)
		if e.Head <= 0 || e.Head > e.Size {
			return nil
		}
		buf := slices.Grow((*bp)[:0], int(e.Head))[:e.Head]
		*bp = buf
		if _, err := f.ReadAt(buf, e.Off); err != nil || sha256.Sum256(buf) != e.HeadSum {
			return nil
		}
		if rec, err := decodeRecordBody(buf, false); err == nil && rec.Key == e.Key {
			recs[i] = rec
		}
		return nil
	})
	m.docs = map[string]*docMemo{}
	for i, p := range paths {
		rec := recs[i]
		if rec == nil {
			delete(x.Entries, p)
			continue
		}
		a := &render.Article{
			Title: rec.Title, Lang: rec.Lang, Dir: rec.Dir, Path: rec.Path, Link: rec.Link,
			Date: rec.Date, Lastmod: rec.Lastmod, Authors: rec.Authors, Summary: rec.Summary,
			Body: htmltemplate.HTML(rec.Body), Headings: rec.Headings, Words: rec.Words, Text: rec.Text,
		}
		e := x.Entries[p]
		m.docs[p] = &docMemo{key: rec.Key, body: a, bodyDiags: rec.Diags, restored: rec, onDisk: &e}
	}

	m.bodyKey, m.pageKey = x.BodyKey, x.PageKey
	m.ready = true
	if old == nil {
		return x
	}

	// The site's files, by the keys they were made from.
	m.files = map[string]fileMemo{}
	groups := map[string]*group{}
	names := old.names()
	intact := make([]bool, len(names))
	parallel(len(names), func(i int) error {
		intact[i] = old.Files[names[i]].Key != (hash{}) && d.w.intact(names[i], old.Files[names[i]])
		return nil
	})
	broken := map[string]bool{}
	for i, name := range names {
		e := old.Files[name]
		if dir, ok := groupDir(name); ok {
			if !intact[i] {
				broken[dir] = true
				continue
			}
			g := groups[dir]
			if g == nil {
				g = &group{dir: dir, key: e.Key, files: map[string]*File{}}
				g.once.Do(func() {})
				groups[dir] = g
			}
			if g.key != e.Key {
				broken[dir] = true
			}
			g.files[name] = d.keptFile(name, e)
			continue
		}
		if !intact[i] {
			continue
		}
		pf := d.keptFile(name, e)
		d.kept[pf] = e.Key
		m.files[name] = fileMemo{key: e.Key, f: pf}
	}
	m.groups = map[string]*group{}
	for dir, g := range groups {
		if !broken[dir] {
			m.groups[dir] = g
			d.keptGroups[g] = true
		}
	}
	return x
}

// body reads back the HTML of the article whose record is e in the
// bodies file, and reports whether it could.
func (d *disk) body(e bodyEntry) (string, bool) {
	f, err := os.Open(filepath.Join(d.cache, bodiesName))
	if err != nil {
		return "", false
	}
	defer f.Close()
	buf := make([]byte, e.Size)
	if _, err := f.ReadAt(buf, e.Off); err != nil || sha256.Sum256(buf) != e.Sum {
		return "", false
	}
	rec, err := decodeRecord(buf)
	if err != nil || rec.Key != e.Key {
		return "", false
	}
	return rec.Body, true
}

// keptFile stands for a file of the site as the last build left it: its
// bytes, when something asks (claims.json gathers the articles'), are
// read from the site.
func (d *disk) keptFile(name string, e fileEntry) *File {
	f := newDiskFile(e.Sum, func() []byte {
		data, err := os.ReadFile(filepath.Join(d.w.dir, filepath.FromSlash(name)))
		if err != nil || int64(len(data)) != e.Size || sha256.Sum256(data) != e.Sum {
			d.fail(fmt.Errorf("%s changed during the build", name))
			return nil
		}
		return data
	})
	return f
}

// groupDirs are the folders of the groups of files a build makes.
var groupDirs = []string{search.Dir}

// groupDir tells whether name is a file of a group (the search index),
// and the group's folder.
func groupDir(name string) (string, bool) {
	for _, dir := range groupDirs {
		if strings.HasPrefix(name, dir) {
			return dir, true
		}
	}
	return "", false
}

// adopt finishes an article restored from disk once the build has loaded
// its files again (with the same key): its Doc, and its claims made again
// from the annotator's data.
func (bl *Builder) adopt(dm *docMemo, fresh *docMemo) {
	rec := dm.restored
	dm.doc, dm.diags, dm.restored = fresh.doc, fresh.diags, nil
	if dm.doc == nil {
		dm.body = nil
		return
	}
	dm.body.Doc = dm.doc
	if r := bl.m.setup; r != nil && r.r != nil {
		r.r.RestoreClaims(dm.doc, dm.body, rec.Claims, rec.Statements)
	} else {
		dm.body = nil // no renderer to make its claims: render it again
	}
}

// save appends the articles rendered by this run to the bodies file and
// writes the index of the current ones. A record whose article was
// rendered before is kept where it is; the file is written anew, with
// the current records only, when more than half of it is stale.
func (d *disk) save(cache string, env hash, m *memo, prev *bodiesIndex) error {
	defer d.dropPending()
	x := &bodiesIndex{Version: stateVersion, Env: env, BodyKey: m.bodyKey, PageKey: m.pageKey, Entries: map[string]bodyEntry{}}
	var fresh []string
	var live int64
	for p, dm := range m.docs {
		if dm.body == nil || dm.doc == nil {
			continue
		}
		if prev != nil {
			if e, ok := prev.Entries[p]; ok && e.Key == dm.key {
				x.Entries[p] = e
				live += e.Size
				continue
			}
		}
		fresh = append(fresh, p)
	}
	slices.Sort(fresh)
	name := filepath.Join(cache, bodiesName)
	fi, err := os.Stat(name)
	size := int64(0)
	if err == nil && prev != nil {
		size = fi.Size()
	}
	rewrite := prev == nil || size > 2*live+1<<20
	if rewrite {
		// Start a new file with the records worth keeping.
		var keep []string
		for p := range x.Entries {
			keep = append(keep, p)
		}
		fresh = append(fresh, keep...)
		slices.Sort(fresh)
		x.Entries = map[string]bodyEntry{}
		size = 0
	}
	var old *os.File
	if rewrite && prev != nil {
		old, _ = os.Open(name)
		if old != nil {
			defer old.Close()
		}
	}
	// record reads back the record of article p from the pending or the
	// old file, or encodes it, and returns it with the length of its
	// head; nil when it cannot be kept.
	record := func(p string) ([]byte, int64) {
		dm := m.docs[p]
		if e, ok := d.pendingAt[p]; ok && e.Key == dm.key && d.pending != nil {
			buf := make([]byte, e.Size)
			if _, err := d.pending.ReadAt(buf, e.Off); err == nil && sha256.Sum256(buf) == e.Sum {
				return buf, e.Head
			}
		}
		if e, ok := prev.entry(p); ok && e.Key == dm.key && old != nil {
			buf := make([]byte, e.Size)
			if _, err := old.ReadAt(buf, e.Off); err == nil && sha256.Sum256(buf) == e.Sum {
				return buf, e.Head
			}
		}
		if _, ok := d.pendingAt[p]; ok || dm.onDisk != nil {
			return nil, 0 // its HTML is not in memory: rendered again next time
		}
		rec := encodeRecord(dm.key, dm.body, dm.bodyDiags)
		return rec, recordHead(rec, len(dm.body.Body))
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	target := name
	if rewrite {
		target = name + ".new"
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	if rewrite && d.pending != nil {
		// The pending file, which holds the records this run made,
		// becomes the new bodies file: the others are added to it.
		target, flag, size = d.pending.Name(), os.O_WRONLY|os.O_APPEND, d.pendingN
		rest := fresh[:0]
		for _, p := range fresh {
			if e, ok := d.pendingAt[p]; ok && e.Key == m.docs[p].key {
				x.Entries[p] = e
				continue
			}
			rest = append(rest, p)
		}
		fresh = rest
	}
	out, err := os.OpenFile(target, flag, 0o644)
	if err != nil {
		return err
	}
	w := &countWriter{w: out, n: size}
	// A batch at a time, encoded on every core: the records of a large
	// site weigh as much as its pages, and are not all held at once.
	const batch = 256
	recs := make([][]byte, batch)
	heads := make([]int64, batch)
	for start := 0; start < len(fresh); start += batch {
		part := fresh[start:min(start+batch, len(fresh))]
		parallel(len(part), func(i int) error {
			recs[i], heads[i] = record(part[i])
			return nil
		})
		for i, p := range part {
			if recs[i] == nil || heads[i] <= 0 || heads[i] > int64(len(recs[i])) {
				continue
			}
			e := bodyEntry{Key: m.docs[p].key, Off: w.n, Size: int64(len(recs[i])), Sum: sha256.Sum256(recs[i]),
				Head: heads[i], HeadSum: sha256.Sum256(recs[i][:heads[i]])}
			if _, err := w.Write(recs[i]); err != nil {
				out.Close()
				return err
			}
			x.Entries[p] = e
			recs[i] = nil
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	if rewrite {
		// The index names no record of the old file once this one is in
		// place, so drop the index first: a crash in between leaves no
		// index, which costs a full build, never a wrong page.
		os.Remove(filepath.Join(cache, indexName))
		if err := os.Rename(target, name); err != nil {
			return err
		}
	}
	return writeIndex(cache, x)
}

func (x *bodiesIndex) entry(p string) (bodyEntry, bool) {
	if x == nil {
		return bodyEntry{}, false
	}
	e, ok := x.Entries[p]
	return e, ok
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
