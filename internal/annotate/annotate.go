package annotate

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/outlet"
)

// An Annotator finds the claims of articles. Build one with New, once: it
// compiles the registry's names and the cue lexicon. An Annotator is
// immutable and safe for concurrent use by many goroutines.
type Annotator struct {
	reg   *outlet.Registry
	lex   *lexicon
	m     *matcher
	words *wordTable // each cue word's flags, for the tokenizer
	sets  [nSets]map[string]bool
	// docs recycles the scratch buffers of finished documents.
	docs sync.Pool
}

// New compiles reg into an Annotator.
func New(reg *outlet.Registry) *Annotator {
	a := &Annotator{reg: reg, lex: newLexicon(), m: newMatcher(reg)}
	a.sets = wsets(a.lex)
	fl := wordFlags(a.lex, a.m)
	// The table holds every word of the sets and of the names, flagged
	// or not.
	for _, set := range a.sets {
		for w := range set {
			fl[w] |= 0
		}
	}
	a.m.root.walk(func(n *trieNode) {
		for w := range n.next {
			fl[w] |= 0
		}
	})
	a.words = newWordTable(fl)
	a.index()
	return a
}

// index fills in what the word table keeps of each word besides its
// flags, so the rules read it by the token's slot rather than from maps.
func (a *Annotator) index() {
	t := a.words
	n := len(t.keys)
	t.starts = make([][2][]*trieNode, n)
	t.arVerb = make([]verbAt, n)
	t.enVerb = make([]verbAt, n)
	t.sets = make([]uint32, n)
	a.m.root.walk(func(n *trieNode) {
		if n == &a.m.root || n.next == nil {
			return // the root's children are reached through starts
		}
		for w, c := range n.next {
			_, slot := t.lookup(w)
			n.kw = append(n.kw, slot)
			n.kn = append(n.kn, c)
		}
	})
	for i, k := range t.keys {
		if t.slots[i].tag == 0 {
			continue
		}
		for s, set := range a.sets {
			if set[k] {
				t.sets[i] |= 1 << s
			}
		}
		if t.slots[i].flags&fName != 0 {
			t.starts[i] = [2][]*trieNode{a.m.starts(k, false, nil), a.m.starts(k, true, nil)}
		}
		v, ok := a.lex.arVerbKey(k)
		t.arVerb[i] = verbAt{v, ok}
		v, ok = a.lex.enVerbs[k]
		t.enVerb[i] = verbAt{v, ok}
	}
}

// wordFlags gathers what the lexicon and the registry know of each word.
func wordFlags(lex *lexicon, m *matcher) map[string]tflag {
	fl := map[string]tflag{}
	for w := range m.first {
		fl[w] |= fName
	}
	for w := range lex.verbs {
		fl[w] |= fVerb
		fl["و"+w] |= fVerb
		fl["ف"+w] |= fVerb
	}
	for w := range lex.enVerbs {
		fl[w] |= fEnVerb
	}
	for _, set := range []map[string]bool{lex.timeWords, lex.months, lex.timeNouns} {
		for w := range set {
			fl[w] |= fTime
		}
	}
	fl["في"] |= fTime
	fl["فى"] |= fTime
	for w := range lex.accFirst {
		fl[w] |= fAcc
	}
	for w := range lex.typeNouns {
		for _, p := range []string{"", "و", "ف"} {
			fl[p+"ال"+w] |= fDefType
		}
	}
	return fl
}

// Registry returns the registry the annotator was built from.
func (a *Annotator) Registry() *outlet.Registry { return a.reg }

// A src is a resolved source, registered or not.
type src struct {
	entry  *outlet.Entry
	org    *outlet.Entry
	name   string // as written, for sources outside the registry
	kind   outlet.Kind
	gender byte   // 'm', 'f', 'p' (plural), 'n' (a thing: English "it"), '?' (a person, unknown)
	head   string // folded type noun without the article: وكاله, agency
	noun   string // folded head noun of an unregistered source: مسوول, officials
	// anaphor is set when the source was found through a word pointing
	// back to it: "الوكالة", "البيان", "the agency".
	anaphor bool
}

func (s src) ok() bool { return s.entry != nil || s.name != "" }

func (s src) same(o src) bool {
	if s.entry != nil || o.entry != nil {
		return s.entry == o.entry
	}
	return fold.LooseString(s.name) == fold.LooseString(o.name)
}

func (s src) isMedia() bool {
	if s.entry == nil {
		switch s.kind {
		case outlet.Agency, outlet.Newspaper, outlet.Broadcaster, outlet.Website, outlet.Magazine:
			return true
		}
		return false
	}
	switch s.entry.Kind {
	case outlet.Agency, outlet.Newspaper, outlet.Broadcaster, outlet.Website, outlet.Magazine:
		return true
	}
	return false
}

