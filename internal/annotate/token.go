package annotate

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/fold"
)

type tkind uint8

const (
	tWord  tkind = iota
	tNum         // 2024, 2.5
	tPunct       // one punctuation or symbol rune
)

// A token is a word, a number or a punctuation mark of a block. Its key is
// folded (fold.Loose); s and e are byte offsets into the block's text.
type token struct {
	key   string
	s, e  int
	kind  tkind
	upper bool  // the word starts with an upper-case letter as written
	space bool  // white space comes before the token
	flags tflag // what the lexicon knows of the word, looked up once
	// w is 1 + the word's slot in the word table, 0 if it has none: what
	// the table keeps of the word besides its flags is found there.
	w int32
}

// A tflag says what a word may be, so the rules test a bit where they
// would look a word up in a map, again and again.
type tflag uint8

const (
	fName    tflag = 1 << iota // may start a registry name (clitics included)
	fVerb                      // an Arabic reporting verb, maybe after و or ف
	fEnVerb                    // an English reporting verb
	fTime                      // may start a time phrase: الخميس, الشهر, في
	fAcc                       // may start an "according to" marker: بحسب, وفقا
	fDefType                   // a definite type noun, maybe after و or ف: الوكالة
	fLooked                    // the word was looked up: no other flag means none
)

// tokenizer turns block text into tokens; it keeps its buffers between
// blocks. words, when set, gives each word its flags.
type tokenizer struct {
	k     fold.Key
	toks  []token
	words *wordTable
	// The keys of a document's blocks, folded at once (foldBlocks) into
	// one string: block i's is all[bk[i]:bk[i+1]], its offsets
	// k.Off[bk[i]:bk[i+1]]. pad is all followed by wordPad zero bytes.
	all, pad string
	bk       []int
}

// foldBlocks folds the text of every block, for tokenizeBlock.
func (t *tokenizer) foldBlocks(blocks []Block) {
	t.k.Tier = fold.Loose
	t.k.Reset()
	t.bk = append(t.bk[:0], 0)
	for i := range blocks {
		t.k.Mark()
		t.k.WriteString(blocks[i].Text, 0)
		t.bk = append(t.bk, len(t.k.B))
	}
	n := len(t.k.B)
	var zero [wordPad]byte
	t.pad = string(append(t.k.B, zero[:]...))
	t.all = t.pad[:n]
	t.k.B = t.k.B[:n]
}

// blockKey returns the key of block i, the key followed by at least
// wordPad bytes, and its offsets, after foldBlocks.
func (t *tokenizer) blockKey(i int) (key, pad string, off []int32) {
	a, b := t.bk[i], t.bk[i+1]
	return t.all[a:b], t.pad[a:], t.k.Off[a:b:b]
}

// A wordTable maps the words the lexicon and the registry know to their
// flags. Most words of a text are not there: a Bloom filter small enough
// to stay in cache turns most of them away, and the rest go to an
// open-addressing table. A slot holds the first 16 bytes of its word, so
// a probe compares them where it would follow a pointer to the word's
// bytes (cache misses, on a table of this size); the hash is taken from
// the same bytes, loaded a word at a time (wordBits).
type wordTable struct {
	filter [1 << 17 / 64]uint64
	slots  []wslot
	keys   []string // the word in each slot, "" if empty
	mask   uint32
	// What each slot's word is, computed once (see Annotator.index):
	// the trie nodes of the registry names it starts, without and with
	// its proclitics stripped; the reporting verb it is, Arabic (و / ف
	// stripped, as verbAt reads it) and English.
	starts [][2][]*trieNode
	arVerb []verbAt
	enVerb []verbAt
	sets   []uint32 // bit s is set when the word is in wset s
}

// A wslot is a slot of the word table: the first 16 bytes of its word
// (zero past its end), its length, part of its hash (0 if the slot is
// empty) and its flags.
type wslot struct {
	lo, hi uint64
	tag    uint32
	n      uint16
	flags  tflag
}

// A verbAt is what a word is as a reporting verb, if ok.
type verbAt struct {
	v  verb
	ok bool
}

// wordPad is the room past a word that wordBits may read: the strings
// the tokenizer splits are followed by that many bytes (padded).
const wordPad = 16

// padded returns s followed by wordPad zero bytes.
func padded(s string) string {
	return s + "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
}

func newWordTable(words map[string]tflag) *wordTable {
	n := 16
	for n < 2*len(words) {
		n *= 2
	}
	t := &wordTable{slots: make([]wslot, n), keys: make([]string, n), mask: uint32(n - 1)}
	for w, f := range words {
		if len(w) > 1<<16-1 {
			panic("annotate: a lexicon word of 64 KiB") // n is a uint16
		}
		lo, hi, h := wordBits(padded(w), 0, len(w))
		a, b := filterBits(h)
		t.filter[a/64] |= 1 << (a % 64)
		t.filter[b/64] |= 1 << (b % 64)
		i := uint32(h>>32) & t.mask
		for t.slots[i].tag != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wslot{lo: lo, hi: hi, tag: uint32(h) | 1, n: uint16(len(w)), flags: f}
		t.keys[i] = w
	}
	return t
}

