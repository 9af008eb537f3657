package content

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
)

// Kind is the markup an article is written in.
type Kind int

// Article kinds.
const (
	Markdown Kind = iota
	Text
)

func (k Kind) String() string {
	if k == Text {
		return "text"
	}
	return "markdown"
}

// A Doc is one article as loaded: the file's bytes, where its body is, its
// front matter, and its language.
type Doc struct {
	// Path is the slash path of the file in the source file system,
	// "content/2024/putin-pyongyang.txt". Diagnostics use it.
	Path string
	// Src is the whole file as it is on disk: BOM, front matter, CRLF and
	// all. Claims and diagnostics are byte offsets into it.
	Src []byte
	// BodyStart is the offset in Src where the body starts, after the BOM
	// and the front matter.
	BodyStart int
	Kind      Kind
	Meta      Meta
	// MetaPath is the sidecar front matter file of a plain-text article,
	// or "" when there is none.
	MetaPath string
	// Lang and Dir are the article's language and direction: from the
	// front matter when it gives them, else detected from the text.
	Lang, Dir string
	// Blocks are the lines of a plain-text article; nil for Markdown.
	Blocks []Block
	// File maps offsets in Src to line:col.
	File *diag.File
}

// Body returns the article's body: Src without the BOM and front matter.
func (d *Doc) Body() []byte { return d.Src[d.BodyStart:] }

// Pos returns the position of the byte at offset in Src.
func (d *Doc) Pos(offset int) diag.Pos { return d.File.Pos(offset) }

// Rel returns Path relative to the content folder without its extension,
// "2024/putin-pyongyang": the page's default URL path.
func (d *Doc) Rel(dir string) string {
	p := strings.TrimPrefix(d.Path, dir+"/")
	return strings.TrimSuffix(p, path.Ext(p))
}

// Options says where and how to load articles.
type Options struct {
	// Dir is the content folder in the file system; "" means "content".
	Dir string
	// DefaultLang is the language of articles with no language given and
	// no letters to detect one from; "" means "en".
	DefaultLang string
}

// Load reads every article under opt.Dir in fsys, sorted by path. Problems
// with single files are diagnostics and the other files still load; the
// error is only for a cancelled ctx or an unreadable content folder.
func Load(ctx context.Context, fsys fs.FS, opt Options) ([]*Doc, diag.List, error) {
	if opt.Dir == "" {
		opt.Dir = "content"
	}
	if opt.DefaultLang == "" {
		opt.DefaultLang = "en"
	}
	var (
		paths []string
		names = map[string]bool{} // every file, to find sidecars
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
		names[p] = true
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

	docs := make([]*Doc, len(paths))
	lists := make([]diag.List, len(paths))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			docs[i] = loadFile(fsys, p, names, opt, &lists[i])
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, diags, err
	}
	out := docs[:0]
	for i, d := range docs {
		diags.Append(lists[i])
		if d != nil {
			out = append(out, d)
		}
	}
	return out, diags, nil
}

// unwrapPath drops the *fs.PathError wrapper, whose path the diagnostic
// already shows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadFile loads one article; it returns nil when the file cannot be read.
func loadFile(fsys fs.FS, p string, names map[string]bool, opt Options, diags *diag.List) *Doc {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		diags.Addf(diag.Pos{File: p}, "cannot read: %v", unwrapPath(err))
		return nil
	}
	d := &Doc{Path: p, Src: src, File: diag.NewFile(p, src)}
	if !utf8.Valid(src) {
		off := firstInvalid(src)
		diags.Warnf(d.Pos(off), "invalid UTF-8; the file should be saved as UTF-8")
	}
	if path.Ext(p) == ".txt" {
		d.Kind = Text
		d.BodyStart = 0
		if bytes.HasPrefix(src, bom) {
			d.BodyStart = len(bom)
		}
		d.MetaPath = loadSidecar(fsys, p, names, &d.Meta, diags)
		d.Blocks = SplitText(src, d.BodyStart)
	} else {
		d.Kind = Markdown
		sp, err := SplitFrontMatter(src)
		if err != nil {
			diags.Addf(d.Pos(sp.BodyStart), "%v: no closing delimiter line", err)
		}
		d.BodyStart = sp.BodyStart
		if sp.Format != NoFrontMatter {
			decodeMeta(p, src, sp.MetaStart, sp.MetaEnd, sp.Format, &d.Meta, diags)
		}
	}
	d.fill(opt)
	return d
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// sidecarExts are the front matter files a plain-text article may have.
var sidecarExts = []string{".yaml", ".yml", ".toml"}

