package annotate

import (
	"strings"
	"time"

	"github.com/isnad/isnad/internal/outlet"
)

// The English rules. English news puts the source before its verb ("The
// agency said"), after the claim (", Bloomberg reported, citing ..."), or
// after a quotation ("\"...,\" said X"); appositions sit between source and
// verb ("DTEK, Ukraine's largest private energy company, said").

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "it's": true}

// enAux are words that may stand between a subject and its verb.
var enAux = map[string]bool{"has": true, "had": true, "have": true, "also": true, "later": true, "earlier": true,
	"previously": true, "again": true, "further": true, "separately": true, "then": true, "repeatedly": true,
	"publicly": true, "privately": true, "reportedly": true, "first": true, "recently": true, "once": true, "would": true, "will": true}

// enSubordinate open clauses whose verb is background, not a claim.
var enSubordinate = map[string]bool{"after": true, "before": true, "when": true, "while": true, "because": true, "since": true,
	"although": true, "though": true, "if": true, "until": true, "once": true, "unless": true, "whether": true}

// enClauseBreak are words a subject never runs back across.
var enClauseBreak = map[string]bool{"that": true, "which": true, "who": true, "when": true, "while": true, "because": true,
	"after": true, "before": true, "as": true, "but": true, "and": true, "if": true, "since": true, "although": true, "though": true, "whether": true, "where": true}

// enPrep are prepositions: a name after one is a modifier, not the head.
var enPrep = map[string]bool{"to": true, "of": true, "for": true, "at": true, "in": true, "from": true, "with": true, "by": true, "on": true, "near": true, "into": true}

// enDeterminers open a noun phrase; they are never part of a name.
var enDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true,
	"what": true, "why": true, "how": true, "who": true, "when": true, "where": true, "which": true}

// enTitleWords head or precede a person's name without being part of it.
var enTitleWords = map[string]bool{"president": true, "minister": true, "prime": true, "secretary": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chief": true, "general": true, "foreign": true, "defence": true, "defense": true,
	"ambassador": true, "envoy": true, "deputy": true, "senior": true, "official": true, "coach": true, "manager": true, "leader": true,
	"chancellor": true, "king": true, "queen": true, "prince": true, "sheikh": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"executive": true, "director": true, "commander": true, "governor": true, "senator": true, "representative": true,
	"analyst": true, "economist": true, "head": true, "chairman": true, "chairwoman": true, "chair": true, "chairperson": true, "ceo": true, "press": true,
	"state": true, "finance": true, "interior": true, "health": true, "vice": true, "lt": true, "col": true, "gen": true, "adm": true,
	"u.s.": true, "us": true, "uk": true, "un": true, "u.n.": true, "eu": true, "nato": true, "former": true, "new": true, "acting": true}

func (d *doc) english(s sentence, si int) []found {
	lex := d.a.lex
	a, b := s.a, s.b
	if si == 0 && a == 0 {
		if ds, j, ok := d.datelineAt(a, b); ok {
			d.dateline = ptr(ds)
			d.datelineEnd = j
			d.mention(ds)
			a = j
			if a >= b {
				return nil
			}
		}
	}
	if d.enTrap(a, b) {
		return nil
	}
	if f, ok := d.enHeadline(a, b, si); ok {
		return []found{f}
	}
	fs := d.fsBuf[:0]
	defer func() { d.fsBuf = fs[:0] }()
	primary := -1
	for i := a; i < b; i++ {
		t := d.toks[i]
		if t.flags&(fEnVerb|fLooked) == fLooked {
			continue
		}
		v, ok := d.enVerb(&t)
		if !ok || t.kind != tWord || t.key == "according" || t.key == "citing" || t.key == "quoting" || d.inQuote(i) {
			continue
		}
		if f, ok := d.enPassive(a, i, b); ok {
			fs = append(fs, f)
			primary = i
			break
		}
		if i > a && d.is(&d.toks[i-1], wBeForms) {
			continue // passive: "it is believed", "was reported"
		}
		if t.key == "went" && (i+1 >= b || d.toks[i+1].key != "on") {
			continue // "went on to say", not "went according to plan"
		}
		if i+1 < b && d.toks[i+1].key == "by" && strings.HasSuffix(t.key, "ed") {
			continue // "analysts quoted by Bloomberg": a participle, passive
		}
		if i+1 < b && (d.toks[i+1].key == "little" || d.toks[i+1].key == "nothing") && (i+2 == b || d.toks[i+2].kind == tPunct || enSaidNothingOf[d.toks[i+2].key]) {
			continue // "The Pentagon has said little about it", not "said nothing would change"
		}
		if i > a && enNotVerb[d.toks[i-1].key] {
			// "did not say", "declined to say", "verify the claims",
			// "on the reports": no statement was made.
			continue
		}
		f, ok := d.enClause(a, i, b, v)
		if !ok {
			if f, ok = d.enRelative(a, i, v); !ok {
				if f, ok = d.enCoordinated(a, i, b, v); !ok {
					continue
				}
			}
		}
		// "Israel has told Washington that ..., Axios reported, citing
		// officials": a reporting clause closing the sentence makes all
		// before it its content.
		if ti, tv, ok := d.enTrailing(i+1, b); ok {
			if tf, ok := d.enClause(a, ti, b, tv); ok {
				f, i = tf, ti
			}
		}
		fs = append(fs, f)
		primary = i
		break
	}
	// "According to X", "per X", "as reported by X".
	for i := a; i < b; i++ {
		if d.inQuote(i) {
			continue
		}
		ms, me, ok := d.enAccording(i, b)
		if !ok {
			continue
		}
		sr, nend, ok := d.enNPAfter(me, b)
		if g, pron := enObjPronouns[d.toks[min(me, b-1)].key]; pron && me < b {
			// "According to him": whoever spoke last.
			sr, ok = d.enPrevious(g)
		}
		if !ok {
			continue
		}
		d.mention(sr)
		// "according to analysts quoted by Bloomberg": the outlet that
		// carried their words.
		var conduit *src
		if nend+2 < b {
			if p, w := d.toks[nend].key, d.toks[nend+1].key; (p == "quoted" || p == "cited" || p == "interviewed") && w == "by" || (p == "speaking" || p == "talking") && w == "to" {
				if c, _, cok := d.enMedia(nend+2, b); cok {
					conduit = ptr(c)
					d.mention(c)
				}
			}
		}
		if len(fs) == 0 {
			fs = append(fs, found{start: a, source: sr, typ: AccordingTo, cue: [2]int{ms, me}, conduit: conduit})
			primary = ms
		} else if !fs[0].source.same(sr) {
			f := &fs[0]
			f.via = append([]src{f.source}, f.via...)
			f.source = sr
			f.typ = AccordingTo
		}
		break
	}
	if len(fs) == 0 {
		return nil
	}
	// ", adding that ...", ", calling it ...": the same source goes on.
	for i := primary + 1; i < b; i++ {
		if !isComma(d.toks[i-1].key) || d.inQuote(i) || !lex.enPart[d.toks[i].key] {
			continue
		}
		fs = append(fs, found{start: i, source: fs[0].source, via: fs[0].via, typ: Continuation, cue: [2]int{i, i + 1}})
	}
	return fs
}

// enVerb returns the English reporting verb token t is.
func (d *doc) enVerb(t *token) (verb, bool) {
	if t.w > 0 {
		r := d.a.words.enVerb[t.w-1]
		return r.v, r.ok
	}
	if !t.may(fEnVerb) {
		return verb{}, false
	}
	v, ok := d.a.lex.enVerbs[t.key]
	return v, ok
}

// enTrailing finds, after token i, a reporting verb that closes the
// sentence behind a comma: ", Axios reported", ", the ministry said on
// Monday", ", the paper said, citing officials".
func (d *doc) enTrailing(i, b int) (int, verb, bool) {
	lex := d.a.lex
	for k := b - 1; k > i; k-- {
		t := d.toks[k]
		if t.kind != tWord || !t.may(fEnVerb) || d.inQuote(k) {
			continue
		}
		v, ok := d.enVerb(&t)
		if !ok || v.class == vTell && t.key != "told" || t.key == "according" || t.key == "citing" || t.key == "quoting" || lex.enPart[t.key] {
			continue
		}
		s0 := d.segStart(i, k)
		if s0 <= i || !isComma(d.toks[s0-1].key) || k-s0 > 6 || s0 == k {
			continue
		}
		// After the verb: the end, or a few words ("on Monday", "in a
		// statement") and then the end or a comma before a chain.
		e := k + 1
		for e < b && d.toks[e].kind != tPunct && e-k <= 6 {
			w := d.toks[e].key
			if w == "that" || beForms[w] || enModal[w] {
				break
			}
			if _, ok := d.enVerb(&d.toks[e]); ok && !lex.enPart[w] {
				break
			}
			e++
		}
		if e < b && !isComma(d.toks[e].key) {
			continue
		}
		return k, v, true
	}
	return 0, verb{}, false
}

