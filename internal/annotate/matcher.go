package annotate

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/outlet"
)

// A nameVal is what a registry name stands for.
type nameVal struct {
	entry *outlet.Entry // an outlet, body or person, or nil for a role
	role  string        // a role title or alias as written, resolved by date
}

// trieNode is a node of the token trie of registry names.
type trieNode struct {
	next map[string]*trieNode
	val  *nameVal
	// The children again, by the word table's slot of their word
	// (Annotator.index fills them in): a token looked up in the table
	// finds its child without hashing its key again.
	kw []int32
	kn []*trieNode
}

// child returns n's child for token t: by t's slot when t was looked up
// in the word table, which holds every word of every name, else by key.
func (n *trieNode) child(t *token) *trieNode {
	switch {
	case t.w > 0 && n.kn != nil:
		for i, w := range n.kw {
			if w == t.w {
				return n.kn[i]
			}
		}
		return nil
	case t.flags&fLooked != 0 && n.kn != nil:
		return nil // not in the table, so in no name
	}
	return n.next[t.key]
}

// walk calls f for n and every node below it.
func (n *trieNode) walk(f func(*trieNode)) {
	f(n)
	for _, c := range n.next {
		c.walk(f)
	}
}

// A fuzzyName is a name, or the first words of one, in collapsed form,
// for edit-distance matching.
type fuzzyName struct {
	key    string // fold.Collapse of the Loose key
	rs     []rune // key, decoded
	runes  int
	entry  *outlet.Entry
	prefix bool // only the first words of the name
	// typed marks a prefix that starts with a type noun ("مكتب رئيس
	// الوزراء"): it counts only spelt exactly and not followed by an
	// adjective, which would name another body.
	typed bool
}

// matcher finds registry names in token streams. It is built once and
// only read afterwards.
type matcher struct {
	srcs map[*outlet.Entry]src // each entry as a source, computed once
	// first holds every form the first word of a name can take in text,
	// proclitics included, so most words are rejected with one lookup.
	first map[string]bool
	// byFirst holds the fuzzy names by their first rune, shortest first:
	// typos spare the first letter.
	byFirst map[rune][]fuzzyName
	root    trieNode
	fuzzy   []fuzzyName
	heads   map[string][]*outlet.Entry // folded type noun (وكاله, agency) → entries with that head
	// lastWords holds the last word of each name of several words, for
	// "the Post" after "The Washington Post".
	lastWords map[*outlet.Entry][]string
}

// transparent tokens are skipped inside a name: quotes and hyphens.
func transparent(t token) bool {
	return t.kind == tPunct && (isQuote(t.key) || t.key == "-" || t.key == "'" || t.key == "’")
}