func entrySrc(e *outlet.Entry) src {
	s := src{entry: e, kind: e.Kind, gender: 'f'}
	if e.Kind == outlet.Person {
		switch e.Gender {
		case "m", "f":
			s.gender = e.Gender[0]
		default:
			s.gender = '?' // unknown: either pronoun may go on with them
		}
	} else if e.Head.Gender == "m" {
		s.gender = 'm'
	}
	if e.Head.Ar != "" {
		s.head = strings.TrimPrefix(fold.LooseString(e.Head.Ar), "ال")
	}
	return s
}

// A sentSpan is the file span of a sentence of block b.
type sentSpan struct {
	b          *Block
	start, end int
}

// A found is one claim found in a sentence, before it becomes a Claim.
type found struct {
	start   int // first token of the claim
	end     int // token just past the claim; 0 means the sentence end
	source  src
	via     []src
	conduit *src
	typ     Type
	cue     [2]int // token range of the cue
	deny    bool
}

// doc is the state of one article being annotated.
type doc struct {
	a           *Annotator
	in          *Input
	tz          tokenizer
	roles       []int8
	depth       []int32 // quotation depth before each token
	sents       []sentence
	mentions    []src   // every source resolved so far, latest last
	claims      []Claim // detected claims, in order
	csrc        []src   // the source of each detected claim
	unattr      []Span
	colon       *src // the source of a claim ending its paragraph with ":"
	firstBlock  bool // the block is the article's first with text: a title
	dateline    *src
	datelineEnd int  // token just past the dateline of the current block
	issuerSrc   *src // who issued the latest statement or report ("أصدرت X بيانا")
	// fsBuf holds the claims found in the sentence being read.
	fsBuf []found
	ends  []int // the furthest end of the claims up to each
	idk   idKeys
	// sentSpans are the file spans of the sentences read, when the
	// article has citation marks to place.
	sentSpans []sentSpan
	// contentFirst is set while reading the subject of a verb that comes
	// after its quoted content: "«...»، قال X".
	contentFirst bool
	block        *Block
	bi           int    // the index of block in the input
	bkey         string // the block's key
	boff         []int32
	toks         []token
	keys         claimKeys   // the folded text of detected claims
	matches      []matchMemo // the registry names at each token of the block
	mgen         uint32      // the block's generation of matches (see matchAt)
	file         *diag.File  // the file's lines, for diagnostics
	src          string      // the file, once a claim needs its text
}

// Annotate finds the claims of one article: detected ones, then those the
// author marked, which win over detected claims on the same text.
// Diagnostics report marks naming unknown sources.
func (a *Annotator) Annotate(ctx context.Context, in *Input) (*Result, diag.List) {
	d, _ := a.docs.Get().(*doc)
	if d == nil {
		d = &doc{}
	}
	d.tz.words = a.words
	*d = doc{a: a, in: in, tz: d.tz, roles: d.roles[:0], depth: d.depth[:0], sents: d.sents[:0],
		mentions: d.mentions[:0], csrc: d.csrc[:0], claims: d.claims[:0],
		fsBuf: d.fsBuf[:0], ends: d.ends, idk: d.idk, sentSpans: d.sentSpans[:0], keys: d.keys, matches: d.matches, mgen: d.mgen, unattr: d.unattr[:0]}
	defer a.docs.Put(d)
	res := &Result{File: in.File, Lang: in.Lang, Claims: []Claim{}, Unattributed: []Span{}}
	// The blocks' keys make one string, allocated once.
	d.tz.foldBlocks(in.Blocks)
	d.keys.reset(d.tz.all)
	first := true
	for bi := range in.Blocks {
		if bi%64 == 0 && ctx.Err() != nil {
			break
		}
		b := &in.Blocks[bi]
		d.firstBlock = first && b.Kind != Byline
		if b.Kind != Byline && !blank(b.Text) {
			first = false
		}
		d.blockClaims(bi)
	}
	var diags diag.List
	byStart := func(a, b claimKey) int { return cmp.Compare(a.start, b.start) }
	if !slices.IsSortedFunc(d.keys.spans, byStart) {
		slices.SortStableFunc(d.keys.spans, byStart)
	}
	claims := d.applyMarks(d.claims, &diags)
	claims = d.applyOverrides(claims, &diags)
	// Detected claims come in order; marked ones may not.
	// (A generic sort: sort.SliceStable swaps the large Claims through
	// reflection.)
	if cmpStart := func(a, b Claim) int { return cmp.Compare(a.Start, b.Start) }; !slices.IsSortedFunc(claims, cmpStart) {
		slices.SortStableFunc(claims, cmpStart)
	}
	assignIDs(in.Src, claims, &d.keys, &d.idk)
	// The claims found so far are scratch, kept for the next article.
	res.Claims = append(make([]Claim, 0, len(claims)), claims...)
	clear(claims)
	d.claims = claims[:0]
	res.Unattributed = d.unattributed(res.Claims)
	return res, diags
}