// enPrevious returns the source of one of the last few claims that an
// English pronoun can stand for: "he" and "she" a person or a single
// official, "it" a body or outlet, "they" several people or a body.
func (d *doc) enPrevious(g byte) (src, bool) {
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		s := d.csrc[i]
		person := s.kind == outlet.Person || s.entry == nil && s.head == "" && (s.kind == outlet.Official || s.kind == outlet.Anonymous) && s.gender != 'p'
		// "Smith said": a lone unknown name may be a person or a body.
		either := s.entry == nil && s.head == "" && s.noun == "" && s.kind == outlet.Organization && !strings.Contains(s.name, " ")
		ok := false
		switch g {
		case 'm', 'f':
			ok = (person || either) && (s.gender == g || s.gender == '?' || s.entry == nil)
		case 'n':
			ok = !person && s.gender != 'p'
		case 'p':
			ok = s.gender == 'p' || !person
		}
		if ok {
			return s, true
		}
	}
	return src{}, false
}

// enTrap reports sentences in the writer's own voice: "It is believed
// that", "It is worth noting", "is expected to".
func (d *doc) enTrap(a, b int) bool {
	if b-a >= 3 && d.toks[a].key == "it" && d.is(&d.toks[a+1], wBeForms) && !(a+3 < b && d.toks[a+3].key == "by") {
		switch d.toks[a+2].key {
		case "believed", "expected", "thought", "said", "reported", "understood", "worth", "likely", "feared", "estimated", "known", "alleged", "claimed", "rumoured", "rumored", "noteworthy":
			return true
		}
	}
	return false
}

// enHeadline reads "Pentagon: No sign of ...".
func (d *doc) enHeadline(a, b, si int) (found, bool) {
	if si != 0 {
		return found{}, false
	}
	colon := -1
	for i := a; i < b && i < a+6; i++ {
		if d.toks[i].kind == tPunct && isColon(d.toks[i].key) {
			colon = i
			break
		}
	}
	if colon <= a || colon+1 >= b {
		return found{}, false
	}
	val, end := d.match(a, false)
	if a < b && d.toks[a].key == "the" {
		val, end = d.match(a+1, false)
	}
	nameEnd := end
	if val != nil && end+1 == colon && d.toks[end].key == "exclusive" {
		end++ // "Reuters exclusive: ...": the outlet's own report
	}
	// "Blinken in Cairo: ...": where the source spoke, in a heading.
	if val != nil && val.entry != nil && end+1 < colon && colon-end <= 3 && d.toks[end].key == "in" && (d.block.Kind == Heading || d.block.Kind == Title || d.firstBlock) {
		place := true
		for k := end + 1; k < colon; k++ {
			place = place && d.toks[k].kind == tWord && d.toks[k].upper
		}
		if place {
			end = colon
		}
	}
	if val == nil || end != colon {
		// "Israeli official: ...", "Sources: ..." in a title: unnamed
		// people speak.
		heading := d.block.Kind == Heading || d.block.Kind == Title || d.firstBlock
		if sn, ok := d.a.lex.enSourceHead[d.toks[colon-1].key]; heading && ok && colon-a <= 4 && sn.kind != "" {
			for k := a; k < colon; k++ {
				if d.toks[k].kind != tWord && !transparent(d.toks[k]) {
					return found{}, false
				}
			}
			sr := src{name: d.text(a, colon), kind: outlet.Kind(sn.kind), gender: sn.gender, noun: d.toks[colon-1].key}
			d.mention(sr)
			return found{start: a, source: sr, typ: Headline, cue: [2]int{a, colon + 1}}, true
		}
		return found{}, false
	}
	sr, ok := d.resolve(val, a, nameEnd)
	if !ok || sr.entry == nil {
		return found{}, false
	}
	d.mention(sr)
	return found{start: a, source: sr, typ: Headline, cue: [2]int{a, colon + 1}}, true
}

// enClause reads the clause whose verb is token i.
func (d *doc) enClause(a, i, b int, v verb) (found, bool) {
	f := found{start: a, typ: Indirect, cue: [2]int{i, i + 1}, deny: v.deny}
	var sr src
	var ok bool
	quoteFirst := false
	// Where the subject ends: skip "has", "also" back from the verb.
	j := i
	for j > a && d.is(&d.toks[j-1], wEnAux) {
		j--
	}
	switch {
	case j > a+1 && (isComma(d.toks[j-1].key) && d.roles[j-2] == -1 || d.roles[j-1] == -1 && isComma(d.toks[j-2].key)):
		// "\"...,\" said X": the subject follows the verb.
		quoteFirst = true
		sr, _, ok = d.enNPAfter(i+1, b)
	case j > a && isComma(d.toks[j-1].key) && j == i && d.postposed(i, b):
		// "..., said the official, who ...": the subject follows.
		sr, _, ok = d.enNPAfter(i+1, b)
	case j > a && isComma(d.toks[j-1].key):
		// An apposition or a chain between subject and verb.
		c1 := j - 1
		c0 := c1 - 1
		for c0 > a && !isComma(d.toks[c0].key) && d.roles[c0] != -1 {
			c0--
		}
		if c0 <= a || !isComma(d.toks[c0].key) {
			// ", Bloomberg reported," is not an apposition: the subject
			// is the words before the comma.
			sr, ok = d.enSubject(d.segStart(a, c1), c1)
			break
		}
		app0, app1 := c0+1, c1
		head0 := d.segStart(a, c0)
		if k := d.toks[app0].key; k == "citing" || k == "quoting" {
			sr, ok = d.enSubject(head0, c0)
			if ok {
				if vs, _, vok := d.enNPAfter(app0+1, app1); vok {
					f.via = append(f.via, vs)
				}
			}
			break
		}
		if c := d.enLeadConduit(app0, app1); c != nil {
			// "Israeli officials, speaking to The Times of Israel, said":
			// whom the subject spoke to, not a name.
			sr, ok = d.enSubject(head0, c0)
			f.conduit = c
			break
		}
		if k := d.toks[app0].key; k == "which" || k == "who" || k == "whose" || k == "whom" {
			// "Fars, which is close to the Guards, said": a relative
			// clause says something of the subject.
			sr, ok = d.enSubject(head0, c0)
			break
		}
		sr, ok = d.enSubjectApp(head0, c0, app0, app1)
		if d.roles[head0] == 0 && head0 > a && d.roles[head0-1] == -1 && d.quoteFromStart(head0-1, a) {
			quoteFirst = true
		}
	default:
		s0 := d.segStart(a, j)
		if s0 > a && enSubordinate[d.toks[s0-1].key] {
			return found{}, false // "after the chipmaker reported results"
		}
		if s0 > a && d.roles[s0-1] == -1 && d.quoteFromStart(s0-1, a) || s0 > a+1 && isComma(d.toks[s0-1].key) && d.roles[s0-2] == -1 && d.quoteFromStart(s0-2, a) {
			quoteFirst = true
		}
		sr, ok = d.enSubject(s0, j)
		if !ok && s0-1 > a && (d.toks[s0-1].key == "who" || d.toks[s0-1].key == "that") && d.text(s0-1, s0) != "WHO" {
			// "Officials who spoke to the press said": the relative
			// clause tells of the subject before it, and maybe of whom
			// it spoke to.
			if h0 := d.segStart(a, s0-1); h0 < s0-1 {
				if sr, ok = d.enSubject(h0, s0-1); ok {
					f.conduit = d.enLeadConduit(s0-1, j)
					break
				}
			}
		}
		if ok && s0 > a {
			// "In an interview with the BBC, Starmer said".
			f.conduit = d.enLeadConduit(a, s0)
			// "Citing two officials, the paper said".
			if k := d.toks[a].key; (k == "citing" || k == "quoting") && s0-1 > a+1 {
				if vs, _, vok := d.enNPAfter(a+1, s0-1); vok {
					f.via = append(f.via, vs)
				}
			}
		}
	}
	if !ok {
		return found{}, false
	}
	// The content came before: "Prices will rise, the bank predicted".
	trailing := false
	if s0 := d.segStart(a, j); s0 > a+1 && isComma(d.toks[s0-1].key) {
		if ti, _, tok := d.enTrailing(a, b); tok && ti == i {
			trailing = true
		}
	}
	docSubject := false
	for k := d.segStart(a, j); k < j; k++ {
		if enDocNouns[d.toks[k].key] {
			docSubject = true
		}
	}
	if sr.entry == nil && sr.name == "" && sr.gender != 0 {
		// A pronoun: the previous source goes on.
		prev, pok := d.enPrevious(sr.gender)
		if !pok {
			return found{}, false
		}
		f.source = prev
		f.typ = Continuation
		d.enTail(&f, i+1, b)
		return f, true
	}
	f.source = sr
	d.mention(sr)
	if sr.anaphor {
		f.typ = Anaphora
	}
	cs, direct, that := d.enTail(&f, i+1, b)
	if quoteFirst {
		direct = true
	}
	if (v.class == vAnnounce || v.class == vBelieve) && !that && !direct && !trailing {
		return found{}, false
	}
	// "Data from the statistics office showed ...", "a study found that
	// ...": a document speaks for its issuer, named.
	if v.class == vShow && !(docSubject && (that || trailing || sr.entry != nil || sr.head != "")) {
		return found{}, false
	}
	// "The economy added 254,000 jobs", "Smith wrote a book": these verbs
	// report only with a clause, a colon or a quotation after them.
	if enNeedsClause[d.toks[i].key] && !that && !direct && !trailing && !quoteFirst && !d.enClauseAfter(i+1, b) {
		return found{}, false
	}
	if v.class == vAnnounce && d.enEvent(cs, b) {
		return found{}, false // "announced that it would host a summit": an event
	}
	if !direct && (d.toks[i].key == "called" || d.toks[i].key == "described") {
		// "called X \"a good day\"": the words are quoted.
		for k := i + 1; k < b && k < i+10; k++ {
			if d.toks[k].kind == tPunct && isQuote(d.toks[k].key) && d.roles[k] != -1 {
				// The quoted words are what was said, whatever adverb
				// follows them ("... as \"the sick man\" again").
				direct = d.wholeQuote(k, b) || d.roles[k] == 1 && d.closeOf(k) >= b-2
				break
			}
		}
	}
	// "the chipmaker reported quarterly results": an event, not a claim.
	if (d.toks[i].key == "reported" || d.toks[i].key == "reports") && !that && !direct && !sr.isMedia() && i+1 < b && d.toks[i+1].kind == tWord {
		return found{}, false
	}
	if !direct && that && d.wholeQuote(cs, b) {
		direct = true
	}
	if direct && f.typ == Indirect && sr.kind != outlet.Anonymous {
		f.typ = Direct
	}
	return f, true
}