// le64 reads the 8 bytes of s at i as a little-endian number.
func le64(s string, i int) uint64 {
	b := s[i : i+8] // one bounds check, and one load for the eight bytes
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordBits returns the first 16 bytes of the word s[i:j] (zero past its
// end) and its hash, which mixes them with its last 8 bytes and its
// length. s must hold wordPad bytes past j.
func wordBits(s string, i, j int) (lo, hi, h uint64) {
	n := j - i
	lo, hi = le64(s, i), le64(s, i+8)
	switch {
	case n < 8:
		lo &= 1<<(8*uint(n)) - 1
		hi = 0
	case n < 16:
		hi &= 1<<(8*uint(n-8)) - 1
	}
	h = lo*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F ^ uint64(n)
	if n > 16 {
		h ^= le64(s, j-8) * 0x165667B19E3779F9
	}
	h ^= h >> 31
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return lo, hi, h
}

func filterBits(h uint64) (uint32, uint32) {
	const mask = 1<<17 - 1
	return uint32(h) & mask, uint32(h>>17) & mask
}

// lookup returns the flags of w and 1 + its slot, 0, 0 if the table
// lacks it.
func (t *wordTable) lookup(w string) (tflag, int32) {
	return t.lookupAt(padded(w), 0, len(w))
}

// lookupAt is lookup of the word s[i:j], s holding wordPad bytes past j.
func (t *wordTable) lookupAt(s string, i, j int) (tflag, int32) {
	lo, hi, h := wordBits(s, i, j)
	a, b := filterBits(h)
	if t.filter[a/64]&(1<<(a%64)) == 0 || t.filter[b/64]&(1<<(b%64)) == 0 {
		return 0, 0
	}
	tag, n := uint32(h)|1, j-i
	for k := uint32(h>>32) & t.mask; ; k = (k + 1) & t.mask {
		sl := &t.slots[k]
		if sl.tag == 0 {
			return 0, 0
		}
		if sl.tag == tag && sl.lo == lo && sl.hi == hi && int(sl.n) == n && (n <= 16 || t.keys[k] == s[i:j]) {
			return sl.flags, int32(k) + 1
		}
	}
}

// A wset is a set of words of the lexicon that the word table marks on
// each of its words, so a rule tests a bit where it would look a word up
// in a map.
type wset uint8

const (
	wComp wset = iota
	wStopAfterSub
	wSeqFirst
	wTimeMods
	wConjunctions
	wQuoteSuffix
	wEnClauseBreak
	wBeForms
	wEnTitleWords
	wEnDeterminers
	wEnModal
	wEnAux
	wObjects
	nSets
)

// wsets returns the maps of the word sets, by wset.
func wsets(lex *lexicon) [nSets]map[string]bool {
	return [nSets]map[string]bool{
		wComp: lex.comp, wStopAfterSub: lex.stopAfterSub, wSeqFirst: lex.seqFirst, wTimeMods: lex.timeMods,
		wConjunctions: lex.conjunctions, wQuoteSuffix: lex.quoteSuffix, wEnClauseBreak: enClauseBreak,
		wBeForms: beForms, wEnTitleWords: enTitleWords, wEnDeterminers: enDeterminers, wEnModal: enModal, wEnAux: enAux,
		wObjects: lex.objects,
	}
}

// is reports whether token t is a word of set s: the table says so for
// the words it holds (it holds every word of every set), and a word
// looked up and not found is in none.
func (d *doc) is(t *token, s wset) bool {
	if t.w > 0 {
		return d.a.words.sets[t.w-1]&(1<<s) != 0
	}
	if t.flags&fLooked != 0 {
		return false
	}
	return d.a.sets[s][t.key]
}

// may reports whether the lexicon may know t as f: false when the word
// was looked up and lacks f, so a rule skips its map.
func (t *token) may(f tflag) bool { return t.flags&(f|fLooked) != fLooked }

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x0621 <= r && r <= 0x065F, 0x0660 <= r && r <= 0x0669, 0x0671 <= r && r <= 0x06D3:
		return true // Arabic letters, marks and digits: most of what we read
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into tokens. The returned slice is reused by the
// next call.
func (t *tokenizer) tokenize(text string) []token {
	t.k.Tier = fold.Loose
	t.k.Reset()
	t.k.WriteString(text, 0)
	return t.split(text, padded(string(t.k.B)), len(t.k.B), t.k.Off)
}

// split splits text into tokens, given its key, pad[:n], and the key's
// offsets into text. pad holds wordPad bytes past the key, for the word
// table's lookups.
func (t *tokenizer) split(text, pad string, n int, off []int32) []token {
	key := pad[:n]
	t.toks = t.toks[:0]
	space := true
	for i := 0; i < len(key); {
		c := key[i]
		if c == ' ' {
			space = true
			i++
			continue
		}
		start := i
		kind := tPunct
		var r rune
		n := 1
		// Most tokens start with a lower-case ASCII letter or an Arabic
		// letter (U+0621–U+064A): words, no rune to decode.
		word := 'a' <= c && c <= 'z' || c == 0xD8 && i+1 < len(key) && key[i+1] >= 0xA1 || c == 0xD9 && i+1 < len(key) && key[i+1] <= 0x8A
		if !word {
			r, n = utf8.DecodeRuneInString(key[i:])
		}
		switch {
		case word:
			kind = tWord
			i = wordEnd(key, i)
		case isWordRune(r):
			kind = tWord
			if isDigit(r) {
				kind = tNum
			}
			i = wordEnd(key, i)
		case (r == '\'' || r == '’') && i+n < len(key) && key[i+n] == 's' && (i+n+1 == len(key) || !isWordRuneAt(key, i+n+1)):
			i += n + 1 // 's
			kind = tWord
		default:
			i += n
		}
		// The token's span, as fold.Key.Span gives it.
		s, e := int(off[start]), len(text)
		if i < len(key) {
			e = int(off[i])
		}
		tok := token{key: key[start:i], s: s, e: e, kind: kind, space: space}
		if kind == tWord && t.words != nil {
			f, w := t.words.lookupAt(pad, start, i)
			tok.flags, tok.w = fLooked|f, w
		}
		if kind == tWord && s < len(text) {
			switch c := text[s]; {
			case c < utf8.RuneSelf:
				tok.upper = 'A' <= c && c <= 'Z'
			case c < 0xD8 || c > 0xDB: // not Arabic, which has no case
				or, _ := utf8.DecodeRuneInString(text[s:])
				tok.upper = unicode.IsUpper(or)
			}
		}
		// The span runs up to the next key byte: trim the white space that
		// separated the token from it.
		for tok.e > tok.s && (text[tok.e-1] <= ' ' || text[tok.e-1] >= utf8.RuneSelf) {
			if e := tok.e; e-2 >= tok.s && (text[e-2] == 0xD8 || text[e-2] == 0xD9) && text[e-1]&0xC0 == 0x80 && text[e-2:e] != "\u061c" {
				break // an Arabic letter or mark, the common case
			}
			r, n := utf8.DecodeLastRuneInString(text[tok.s:tok.e])
			if !unicode.IsSpace(r) && r != 0x200f && r != 0x200e && r != 0x200b && r != 0x061c {
				break
			}
			tok.e -= n
		}
		t.toks = append(t.toks, tok)
		space = false
	}
	return t.toks
}

// isDigit is unicode.IsDigit, quick for ASCII and Arabic letters.
func isDigit(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return '0' <= r && r <= '9'
	case 0x0621 <= r && r <= 0x065F:
		return false
	}
	return unicode.IsDigit(r)
}

func isWordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// wordEnd returns the end of the word starting at i: letters, digits and
// marks, with an apostrophe between letters (O'Brien), a dot between
// single letters (U.S., أ.ف.ب) and a dot or comma between digits (2.5).
func wordEnd(s string, i int) int {
	start := i
	for i < len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			i++
			continue
		}
		if c == 0xD8 || c == 0xD9 {
			// Arabic letters U+0621–U+065F sit in D8 A1 … D9 9F.
			if i+1 < len(s) && (c == 0xD8 && s[i+1] >= 0xA1 || c == 0xD9 && s[i+1] <= 0x9F) {
				i += 2
				continue
			}
		}
		if c == ' ' || c == '\n' {
			break // the common end of a word
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if i+n < len(s) && isWordRuneAt(s, i+n) {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			switch {
			case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
				i += n
				continue
			case r == '.' && unicode.IsLetter(next) && singleLetterBefore(s[start:i]):
				i += n
				continue
			case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) && next != 's':
				i += n
				continue
			}
		}
		// A trailing dot after dotted single letters belongs to the
		// abbreviation: "U.S."
		if r == '.' && i > start && hasInnerDot(s[start:i]) && singleLetterBefore(s[start:i]) {
			i += n
		}
		break
	}
	return i
}