func (d *doc) blockClaims(bi int) {
	b := &d.in.Blocks[bi]
	if b.Kind == Byline || blank(b.Text) {
		return
	}
	d.prepare(bi)
	d.dateline, d.datelineEnd = nil, 0
	// "وقال الوزير:" ending a paragraph announces the quotation that
	// makes the next one.
	announced := d.colon
	d.colon = nil
	var quoted *src // the source of the previous sentence's direct quote
	// lone is the previous sentence when it is a quotation no one was
	// found to speak, its span the last of d.unattr: "بهذه الكلمات رد
	// الوزير" after it names the speaker.
	var lone sentence
	for si, s := range d.sents {
		s = trimSentence(d.toks, s)
		if s.a >= s.b {
			continue
		}
		if len(d.in.Marks) > 0 {
			start, end := d.span(s.a, s.b)
			d.sentSpans = append(d.sentSpans, sentSpan{b, start, end})
		}
		var fs []found
		if !d.mayClaim(s, si) {
			// No rule can fire, and none would have changed the state the
			// rules keep: skip them.
		} else if isArabic(d.toks[s.a:s.b]) {
			fs = d.arabic(s, si)
		} else {
			fs = d.english(s, si)
		}
		if si == 0 && d.dateline != nil && s.a < d.datelineEnd {
			s.a = d.datelineEnd // the dateline is not part of the sentence
			for s.a < s.b && d.toks[s.a].kind == tPunct && !isQuote(d.toks[s.a].key) {
				s.a++
			}
			if len(fs) == 0 && s.a < s.b {
				fs = []found{{start: s.a, source: *d.dateline, typ: Dateline}}
			}
		}
		if s.a >= s.b {
			continue
		}
		if len(fs) == 0 && si == 0 && announced != nil && d.toks[s.a].kind == tPunct && isQuote(d.toks[s.a].key) {
			fs = []found{{start: s.a, source: *announced, typ: Direct}}
		}
		// "\"We are ready,\" Zelensky said. \"But we need more.\"": a
		// quotation standing alone goes on with the speaker just quoted.
		if len(fs) == 0 && quoted != nil && d.wholeQuote(s.a, s.b) {
			fs = []found{{start: s.a, source: *quoted, typ: Direct}}
		}
		if len(fs) == 0 && lone.b > lone.a {
			if sr, cue, ok := d.arTheseWords(s); ok {
				d.unattr = d.unattr[:len(d.unattr)-1]
				end := lone.b
				for end > lone.a && d.toks[end-1].kind == tPunct && !isQuote(d.toks[end-1].key) {
					end--
				}
				d.addClaim(found{start: lone.a, source: sr, typ: Direct, cue: cue}, end)
			}
		}
		lone = sentence{}
		quoted = nil
		if n := len(fs); n > 0 && fs[n-1].typ == Direct {
			q := fs[n-1].source
			quoted = &q
		}
		d.scanMentions(s)
		if len(fs) == 0 {
			if b.Kind != Heading && b.Kind != Title {
				start, end := d.span(s.a, s.b)
				if end > start {
					d.unattr = append(d.unattr, Span{start, end})
					if d.wholeQuote(s.a, s.b) {
						lone = s
					}
				}
			}
			continue
		}
		for i, f := range fs {
			end := s.b
			if i+1 < len(fs) {
				end = fs[i+1].start
			}
			if f.end > 0 {
				end = f.end
			}
			// The claim ends at its last word: drop the comma before a
			// participle and the final stop.
			for end > f.start && d.toks[end-1].kind == tPunct && !isQuote(d.toks[end-1].key) && d.toks[end-1].key != ")" {
				end--
			}
			if end <= f.start {
				continue
			}
			if i == len(fs)-1 && si == len(d.sents)-1 && f.typ == Indirect && f.source.kind != outlet.Anonymous && isColon(d.toks[len(d.toks)-1].key) {
				f.typ = Direct // "قال الوزير:" before the quotation
			}
			d.addClaim(f, end)
		}
		if si == len(d.sents)-1 {
			if last := d.toks[len(d.toks)-1]; last.kind == tPunct && isColon(last.key) {
				src := fs[len(fs)-1].source
				d.colon = &src
			}
		}
	}
}