// quoteFromStart reports whether the quotation closed at c opened at the
// start of the sentence (a): the words before the verb are all quoted,
// not a phrase ("Kim called it an \"alliance\", KCNA reported").
func (d *doc) quoteFromStart(c, a int) bool {
	depth := 0
	for k := c; k >= a; k-- {
		depth -= int(d.roles[k])
		if depth == 0 {
			for _, t := range d.toks[a:k] {
				if t.kind != tPunct {
					return false
				}
			}
			return true
		}
	}
	return false
}

// closeOf returns the index of the mark closing the quotation opened at
// i, or len(toks) when it never closes.
func (d *doc) closeOf(i int) int {
	depth := 0
	for k := i; k < len(d.toks); k++ {
		depth += int(d.roles[k])
		if depth == 0 {
			return k
		}
	}
	return len(d.toks)
}

// enEvent reports an announced event at i: "it will host", "they would
// hold".
func (d *doc) enEvent(i, b int) bool {
	if i+2 >= b {
		return false
	}
	if _, ok := d.a.lex.enPronouns[d.toks[i].key]; !ok {
		return false
	}
	if w := d.toks[i+1].key; w != "will" && w != "would" {
		return false
	}
	switch d.toks[i+2].key {
	case "host", "hold", "launch", "open", "unveil", "release", "organize", "organise", "stage", "start", "begin":
		return true
	}
	return false
}

// postposed reports "..., said the official." or "..., said X, who ...":
// a short noun phrase after the verb that ends the sentence or a comma.
func (d *doc) postposed(i, b int) bool {
	if i+1 >= b {
		return false
	}
	if n := d.toks[i+1]; n.key != "the" && n.key != "a" && n.key != "an" && !n.upper {
		return false
	}
	_, end, ok := d.enNPAfter(i+1, b)
	if !ok || end-i > 7 || end < b && !isComma(d.toks[end].key) {
		return false
	}
	for k := i + 1; k < end; k++ {
		if d.is(&d.toks[k], wEnAux) || d.is(&d.toks[k], wBeForms) || d.is(&d.toks[k], wEnModal) {
			return false // "said Kyiv would not cede": a clause, not a subject
		}
	}
	return d.sourceLike(i+1, end)
}

// sourceLike reports whether the words [i, j) can name a source: a name,
// a registry entry, or a phrase headed by a source or type noun — not
// "the outlook depended largely on China".
func (d *doc) sourceLike(i, j int) bool {
	lex := d.a.lex
	for k := i; k < j; k++ {
		t := d.toks[k]
		if t.kind != tWord {
			continue
		}
		if _, ok := lex.enSourceHead[t.key]; ok {
			return true
		}
		if _, ok := lex.enTypeNouns[t.key]; ok {
			return true
		}
		if d.is(&t, wEnTitleWords) && !d.is(&t, wEnDeterminers) {
			return true
		}
		if val, _ := d.match(k, false); val != nil {
			return true
		}
	}
	return d.nameRun(i, j) >= 1 && d.toks[d.skipThe(i, j)].upper
}

var enModal = map[string]bool{"would": true, "will": true, "could": true, "can": true, "may": true, "might": true, "must": true,
	"should": true, "had": true, "has": true, "have": true, "did": true, "does": true, "do": true, "not": true}

// enLeadConduit finds "in an interview with X" or "speaking to X" before
// the subject, for the conduit.
func (d *doc) enLeadConduit(a, e int) *src {
	for k := a; k+1 < e; k++ {
		p, w := d.toks[k].key, d.toks[k+1].key
		switch {
		case (p == "interview" || p == "speaking" || p == "talking" || p == "remarks" || p == "comments" || p == "spoke" || p == "talked") && (w == "with" || w == "to"),
			// "Speaking on CNN's State of the Union".
			(p == "speaking" || p == "appearing") && w == "on":
			if s, _, ok := d.enMedia(k+2, e); ok {
				return ptr(s)
			}
		case p == "told" && k > a && d.toks[k-1].key == "who":
			// "The official, who told Reuters ..., said".
			if s, _, ok := d.enMedia(k+1, e); ok {
				return ptr(s)
			}
		}
	}
	return nil
}

// clauseBreak reports a word at k that opens a clause: "that", "who" ...
// but not "WHO" in capitals, the World Health Organization.
func (d *doc) clauseBreak(k int) bool {
	t := &d.toks[k]
	return d.is(t, wEnClauseBreak) && !(t.key == "who" && d.text(k, k+1) == "WHO")
}

// segStart returns where the clause segment ending at e starts: after a
// comma, a quotation, a colon or a clause word.
func (d *doc) segStart(a, e int) int {
	k := e
	for k > a {
		t := d.toks[k-1]
		if t.kind == tPunct && (isComma(t.key) || isColon(t.key) || d.roles[k-1] == -1 || d.roles[k-1] == 1 || t.key == ";" || t.key == "(" || t.key == ")") {
			break
		}
		if d.clauseBreak(k - 1) {
			break
		}
		k--
	}
	return k
}

// enSubjectApp resolves "HEAD, APPOSITION," before a verb: a title with a
// name in the apposition is that person ("Britain's new prime minister,
// Keir Starmer,"), else the head is the source.
func (d *doc) enSubjectApp(h0, h1, a0, a1 int) (src, bool) {
	hs, hok := d.enSubject(h0, h1)
	if hok && hs.entry != nil && hs.entry.Kind == outlet.Person {
		return hs, true
	}
	// "The U.N. humanitarian office, OCHA,": the name is the source.
	if val, end := d.match(d.skipThe(a0, a1), false); val != nil && end == a1 {
		if as, ok := d.resolve(val, a0, a1); ok {
			return as, true
		}
	}
	if d.nameRun(h0, h1) < 2 {
		if as, aok := d.enSubject(a0, a1); aok && (as.entry != nil && as.entry.Kind == outlet.Person || as.kind == outlet.Person && as.name != "") {
			return as, true
		}
	}
	return hs, hok
}

