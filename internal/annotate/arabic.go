package annotate

import (
	"strings"

	"github.com/isnad/isnad/internal/outlet"
)

// The Arabic rules. Arabic news copy puts the verb first ("وذكرت وكالة
// ... أن ..."), drops pronoun subjects ("وأوضح ..."), and chains sources
// ("نقلت X عن Y"); see research/attribution.md §2.

// verbAt returns the reporting verb at token i, with its proclitics و / ف
// stripped.
func (d *doc) verbAt(i int) (verb, bool) {
	t := d.toks[i]
	if t.kind != tWord {
		return verb{}, false
	}
	lex := d.a.lex
	if v, ok := lex.verbs[t.key]; ok {
		return v, true
	}
	k := t.key
	if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		k = k[len("و"):]
		if v, ok := lex.verbs[k]; ok {
			return v, true
		}
		if strings.HasPrefix(k, "ل") { // ولفت is a verb; ولقال is not a form
			return verb{}, false
		}
	}
	return verb{}, false
}

// stripConj returns the key of token i without a leading و / ف when the
// rest is a word of set.
func stripConj(k string, set map[string]bool) (string, bool) {
	if set[k] {
		return k, true
	}
	if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		if r := k[len("و"):]; set[r] {
			return r, true
		}
	}
	return k, false
}

// seqAt reports whether one of seqs starts at token i (the first word may
// carry و), returning the index just past it.
func (d *doc) seqAt(i, b int, seqs [][]string) (int, bool) {
	for _, s := range seqs {
		j := i
		ok := true
		for n, w := range s {
			for j < b && transparent(d.toks[j]) {
				j++
			}
			if j >= b || d.toks[j].kind == tPunct {
				ok = false
				break
			}
			k := d.toks[j].key
			if k != w && !(n == 0 && (k == "و"+w || k == "ف"+w)) {
				ok = false
				break
			}
			j++
		}
		if ok {
			return j, true
		}
	}
	return i, false
}

// inQuote reports whether token i lies inside a quotation of the block.
func (d *doc) inQuote(i int) bool {
	depth := 0
	for k := 0; k < i; k++ {
		depth += int(d.roles[k])
	}
	return depth > 0
}

func (d *doc) arabic(s sentence, si int) []found {
	lex := d.a.lex
	a, b := s.a, s.b
	first := a
	for first < b && d.toks[first].kind == tPunct {
		first++
	}
	if first >= b {
		return nil
	}
	// Writer's notes and forecasts are the writer's own voice.
	if _, ok := d.seqAt(first, b, lex.notes); ok {
		return nil
	}
	if _, ok := d.seqAt(first, b, lex.forecasts); ok {
		return nil
	}
	if si == 0 && a == 0 {
		if ds, j, ok := d.datelineAt(a, b); ok {
			d.dateline = &ds
			d.mention(ds)
			first = j
			for first < b && d.toks[first].kind == tPunct {
				first++
			}
			if first >= b {
				return []found{{start: a, source: ds, typ: Dateline, cue: [2]int{a, j}}}
			}
		}
	}
	if f, ok := d.headline(a, first, b, si); ok {
		return []found{f}
	}

	var fs []found
	primary := -1
	for i := first; i < b; i++ {
		v, ok := d.verbAt(i)
		if !ok || d.inQuote(i) && i != first {
			continue
		}
		f, ok := d.arClause(a, first, i, b, v)
		if !ok {
			continue
		}
		fs = append(fs, f)
		primary = i
		break
	}
	// "بحسب X" / "وفق الصحيفة": the source, with the verb's subject as
	// the chain behind it.
	for i := first; i < b; i++ {
		if d.inQuote(i) {
			continue
		}
		ms, me, ok := d.accordingAt(i, b)
		if !ok {
			continue
		}
		s, end, ok := d.arNP(me, b, true)
		if !ok || !strongSrc(s) {
			continue
		}
		d.mention(s)
		if len(fs) == 0 {
			fs = append(fs, found{start: a, source: s, typ: AccordingTo, cue: [2]int{ms, me}})
			primary = ms
		} else if !fs[0].source.same(s) {
			f := &fs[0]
			if f.typ != Continuation && f.typ != Anaphora || f.source.entry == nil {
				f.via = append([]src{f.source}, f.via...)
			}
			f.source = s
			f.typ = AccordingTo
		}
		_ = end
		break
	}
	if len(fs) == 0 {
		if f, ok := d.arSubjectFirst(a, first, b); ok {
			fs = append(fs, f)
			primary = f.cue[0]
		}
	}
	if len(fs) == 0 {
		return nil
	}
	// Participles and glued verbs after a comma go on with the same source:
	// "...، مضيفا أن ..." is a second claim.
	for i := primary + 1; i < b; i++ {
		if !isComma(d.toks[i-1].key) || d.inQuote(i) {
			continue
		}
		k := d.toks[i].key
		_, part := lex.participles[k]
		if !part && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
			_, part = lex.participles[k[len("و"):]]
		}
		if !part {
			if v, ok := d.verbAt(i); ok && v.class == vAdd && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
				part = true
			}
		}
		if !part {
			continue
		}
		fs = append(fs, found{start: i, source: fs[0].source, via: fs[0].via, typ: Continuation, cue: [2]int{i, i + 1}})
	}
	return fs
}