// blank reports whether s is only white space. Most blocks start with a
// printable ASCII character or an Arabic letter, neither of them space.
func blank(s string) bool {
	if s != "" && (s[0] > ' ' && s[0] < utf8.RuneSelf || s[0] >= 0xD8 && s[0] <= 0xDB) {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// mayClaim reports whether the rules may find a claim in sentence s, the
// si-th of its block. Every rule that finds a claim, or records a mention
// or a dateline on the way, needs a reporting verb, an "according to"
// marker, a colon (headlines) or, in a block's first sentence, an opening
// parenthesis (datelines: "القاهرة (رويترز) -"): a sentence with none is
// the writer's own, and the rules would only spend time on it (arNP after
// every comma).
func (d *doc) mayClaim(s sentence, si int) bool {
	for i := s.a; i < s.b; i++ {
		t := &d.toks[i]
		if t.kind == tPunct {
			if isColon(t.key) || si == 0 && t.key == "(" {
				return true
			}
			continue
		}
		if t.kind != tWord {
			continue
		}
		if t.may(fAcc) {
			return true
		}
		switch t.key {
		case "according", "per", "as":
			return true
		}
		if _, ok := d.verbAt(i); ok {
			return true
		}
		if _, ok := d.enVerb(t); ok {
			return true
		}
	}
	return false
}

// prepare tokenizes block bi, pairs its quotation marks and splits it
// into sentences. It takes the index, not the block, so the folded key
// it reads is always the block's own.
func (d *doc) prepare(bi int) {
	b := &d.in.Blocks[bi]
	d.block, d.bi = b, bi
	var pad string
	d.bkey, pad, d.boff = d.tz.blockKey(bi)
	d.toks = d.tz.split(b.Text, pad, len(d.bkey), d.boff)
	d.roles = quoteRoles(d.toks, d.roles)
	d.depth = d.depth[:0]
	depth := int32(0)
	for _, r := range d.roles {
		d.depth = append(d.depth, depth) // depth before the token
		depth += int32(r)
	}
	d.sents = d.a.lex.splitSentences(d.toks, d.roles, d.sents)
	// The memos of the previous block are of an older generation: they
	// are cleared when read (matchAt), most never are.
	d.mgen++
	if d.mgen == 0 {
		clear(d.matches[:cap(d.matches)])
		d.mgen = 1
	}
	d.matches = slices.Grow(d.matches[:0], len(d.toks))[:len(d.toks)]
}

// A matchMemo keeps what the matcher found at a token, without (0) and
// with (1) proclitics, and its fuzzy matches for any head noun (0) and
// for the latest head noun asked (1): the rules ask again and again.
type matchMemo struct {
	gen  uint32 // the generation of the block it is of; older memos are blank
	val  [2]*nameVal
	end  [2]int32
	done uint8 // bit c is set when val[c] and end[c] are known
	// The fuzzy matches, bit c of fuzzyDone set when fuzzy[c] and
	// fuzzyEnd[c] are known; want is the head noun of fuzzy[1].
	fuzzyDone uint8
	want      string
	fuzzy     [2]*outlet.Entry
	fuzzyEnd  [2]int32
}

// matchAt returns the memo of token i of the block, blank if it is of an
// older block.
func (d *doc) matchAt(i int) *matchMemo {
	m := &d.matches[i]
	if m.gen != d.mgen {
		*m = matchMemo{gen: d.mgen}
	}
	return m
}

// matchFuzzy is the matcher's matchFuzzy at token i of the block.
func (d *doc) matchFuzzy(i int, want string) (*outlet.Entry, int) {
	if i < 0 || i >= len(d.matches) {
		return d.a.m.matchFuzzy(d.toks, i, want)
	}
	m := d.matchAt(i)
	c := 0
	if want != "" {
		c = 1
	}
	if m.fuzzyDone&(1<<c) == 0 || c == 1 && m.want != want {
		e, end := d.a.m.matchFuzzy(d.toks, i, want)
		m.fuzzy[c], m.fuzzyEnd[c] = e, int32(end)
		m.fuzzyDone |= 1 << c
		if c == 1 {
			m.want = want
		}
	}
	return m.fuzzy[c], int(m.fuzzyEnd[c])
}

// match is the matcher's match at token i of the block, looked up once.
func (d *doc) match(i int, clitics bool) (*nameVal, int) {
	if i < 0 || i >= len(d.matches) {
		return d.a.m.match(d.toks, i, clitics, d.a.words)
	}
	c := 0
	if clitics {
		c = 1
	}
	m := d.matchAt(i)
	if m.done&(1<<c) == 0 {
		v, e := d.a.m.match(d.toks, i, clitics, d.a.words)
		m.val[c], m.end[c] = v, int32(e)
		m.done |= 1 << c
	}
	return m.val[c], int(m.end[c])
}

// trimSentence drops the final stops of a sentence, and anything before
// its first word or quote.
func trimSentence(toks []token, s sentence) sentence {
	for s.a < s.b && toks[s.a].kind == tPunct && !isQuote(toks[s.a].key) && toks[s.a].key != "(" && !isDash(toks[s.a].key) {
		s.a++
	}
	for s.b > s.a && toks[s.b-1].kind == tPunct && (isTerminator(toks[s.b-1].key) || isComma(toks[s.b-1].key) || isColon(toks[s.b-1].key)) {
		s.b--
	}
	return s
}

func isArabic(toks []token) bool {
	ar, lat := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || t.key == "" {
			continue
		}
		// The first byte tells U+0600–U+06FF and ASCII apart; only other
		// runes need decoding.
		switch c := t.key[0]; {
		case c >= 0xD8 && c <= 0xDB:
			ar++
		case c < utf8.RuneSelf:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				lat++
			}
		default:
			if r, _ := utf8.DecodeRuneInString(t.key); unicode.IsLetter(r) {
				lat++
			}
		}
	}
	return ar >= lat && ar > 0
}

