package annotate

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad/internal/content"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/markup/*.txtar")

// markupResult annotates a Markdown article with marks, wraps its claims
// and renders it: the claims, the diagnostics and the HTML, as text.
func markupResult(t testing.TB, file string, src []byte) string {
	a := defaultAnnotator(t)
	split, _ := content.SplitFrontMatter(src)
	lang := "en"
	if bytes.Contains(src[:split.BodyStart], []byte("lang: ar")) {
		lang = "ar"
	}
	md := Markdown()
	doc, blocks, marks := ParseMarkdown(md, src, split.BodyStart)
	in := &Input{File: file, Src: src, Lang: lang, Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), Blocks: blocks, Marks: marks}
	res, diags := a.Annotate(t.Context(), in)
	var b strings.Builder
	for _, c := range res.Claims {
		fmt.Fprintf(&b, "claim %s %s %s cue=%q url=%s\n  %q\n", c.ID, describe(c), c.Origin, c.Cue, c.URL, c.Text)
	}
	for _, u := range res.Unattributed {
		fmt.Fprintf(&b, "unattributed %q\n", src[u.Start:u.End])
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "%s\n", d)
	}
	Wrap(doc, src[split.BodyStart:], split.BodyStart, res.Claims, WrapOptions{})
	var html bytes.Buffer
	if err := md.Renderer().Render(&html, src[split.BodyStart:], doc); err != nil {
		t.Fatal(err)
	}
	b.WriteString("-- html --\n")
	b.Write(html.Bytes())
	return b.String()
}

// TestMarkup runs testdata/markup/*.txtar: each article.md is annotated
// with its citation markup, wrapped and rendered; the want section holds
// the claims, the diagnostics and the HTML. Rewrite with -update.
func TestMarkup(t *testing.T) {
	files, _ := filepath.Glob("testdata/markup/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range ar.Files {
				if f.Name == "article.md" {
					src = f.Data
				}
			}
			got := markupResult(t, "article.md", src)
			// The want section runs to the end; its html part is a file of
			// its own in the archive.
			var want strings.Builder
			var keep []txtar.File
			for _, f := range ar.Files {
				switch f.Name {
				case "want":
					want.Write(f.Data)
				case "html":
					want.WriteString("-- html --\n")
					want.Write(f.Data)
				default:
					keep = append(keep, f)
				}
			}
			if *update {
				w, h, _ := strings.Cut(got, "-- html --\n")
				ar.Files = append(keep, txtar.File{Name: "want", Data: []byte(w)}, txtar.File{Name: "html", Data: []byte(h)})
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want.String() {
				t.Errorf("got:\n%s\nwant:\n%s", got, want.String())
			}
		})
	}
}

// TestTypographerQuotesAtTheEdges: a quotation mark the typographer turns
// into "&ldquo;" at the start or end of a paragraph, next to one text node
// only, is read as the source's '"', so the quotation is found as in a
// plain text file (it was read as "&ldquo;", and the claim was lost).
func TestTypographerQuotesAtTheEdges(t *testing.T) {
	src := []byte("\"نحن مستعدون للحوار\"، قال وزير الخارجية الإيراني.\n\n\"الوضع كارثي\". بهذه الكلمات وصفت الأمم المتحدة الأوضاع في غزة.\n")
	md := goldmark.New(goldmark.WithExtensions(extension.Typographer, Extension{}))
	doc := md.Parser().Parse(text.NewReader(src))
	blocks, marks := FromAST(doc.(*ast.Document), src, 0)
	for _, b := range blocks {
		if strings.Contains(b.Text, "&") {
			t.Errorf("block text %q holds an entity", b.Text)
		}
	}
	in := &Input{File: "q.md", Src: src, Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), Blocks: blocks, Marks: marks}
	res, _ := defaultAnnotator(t).Annotate(t.Context(), in)
	var got []string
	for _, c := range res.Claims {
		got = append(got, describe(c)+" "+c.Text)
	}
	want := []string{
		"=/direct \"نحن مستعدون للحوار\"، قال وزير الخارجية الإيراني",
		"un/direct \"الوضع كارثي\"",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