func newMatcher(reg *outlet.Registry) *matcher {
	m := &matcher{heads: map[string][]*outlet.Entry{}, first: map[string]bool{}, srcs: map[*outlet.Entry]src{}}
	for _, e := range reg.Entries() {
		m.srcs[e] = entrySrc(e)
	}
	var tz tokenizer
	add := func(name string, v nameVal) []string {
		toks := tz.tokenize(name)
		var words []string
		for _, t := range toks {
			if transparent(t) {
				continue
			}
			words = append(words, t.key)
		}
		if len(words) > 0 && words[0] == "the" && len(words) > 1 {
			words = words[1:]
		}
		if len(words) == 0 {
			return nil
		}
		n := &m.root
		for _, w := range words {
			if n.next == nil {
				n.next = map[string]*trieNode{}
			}
			c := n.next[w]
			if c == nil {
				c = &trieNode{}
				n.next[w] = c
			}
			n = c
		}
		if n.val == nil {
			vv := v
			n.val = &vv
		}
		return words
	}
	// Prefixes of names count only when one entry has them: "ولستريت"
	// is the WSJ's, "الخارجيه" is every ministry's.
	prefixes := map[string]*outlet.Entry{}
	shared := map[string]bool{}
	m.lastWords = map[*outlet.Entry][]string{}
	for _, e := range reg.Entries() {
		for _, name := range e.Names() {
			words := add(name, nameVal{entry: e})
			if len(words) == 0 {
				continue
			}
			if len(words) >= 2 {
				m.lastWords[e] = append(m.lastWords[e], words[len(words)-1])
			}
			full := strings.Join(words, "")
			m.fuzzy = append(m.fuzzy, fuzzyName{key: full, runes: utf8.RuneCountInString(full), entry: e})
			for i := 1; i < len(words); i++ {
				if isTypeWord(words[0]) && i < 3 {
					continue // "وزارة الصحة" is every country's
				}
				p := strings.Join(words[:i], "")
				if utf8.RuneCountInString(p) < 6 || p[0] < utf8.RuneSelf {
					continue // English prefixes are words of their own: "Wall Street"
				}
				if o, ok := prefixes[p]; ok && o != e {
					shared[p] = true
				}
				prefixes[p] = e
			}
		}
		for _, h := range []string{e.Head.Ar, e.Head.En} {
			if h == "" {
				continue
			}
			k := fold.LooseString(h)
			k = strings.TrimPrefix(k, "the ")
			m.heads[k] = append(m.heads[k], e)
		}
	}
	for p, e := range prefixes {
		if !shared[p] {
			m.fuzzy = append(m.fuzzy, fuzzyName{key: p, runes: utf8.RuneCountInString(p), entry: e, prefix: true, typed: isTypeWord(firstWord(p, e))})
		}
	}
	// Map order must not leak into matching.
	sort.Slice(m.fuzzy, func(i, j int) bool {
		a, b := m.fuzzy[i], m.fuzzy[j]
		if a.key != b.key {
			return a.key < b.key
		}
		return a.entry.ID < b.entry.ID
	})
	for _, title := range reg.RoleTitles() {
		add(title, nameVal{role: title})
	}
	for w := range m.root.next {
		forms := []string{w}
		if rest, ok := strings.CutPrefix(w, "ال"); ok {
			forms = append(forms, "لل"+rest)
		}
		for _, f := range forms {
			for _, p := range []string{"", "و", "ف"} {
				m.first[p+f] = true
				if !strings.HasPrefix(f, "لل") {
					for _, q := range []string{"ب", "ل", "ك"} {
						m.first[p+q+f] = true
					}
				}
			}
		}
	}
	// Fuzzy candidates by first rune and length, for a quick window.
	sort.SliceStable(m.fuzzy, func(i, j int) bool { return m.fuzzy[i].runes < m.fuzzy[j].runes })
	m.byFirst = map[rune][]fuzzyName{}
	for i := range m.fuzzy {
		f := &m.fuzzy[i]
		f.rs = []rune(f.key)
		m.byFirst[f.rs[0]] = append(m.byFirst[f.rs[0]], *f)
	}
	return m
}

// variants returns the readings of a first word with its proclitics
// stripped, the word itself first: وللصحيفة → للصحيفة, الصحيفة;
// ولرويترز → لرويترز, رويترز.
func variants(k string, buf []string) []string {
	buf = append(buf[:0], k)
	if utf8.RuneCountInString(k) < 3 {
		return buf
	}
	rest := k
	// و or ف, then ب ل ك, then لل → ال.
	if strings.HasPrefix(rest, "و") || strings.HasPrefix(rest, "ف") {
		rest = rest[len("و"):]
		if utf8.RuneCountInString(rest) >= 2 {
			buf = append(buf, rest)
		}
	}
	if strings.HasPrefix(rest, "لل") && utf8.RuneCountInString(rest) > 3 {
		buf = append(buf, "ال"+rest[len("لل"):])
	}
	if strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك") {
		r := rest[len("ب"):]
		if utf8.RuneCountInString(r) >= 2 {
			buf = append(buf, r)
		}
	}
	return buf
}

// starts appends to out the trie nodes of the names whose first word is
// k: k itself, and with clitics its readings without proclitics, in the
// order variants gives them.
func (m *matcher) starts(k string, clitics bool, out []*trieNode) []*trieNode {
	var buf [6]string
	firsts := buf[:1]
	firsts[0] = k
	if clitics {
		firsts = variants(k, buf[:0])
	}
	for _, f := range firsts {
		if n := m.root.next[f]; n != nil {
			out = append(out, n)
		}
	}
	return out
}

