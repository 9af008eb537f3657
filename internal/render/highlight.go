package render

import (
	"bytes"
	"crypto/sha256"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// maxHighlighted bounds the bytes of highlighted code a Renderer keeps.
const maxHighlighted = 32 << 20

// highlighted remembers the HTML chroma made for code blocks, by language
// and text: briefings quote the same snippets (a JSON record, a command)
// again and again, and chroma's regular expressions are the most costly
// part of rendering a body. When it grows past maxHighlighted it starts
// again empty.
type highlighted struct {
	mu    sync.Mutex
	html  map[[sha256.Size]byte]string
	bytes int
}

func (h *highlighted) get(key [sha256.Size]byte) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.html[key]
	return s, ok
}

func (h *highlighted) put(key [sha256.Size]byte, s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.html == nil || h.bytes+len(s) > maxHighlighted {
		h.html = map[[sha256.Size]byte]string{}
		h.bytes = 0
	}
	h.html[key] = s
	h.bytes += len(s)
}

// highlight returns code in lang as chroma HTML with classes.
func (c *codeRenderer) highlight(lang, code string) (string, error) {
	key := sha256.Sum256([]byte(lang + "\x00" + code))
	if s, ok := c.cache.get(key); ok {
		return s, nil
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	toks, err := tokens(lexer, code)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := c.formatter.Format(&buf, c.style, chroma.Literator(toks...)); err != nil {
		return "", err
	}
	s := buf.String()
	c.cache.put(key, s)
	return s, nil
}

// tokens splits code into tokens. chroma gives each regular expression
// 250 ms, and a match that runs out of time counts as no match: on a
// starved machine, good code comes out as error tokens. So when there are
// error tokens, tokenise again, up to three times, and keep the attempt
// with the fewest: code that really has errors keeps them, and the output
// does not depend on the machine's load.
func tokens(lexer chroma.Lexer, code string) ([]chroma.Token, error) {
	var best []chroma.Token
	least := -1
	for range 3 {
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
		if err != nil {
			return nil, err
		}
		toks := it.Tokens()
		n := 0
		for _, t := range toks {
			if t.Type == chroma.Error {
				n++
			}
		}
		if least < 0 || n < least {
			best, least = toks, n
		}
		if n == 0 {
			break
		}
	}
	return best, nil
}
