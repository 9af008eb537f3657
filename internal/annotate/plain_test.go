package annotate

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct {
		name, src, span, want string
	}{
		{"emphasis", "**Kim** called it an alliance, KCNA reported.\n", "**Kim** called it an alliance", "Kim called it an alliance"},
		{"link", "Officials told [Reuters](https://reuters.com/x) the talks failed.\n", "Officials told [Reuters](https://reuters.com/x) the talks failed.", "Officials told Reuters the talks failed."},
		{"code and line break", "The ministry said `v2`\nwas withdrawn.\n", "The ministry said `v2`\nwas withdrawn.", "The ministry said v2 was withdrawn."},
		{"citation", "The port was closed [@reuters].\n", "The port was closed [@reuters].", "The port was closed."},
		{"arabic", "قال **الكرملين** إن بوتين دعا كيم.\n", "**الكرملين** إن بوتين دعا كيم", "الكرملين إن بوتين دعا كيم"},
		{"inside emphasis", "*He said the deal was off.*\n", "said the deal", "said the deal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			doc := Markdown().Parser().Parse(text.NewReader(src)).(*ast.Document)
			blocks, _ := FromAST(doc, src, 0)
			start := strings.Index(tc.src, tc.span)
			if start < 0 {
				t.Fatalf("%q not in %q", tc.span, tc.src)
			}
			if got := PlainText(blocks, start, start+len(tc.span)); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.span, got, tc.want)
			}
		})
	}
}