// nameRun returns the number of tokens of the run of capitalised words
// ending the span [i, j), particles ("al", "de la") allowed inside it.
func (d *doc) nameRun(i, j int) int {
	start := j
	for k := j - 1; k >= i; k-- {
		t := d.toks[k]
		switch {
		case t.kind == tWord && t.upper && !d.is(&t, wEnTitleWords) && !d.is(&t, wEnDeterminers):
			start = k
		case t.kind == tWord && d.a.lex.enLower[t.key] && k > i && start < j:
		case transparent(t) && start < j:
		default:
			return j - start
		}
	}
	return j - start
}

// enSubject resolves the words [i, j) before a verb to a source.
func (d *doc) enSubject(i, j int) (src, bool) {
	if i >= j || j-i > 12 {
		return src{}, false
	}
	lex := d.a.lex
	first := d.toks[i].key
	if j-i == 1 {
		if g, ok := lex.enPronouns[first]; ok {
			return src{gender: g}, true
		}
	}
	// "Attaf added": a person named in full earlier.
	if k := d.skipTitleAbbr(i, j); j-k == 1 && d.toks[k].upper {
		if s, ok := d.partialPerson(k, j); ok {
			return s, true
		}
	}
	// "Data from the statistics office", "a report by Amnesty": the
	// issuer.
	{
		k := i
		if k < j && (d.toks[k].key == "a" || d.toks[k].key == "the" || d.toks[k].key == "an") {
			k++
		}
		for k < j && d.toks[k].kind == tWord && !d.toks[k].upper && enDocAdj[d.toks[k].key] {
			k++
		}
		if k+2 < j && enDocNouns[d.toks[k].key] && (d.toks[k+1].key == "by" || d.toks[k+1].key == "from" || d.toks[k+1].key == "of") {
			if s, ok := d.enSubject(k+2, j); ok && (s.entry != nil || s.name != "") {
				return s, true
			}
		}
		// "Figures released by the World Bank on Tuesday".
		if k+3 < j && enDocNouns[d.toks[k].key] && enIssued[d.toks[k+1].key] && d.toks[k+2].key == "by" {
			e := j
			if e-2 > k+3 && d.toks[e-2].key == "on" && enCalendar[d.toks[e-1].key] {
				e -= 2
			}
			if s, ok := d.enSubject(k+3, e); ok && (s.entry != nil || s.name != "") {
				return s, true
			}
		}
	}
	// "The report", "the statement": the issuer.
	if j-i == 2 && first == "the" && (d.toks[i+1].key == "report" || d.toks[i+1].key == "statement") {
		if s, ok := d.issuer(); ok {
			s.anaphor = true
			return s, true
		}
	}
	// "His office added", "its agency said": a possessive before a type
	// noun points back as "the" does.
	if j-i == 2 && (first == "his" || first == "her" || first == "its" || first == "their") {
		head := d.toks[i+1].key
		if _, ok := lex.enTypeNouns[head]; ok || len(d.a.m.heads[head]) > 0 {
			if s, ok := d.enAnaphorMod(head, true, nil); ok {
				s.anaphor = true
				return s, true
			}
		}
	}
	// "A spokeswoman for the ministry": the body named before speaks
	// through her.
	if j-i >= 4 && j-i <= 5 && isSpokes(d.toks[j-4].key) && d.toks[j-3].key == "for" && d.toks[j-2].key == "the" {
		head := d.toks[j-1].key
		if _, ok := lex.enTypeNouns[head]; ok {
			if s, ok := d.enAnaphorMod(head, true, nil); ok {
				s.anaphor = true
				s.noun = d.toks[j-4].key
				return s, true
			}
		}
	}
	// "The former boxer", "the 61-year-old": an epithet of the person who
	// spoke last.
	_, title := lex.enSourceHead[d.toks[j-1].key]
	_, typed := lex.enTypeNouns[d.toks[j-1].key]
	if first == "the" && !title && !typed && !d.is(&d.toks[j-1], wEnTitleWords) &&
		(j-i >= 3 && j-i <= 4 && (d.toks[i+1].key == "former" || d.toks[i+1].key == "veteran") || j-i <= 7 && strings.HasSuffix(d.text(i+1, j), "-year-old")) {
		for k, n := len(d.csrc)-1, 0; k >= 0 && n < 2; k, n = k-1, n+1 {
			if m := d.csrc[k]; m.kind == outlet.Person || m.entry != nil && m.entry.Kind == outlet.Person {
				m.anaphor = true
				return m, true
			}
		}
	}
	// "The Post" after "The Washington Post": the last word of a name
	// just used.
	if first == "the" && j-i == 2 && d.toks[i+1].upper {
		if s, ok := d.enShortName(d.toks[i+1].key); ok {
			s.anaphor = true
			return s, true
		}
	}
	// "Tehran's foreign ministry", "Moscow's defence ministry": a body
	// named by its country's capital, when one registered body of that
	// country has the rest of the phrase in its name.
	if j-i >= 4 && j-i <= 6 && d.toks[i+1].key == "'s" {
		if cc := enCapitals[d.toks[i].key]; cc != "" {
			if e := d.countryBody(cc, d.text(i+2, j)); e != nil {
				return d.a.m.src(e), true
			}
		}
	}
	// A registry name that is the whole phrase: "The Pentagon".
	if val, end := d.match(d.skipThe(i, j), false); val != nil && end == j {
		if s, ok := d.resolve(val, i, j); ok {
			return s, true
		}
	}
	// "The official", "the spokesman", "the witnesses": the person or
	// official speaking just before.
	if first == "the" && j-i == 2 {
		if sn, ok := lex.enSourceHead[d.toks[i+1].key]; ok {
			if s, ok := d.recentSpeaker(d.toks[i+1].key, sn.gender == 'p'); ok {
				s.anaphor = true
				return s, true
			}
		}
	}
	// "Analysts at Goldman Sachs", "officials in Kyiv": people in a body
	// or a place, unnamed; the body is whom they speak for.
	if s, ok := d.enPeopleIn(i, j); ok {
		return s, true
	}
	// "The paper", "the agency", "the Israeli military", "the state-run
	// news agency", "the Iran-backed group": an earlier source.
	if first == "the" && j-i <= 7 && d.enModifiers(i+1, j-1) {
		head := d.toks[j-1].key
		if _, ok := lex.enTypeNouns[head]; ok || len(d.a.m.heads[head]) > 0 {
			if s, ok := d.enAnaphorMod(head, j-i == 2, d.toks[i+1:j-1]); ok {
				s.anaphor = true
				return s, true
			}
		}
	}
	// Registry names within the words.
	var person, body *src
	bodyAt := -1
	for k := i; k < j; k++ {
		if d.toks[k].kind != tWord {
			continue
		}
		val, end := d.match(k, false)
		if val == nil || end > j {
			continue
		}
		s, ok := d.resolve(val, k, end)
		if !ok {
			continue
		}
		// "Britain's foreign secretary David Lammy": a name after a role
		// says who held it, whatever the registry's dates say.
		if val.entry == nil {
			n := end
			for n < j && (d.toks[n].kind == tWord && d.toks[n].upper && !d.is(&d.toks[n], wEnTitleWords) || n > end && d.a.lex.enLower[d.toks[n].key]) {
				n++
			}
			if n-end >= 2 {
				_, org := d.a.reg.Holder(val.role, time.Time{})
				office := n+1 < j && d.toks[n].key == "'s" && enOffice[d.toks[n+1].key]
				if pv, pend := d.match(end, false); pv != nil && pv.entry != nil && pv.entry.Kind == outlet.Person && pend <= j {
					p, _ := d.resolve(pv, end, pend)
					if p.org == nil {
						p.org = org
					}
					if office && p.org != nil {
						return d.a.m.src(p.org), true // "... Benjamin Netanyahu's office"
					}
					return p, true
				}
				if office && org != nil {
					return d.a.m.src(org), true
				}
				return src{name: d.text(end, n), kind: outlet.Person, gender: '?', org: org}, true
			}
		}
		// "Hamas-run", "Iran-backed": a name made an adjective.
		if end+1 < j && d.toks[end].key == "-" && enNameAdj[d.toks[end+1].key] {
			k = end
			continue
		}
		if s.entry != nil && s.entry.Kind == outlet.Person {
			// "Netanyahu's office said", "Prime Minister Benjamin
			// Netanyahu's office said": the office, the body the person
			// heads on the date.
			for e := end; e+1 < j && e <= end+4; e++ {
				if d.toks[e].key == "'s" && enOffice[d.toks[e+1].key] {
					if s.org != nil {
						return d.a.m.src(s.org), true
					}
					return src{name: d.text(i, j), kind: outlet.Official, gender: 'n'}, true
				}
			}
			p := s
			person = &p
			break
		}
		if s.isMedia() && k > i && d.toks[k-1].upper && !d.is(&d.toks[k-1], wEnTitleWords) && !d.is(&d.toks[k-1], wEnDeterminers) && d.toks[k-1].key != "'s" {
			// "The Kyiv Independent" is not The Independent.
			k = end - 1
			continue
		}
		if s.entry != nil && body == nil && d.toks[k].upper && (k == i || !enPrep[d.toks[k-1].key] || d.spokesFor(i, k)) && !(k > i && d.toks[k-1].key == "the" && k-1 > i && enPrep[d.toks[k-2].key] && !d.spokesFor(i, k-1)) {
			bb := s
			body, bodyAt = &bb, k
		}
		k = end - 1
	}
	if person != nil {
		return *person, true
	}
	if body == nil || bodyAt > d.skipThe(i, j) {
		// A misspelt name: "The Wall Street Jounral", "The Finacial Times".
		k := d.skipThe(i, j)
		if k+2 < j && d.toks[k+1].key == "-" && enNameAdj[d.toks[k+2].key] {
			k += 3 // "Hamas-run Gaza's health ministry"
		}
		if k < j && d.toks[k].upper && j-k <= 4 && d.lex().enSourceHead[d.toks[j-1].key] == (sourceNoun{}) {
			if e, end := d.matchFuzzy(k, ""); e != nil && end == j {
				return d.a.m.src(e), true
			}
		}

	}
	// A name after a title: "Hamas official Osama Hamdan".
	if n := d.nameRun(i, j); n >= 2 && (body == nil || j-n >= d.bodyEnd(bodyAt, j)) {
		// "The Sudanese Doctors Union", "the Central Bureau of
		// Statistics": a body, not a person.
		for k := j - 1; k >= j-n; k-- {
			if tn, ok := lex.enTypeNouns[d.toks[k].key]; ok && d.toks[k].upper {
				return src{name: d.text(j-n, j), kind: kindOf(tn), gender: 'n', head: d.toks[k].key}, true
			}
		}
		if enPaperWords[d.toks[j-1].key] {
			// "the Sudan Tribune": a newspaper, not a man of that name.
			return src{name: d.text(j-n, j), kind: outlet.Newspaper, gender: 'n'}, true
		}
		s := src{name: d.text(j-n, j), kind: outlet.Person, gender: '?'}
		if body != nil {
			s.org = body.entry
		}
		// The title before the name, so "the minister" later finds the
		// minister, not whoever spoke last.
		if t := j - n - 1; t >= i && d.toks[t].kind == tWord && !d.toks[t].upper || t >= i && d.is(&d.toks[t], wEnTitleWords) {
			s.noun = d.toks[t].key
		}
		if q, ok := d.partialPerson(j-n, j); ok {
			return q, true
		}
		return s, true
	}
	if body != nil {
		// "A European Union negotiator", "Pentagon officials": unnamed
		// people in the body, not the body speaking (a spokesman is, and
		// "the spokesman" later stands for the body).
		for k := d.bodyEnd(bodyAt, j); k < j; k++ {
			sn, ok := lex.enSourceHead[d.toks[k].key]
			if !ok {
				continue
			}
			if body.isMedia() && enStaff[d.toks[k].key] {
				return *body, true // "a Reuters witness": the outlet's own
			}
			if sn.kind == "anonymous" {
				return src{name: d.text(i, j), kind: outlet.Anonymous, gender: sn.gender, noun: d.toks[k].key, org: body.entry}, true
			}
			if isSpokes(d.toks[k].key) {
				b := *body
				b.noun = d.toks[k].key
				return b, true
			}
		}
		return *body, true
	}
	// An outlet named with its type noun: "Jordan's Al-Ghad newspaper",
	// "Egyptian news website Mada Masr".
	if tn, ok := lex.enTypeNouns[d.toks[j-1].key]; ok && j-i >= 2 && d.toks[j-2].upper && !d.is(&d.toks[j-2], wEnDeterminers) {
		k := j - 1
		for k > i && (d.toks[k-1].upper || transparent(d.toks[k-1])) && !d.is(&d.toks[k-1], wEnDeterminers) {
			k--
		}
		return src{name: d.text(k, j-1), kind: kindOf(tn), gender: 'n', head: d.toks[j-1].key}, true
	}
	// "a spokesman for the ministry", "officials", "Families of the
	// victims", "DTEK".
	for k := i; k < j; k++ {
		if sn, ok := lex.enSourceHead[d.toks[k].key]; ok {
			return src{name: d.text(i, j), kind: outlet.Kind(sn.kind), gender: sn.gender, noun: d.toks[k].key}, true
		}
	}
	if (d.toks[i].upper || first == "the" || first == "a" || first == "an") && !enDeterminers[first] || first == "the" || first == "a" || first == "an" {
		for k := i; k < j; k++ {
			if _, ok := d.enVerb(&d.toks[k]); ok || d.is(&d.toks[k], wBeForms) {
				return src{}, false // a clause, not a noun phrase
			}
		}
		if j-i > 7 {
			return src{}, false
		}
		kind := outlet.Organization
		if d.nameRun(i, j) == j-i && j-i >= 2 {
			kind = outlet.Person
		}
		// "Lebanon's health ministry", "the central bank": the type noun
		// lets "the ministry" point back to it.
		head := ""
		for k := j - 1; k >= i; k-- {
			if tn, ok := lex.enTypeNouns[d.toks[k].key]; ok {
				head = d.toks[k].key
				kind = kindOf(tn)
				break
			}
		}
		if !d.toks[i].upper && head == "" {
			kind = outlet.Anonymous
		}
		g := byte('?')
		if head != "" {
			g = 'n'
		}
		// "Shipping giant Maersk", "US carmaker Tesla": a description,
		// then the name.
		if n := d.nameRun(i, j); head == "" && n >= 1 && n < j-i {
			if p := d.toks[j-n-1]; p.kind == tWord && !p.upper && !d.a.lex.enLower[p.key] && !enDeterminers[p.key] {
				return src{name: d.text(j-n, j), kind: outlet.Organization, gender: g}, true
			}
		}
		return src{name: d.text(i, j), kind: kind, gender: g, head: head}, true
	}
	return src{}, false
}