// span maps tokens [i, j) of the current block to file offsets.
func (d *doc) span(i, j int) (int, int) {
	return d.fileStart(d.toks[i].s), d.fileEnd(d.toks[j-1].e)
}

// fileStart maps an offset of the block text to the file: a synthetic byte
// maps to the start of the next segment.
func (d *doc) fileStart(o int) int {
	segs := d.block.Segs
	for _, s := range segs {
		if o < s.Text+s.Len {
			if o < s.Text {
				return s.Src
			}
			return s.Src + o - s.Text
		}
	}
	if len(segs) > 0 {
		last := segs[len(segs)-1]
		return last.Src + last.Len
	}
	return 0
}

// fileEnd maps an end offset: a synthetic byte maps to the end of the
// previous segment.
func (d *doc) fileEnd(o int) int {
	segs := d.block.Segs
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if o > s.Text {
			if o > s.Text+s.Len {
				return s.Src + s.Len
			}
			return s.Src + o - s.Text
		}
	}
	if len(segs) > 0 {
		return segs[0].Src
	}
	return 0
}

// text returns tokens [i, j) as written in the block.
func (d *doc) text(i, j int) string {
	if i >= j {
		return ""
	}
	return d.block.Text[d.toks[i].s:d.toks[j-1].e]
}

// cueText returns the cue as written, without a leading و or ف.
func (d *doc) cueText(f found) string {
	i, j := f.cue[0], f.cue[1]
	if i >= j || j > len(d.toks) {
		return ""
	}
	s := d.text(i, j)
	if k := d.toks[i].key; utf8.RuneCountInString(k) > 3 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
		if d.a.lex.verbs[k] == (verb{}) && d.a.lex.according[k] == 0 && d.a.lex.participles[k] == 0 {
			_, n := utf8.DecodeRuneInString(s)
			s = s[n:]
		}
	}
	return s
}

func (d *doc) source(s src) Source {
	if s.entry != nil {
		return Source{ID: s.entry.ID, Name: s.entry.Name.In(d.lang()), Kind: s.entry.Kind}
	}
	k := s.kind
	if k == "" {
		k = outlet.Anonymous
	}
	return Source{Name: s.name, Kind: k}
}

func (d *doc) lang() string {
	if d.in.Lang == "" {
		return "ar"
	}
	return d.in.Lang
}

func (d *doc) addClaim(f found, end int) {
	start, stop := d.span(f.start, end)
	if stop <= start {
		return
	}
	start, stop = d.emphasis(start, stop)
	c := Claim{
		Start:  start,
		End:    stop,
		Text:   d.srcText(start, stop),
		Cue:    d.cueText(f),
		Source: d.source(f.source),
		Via:    []Source{},
		Type:   f.typ,
		Origin: Detected,
	}
	for _, v := range f.via {
		c.Via = append(c.Via, d.source(v))
	}
	if f.conduit != nil {
		s := d.source(*f.conduit)
		c.Conduit = &s
	}
	if f.source.org != nil {
		s := d.source(d.a.m.src(f.source.org))
		c.Org = &s
	}
	if f.deny {
		c.Polarity = "deny"
	}
	if f.source.entry != nil && d.in.Sources != nil {
		c.URL = d.in.Sources[f.source.entry.ID]
	}
	d.keys.add(d.in.Src, d.block, d.tz.bk[d.bi], d.boff, start, stop)
	d.claims = append(d.claims, c)
	d.csrc = append(d.csrc, f.source)
}

func (d *doc) lex() *lexicon { return d.a.lex }

// srcText returns bytes [start, end) of the file as a string. The
// claims of an article share one copy of the file.
func (d *doc) srcText(start, end int) string {
	if len(d.src) != len(d.in.Src) {
		d.src = string(d.in.Src)
	}
	return d.src[start:end]
}

// ptr returns a pointer to a copy of s. Taking the address of a local
// declared in an if statement's init would put every such local on the
// heap; the copy goes there only when it is wanted.
func ptr(s src) *src { return &s }

// mention records a resolved source for later anaphora.
func (d *doc) mention(s src) {
	if !s.ok() {
		return
	}
	// Anaphora looks back a few paragraphs at most: keep the latest.
	if len(d.mentions) >= 256 {
		n := copy(d.mentions, d.mentions[len(d.mentions)-128:])
		d.mentions = d.mentions[:n]
	}
	d.mentions = append(d.mentions, s)
}

// previous returns the source of the latest claim whose gender agrees
// with g, looking back over the last few claims; ok is false if none does.
func (d *doc) previous(g byte) (src, bool) {
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		s := d.csrc[i]
		if agrees(g, s) {
			return s, true
		}
	}
	return src{}, false
}