// singleLetterBefore reports whether w ends with a single letter standing
// alone (after the start or a dot).
func singleLetterBefore(w string) bool {
	r, n := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(r) {
		return false
	}
	rest := w[:len(w)-n]
	return rest == "" || rest[len(rest)-1] == '.'
}

func hasInnerDot(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}

// Quote marks. Straight quotes and the curly ones are used both ways in
// pasted Arabic text, so direction comes from the spacing around them.
func isQuote(k string) bool {
	switch k {
	case "\"", "“", "”", "«", "»", "„", "‟", "❝", "❞", "〝", "〞", "＂":
		return true
	}
	return false
}

func isTerminator(k string) bool {
	switch k {
	case ".", "!", "?", "؟", "。":
		return true
	}
	return false
}

func isComma(k string) bool {
	return k == "،" || k == "," || k == "؛" || k == ";"
}

func isColon(k string) bool { return k == ":" }

func isDash(k string) bool {
	switch k {
	case "-", "–", "—", "―", "‒":
		return true
	}
	return false
}

// A sentence is a run of tokens [a, b) of a block.
type sentence struct {
	a, b int
}

// quoteRole tells, for each quote token, whether it opens (+1) or closes
// (-1) a quotation, or is stray (0), pairing marks inside the block.
func quoteRoles(toks []token, roles []int8) []int8 {
	roles = slices.Grow(roles[:0], len(toks))[:len(toks)]
	clear(roles)
	open := -1
	for i := range toks {
		t := &toks[i] // not a copy of each token: most are words, skipped
		if t.kind != tPunct || !isQuote(t.key) {
			continue
		}
		before := i == 0 || t.space || toks[i-1].kind == tPunct && !isQuote(toks[i-1].key) && !isTerminator(toks[i-1].key) && !isComma(toks[i-1].key)
		after := i+1 == len(toks) || toks[i+1].space || toks[i+1].kind == tPunct
		opener := t.key == "«" || t.key == "„" || before && !after
		closer := t.key == "»" || !before && after || i+1 == len(toks)
		switch {
		case open < 0 && opener:
			open = i
		case open >= 0 && (closer || t.key == "»" || t.key == "”" || t.key == "\""):
			roles[open], roles[i] = 1, -1
			open = -1
		case open >= 0 && opener:
			open = i // an unclosed mark before: forget it
		}
	}
	return roles
}