// strongSrc reports a source that an "according to" marker can carry: a
// registered one, or a phrase headed by a source or type noun.
func strongSrc(s src) bool {
	return s.entry != nil || s.noun != "" || s.head != ""
}

// accordingAt matches an "according to" marker at token i, returning its
// token range.
func (d *doc) accordingAt(i, b int) (int, int, bool) {
	t := d.toks[i]
	if t.kind != tWord {
		return 0, 0, false
	}
	lex := d.a.lex
	k := t.key
	for _, key := range []string{k, strings.TrimPrefix(strings.TrimPrefix(k, "و"), "ف")} {
		if lex.according[key] == 1 {
			j := i + 1
			// "بحسب ما ذكرت", "وفقا لما أوردته": the verb is part of the
			// marker.
			if j < b && (d.toks[j].key == "ما" || d.toks[j].key == "لما") {
				j++
				if j < b {
					if _, ok := d.verbAt(j); ok {
						j++
					} else if strings.HasSuffix(d.toks[j].key, "ه") || strings.HasSuffix(d.toks[j].key, "ها") {
						j++ // أوردته
					}
				}
			}
			return i, j, true
		}
		for _, rest := range lex.accordingSeq[key] {
			j := i + 1
			ok := true
			for _, w := range rest {
				if j >= b || d.toks[j].key != w && !(w == "ل" && strings.HasPrefix(d.toks[j].key, "ل")) {
					ok = false
					break
				}
				if w == "ل" && d.toks[j].key != "ل" {
					// "وفقا لصحيفة": the ل is glued to the source; the
					// source starts inside this token.
					return i, j, true
				}
				j++
			}
			if ok {
				return i, j, true
			}
		}
		// "وفقا لـX" with the ل glued on.
		if (key == "وفقا" || key == "طبقا") && i+1 < b && strings.HasPrefix(d.toks[i+1].key, "ل") {
			return i, i + 1, true
		}
	}
	return 0, 0, false
}

// arClause tries the clause whose reporting verb is token i.
func (d *doc) arClause(a, first, i, b int, v verb) (found, bool) {
	lex := d.a.lex
	f := found{start: a, typ: Indirect, cue: [2]int{i, i + 1}, deny: v.deny}
	initial := i == first || i == first+1 && lex.conjunctions[d.toks[first].key]
	if !initial {
		// Mid-sentence verbs count after a clause break only.
		p := d.toks[i-1]
		if !(p.kind == tPunct && (isComma(p.key) || isColon(p.key) || isDash(p.key) || p.key == ")")) && !lex.conjunctions[p.key] {
			return found{}, false
		}
	}
	s, end, ok := d.arNP(i+1, b, true)
	if ok && v.class == vMedium && !s.isMedia() {
		return found{}, false
	}
	if !ok {
		// No subject: a pro-drop verb goes on with the previous source.
		if !initial || v.class == vMedium || v.class == vCarry {
			return found{}, false
		}
		j := i + 1
		if j < b {
			nk := d.toks[j].key
			if d.toks[j].kind == tWord && !lex.comp[nk] && !lex.stopAfterSub[nk] && !strings.HasPrefix(nk, "ل") && !lex.timeWords[nk] {
				return found{}, false
			}
		}
		prev, ok := d.previous(v.gender)
		if !ok {
			return found{}, false
		}
		f.source = prev
		f.typ = Continuation // even before a quote: the pro-drop ties it
		d.arTail(&f, i+1, b)
		return f, true
	}
	f.source = s
	if s.head != "" && s.entry != nil && d.isAnaphor(i+1, end) {
		f.typ = Anaphora
	}
	_, direct, comp := d.arTail(&f, end, b)
	switch {
	case v.class == vAnnounce && !comp && !direct:
		return found{}, false
	case (v.class == vBelieve || v.class == vCarry) && !comp && !direct && len(f.via) == 0:
		return found{}, false
	case s.entry == nil && s.head == "" && !comp && !direct:
		return found{}, false
	}
	if direct && f.typ == Indirect {
		f.typ = Direct
	}
	d.mention(s)
	return f, true
}

