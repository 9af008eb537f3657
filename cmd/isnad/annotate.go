package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/outlet"
)

func runAnnotate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("isnad annotate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output `format`: json (DESIGN.md's contract) or text (for an editor)")
	outlets := fs.String("outlets", "content/outlets.yaml", "the site's outlet registry `file`, merged over the built-in one; skipped when missing")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: isnad annotate [--format json|text] [--outlets FILE] FILE...\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "isnad annotate: unknown format %q (want json or text)\n", *format)
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}

	dir, name := filepath.Split(*outlets)
	if dir == "" {
		dir = "."
	}
	reg, diags := outlet.Load(os.DirFS(dir), name)
	an := annotate.New(reg)
	md := annotate.Markdown()

	var results []*annotate.Result
	var srcs [][]byte
	for _, file := range fs.Args() {
		doc, more := loadOne(ctx, file)
		diags.Append(more)
		if doc == nil {
			continue
		}
		in := &annotate.Input{File: file, Src: doc.Src, Lang: doc.Lang, Date: doc.Meta.Date, Sources: doc.Meta.Sources}
		if v, ok := doc.Meta.Params["claims"]; ok {
			in.Overrides, more = annotate.ParseOverrides(v, doc.Src[:doc.BodyStart], file)
			diags.Append(more)
		}
		if doc.Kind == content.Markdown {
			_, in.Blocks, in.Marks = annotate.ParseMarkdown(md, doc.Src, doc.BodyStart)
		} else {
			in.Blocks = annotate.FromText(doc.Src, textLines(doc.Blocks))
		}
		res, more := an.Annotate(ctx, in)
		diags.Append(more)
		results = append(results, res)
		srcs = append(srcs, doc.Src)
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintf(stderr, "isnad annotate: %v\n", err)
		return 1
	}

	var err error
	if *format == "json" {
		err = annotate.WriteJSON(stdout, results)
	} else {
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			if err = annotate.WriteText(stdout, r, srcs[i]); err != nil {
				break
			}
		}
	}
	diags.Sort()
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if err != nil {
		fmt.Fprintf(stderr, "isnad annotate: %v\n", err)
		return 1
	}
	if diags.HasErrors() || len(results) < fs.NArg() {
		return 1
	}
	return 0
}

// loadOne loads one article with the content loader, from the folder that
// holds it, so a plain-text article's sidecar front matter comes along.
// Diagnostics name the file as given.
func loadOne(ctx context.Context, file string) (*content.Doc, diag.List) {
	var diags diag.List
	ext := filepath.Ext(file)
	if ext != ".md" && ext != ".markdown" && ext != ".txt" {
		diags.Addf(diag.Pos{File: file}, "not an article: want a .md, .markdown or .txt file")
		return nil, diags
	}
	if _, err := os.Stat(file); err != nil {
		diags.Addf(diag.Pos{File: file}, "cannot read: %v", errors.Unwrap(err))
		return nil, diags
	}
	dir := filepath.Dir(file)
	want := filepath.Base(file)
	fsys := siblings{FS: os.DirFS(dir), stem: strings.TrimSuffix(want, ext)}
	docs, more, err := content.Load(ctx, fsys, content.Options{Dir: "."})
	for _, d := range more {
		d.Pos.File = filepath.Join(dir, d.Pos.File)
		diags = append(diags, d)
	}
	if err != nil {
		diags.Addf(diag.Pos{File: file}, "cannot read: %v", err)
		return nil, diags
	}
	for _, d := range docs {
		if d.Path == want {
			return d, diags
		}
	}
	diags.Addf(diag.Pos{File: file}, "not an article (names starting with . or _ are skipped)")
	return nil, diags
}

// siblings shows the content loader only an article and its sidecar
// front matter files (same name, another extension) in a folder.
type siblings struct {
	fs.FS
	stem string
}

func (s siblings) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(s.FS, name)
	out := es[:0]
	for _, e := range es {
		if !e.IsDir() && strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())) == s.stem {
			out = append(out, e)
		}
	}
	return out, err
}

// textLines hands the content loader's line blocks to the annotator.
func textLines(blocks []content.Block) []annotate.Line {
	out := make([]annotate.Line, len(blocks))
	for i, b := range blocks {
		k := annotate.Paragraph
		switch b.Kind {
		case content.Heading:
			k = annotate.Heading
		case content.Byline:
			k = annotate.Byline
		}
		out[i] = annotate.Line{Kind: k, Start: b.Start, End: b.End}
	}
	return out
}