// loadSidecar decodes the sidecar front matter file of the plain-text
// article p into m and returns its path, or "" when there is none.
func loadSidecar(fsys fs.FS, p string, names map[string]bool, m *Meta, diags *diag.List) string {
	stem := strings.TrimSuffix(p, path.Ext(p))
	var found []string
	for _, ext := range sidecarExts {
		if names[stem+ext] {
			found = append(found, stem+ext)
		}
	}
	if len(found) == 0 {
		return ""
	}
	if len(found) > 1 {
		diags.Addf(diag.Pos{File: found[1]}, "%s already has front matter in %s; keep one", p, found[0])
	}
	mp := found[0]
	src, err := fs.ReadFile(fsys, mp)
	if err != nil {
		diags.Addf(diag.Pos{File: mp}, "cannot read: %v", unwrapPath(err))
		return mp
	}
	start, end, f := 0, len(src), YAML
	if path.Ext(mp) == ".toml" {
		f = TOML
	}
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	// A sidecar may keep the delimiters of inline front matter.
	if sp, err := SplitFrontMatter(src); err == nil && sp.Format != NoFrontMatter {
		start, end, f = sp.MetaStart, sp.MetaEnd, sp.Format
	}
	decodeMeta(mp, src, start, end, f, m, diags)
	return mp
}

// fill completes what the front matter left out: language, direction,
// title, authors.
func (d *Doc) fill(opt Options) {
	m := &d.Meta
	if d.Kind == Text {
		for _, b := range d.Blocks {
			if b.Kind == Byline && len(m.Authors) == 0 {
				m.Authors = []string{string(d.Src[b.NameStart:b.NameEnd])}
			}
		}
	}
	d.Lang = m.Lang
	if d.Lang == "" {
		d.Lang = i18n.Detect(proseOf(d))
	}
	if d.Lang == "" {
		d.Lang = opt.DefaultLang
	}
	d.Dir = m.Dir
	if d.Dir == "" {
		d.Dir = i18n.Dir(d.Lang)
	}
	if m.Title == "" {
		m.Title = d.titleFromBody()
	}
	if m.Title == "" {
		m.Title = path.Base(d.Rel(path.Dir(d.Path)))
	}
}

// proseOf returns the text to detect an article's language from: the body
// without fenced code, which would make an Arabic article about code look
// English.
func proseOf(d *Doc) []byte {
	body := d.Body()
	if d.Kind == Text {
		return body
	}
	var out []byte
	inFence := false
	for i := 0; i < len(body); {
		l, next := line(body, i)
		t := bytes.TrimLeft(l, " ")
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			inFence = !inFence
		} else if !inFence {
			out = append(out, l...)
			out = append(out, '\n')
		}
		i = next
	}
	return out
}

// titleFromBody finds a title in the text: a Markdown article's first
// level-one heading, or a plain-text article's first subheading-free
// sentence.
func (d *Doc) titleFromBody() string {
	body := d.Body()
	if d.Kind == Markdown {
		inFence := false
		for i := 0; i < len(body); {
			l, next := line(body, i)
			t := bytes.TrimLeft(l, " ")
			switch {
			case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
				inFence = !inFence
			case !inFence && bytes.HasPrefix(t, []byte("# ")):
				return strings.TrimSpace(strings.TrimRight(string(t[2:]), "# "))
			}
			i = next
		}
		return ""
	}
	for _, b := range d.Blocks {
		if b.Kind == Paragraph {
			return FirstSentence(string(d.Src[b.Start:b.End]), 14)
		}
	}
	return ""
}

// FirstSentence returns the first sentence of s, cut to at most maxWords
// words with an ellipsis when it is longer.
func FirstSentence(s string, maxWords int) string {
	if i := strings.IndexAny(s, ".!?؟"); i >= 0 {
		s = s[:i]
	}
	words := strings.Fields(s)
	if len(words) <= maxWords {
		return strings.Join(words, " ")
	}
	cut := strings.Join(words[:maxWords], " ")
	return strings.TrimRight(cut, "،,;؛:") + "…"
}