// isAnaphor reports whether tokens [i, j) are a definite type noun
// standing for an earlier source ("الوكالة"), not a name.
func (d *doc) isAnaphor(i, j int) bool {
	for i < j && (d.toks[i].kind == tPunct || d.a.lex.timeWords[d.toks[i].key]) {
		i++
	}
	if i >= j {
		return false
	}
	k := d.toks[i].key
	if strings.HasPrefix(k, "و") && strings.HasPrefix(k[len("و"):], "ال") {
		k = k[len("و"):]
	}
	if strings.HasPrefix(k, "لل") {
		k = "ال" + k[len("لل"):]
	}
	if !strings.HasPrefix(k, "ال") {
		return k == "the" || d.toks[i].key == "it"
	}
	_, ok := d.a.m.heads[strings.TrimPrefix(k, "ال")]
	if !ok {
		_, ok = d.a.lex.typeNouns[strings.TrimPrefix(k, "ال")]
	}
	return ok && j-i == 1
}

// arTail reads what follows a clause's subject up to its content: a chain
// ("عن مسؤولين"), a conduit ("لرويترز"), a complementiser or a quote. It
// returns the index where the content starts.
func (d *doc) arTail(f *found, i, b int) (int, bool, bool) {
	lex := d.a.lex
	for n := 0; i < b && n < 30; i, n = i+1, n+1 {
		t := d.toks[i]
		switch {
		case t.kind == tPunct && isColon(t.key):
			return i + 1, true, false
		case t.kind == tPunct && isQuote(t.key) && d.roles[i] == 1:
			return i, true, false
		case t.kind == tPunct:
			continue
		}
		k := t.key
		if lex.comp[k] {
			return i + 1, false, true
		}
		if k == "الي" || k == "علي" {
			if i+1 < b && lex.comp[d.toks[i+1].key] {
				return i + 2, false, true
			}
		}
		if _, ok := d.verbAt(i); ok && n > 0 {
			return i, false, false
		}
		if k == "عن" || k == "نقلا" && i+1 < b && d.toks[i+1].key == "عن" {
			j := i + 1
			if k == "نقلا" {
				j++
			}
			if s, end, ok := d.arNP(j, b, false); ok && strongSrc(s) {
				f.via = append(f.via, s)
				d.mention(s)
				i = end - 1
				continue
			}
		}
		if k == "مع" || strings.HasPrefix(k, "ل") && len(k) > len("ل") {
			// "لرويترز", "لوكالة الأناضول", "في مقابلة مع سي إن إن".
			j := i
			if k == "مع" {
				j = i + 1
			}
			if val, end := d.a.m.match(d.toks, j, true); val != nil && val.entry != nil {
				s := entrySrc(val.entry)
				if s.isMedia() && !f.source.same(s) && f.conduit == nil {
					f.conduit = &s
					d.mention(s)
					i = end - 1
					continue
				}
			}
			if tn, ok := lex.typeNouns[strings.TrimPrefix(k, "ل")]; ok && k != "مع" && len(tn.kinds) > 0 && tn.kinds[0] != "official" {
				if s, end, ok := d.arNP(i, b, true); ok && s.isMedia() && f.conduit == nil {
					f.conduit = &s
					d.mention(s)
					i = end - 1
					continue
				}
			}
		}
	}
	return i, false, false
}