// bodyEnd returns the end of the registry name at k.
func (d *doc) bodyEnd(k, j int) int {
	if k < 0 {
		return 0
	}
	_, end := d.match(k, false)
	return min(end, j)
}

func (d *doc) skipThe(i, j int) int {
	if i < j && d.toks[i].key == "the" {
		return i + 1
	}
	return i
}

// enStaff are an outlet's own people: what "a Reuters witness" saw,
// Reuters reports.
var enStaff = map[string]bool{"witness": true, "reporter": true, "reporters": true, "correspondent": true, "correspondents": true,
	"journalist": true, "journalists": true, "photographer": true, "cameraman": true, "team": true, "crew": true}

// isSpokes reports a word for a spokesperson.
func isSpokes(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons", "spokesmen":
		return true
	}
	return false
}

// enPeopleIn reads "analysts at Goldman Sachs", "U.S. officials in
// Baghdad", "two diplomats familiar with the talks": unnamed people
// headed by a source noun, with a preposition after it. The body after
// the preposition, if registered, is whom they speak for.
func (d *doc) enPeopleIn(i, j int) (src, bool) {
	lex := d.a.lex
	for k := i; k < j-1; k++ {
		t := d.toks[k]
		sn, ok := lex.enSourceHead[t.key]
		if !ok {
			// Determiners, numbers, adjectives and nationalities may come
			// first: "two senior U.S. officials".
			if t.kind == tWord && (!t.upper || k == i || d.is(&t, wEnTitleWords) || lex.quantity[t.key]) || t.kind == tNum || transparent(t) {
				continue
			}
			if t.kind == tWord && t.upper && t.flags&fName == 0 {
				continue // "Israeli", "Western"
			}
			return src{}, false
		}
		if sn.kind != "anonymous" {
			return src{}, false
		}
		p := d.toks[k+1].key
		if !enPrep[p] && p != "familiar" && p != "close" && p != "briefed" && p != "involved" && p != "knowledgeable" {
			return src{}, false
		}
		s := src{name: d.text(i, j), kind: outlet.Anonymous, gender: sn.gender, noun: t.key}
		for m := k + 2; m < j; m++ {
			if val, _ := d.match(m, false); val != nil && val.entry != nil && val.entry.Kind != outlet.Person {
				s.org = val.entry
				break
			}
		}
		return s, true
	}
	return src{}, false
}