// splitSentences cuts a block's tokens into sentences at . ! ? ؟ outside
// quotations, keeping dots of numbers, abbreviations and ellipses.
func (l *lexicon) splitSentences(toks []token, roles []int8, out []sentence) []sentence {
	out = out[:0]
	start := 0
	depth := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tPunct {
			continue
		}
		switch roles[i] {
		case 1:
			depth++
			continue
		case -1:
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 || !isTerminator(t.key) {
			continue
		}
		if t.key == "." {
			// A dot glued between two words is inside a name or an
			// address: "سي.إن.إن", "example.com".
			if gluedDot(toks, i) {
				continue
			}
			// Ellipsis "..": not an end unless the block ends.
			if i+1 < len(toks) && toks[i+1].key == "." && !toks[i+1].space || i > 0 && toks[i-1].key == "." && !t.space {
				continue
			}
			// An abbreviation before a lower-case word: "approx. 40". (The
			// maps are tested last here and below: most dots end a
			// sentence, and the lookups cost more than the rest.)
			if i > 0 && !t.space && toks[i-1].kind == tWord && i+1 < len(toks) && toks[i+1].kind != tPunct && !toks[i+1].upper && l.enAbbrev[toks[i-1].key] {
				continue
			}
			// "Maj. Gen. Pat Ryder": a title before a name.
			if i > 0 && !t.space && toks[i-1].kind == tWord && toks[i-1].upper && i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].upper && l.enTitleAbbr[toks[i-1].key] {
				continue
			}
			if i > 0 && !t.space && toks[i-1].kind == tWord && len(toks[i-1].key) <= 2 && toks[i-1].upper && i+1 < len(toks) && toks[i+1].upper && isInitial(toks[i-1].key) {
				continue // an initial: "John F. Kennedy"
			}
		}
		end := i + 1
		// Closing quotes and brackets right after the stop stay with it.
		for end < len(toks) && toks[end].kind == tPunct && !toks[end].space && (roles[end] == -1 || toks[end].key == ")" || toks[end].key == "]") {
			end++
		}
		// Further stops ("!!", "?!") too.
		for end < len(toks) && toks[end].kind == tPunct && isTerminator(toks[end].key) {
			end++
		}
		if end > start {
			out = append(out, sentence{start, end})
		}
		start = end
		i = end - 1
	}
	if start < len(toks) {
		out = append(out, sentence{start, len(toks)})
	}
	return out
}

func isInitial(k string) bool {
	return utf8.RuneCountInString(k) == 1
}

// gluedDot reports a dot at i with a word right before and right after
// it, no space on either side: "سي.إن.إن".
func gluedDot(toks []token, i int) bool {
	return toks[i].key == "." && !toks[i].space && i > 0 && i+1 < len(toks) &&
		toks[i-1].kind == tWord && toks[i+1].kind == tWord && !toks[i+1].space
}
