package corpus_test

import (
	"bytes"
	"testing"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/corpus"
	"github.com/isnad/isnad/internal/outlet"
)

// TestEveryParagraphHasAClaim runs the real annotator over generated
// articles: every paragraph and list item must hold at least one claim it
// finds, and most sentences must be claims, as in a wire-heavy briefing.
func TestEveryParagraphHasAClaim(t *testing.T) {
	reg, diags := outlet.Default()
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	an := annotate.New(reg)
	md := annotate.Markdown()
	var blocks, claims, marked int
	for _, a := range corpus.Generate(1, 90) {
		split, err := content.SplitFrontMatter(a.Data)
		if err != nil {
			t.Fatal(err)
		}
		lang := "en"
		if bytes.Contains(a.Data[:split.BodyStart], []byte("\nlang: ar\n")) {
			lang = "ar"
		}
		_, bs, marks := annotate.ParseMarkdown(md, a.Data, split.BodyStart)
		res, diags := an.Annotate(t.Context(), &annotate.Input{File: a.Path, Src: a.Data, Lang: lang, Blocks: bs, Marks: marks})
		if len(diags) > 0 {
			t.Errorf("%s: %v", a.Path, diags.Err())
		}
		for _, b := range bs {
			if b.Kind != annotate.Paragraph && b.Kind != annotate.ListItem {
				continue
			}
			blocks++
			lo, hi := b.Segs[0].Src, b.Segs[len(b.Segs)-1].Src+b.Segs[len(b.Segs)-1].Len
			found := false
			for _, c := range res.Claims {
				if c.Start < hi && c.End > lo {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: no claim found in %q", a.Path, a.Data[lo:hi])
			}
		}
		claims += len(res.Claims)
		for _, c := range res.Claims {
			if c.Origin == annotate.Marked {
				marked++
			}
		}
	}
	t.Logf("90 articles: %d paragraphs and list items, %d claims, %d marked by the author", blocks, claims, marked)
	if marked == 0 {
		t.Error("no claim marked by the author: the corpus should exercise the citation markup")
	}
}