// arNP reads a source noun phrase at token i: a registry name, a role, a
// type noun with a name ("صحيفة الغد"), an anaphor ("الوكالة"), a phrase
// headed by a source noun ("مسؤولون أميركيون"), or, after a verb and
// before a complementiser, an unknown name. It skips commas, quotes and
// time words before the phrase.
func (d *doc) arNP(i, b int, afterVerb bool) (src, int, bool) {
	lex := d.a.lex
	for n := 0; i < b && n < 5; n++ {
		t := d.toks[i]
		if t.kind == tPunct && (isComma(t.key) || isQuote(t.key) || t.key == "(") || lex.timeWords[t.key] {
			i++
			continue
		}
		break
	}
	if i >= b || d.toks[i].kind != tWord {
		return src{}, i, false
	}
	if lex.comp[d.toks[i].key] || lex.stopAfterSub[d.toks[i].key] {
		return src{}, i, false
	}
	start := i
	// A registry name or a role.
	if val, end := d.a.m.match(d.toks, i, true); val != nil {
		s, ok := d.resolve(val, start, end)
		if ok {
			end = d.apposition(s, end, b)
			return s, end, true
		}
	}
	k := d.toks[i].key
	bare := k
	if strings.HasPrefix(bare, "و") && len(bare) > len("و")*2 {
		if _, ok := lex.typeNouns[bare[len("و"):]]; ok {
			bare = bare[len("و"):]
		}
	}
	if strings.HasPrefix(bare, "ل") && !strings.HasPrefix(bare, "لل") {
		if _, ok := lex.typeNouns[bare[len("ل"):]]; ok {
			bare = bare[len("ل"):]
		}
	}
	// "تقرير “وول ستريت جورنال”", "تقرير لصحيفة ...".
	if bare == "تقرير" || bare == "تقارير" {
		j := i + 1
		if s, end, ok := d.arNP(j, b, false); ok && (s.entry != nil || s.head != "") {
			return s, end, true
		}
		if j < b && strings.HasPrefix(d.toks[j].key, "ل") {
			if s, end, ok := d.arNP(j, b, false); ok {
				return s, end, true
			}
		}
	}
	// A type noun: "صحيفة X", or "الوكالة" for an earlier source.
	if tn, ok := lex.typeNouns[bare]; ok {
		j := i + 1
		for j < b && transparent(d.toks[j]) {
			j++
		}
		if val, end := d.a.m.match(d.toks, j, false); val != nil && val.entry != nil {
			s := entrySrc(val.entry)
			return s, d.apposition(s, end, b), true
		}
		if e, end := d.a.m.matchFuzzy(d.toks, j, bare); e != nil {
			return entrySrc(e), end, true
		}
		if e, end := d.a.m.matchFuzzy(d.toks, j, ""); e != nil {
			return entrySrc(e), end, true
		}
		end := d.npEnd(j, b)
		if end > j {
			s := src{name: d.text(start, end), kind: kindOf(tn), gender: 'f', head: bare}
			return s, end, true
		}
		if tn.kinds[0] == "official" {
			return src{}, i, false
		}
	}
	if strings.HasPrefix(bare, "ال") {
		h := strings.TrimPrefix(bare, "ال")
		if _, ok := lex.typeNouns[h]; ok || len(d.a.m.heads[h]) > 0 {
			if s, ok := d.anaphor(h); ok {
				return s, i + 1, true
			}
		}
	}
	// A source noun: "مسؤولون أميركيون", "المتحدث باسم الخارجية".
	if sn, ok := lex.sourceNouns[bare]; ok {
		end := d.npEnd(i+1, b)
		// A registered person or body named inside the phrase.
		if s, ok := d.inside(i, end); ok {
			return s, end, true
		}
		if strings.HasPrefix(bare, "ال") && end == i+1 {
			if s, ok := d.anaphorNoun(bare); ok {
				return s, end, true
			}
		}
		g := sn.gender
		return src{name: d.text(start, end), kind: outlet.Kind(sn.kind), gender: g, noun: strings.TrimPrefix(bare, "ال")}, end, true
	}
	if d.toks[i].upper || !afterVerb {
		// An unknown proper name needs a verb before and a complementiser
		// right after: "قال جون سميث إن".
		if !afterVerb {
			return src{}, i, false
		}
	}
	if afterVerb && !strings.HasPrefix(k, "ال") {
		j := i
		for j < b && j-i < 4 && d.toks[j].kind == tWord && !lex.comp[d.toks[j].key] && !lex.stopAfterSub[d.toks[j].key] && !lex.timeWords[d.toks[j].key] {
			j++
		}
		k2 := j
		for k2 < b && (isComma(d.toks[k2].key) || lex.timeWords[d.toks[k2].key]) {
			k2++
		}
		if j > i && k2 < b && (lex.comp[d.toks[k2].key] || isColon(d.toks[k2].key)) {
			if _, isVerb := d.verbAt(i); !isVerb {
				return src{name: d.text(i, j), kind: outlet.Person, gender: 'm'}, j, true
			}
		}
	}
	return src{}, i, false
}