// agrees reports whether a verb of gender g can have s as its subject.
// Plural non-human subjects take feminine singular verbs.
func agrees(g byte, s src) bool {
	switch g {
	case 0:
		return true
	case 'm':
		return s.gender == 'm' || s.gender == '?'
	case 'f':
		return s.gender == 'f' || s.gender == '?' || s.gender == 'p' && s.kind != outlet.Person
	case 'p':
		return s.gender == 'p'
	case 'n':
		return s.kind != outlet.Person && s.gender != 'p'
	}
	return false
}

// unattributed returns the sentences with no claim, minus any that a
// marked claim now covers. claims are sorted by start.
func (d *doc) unattributed(claims []Claim) []Span {
	// Room for them all at once (never nil: JSON writes [] for none).
	out := make([]Span, 0, len(d.unattr))
	// Sentences come in order, unless marks moved them: sort them
	// then. (A sort of spans in strictly ascending order leaves them
	// as they are, so skipping it changes nothing.)
	strict := true
	for i := 1; i < len(d.unattr) && strict; i++ {
		strict = d.unattr[i-1].Start < d.unattr[i].Start
	}
	if !strict {
		sort.Slice(d.unattr, func(i, j int) bool { return d.unattr[i].Start < d.unattr[j].Start })
	}
	// The claims starting before a sentence ends are a prefix of claims:
	// one of them covers it if the furthest end among them is past its
	// start.
	d.ends = d.ends[:0]
	for i, c := range claims {
		e := c.End
		if i > 0 {
			e = max(e, d.ends[i-1])
		}
		d.ends = append(d.ends, e)
	}
	for i, u := range d.unattr {
		if i > 0 && u == d.unattr[i-1] {
			continue
		}
		k := sort.Search(len(claims), func(k int) bool { return claims[k].Start >= u.End })
		if k == 0 || d.ends[k-1] <= u.Start {
			out = append(out, u)
		}
	}
	return out
}

// assignIDs gives each claim a stable id: a hash of its folded text and a
// little folded context on each side (like a W3C TextQuoteSelector), so it
// survives edits elsewhere in the article. Collisions get a counter mixed
// in, in document order. keys, if not nil, holds claim texts already
// folded.
func assignIDs(src []byte, claims []Claim, keys *claimKeys, sc *idKeys) {
	// The ids taken: a list for the usual few claims, a map for many.
	var usedBuf [64]uint32
	taken := usedBuf[:0]
	var used map[uint32]bool
	if len(claims) > len(usedBuf) {
		used = make(map[uint32]bool, len(claims))
	}
	take := func(id uint32) bool {
		if used != nil {
			if used[id] {
				return false
			}
			used[id] = true
			return true
		}
		if slices.Contains(taken, id) {
			return false
		}
		taken = append(taken, id)
		return true
	}
	if sc == nil {
		sc = &idKeys{}
	}
	pk, ek, sk := &sc.pk, &sc.ek, &sc.sk
	pk.Tier, ek.Tier, sk.Tier = fold.Loose, fold.Loose, fold.Loose
	pk.NoOffsets, ek.NoOffsets, sk.NoOffsets = true, true, true
	// The hash of each claim is FNV-1a over prefix NUL exact NUL suffix
	// [NUL n]. FNV takes a byte after another, each waiting for the one
	// before: the claims are hashed two at a time, their bytes in turn,
	// so the processor works on both.
	hs := slices.Grow(sc.hs[:0], len(claims))[:len(claims)]
	half := -1 // a claim whose bytes wait in sc.sa for a second's
	for i := range claims {
		c := &claims[i]
		buf := &sc.sa
		if half >= 0 {
			buf = &sc.sb
		}
		*buf = (*buf)[:0]
		// The keys cut from the block's key when the tokenizer folded
		// the claim and its context; what it did not is folded here.
		k := keys.find(src, c)
		if k != nil && k.pre.ok() {
			*buf = append(*buf, k.pre.of(keys.all)...)
		} else {
			pk.Reset()
			pk.Write(around(src, c.Start, -1), 0)
			*buf = append(*buf, pk.B...)
		}
		*buf = append(*buf, 0)
		if k != nil {
			*buf = append(*buf, k.exact.of(keys.all)...)
		} else {
			ek.Reset()
			ek.WriteString(c.Text, 0)
			*buf = append(*buf, ek.B...)
		}
		*buf = append(*buf, 0)
		if k != nil && k.suf.ok() {
			*buf = append(*buf, k.suf.of(keys.all)...)
		} else {
			sk.Reset()
			sk.Write(around(src, c.End, +1), 0)
			*buf = append(*buf, sk.B...)
		}
		if half < 0 {
			half = i
			continue
		}
		hs[half], hs[i] = fnv2(sc.sa, sc.sb)
		half = -1
	}
	if half >= 0 {
		hs[half] = fnvAdd(2166136261, sc.sa)
	}
	sc.hs = hs
	var ids strings.Builder
	ids.Grow(8 * len(claims))
	for i := range claims {
		h := hs[i]
		for n := 0; ; n++ {
			hn := h
			if n > 0 {
				var buf [20]byte
				hn = fnvAdd(fnvAdd(h, nul), strconv.AppendInt(buf[:0], int64(n), 10))
			}
			id := hn & 0xFFFFFF
			if take(id) {
				const hex = "0123456789abcdef"
				var b [8]byte
				copy(b[:], "c-")
				for k := 7; k >= 2; k-- {
					b[k] = hex[id&0xF]
					id >>= 4
				}
				ids.Write(b[:])
				break
			}
		}
	}
	// The ids share one string.
	all := ids.String()
	for i := range claims {
		claims[i].ID = all[8*i : 8*i+8]
	}
}