// match finds the longest registry name starting at token i. clitics
// allows proclitics on the first word. It returns the value and the index
// just past the name. words, if not nil, is the table the tokens were
// looked up in, which knows the names each of its words starts.
func (m *matcher) match(toks []token, i int, clitics bool, words *wordTable) (*nameVal, int) {
	if i >= len(toks) || toks[i].kind == tPunct || toks[i].flags&fName == 0 && (toks[i].flags&fLooked != 0 || !m.first[toks[i].key]) {
		return nil, i
	}
	var firsts []*trieNode
	if w := toks[i].w; w > 0 && words != nil && words.starts != nil {
		c := 0
		if clitics {
			c = 1
		}
		firsts = words.starts[w-1][c]
	} else {
		var buf [6]*trieNode
		firsts = m.starts(toks[i].key, clitics, buf[:0])
	}
	return m.walk(toks, i, firsts)
}

// matchArticled finds a registry name at token i written with an article
// the name lacks: "النيويورك تايمز", "الواشنطن بوست" after "صحيفة".
func (m *matcher) matchArticled(toks []token, i int) (*nameVal, int) {
	if i >= len(toks) || toks[i].kind != tWord || !strings.HasPrefix(toks[i].key, "ال") || utf8.RuneCountInString(toks[i].key) < 5 {
		return nil, i
	}
	var buf [1]*trieNode
	return m.walk(toks, i, m.starts(toks[i].key[len("ال"):], false, buf[:0]))
}

// walk follows the trie from the nodes of the first word, at token i, over
// the tokens after it, and returns the longest name it reads.
func (m *matcher) walk(toks []token, i int, firsts []*trieNode) (*nameVal, int) {
	var best *nameVal
	bestEnd := i
	for _, n := range firsts {
		j := i + 1
		for n != nil {
			if n.val != nil && j > bestEnd {
				best, bestEnd = n.val, j
			}
			k := j
			for k < len(toks) && (transparent(toks[k]) || gluedDot(toks, k)) {
				k++
			}
			if k >= len(toks) || n.next == nil {
				break
			}
			n = n.child(&toks[k])
			j = k + 1
		}
	}
	return best, bestEnd
}

// matchFuzzy finds a registry name starting at token i within a small
// edit distance, comparing collapsed keys of one to four words. It is only
// called where a cue makes a source likely. want, when non-empty, limits
// the match to entries whose head noun is want (folded).
func (m *matcher) matchFuzzy(toks []token, i int, want string) (*outlet.Entry, int) {
	var wordsA [4]string
	var endsA [4]int
	words, ends := wordsA[:0], endsA[:0]
	for j := i; j < len(toks) && len(words) < 4; j++ {
		if transparent(toks[j]) {
			continue
		}
		if toks[j].kind == tPunct {
			break
		}
		words = append(words, toks[j].key)
		ends = append(ends, j+1)
	}
	var best *outlet.Entry
	bestEnd, bestD := i, 3
	heads := m.heads[want] // the entries want limits the match to
	var keyBuf [128]byte
	var runeBuf [64]rune
	for n := len(words); n >= 1; n-- {
		key := keyBuf[:0]
		for _, w := range words[:n] {
			key = append(key, w...)
		}
		rs := runeBuf[:0]
		for _, r := range string(key) {
			if len(rs) == cap(rs) {
				break
			}
			rs = append(rs, r)
		}
		runes := len(rs)
		if runes < 5 || runes == cap(runeBuf) {
			continue
		}
		max := 1
		if runes >= 16 {
			max = 2
		}
		first := rs[0]
		cands := m.byFirst[first]
		// "ووول": a conjunction glued on; the name may start after it.
		var more []fuzzyName
		if first == 'و' && len(rs) > 1 {
			more = m.byFirst[rs[1]]
		}
		lo := sort.Search(len(cands), func(k int) bool { return cands[k].runes >= runes-max })
		lo2 := sort.Search(len(more), func(k int) bool { return more[k].runes >= runes-max })
		// Merge the two lists by length, the first's entries first among
		// equals, as a stable sort of both would.
		for lo < len(cands) || lo2 < len(more) {
			var f *fuzzyName
			if lo2 >= len(more) || lo < len(cands) && cands[lo].runes <= more[lo2].runes {
				f = &cands[lo]
				lo++
			} else {
				f = &more[lo2]
				lo2++
			}
			if f.runes-runes > max {
				if lo2 >= len(more) || more[lo2].runes-runes > max {
					if lo >= len(cands) || cands[lo].runes-runes > max {
						break
					}
				}
				continue
			}
			if want != "" && !slices.Contains(heads, f.entry) {
				continue
			}
			if f.prefix && want == "" {
				continue // a part of a name needs a type noun to count
			}
			d := fold.DistanceRunes(rs, f.rs, max)
			if d > max {
				// A conjunction glued on: ووول ستريت.
				if first == 'و' {
					d = fold.DistanceRunes(rs[1:], f.rs, max-1)
					if d > max-1 {
						continue
					}
				} else {
					continue
				}
			}
			switch {
			case f.typed && (d != 0 || !typedMayEnd(toks, ends[n-1])):
				continue
			case f.prefix && !f.typed && !nameMayEnd(toks, ends[n-1]):
				continue
			}
			if d < bestD || d == bestD && ends[n-1] > bestEnd {
				best, bestEnd, bestD = f.entry, ends[n-1], d
			}
		}
		if best != nil {
			return best, bestEnd
		}
	}
	return best, bestEnd
}

