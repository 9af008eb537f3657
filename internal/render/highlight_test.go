package render

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/isnad/isnad/internal/config"
)

// flakyLexer fails as chroma does when a regular expression times out on
// a starved machine: its first attempts are error tokens.
type flakyLexer struct {
	chroma.Lexer
	fails int
}

func (l *flakyLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if l.fails > 0 {
		l.fails--
		return chroma.Literator(chroma.Token{Type: chroma.Error, Value: text}), nil
	}
	return l.Lexer.Tokenise(opts, text)
}

// TestTokensOutlastTimeouts checks that error tokens from a timed-out
// match are retried away, and that code with real errors keeps them.
func TestTokensOutlastTimeouts(t *testing.T) {
	json := lexers.Get("json")
	want, err := tokens(json, `{"a": 1}`)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tokens(&flakyLexer{Lexer: json, fails: 2}, `{"a": 1}`)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("after two timeouts: %v, want %v", got, want)
	}
	bad, err := tokens(json, `{"a": @}`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tokenTypes(bad), "Error") {
		t.Errorf("broken JSON lost its error tokens: %v", bad)
	}
}

func tokenTypes(toks []chroma.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Type.String() + " ")
	}
	return b.String()
}

// TestHighlightIsRemembered highlights the same code twice: the second
// time comes from the cache, and is the same.
func TestHighlightIsRemembered(t *testing.T) {
	r := newRenderer(t, config.Default())
	first, err := r.code.highlight("go", "package main\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.code.cache.html) != 1 {
		t.Fatalf("cache holds %d entries, want 1", len(r.code.cache.html))
	}
	second, _ := r.code.highlight("go", "package main\n")
	other, _ := r.code.highlight("json", "package main\n")
	if first != second || !strings.Contains(first, `class="kn"`) {
		t.Errorf("highlighting the same code twice: %q then %q", first, second)
	}
	if other == first {
		t.Error("the language is not part of the cache's key")
	}
}