// idKeys are the keys assignIDs folds claims and their context into,
// the bytes it hashes and the hashes, kept between articles for their
// storage.
type idKeys struct {
	pk, ek, sk fold.Key
	sa, sb     []byte
	hs         []uint32
}

// claimKeys keeps where the folded text of detected claims and of the
// context their ids hash lie in the key the tokenizer made of their
// document's blocks, so ids need not fold them again.
type claimKeys struct {
	all   string     // the document's key (tokenizer.all)
	spans []claimKey // in the order claims were detected
}

type claimKey struct {
	start, end int // the claim's span in the file
	// The keys of the claim's text and of the context before and after
	// it, in all.
	pre, exact, suf keySpan
}

// A keySpan is all[i:j], or none if i < 0.
type keySpan struct{ i, j int32 }

func (k keySpan) ok() bool { return k.i >= 0 }

func (k keySpan) of(all string) string { return all[k.i:k.j] }

func (ks *claimKeys) reset(all string) {
	ks.all, ks.spans = all, ks.spans[:0]
}

// add records the key of the file span [start, end) if the block's text
// holds that span byte for byte: then its fold is the stretch of the
// block's key that those bytes produced, since folding goes rune by rune
// but for white space, which a key drops at its ends, and ئ (see below).
// The context ids hash (see around) is recorded when one segment of the
// block holds it. The block's key is all[base:base+len(off)].
func (ks *claimKeys) add(src []byte, b *Block, base int, off []int32, start, end int) {
	var seg Seg
	ts := -1
	for _, s := range b.Segs {
		if s.Src <= start && start < s.Src+s.Len {
			seg, ts = s, s.Text+start-s.Src
			break
		}
	}
	te := ts + end - start
	if ts < 0 || te > len(b.Text) || b.Text[ts:te] != string(src[start:end]) {
		return
	}
	i := keyAt(off, ts)
	j := i + keyAt(off[i:], te)
	k := claimKey{start: start, end: end, pre: keySpan{-1, -1}, suf: keySpan{-1, -1}}
	k.exact = ks.span(base, i, j)
	// The context is 32 bytes at most: its key is found stepping from
	// the claim's rather than searching the block's. But ئ folds by what
	// follows it (package fold), and the context ends anywhere, maybe
	// right after one whose fold depends on what comes next: such
	// context is folded afresh. (A claim ends at a word's end, where no
	// و can follow.)
	if p := around(src, start, -1); seg.Src <= start-len(p) && !fold.SeatEnds(p) {
		pi := i
		for pi > 0 && off[pi-1] >= int32(ts-len(p)) {
			pi--
		}
		k.pre = ks.span(base, pi, i)
	}
	q := around(src, end, +1)
	seated := fold.SeatEnds(q)
	for _, s := range b.Segs {
		if !seated && s.Src <= end && end+len(q) <= s.Src+s.Len {
			qs := s.Text + end - s.Src
			qi := j
			if qs != te {
				qi = keyAt(off, qs)
			}
			qj := qi
			for qj < len(off) && off[qj] < int32(qs+len(q)) {
				qj++
			}
			k.suf = ks.span(base, qi, qj)
			break
		}
	}
	ks.spans = append(ks.spans, k)
}

// keyAt returns the index of the first byte of a key whose source offset
// is at least o; off holds the source offset of each byte, in order.
func keyAt(off []int32, o int) int {
	i, _ := slices.BinarySearch(off, int32(o))
	return i
}

// span returns the stretch [i, j) of the block key at base in all
// without the space at its ends, which folding drops.
func (ks *claimKeys) span(base, i, j int) keySpan {
	i, j = base+i, base+j
	if i < j && ks.all[i] == ' ' {
		i++
	}
	if i < j && ks.all[j-1] == ' ' {
		j--
	}
	return keySpan{int32(i), int32(j)}
}