// resolve turns a registry match into a source: a role becomes the
// person who held it on the article's date.
func (d *doc) resolve(val *nameVal, i, j int) (src, bool) {
	if val.entry != nil {
		return entrySrc(val.entry), true
	}
	p, org := d.a.reg.Holder(val.role, d.date())
	if p == nil {
		return src{name: d.text(i, j), kind: outlet.Official, gender: 'm'}, true
	}
	s := entrySrc(p)
	s.org = org
	return s, true
}

// apposition skips ", ينس ستولتنبرغ," after a role that names the same
// person, or a nisba adjective after an outlet ("الأميركية").
func (d *doc) apposition(s src, end, b int) int {
	j := end
	for j < b && (isComma(d.toks[j].key) || transparent(d.toks[j])) {
		j++
	}
	if val, e := d.a.m.match(d.toks, j, false); val != nil && val.entry != nil && s.entry != nil && val.entry == s.entry {
		return e
	}
	for end < b && d.toks[end].kind == tWord && d.a.lex.nisba(d.toks[end].key) {
		end++
	}
	return end
}

// npEnd returns where a noun phrase starting at i ends: before a comma, a
// complementiser, a preposition, a time word, a verb or a quote.
func (d *doc) npEnd(i, b int) int {
	lex := d.a.lex
	j := i
	for j < b && j-i < 8 {
		t := d.toks[j]
		if t.kind == tPunct {
			if transparent(t) && t.key != "-" && j+1 < b && d.toks[j+1].kind == tWord {
				j++
				continue
			}
			break
		}
		if lex.comp[t.key] || lex.stopAfterSub[t.key] || lex.timeWords[t.key] {
			break
		}
		if _, ok := d.verbAt(j); ok {
			break
		}
		if strings.HasPrefix(t.key, "ل") && j > i {
			if val, _ := d.a.m.match(d.toks, j, true); val != nil {
				break // a conduit: لرويترز
			}
		}
		j++
	}
	for j > i && d.toks[j-1].kind == tPunct {
		j--
	}
	return j
}

// inside looks for a registered person, or a body after "باسم", within
// tokens [i, j).
func (d *doc) inside(i, j int) (src, bool) {
	var body *src
	for k := i + 1; k < j; k++ {
		val, end := d.a.m.match(d.toks, k, true)
		if val == nil {
			continue
		}
		s, ok := d.resolve(val, k, end)
		if !ok {
			continue
		}
		if s.entry != nil && s.entry.Kind == outlet.Person {
			return s, true
		}
		if s.entry != nil && body == nil && k > 0 && (d.toks[k-1].key == "باسم" || d.toks[k].key == "باسم" || strings.HasPrefix(d.toks[k].key, "ب")) {
			b := s
			body = &b
		}
		k = end - 1
	}
	if body != nil {
		return *body, true
	}
	return src{}, false
}

// anaphor finds the latest source whose type noun is head ("وكاله").
func (d *doc) anaphor(head string) (src, bool) {
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.head == head || m.entry != nil && d.a.m.hasHead(m.entry, head) {
			return m, true
		}
	}
	// A type noun may also stand for a kind: "الصحيفة" for a newspaper
	// whose head noun is "جريدة".
	if tn, ok := d.a.lex.typeNouns[head]; ok {
		for i := len(d.mentions) - 1; i >= 0; i-- {
			m := d.mentions[i]
			if m.entry != nil && string(m.entry.Kind) == tn.kinds[0] {
				return m, true
			}
		}
	}
	return src{}, false
}