// titled reports whether one of person e's role titles holds the folded
// word w: "minister" for "Israeli Defence Minister", "وزير" for "وزير
// الخارجية".
func (m *matcher) titled(e *outlet.Entry, w string) bool {
	for _, r := range e.Roles {
		for _, t := range r.Names() {
			for _, f := range strings.Fields(fold.LooseString(t)) {
				if f == w || strings.TrimPrefix(f, "ال") == strings.TrimPrefix(w, "ال") {
					return true
				}
			}
		}
	}
	return false
}

// src returns entry e as a source.
func (m *matcher) src(e *outlet.Entry) src {
	if s, ok := m.srcs[e]; ok {
		return s
	}
	return entrySrc(e)
}

func (m *matcher) hasHead(e *outlet.Entry, head string) bool {
	for _, h := range m.heads[head] {
		if h == e {
			return true
		}
	}
	return false
}

// nameMayEnd reports whether a name may end before token i: at
// punctuation, at the end, or before an adjective of origin ("الأميركية")
// — not before another word that could be the rest of a different name.
func nameMayEnd(toks []token, i int) bool {
	for i < len(toks) && transparent(toks[i]) {
		i++
	}
	if i >= len(toks) || toks[i].kind == tPunct {
		return true
	}
	k := toks[i].key
	return strings.HasPrefix(k, "ال") && (strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ي")) || k == "عن" || k == "في" || k == "ان" || k == "بان"
}

// firstWord returns the first word of the name of e whose collapsed key
// starts with p.
func firstWord(p string, e *outlet.Entry) string {
	for _, name := range e.Names() {
		words := strings.Fields(fold.LooseString(name))
		if len(words) > 0 && strings.HasPrefix(strings.Join(words, ""), p) {
			return words[0]
		}
	}
	return ""
}

// typedMayEnd reports whether a descriptive name may end before token i:
// at punctuation, the end, or a function word — not before an adjective.
func typedMayEnd(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind == tPunct {
		return true
	}
	return !strings.HasPrefix(toks[i].key, "ال")
}

// isTypeWord reports a word that names a kind of body rather than one:
// descriptive names starting with it have no distinctive prefix.
func isTypeWord(w string) bool {
	w = strings.TrimPrefix(w, "ال")
	switch w {
	case "وزاره", "هيئه", "وكاله", "صحيفه", "قناه", "شبكه", "مكتب", "مجلس", "منظمه", "جيش", "حكومه", "رئاسه",
		"مفوضيه", "لجنه", "بنك", "صندوق", "برنامج", "ministry", "department", "office", "council", "agency", "bank", "fund":
		return true
	}
	return false
}