// find returns the keys of claim c, nil if they were not kept.
func (ks *claimKeys) find(src []byte, c *Claim) *claimKey {
	if ks == nil {
		return nil
	}
	i := sort.Search(len(ks.spans), func(i int) bool { return ks.spans[i].start >= c.Start })
	for ; i < len(ks.spans) && ks.spans[i].start == c.Start; i++ {
		k := &ks.spans[i]
		if k.end == c.End && c.End <= len(src) && c.Text == string(src[c.Start:c.End]) {
			return k
		}
	}
	return nil
}

var nul = []byte{0}

// fnv2 returns the FNV-1a hashes of a and b, their bytes taken in turn.
func fnv2(a, b []byte) (ha, hb uint32) {
	ha, hb = 2166136261, 2166136261
	n := min(len(a), len(b))
	x, y := a[:n], b[:n]
	for i := range x {
		ha = (ha ^ uint32(x[i])) * 16777619
		hb = (hb ^ uint32(y[i])) * 16777619
	}
	return fnvAdd(ha, a[n:]), fnvAdd(hb, b[n:])
}

func fnvAdd[T string | []byte](h uint32, b T) uint32 {
	for i := 0; i < len(b); i++ {
		h ^= uint32(b[i])
		h *= 16777619
	}
	return h
}

// around returns up to 32 bytes of src before (dir < 0) or after offset
// o, cut at rune boundaries and at a line end.
func around(src []byte, o, dir int) []byte {
	const n = 32
	if dir < 0 {
		i := max(o-n, 0)
		for i < o && !utf8.RuneStart(src[i]) {
			i++
		}
		b := src[i:o]
		if k := strings.LastIndexByte(string(b), '\n'); k >= 0 {
			b = b[k+1:]
		}
		return b
	}
	j := min(o+n, len(src))
	for j > o && j < len(src) && !utf8.RuneStart(src[j]) {
		j--
	}
	b := src[o:j]
	if k := strings.IndexByte(string(b), '\n'); k >= 0 {
		b = b[:k]
	}
	return b
}

// date returns the article date, for role resolution.
func (d *doc) date() time.Time { return d.in.Date }

// scanMentions records the sources a sentence names, cue or not, so a
// later "الشركة", "البنك" or "the company" can point back to them: the
// registered ones, and bodies named by a type noun ("البنك المركزي
// المصري"). The first of them issues any statement or report the sentence
// speaks of ("أصدرت الجامعة بيانا").
func (d *doc) scanMentions(s sentence) {
	lex := d.a.lex
	var first src // the first source named, if first.ok()
	issues := false
	for i := s.a; i < s.b; i++ {
		t := &d.toks[i]
		if t.kind != tWord {
			continue
		}
		k := t.key
		if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
			k = k[len("و"):]
		}
		if strings.HasPrefix(k, "بيان") || strings.HasPrefix(k, "تقرير") || k == "statement" || k == "report" {
			issues = true
		}
		named := t.flags&fName != 0
		if !named && !strings.HasPrefix(k, "ال") {
			continue // neither a name nor a definite noun: the common case
		}
		if named {
			if val, end := d.match(i, true); val != nil && val.entry != nil && !val.entry.RequiresCue {
				m := d.a.m.src(val.entry)
				d.mention(m)
				if !first.ok() {
					first = m
				}
				i = end - 1
				continue
			}
		}
		bare := k
		if h, ok := strings.CutPrefix(bare, "ال"); ok && t.flags&(fDefType|fLooked) != fLooked {
			if tn, ok := lex.typeNouns[h]; ok && i+1 < s.b && d.toks[i+1].kind == tWord && lex.nisba(d.toks[i+1].key) {
				end := i + 2
				for end < s.b && d.toks[end].kind == tWord && lex.nisba(d.toks[end].key) {
					end++
				}
				m := src{name: d.text(i, end), kind: kindOf(tn), gender: 'm', head: h}
				d.mention(m)
				if !first.ok() {
					first = m
				}
				i = end - 1
			}
		}
	}
	if issues && first.ok() {
		d.issuerSrc = ptr(first)
	}
}

// emphasis widens a claim over Markdown emphasis marks that open before
// its first word or close after its last ("*The Washington Post*
// reported"): they are inside the sentence. Other markup stays out.
func (d *doc) emphasis(start, end int) (int, int) {
	src := d.in.Src
	segs := d.block.Segs
	lo, hi := segs[0].Src, segs[len(segs)-1].Src+segs[len(segs)-1].Len
	s := start
	for s > 0 && s > lo-3 && (src[s-1] == '*' || src[s-1] == '_') {
		s--
	}
	if s < start && (s == 0 || src[s-1] == ' ' || src[s-1] == '\n' || src[s-1] == '\t') {
		start = s
	}
	e := end
	for e < len(src) && e < hi+3 && (src[e] == '*' || src[e] == '_') {
		e++
	}
	if e > end && count(src[start:e], '*')%2 == 0 && count(src[start:e], '_')%2 == 0 {
		end = e
	}
	return start, end
}

func count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}