// anaphorNoun finds the latest unregistered source headed by the same
// noun: "المسؤول" after "مسؤول أميركي".
func (d *doc) anaphorNoun(k string) (src, bool) {
	n := strings.TrimPrefix(k, "ال")
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.noun == n || m.entry != nil && m.entry.Kind == outlet.Person && d.a.lex.sourceNouns[k].kind == "official" {
			return m, true
		}
	}
	return src{}, false
}

func kindOf(tn typeNoun) outlet.Kind {
	if len(tn.kinds) == 0 {
		return outlet.Anonymous
	}
	return outlet.Kind(tn.kinds[0])
}

// arSubjectFirst handles "X قال ..." and "X، المتحدث ...، قال": a source
// at the start of the sentence, its verb after it.
func (d *doc) arSubjectFirst(a, first, b int) (found, bool) {
	s, end, ok := d.arNP(first, b, false)
	if !ok || !strongSrc(s) {
		return found{}, false
	}
	for j := end; j < b && j < end+4; j++ {
		if d.toks[j].kind == tPunct && !isComma(d.toks[j].key) {
			break
		}
		v, ok := d.verbAt(j)
		if !ok {
			continue
		}
		if v.class == vMedium && !s.isMedia() {
			return found{}, false
		}
		f := found{start: a, source: s, typ: Indirect, cue: [2]int{j, j + 1}, deny: v.deny}
		_, direct, comp := d.arTail(&f, j+1, b)
		if !comp && !direct && s.entry == nil {
			return found{}, false
		}
		if direct {
			f.typ = Direct
		}
		d.mention(s)
		return f, true
	}
	return found{}, false
}

// datelineAt reads a dateline credit at the start of a block: "القاهرة
// (رويترز) -", "(أ ف ب) -", "موسكو - رويترز -".
func (d *doc) datelineAt(a, b int) (src, int, bool) {
	for i := a; i < b && i < a+5; i++ {
		t := d.toks[i]
		if t.key != "(" {
			continue
		}
		val, end := d.a.m.match(d.toks, i+1, false)
		if val == nil || val.entry == nil || end >= b || d.toks[end].key != ")" {
			return src{}, 0, false
		}
		j := end + 1
		if j < b && isDash(d.toks[j].key) {
			j++
		}
		s := entrySrc(val.entry)
		if !s.isMedia() {
			return src{}, 0, false
		}
		return s, j, true
	}
	return src{}, 0, false
}

// headline reads "وول ستريت جورنال: ..." where the words before the colon
// resolve to a source (research/attribution.md §2.3.9): in headings, and
// at the start of a paragraph when the name is registered.
func (d *doc) headline(a, first, b, si int) (found, bool) {
	colon := -1
	for i := first; i < b && i < first+8; i++ {
		if d.toks[i].kind == tPunct && isColon(d.toks[i].key) {
			colon = i
			break
		}
	}
	if colon <= first || colon+1 >= b {
		return found{}, false
	}
	heading := d.block.Kind == Heading || d.block.Kind == Title
	if !heading && si != 0 {
		return found{}, false
	}
	if _, ok := d.verbAt(first); ok {
		return found{}, false
	}
	s, end, ok := d.arNP(first, colon, false)
	if !ok {
		return found{}, false
	}
	if s.entry == nil && (!heading || s.noun == "") {
		return found{}, false
	}
	f := found{start: a, source: s, typ: Headline, cue: [2]int{first, colon + 1}}
	// "بلومبيرغ عن تقييمات عسكرية غربية:" — a chain.
	if end < colon && d.toks[end].key == "عن" {
		if v, vend, ok := d.arNP(end+1, colon, false); ok && vend == colon {
			f.via = append(f.via, v)
			end = vend
		}
	}
	for end < colon && d.toks[end].kind == tWord && d.a.lex.nisba(d.toks[end].key) {
		end++
	}
	if end != colon {
		return found{}, false
	}
	d.mention(s)
	return f, true
}