// spokesFor reports "a spokesman for X" up to token k: X speaks through
// the spokesman, so X is the source.
func (d *doc) spokesFor(i, k int) bool {
	for m := k - 1; m >= i && m >= k-4; m-- {
		switch d.toks[m].key {
		case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons":
			return d.toks[m+1].key == "for"
		}
	}
	return false
}

// enAnaphor finds the latest source whose English type noun is head.
func (d *doc) enAnaphor(head string, bare bool) (src, bool) {
	return d.enAnaphorMod(head, bare, nil)
}

// enAnaphorMod is enAnaphor for a type noun with modifiers: a lower-case
// word among them that says what the body does ("the interior ministry")
// must be in the name of the source it points to, or it names another
// body.
func (d *doc) enAnaphorMod(head string, bare bool, mods []token) (src, bool) {
	// The source of a recent claim first: "the agency said" goes on with
	// the agency that was speaking.
	tn, typed := d.a.lex.enTypeNouns[head]
	fits := func(m src) bool {
		for _, t := range mods {
			if t.kind != tWord || t.upper || enGenericAdj[t.key] || strings.HasSuffix(t.key, "ed") {
				continue
			}
			found := false
			names := []string{m.name}
			if m.entry != nil {
				names = m.entry.Names()
			}
			for _, n := range names {
				if strings.Contains(strings.ToLower(n), t.key) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	same := func(m src) bool {
		if !fits(m) {
			return false
		}
		if m.head == head || m.entry != nil && (d.a.m.hasHead(m.entry, head) || enSameHead(m.entry.Head.En, head)) ||
			m.entry == nil && m.head != "" && enSameHead(m.head, head) {
			return true
		}
		// "Toyota said ... The carmaker said": a name with no type noun,
		// taken for a company or a group, when nothing qualifies the noun.
		return bare && typed && tn.kinds[0] == "organization" && m.entry == nil && m.head == "" && m.noun == "" && m.kind == outlet.Organization
	}
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		if m := d.csrc[i]; same(m) {
			return m, true
		}
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		if m := d.mentions[i]; same(m) {
			return m, true
		}
	}
	if tn, ok := d.a.lex.enTypeNouns[head]; ok {
		for i := len(d.mentions) - 1; i >= 0; i-- {
			m := d.mentions[i]
			if m.entry == nil {
				continue
			}
			// An entry with a head noun of its own ("White House") is not
			// "the ministry": same above found none that fits.
			if tn.kinds[0] == "official" && m.entry.Head.En != "" && head != "body" && head != "group" {
				continue
			}
			k := string(m.entry.Kind)
			// "the group", "the body": an official body or an organization.
			for _, want := range tn.kinds {
				if k == want || want == "official" && k == string(outlet.Organization) {
					return m, true
				}
			}
		}
	}
	return src{}, false
}

// enModifiers reports whether tokens [i, j) are modifiers a type noun
// may carry when it points back: "Israeli", "state-run", "Qatar-based",
// "official news", "U.N. nuclear" — words, hyphens, no verb, no comma.
func (d *doc) enModifiers(i, j int) bool {
	for k := i; k < j; k++ {
		t := d.toks[k]
		switch {
		case t.kind == tWord:
			if _, ok := d.enVerb(&t); ok && !strings.HasSuffix(t.key, "ed") {
				return false
			}
			// "the semi-official Fars news agency" names an outlet of its
			// own; "the U.N. agency" only says whose.
			if val, _ := d.match(k, false); val != nil && val.entry != nil && (val.entry.Kind == outlet.Person || d.a.m.src(val.entry).isMedia()) {
				return false
			}
			if d.is(&t, wEnDeterminers) || enPrep[t.key] || t.key == "and" {
				return false
			}
		case t.key == "-":
		default:
			return false
		}
	}
	return true
}

// skipTitleAbbr skips "Mr." or "Dr." at i.
func (d *doc) skipTitleAbbr(i, j int) int {
	if i+1 < j && d.a.lex.enTitleAbbr[d.toks[i].key] && d.toks[i+1].key == "." {
		return i + 2
	}
	if i < j && d.a.lex.enTitleAbbr[d.toks[i].key] {
		return i + 1
	}
	return i
}

// enShortName finds a recent registered source whose name ends in word
// ("post", "times", "journal"): "the Post" for The Washington Post.
func (d *doc) enShortName(word string) (src, bool) {
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		s := d.csrc[i]
		if s.entry == nil || !s.isMedia() {
			continue
		}
		for _, w := range d.a.m.lastWords[s.entry] {
			if w == word {
				return s, true
			}
		}
	}
	return src{}, false
}

// enNPAfter reads a source after a verb or marker: "said X, an analyst",
// "according to its chief executive, Maxim Timchenko".
func (d *doc) enNPAfter(i, b int) (src, int, bool) {
	for i < b && d.toks[i].kind == tPunct && !isQuote(d.toks[i].key) {
		i++
	}
	// "a report by X", "a statement from X".
	{
		k := i
		if k < b && (d.toks[k].key == "a" || d.toks[k].key == "the" || d.toks[k].key == "an") {
			k++
		}
		for k < b && d.toks[k].kind == tWord && !d.toks[k].upper && enDocAdj[d.toks[k].key] {
			k++ // "a new report", "official figures"
		}
		if k+1 < b && enDocNouns[d.toks[k].key] && (d.toks[k+1].key == "by" || d.toks[k+1].key == "from" || d.toks[k+1].key == "of") {
			i = k + 2
		} else if k+2 < b && enDocNouns[d.toks[k].key] && enIssued[d.toks[k+1].key] && d.toks[k+2].key == "by" {
			i = k + 3 // "a statement released by X"
		}
	}
	end := i
	for end < b && end-i < 10 {
		t := d.toks[end]
		if t.kind == tPunct && !transparent(t) && t.key != "." {
			break
		}
		if d.clauseBreak(end) || t.key == "said" || t.key == "told" {
			break
		}
		if _, ok := d.enVerb(&t); ok && end > i {
			break
		}
		end++
	}
	if end == i {
		return src{}, i, false
	}
	s, ok := d.enSubject(i, end)
	// "its chief executive, Maxim Timchenko": the name in apposition.
	if end < b && isComma(d.toks[end].key) {
		e2 := end + 1
		for e2 < b && d.toks[e2].kind == tWord {
			e2++
		}
		if e2 > end+1 && d.nameRun(end+1, e2) == e2-end-1 && (!ok || s.entry == nil) {
			if as, aok := d.enSubject(end+1, e2); aok {
				return as, e2, true
			}
		}
	}
	if !ok || s.gender != 0 && s.name == "" && s.entry == nil {
		return src{}, i, false
	}
	return s, end, true
}

// enAccording matches "according to", "per", "as reported by" at i.
func (d *doc) enAccording(i, b int) (int, int, bool) {
	k := d.toks[i].key
	switch {
	case k == "according" && i+1 < b && d.toks[i+1].key == "to":
		return i, i + 2, true
	case k == "per" && (i == 0 || isComma(d.toks[i-1].key) || d.toks[i-1].kind == tPunct):
		return i, i + 1, true
	case k == "as" && i+2 < b:
		// "as reported by", "as first reported by".
		j := i + 1
		if enPassiveAdv[d.toks[j].key] {
			j++
		}
		if j+1 < b && (d.toks[j].key == "reported" || d.toks[j].key == "cited") && d.toks[j+1].key == "by" {
			return i, j + 2, true
		}
	}
	return 0, 0, false
}

// enRelative reads a reporting verb after ", which" or ", who" whose
// antecedent is a registered source: "The move drew criticism from Human
// Rights Watch, which said it violated international law". The claim
// starts at the source's name.
func (d *doc) enRelative(a, i int, v verb) (found, bool) {
	if v.class != vSay || i-2 <= a || !isComma(d.toks[i-2].key) || d.toks[i].key == "cited" || d.toks[i].key == "quoted" {
		return found{}, false // "According to X, which cited officials": a chain
	}
	if k := d.toks[i-1].key; k != "which" && k != "who" {
		return found{}, false
	}
	c := i - 2
	k0 := c
	for k0 > a && c-k0 < 6 && d.toks[k0-1].kind == tWord {
		k0--
	}
	// The longest name ending at the comma: "Antony Blinken", not
	// "Blinken".
	for k := k0; k < c; k++ {
		val, end := d.match(k, false)
		if val == nil || end != c || val.entry == nil {
			continue
		}
		sr, ok := d.resolve(val, k, end)
		if !ok || sr.entry == nil {
			return found{}, false
		}
		if k > a && d.toks[k-1].key == "the" {
			k--
		}
		if ms, _, ok := d.enAccording(max(k-2, a), c); ok && ms < k {
			return found{}, false // "According to Reuters, which said": the marker's
		}
		d.mention(sr)
		return found{start: k, source: sr, typ: Indirect, cue: [2]int{i, i + 1}, deny: v.deny}, true
	}
	return found{}, false
}

// enPaperWords end the names of newspapers.
var enPaperWords = map[string]bool{"tribune": true, "times": true, "post": true, "herald": true, "journal": true, "gazette": true,
	"telegraph": true, "observer": true, "chronicle": true, "monitor": true, "express": true, "mirror": true, "courier": true, "inquirer": true}

// enCapitals are capitals standing for their countries, by ISO code.
var enCapitals = map[string]string{"tehran": "IR", "moscow": "RU", "beijing": "CN", "kyiv": "UA", "kiev": "UA",
	"ankara": "TR", "cairo": "EG", "riyadh": "SA", "doha": "QA", "damascus": "SY", "beirut": "LB", "baghdad": "IQ",
	"amman": "JO", "paris": "FR", "berlin": "DE", "london": "GB", "tokyo": "JP", "pyongyang": "KP", "seoul": "KR"}

// countryBody returns the one registered body of country cc whose English
// name holds rest ("foreign ministry"), or nil.
func (d *doc) countryBody(cc, rest string) *outlet.Entry {
	rest = strings.ToLower(rest)
	var found *outlet.Entry
	for _, e := range d.a.reg.Entries() {
		if e.Country != cc || e.Kind == outlet.Person || !strings.Contains(strings.ToLower(e.Name.En), rest) {
			continue
		}
		if found != nil {
			return nil // two: which one is not said
		}
		found = e
	}
	return found
}

// enSaidNothingOf are the words after "said nothing" or "said little"
// that leave no statement made.
var enSaidNothingOf = map[string]bool{"about": true, "on": true, "of": true, "regarding": true, "publicly": true, "since": true, "more": true, "else": true}

// enCoordinated reads a reporting verb after "and" whose subject opens the
// sentence before another verb: "Zelensky thanked allies and said more air
// defence was needed". Only a registered subject counts: the words before
// "and" are not parsed, so the name must be known to be one.
func (d *doc) enCoordinated(a, i, b int, v verb) (found, bool) {
	if i-2 <= a || d.toks[i-1].key != "and" || v.class != vSay {
		return found{}, false
	}
	for k := a + 1; k < i-1 && k-a <= 6; k++ {
		if d.toks[k].kind != tWord || d.toks[k].upper {
			continue
		}
		s, ok := d.enSubject(a, k)
		if !ok || s.entry == nil {
			return found{}, false
		}
		f := found{start: a, source: s, typ: Indirect, cue: [2]int{i, i + 1}, deny: v.deny}
		if _, direct, _ := d.enTail(&f, i+1, b); direct {
			f.typ = Direct
		}
		d.mention(s)
		return f, true
	}
	return found{}, false
}

// enPassiveAdv are the adverbs between "was" or "as" and a report in the
// passive: "was first reported by", "as previously reported by".
var enPassiveAdv = map[string]bool{"first": true, "initially": true, "originally": true, "previously": true, "earlier": true, "also": true}

// enPassive reads a report in the passive whose source follows "by" and
// ends the sentence: "The plan was first reported by Axios". The claim is
// the whole sentence, as "Axios reported the plan" is. Token i is the
// participle.
func (d *doc) enPassive(a, i, b int) (found, bool) {
	switch d.toks[i].key {
	case "reported", "revealed", "disclosed", "confirmed":
	default: // "was announced by": an event, as "X announced the deal" is
		return found{}, false
	}
	if i+2 >= b || d.toks[i+1].key != "by" {
		return found{}, false
	}
	k := i - 1
	for k > a && i-k <= 2 && enPassiveAdv[d.toks[k].key] {
		k--
	}
	// The subject runs from the sentence start to "was", outside any
	// quotation: "It was reported by X that" has its content after.
	if k <= a || !d.is(&d.toks[k], wBeForms) || d.inQuote(k) {
		return found{}, false
	}
	sr, end, ok := d.enNPAfter(i+2, b)
	if !ok || sr.entry == nil && !sr.isMedia() {
		return found{}, false
	}
	if it := k == a+1 && d.toks[a].key == "it"; it != (end < b && d.toks[end].key == "that") {
		return found{}, false // "It was reported by Axios" names no content
	}
	if end < b && !isTerminator(d.toks[end].key) && d.toks[end].key != "that" {
		return found{}, false // "was reported by Axios as saying": more follows
	}
	d.mention(sr)
	return found{start: a, source: sr, typ: AccordingTo, cue: [2]int{k, i + 2}}, true
}

// enTail reads what follows the verb: a conduit ("told Reuters", "in an
// interview with CNN", "posted by its Amaq news agency"), a chain
// ("citing officials", "quoted X as saying"), and "that", a colon or a
// quotation. It returns where the content starts.
func (d *doc) enTail(f *found, i, b int) (int, bool, bool) {
	verbTok := d.toks[i-1].key
	start := i
	for n := 0; i < b && n < 25; i, n = i+1, n+1 {
		t := d.toks[i]
		switch {
		case t.kind == tPunct && isColon(t.key):
			return i + 1, d.wholeQuote(i+1, b), false
		case t.kind == tPunct && d.roles[i] == 1 && i == start:
			return i, d.wholeQuote(i, b), false
		}
		k := t.key
		if k == "that" && n < 12 {
			return i + 1, false, true
		}
		// "told Reuters", "told the Associated Press".
		if (verbTok == "told" || verbTok == "tells" || verbTok == "informed") && n == 0 && f.conduit == nil {
			if s, end, ok := d.enMedia(i, b); ok {
				f.conduit = ptr(s)
				d.mention(s)
				i = end - 1
				continue
			}
		}
		if (k == "with" || k == "to" || k == "by" || k == "in") && i > 0 && f.conduit == nil {
			p := d.toks[i-1].key
			if p == "ed" || p == "column" || p == "article" || p == "editorial" || p == "interview" || p == "speaking" || p == "posted" || p == "published" || p == "carried" || p == "comments" || p == "remarks" || p == "broadcast" || p == "aired" {
				if s, end, ok := d.enMedia(i+1, b); ok {
					f.conduit = ptr(s)
					d.mention(s)
					i = end - 1
					continue
				}
			}
		}
		if n == 0 && (k == "to" || k == "on") && f.conduit == nil {
			// "confirmed to Reuters", "said to CNN".
			if s, end, ok := d.enMedia(i+1, b); ok {
				f.conduit = ptr(s)
				d.mention(s)
				i = end - 1
				continue
			}
		}
		if n == 0 && (verbTok == "quoted" || verbTok == "cited") {
			if s, end, ok := d.enNPAfter(i, b); ok {
				f.via = append(f.via, s)
				d.mention(s)
				i = end - 1
				if i+1 < b && d.toks[i+1].key == "as" {
					i++
				}
				continue
			}
		}
		if k == "citing" || k == "quoting" {
			// A chain names a source: "citing two officials", not
			// "citing weak demand".
			if s, end, ok := d.enNPAfter(i+1, b); ok && (s.entry != nil || s.noun != "" || s.head != "" || s.kind == outlet.Person) {
				f.via = append(f.via, s)
				d.mention(s)
				i = end - 1
				continue
			}
			// "citing delegates familiar with the matter".
			end := i + 1
			for end < b && d.toks[end].kind == tWord && end-i <= 8 && !d.clauseBreak(end) {
				end++
			}
			if end > i+1 && d.sourceLike(i+1, end) {
				f.via = append(f.via, src{name: d.text(i+1, end), kind: outlet.Anonymous, gender: 'p'})
				i = end - 1
				continue
			}
		}
		if _, ok := d.a.lex.enVerbs[k]; ok && n > 0 && !d.a.lex.enPart[k] && !enParticiple[k] {
			return i, false, false
		}
	}
	return start, false, false
}

// enHeadGroups are English type nouns that name the same kind of body.
var enHeadGroups = [][]string{
	{"military", "army", "forces", "force", "idf", "troops"},
	{"paper", "newspaper", "daily", "journal", "tabloid", "broadsheet"},
	{"network", "broadcaster", "channel", "station", "tv", "television"},
	{"ministry", "department"},
	{"group", "movement", "militia", "organization", "organisation"},
	{"company", "firm", "carmaker", "automaker", "chipmaker", "planemaker", "lender", "bank", "airline"},
	{"agency", "wire"},
	{"alliance", "bloc"},
	{"court", "tribunal"},
	{"website", "site", "outlet"},
}

// enSameHead reports whether an entry's English head noun and the noun
// in the text name the same kind of body.
func enSameHead(entryHead, noun string) bool {
	h := strings.ToLower(entryHead)
	if h == noun || strings.HasSuffix(h, " "+noun) {
		return true
	}
	for _, g := range enHeadGroups {
		in := func(w string) bool {
			for _, x := range g {
				if x == w || strings.HasSuffix(w, " "+x) {
					return true
				}
			}
			return false
		}
		if in(h) && in(noun) {
			return true
		}
	}
	return false
}

// enCalendar are capitalised words that are never outlets.
var enCalendar = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// enNotVerb are words after which a reporting verb reports nothing: a
// negation, an infinitive, a determiner making it a noun.
var enNotVerb = map[string]bool{"not": true, "never": true, "n't": true, "to": true, "cannot": true, "the": true, "a": true,
	"an": true, "these": true, "those": true, "such": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"of": true, "no": true, "any": true}

// enMediaAdj and enMediaNouns make unnamed media: "local media", "state
// television".
var enMediaAdj = map[string]bool{"local": true, "state": true, "national": true, "foreign": true, "international": true,
	"regional": true, "official": true, "public": true, "private": true, "independent": true, "western": true, "arab": true,
	"israeli": true, "iranian": true, "russian": true, "chinese": true, "turkish": true, "state-run": true, "government": true}
var enMediaNouns = map[string]bool{"media": true, "television": true, "tv": true, "radio": true, "press": true, "broadcaster": true, "outlets": true, "newspapers": true}

// enNameAdj make a name an adjective after a hyphen: "Hamas-run".
var enNameAdj = map[string]bool{"run": true, "backed": true, "led": true, "controlled": true, "based": true, "allied": true,
	"affiliated": true, "linked": true, "aligned": true, "owned": true, "funded": true, "held": true, "appointed": true, "brokered": true}

// enNeedsClause are verbs that also take a plain object: they report
// only when a clause follows ("added the talks would resume").
var enNeedsClause = map[string]bool{"added": true, "adds": true, "wrote": true, "writes": true, "posted": true, "tweeted": true,
	"published": true, "stressed": true, "stresses": true, "declared": true, "continued": true, "noted": true, "notes": true,
	"emphasized": true, "emphasised": true, "underscored": true, "highlighted": true, "reiterated": true, "recalled": true, "observed": true}

// enClauseAfter reports a clause starting soon after token i: a finite
// verb or an auxiliary before the next comma ("added the talks would
// resume", "wrote the plan had failed").
func (d *doc) enClauseAfter(i, b int) bool {
	for k := i; k < b && k < i+10; k++ {
		t := d.toks[k]
		if t.kind == tPunct {
			if isComma(t.key) || isTerminator(t.key) || isColon(t.key) {
				return false
			}
			continue
		}
		w := t.key
		if enModal[w] || beForms[w] || w == "has" || w == "have" || w == "had" {
			return k > i
		}
		if k > i+1 && strings.HasSuffix(w, "ed") && !d.toks[k].upper {
			return true
		}
		if enPrep[w] && k == i {
			return false // "added to the pressure"
		}
	}
	return false
}

// enGenericAdj qualify a type noun without telling bodies apart: "the
// state-run agency", "the main opposition party".
var enGenericAdj = map[string]bool{"state": true, "run": true, "owned": true, "official": true, "semi": true, "news": true,
	"main": true, "top": true, "largest": true, "biggest": true, "private": true, "public": true, "local": true, "national": true,
	"international": true, "world": true, "global": true, "regional": true, "new": true, "former": true, "country's": true,
	"nuclear": true, "u.n.": true, "un": true, "based": true, "backed": true, "group's": true, "same": true, "latest": true,
	"daily": true, "weekly": true, "independent": true, "influential": true, "powerful": true, "leading": true, "major": true}

// enObjPronouns are object pronouns: "according to him".
var enObjPronouns = map[string]byte{"him": 'm', "her": 'f', "them": 'p', "it": 'n'}

// enDocNouns are documents and data that speak for whoever issued them:
// "figures from the health ministry", "a report by Amnesty".
var enDocNouns = map[string]bool{"report": true, "statement": true, "study": true, "survey": true, "data": true, "figures": true,
	"estimates": true, "estimate": true, "analysis": true, "tally": true, "count": true, "poll": true, "statistics": true,
	"assessment": true, "review": true, "investigation": true, "documents": true, "records": true, "projections": true,
	"forecast": true, "forecasts": true, "calculations": true, "numbers": true, "reports": true, "statements": true}

// enDocAdj are adjectives before such a noun.
var enDocAdj = map[string]bool{"new": true, "official": true, "preliminary": true, "latest": true, "recent": true, "final": true,
	"provisional": true, "monthly": true, "annual": true, "quarterly": true, "weekly": true, "joint": true, "internal": true, "separate": true}

// enOffice are bodies named after the person who heads them.
var enOffice = map[string]bool{"office": true, "government": true, "administration": true, "cabinet": true, "ministry": true, "campaign": true}

// enIssued are the participles that tie a document to its issuer: "a
// statement released by", "figures published by".
var enIssued = map[string]bool{"released": true, "issued": true, "published": true, "posted": true, "compiled": true, "prepared": true}

// enParticiple are verb forms that also serve as participles inside a
// clause: "a statement posted by", "figures cited by".
var enParticiple = map[string]bool{"posted": true, "published": true, "cited": true, "quoted": true, "reported": true, "carried": true}

// enMedia reads an outlet at i: "Reuters", "the Associated Press", "its
// Amaq news agency", "Asociated Press".
func (d *doc) enMedia(i, b int) (src, int, bool) {
	for i < b && (d.toks[i].key == "the" || d.toks[i].key == "its" || d.toks[i].key == "their" || d.toks[i].key == "his" || d.toks[i].key == "her") {
		i++
	}
	if i >= b || d.toks[i].kind != tWord {
		return src{}, i, false
	}
	if val, end := d.match(i, false); val != nil && val.entry != nil {
		s := d.a.m.src(val.entry)
		if s.isMedia() {
			return s, end, true
		}
		return src{}, i, false
	}
	if d.toks[i].upper && !enCalendar[d.toks[i].key] {
		if e, end := d.matchFuzzy(i, ""); e != nil {
			if s := d.a.m.src(e); s.isMedia() {
				return s, end, true
			}
		}
	}
	// "told local media", "told state television": media unnamed.
	{
		k := i
		for k < b && k-i < 3 && d.toks[k].kind == tWord && enMediaAdj[d.toks[k].key] {
			k++
		}
		if k > i && k < b && enMediaNouns[d.toks[k].key] {
			return src{name: d.text(i, k+1), kind: outlet.Broadcaster, gender: 'p'}, k + 1, true
		}
	}
	// "its Amaq news agency": a capitalised name and a type noun.
	end := i
	for end < b && d.toks[end].kind == tWord && (d.toks[end].upper || d.toks[end].key == "news") {
		end++
	}
	if end < b && d.toks[end].kind == tWord {
		if tn, ok := d.a.lex.enTypeNouns[d.toks[end].key]; ok && end > i && tn.kinds[0] != "official" {
			return src{name: d.text(i, end+1), kind: kindOf(tn), gender: 'n', head: d.toks[end].key}, end + 1, true
		}
	}
	return src{}, i, false
}
