package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad/internal/diag"
)

// Markdown returns a goldmark parser for articles: GitHub-flavoured
// Markdown with the citation extension. The site's renderer may use its
// own, as long as it includes Extension.
func Markdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, Extension{}))
}

// ParseMarkdown parses the body of a Markdown file, src[bodyStart:], with
// md and returns its AST with the annotator's blocks and marks, every
// offset a file offset.
func ParseMarkdown(md goldmark.Markdown, src []byte, bodyStart int) (ast.Node, []Block, []Mark) {
	body := src[bodyStart:]
	doc := md.Parser().Parse(text.NewReader(body))
	blocks, marks := FromAST(doc, body, bodyStart)
	return doc, blocks, marks
}

// WriteJSON writes results as "isnad annotate --format json" does: one
// object for one file, an array for several (DESIGN.md, Contracts).
func WriteJSON(w io.Writer, results []*Result) error {
	var v any = results
	if len(results) == 1 {
		v = results[0]
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding claims: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteText writes a result for an editor checking the annotator's work:
// each claim with its position, type, source, chain and cue, then its
// text; then the unattributed statements. src is the file the result is
// about, for line numbers.
func WriteText(w io.Writer, r *Result, src []byte) error {
	f := diag.NewFile(r.File, src)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %d claims, %d unattributed\n", r.File, r.Lang, len(r.Claims), len(r.Unattributed))
	for _, c := range r.Claims {
		p := f.Pos(c.Start)
		fmt.Fprintf(&b, "\n%d:%d %s  %s  %s", p.Line, p.Col, c.ID, c.Type, sourceText(c.Source))
		if c.Org != nil {
			fmt.Fprintf(&b, " (for %s)", sourceText(*c.Org))
		}
		if len(c.Via) > 0 {
			var v []string
			for _, s := range c.Via {
				v = append(v, sourceText(s))
			}
			fmt.Fprintf(&b, "  via %s", strings.Join(v, " ← "))
		}
		if c.Conduit != nil {
			fmt.Fprintf(&b, "  to %s", sourceText(*c.Conduit))
		}
		if c.Cue != "" {
			fmt.Fprintf(&b, "  cue %q", c.Cue)
		}
		if c.Origin == Marked {
			b.WriteString("  [marked]")
		}
		if c.Polarity != "" {
			fmt.Fprintf(&b, "  [%s]", c.Polarity)
		}
		if c.URL != "" {
			fmt.Fprintf(&b, "  <%s>", c.URL)
		}
		fmt.Fprintf(&b, "\n    %s\n", strings.ReplaceAll(c.Text, "\n", "\n    "))
	}
	if len(r.Unattributed) > 0 {
		b.WriteString("\nunattributed:\n")
		for _, u := range r.Unattributed {
			p := f.Pos(u.Start)
			fmt.Fprintf(&b, "%d:%d  %s\n", p.Line, p.Col, strings.ReplaceAll(string(src[u.Start:u.End]), "\n", " "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sourceText(s Source) string {
	if s.ID == "" {
		return fmt.Sprintf("=%s (%s, not in the registry)", s.Name, s.Kind)
	}
	return fmt.Sprintf("%s (%s)", s.ID, s.Name)
}
