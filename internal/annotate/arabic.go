package annotate

import (
	"slices"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/outlet"
)

// The Arabic rules. Arabic news copy puts the verb first ("وذكرت وكالة
// ... أن ..."), drops pronoun subjects ("وأوضح ..."), and chains sources
// ("نقلت X عن Y"); see research/attribution.md §2.

// verbAt returns the reporting verb at token i, with its proclitics و / ف
// stripped.
func (d *doc) verbAt(i int) (verb, bool) {
	t := &d.toks[i]
	if t.kind != tWord || t.flags&(fVerb|fLooked) == fLooked {
		return verb{}, false
	}
	if t.w > 0 {
		r := d.a.words.arVerb[t.w-1]
		return r.v, r.ok
	}
	return d.a.lex.arVerbKey(t.key)
}

// arVerbKey returns the reporting verb a word with key k is, with its
// proclitics و / ف stripped.
func (lex *lexicon) arVerbKey(k string) (verb, bool) {
	if v, ok := lex.verbs[k]; ok {
		return v, true
	}
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
	if i >= b || !d.is(&d.toks[i], wSeqFirst) {
		return i, false
	}
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
	return i < len(d.depth) && d.depth[i] > 0
}

// timeEnd returns the end of a time adverbial starting at token i
// ("الخميس", "الشهر الماضي", "في وقت سابق", "مساء أمس"), or i when there
// is none. Time phrases stand between a verb and its subject or content
// and are never a source.
func (d *doc) timeEnd(i, b int) int {
	lex := d.a.lex
	j := i
	for j < b && d.toks[j].kind == tWord && d.toks[j].flags&fTime != 0 {
		k := d.toks[j].key
		switch {
		case lex.timeWords[k] || lex.months[k]:
			j++
		case lex.timeNouns[k] && j+1 < b && d.is(&d.toks[j+1], wTimeMods):
			j += 2
		case (k == "في" || k == "فى") && j+2 < b && d.toks[j+1].key == "وقت" && d.is(&d.toks[j+2], wTimeMods):
			j += 3 // في وقت سابق
		default:
			return j
		}
	}
	return j
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
			// The dateline is not part of the sentence it opens.
			d.dateline = ptr(ds)
			d.datelineEnd = j
			d.mention(ds)
			a, first = j, j
			for first < b && d.toks[first].kind == tPunct {
				first++
			}
			if first >= b {
				return nil
			}
		}
	}
	if f, ok := d.headline(a, first, b, si); ok {
		return []found{f}
	}

	fs := d.fsBuf[:0]
	defer func() { d.fsBuf = fs[:0] }()
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
		if len(fs) > 0 && d.chainMarker(ms) {
			continue // "نقلا عن", "على لسان" after a verb: the chain, read by arTail
		}
		if len(fs) > 0 && strings.HasSuffix(d.toks[ms].key, "استنادا") {
			continue // "وذكر الصندوق، استنادا إلى بيانات منصة PortWatch": the data the speaker used
		}
		if d.cameIn(ms) && ms != first {
			continue // "قال إن ما جاء في تقرير الصحيفة كاذب": what was denied
		}
		s, end, ok := d.arNP(me, b, true)
		if !ok || !strongSrc(s) {
			continue
		}
		if m := strings.TrimPrefix(d.toks[me-1].key, "و"); s.entry == nil && (m == "وفقا" || m == "طبقا" || m == "فقا") && strings.HasPrefix(d.toks[me].key, "ل") && !strings.HasPrefix(d.toks[me].key, "لل") {
			// "وفقا لهيئة قناة السويس": the ل is the marker's.
			if n, ok := strings.CutPrefix(s.name, "ل"); ok {
				s.name = strings.TrimLeft(n, "ـ")
			}
		}
		d.mention(s)
		if len(fs) == 0 {
			f := found{start: a, source: s, typ: AccordingTo, cue: [2]int{ms, me}}
			// "بحسب ما صرح به مسؤول لصحيفة فايننشال تايمز", "بحسب مصادر
			// تحدثت لرويترز": to whom.
			if end < b && strings.HasPrefix(d.toks[end].key, "تحدث") {
				end++
			}
			if c, _, ok := d.conduitAfter(end, b); ok && !c.same(s) {
				f.conduit = ptr(c)
				d.mention(c)
			}
			// "بحسب ما نقلته الصحيفة عن مصادر أمنية": the chain.
			if end+1 < b && d.toks[end].key == "عن" && strings.HasPrefix(d.toks[me-1].key, "نقل") {
				if v, _, ok := d.viaNP(end+1, b); ok {
					f.via = append(f.via, v)
					d.mention(v)
				}
			}
			fs = append(fs, f)
			primary = ms
		} else if !fs[0].source.same(s) {
			f := &fs[0]
			if f.typ != Continuation && f.typ != Anaphora || f.source.entry == nil {
				f.via = append([]src{f.source}, f.via...)
			}
			f.source = s
			f.typ = AccordingTo
		}
		break
	}
	if len(fs) == 0 {
		if f, ok := d.arSubjectFirst(a, first, b); ok {
			fs = append(fs, f)
			primary = f.cue[0]
		}
	}
	if len(fs) == 0 {
		// "...، لكن متحدثا باسمه قال ...": a subject first, after a comma.
		for c := first; c < b-2 && len(fs) == 0; c++ {
			if !isComma(d.toks[c].key) || d.inQuote(c) {
				continue
			}
			p := c + 1
			switch d.toks[p].key {
			case "لكن", "ولكن", "بينما", "فيما", "غير", "الا":
				p++
				if p < b && (d.toks[p].key == "ان" || d.toks[p].key == "أن") {
					p++
				}
			}
			if p < b {
				if f, ok := d.arSubjectFirst(a, p, b); ok {
					fs = append(fs, f)
					primary = f.cue[0]
				}
			}
		}
	}
	if len(fs) == 0 {
		if f, ok := d.arCoordinated(a, first, b); ok {
			fs = append(fs, f)
			primary = f.cue[0]
		}
	}
	if len(fs) == 0 && a < b && d.roles[a] == 1 {
		// "«لن نتراجع»، بهذه الكلمات ختم نصر الله خطابه".
		for k := a + 1; k+2 < b; k++ {
			if d.roles[k] != -1 {
				continue
			}
			if d.depth[k] == 1 && isComma(d.toks[k+1].key) {
				if sr, cue, ok := d.arTheseWords(sentence{k + 2, b}); ok {
					return append(fs, found{start: a, end: k + 1, source: sr, typ: Direct, cue: cue})
				}
			}
			break
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

// arCoordinated reads a reporting verb glued to و, with no subject of its
// own, after a clause whose verb opens the sentence and whose subject is
// registered: "واستقبل الرئيس المصري عبد الفتاح السيسي الوفد، وقال إن ...",
// "وزار أردوغان أنقرة وأكد أن ...". The subject speaks.
func (d *doc) arCoordinated(a, first, b int) (found, bool) {
	if first+1 >= b {
		return found{}, false
	}
	s, end, ok := d.arNP(first+1, b, true)
	if !ok || s.entry == nil {
		return found{}, false
	}
	for i := end + 1; i < b && i-end <= 12; i++ {
		k := d.toks[i].key
		if d.inQuote(i) || !strings.HasPrefix(k, "و") {
			continue
		}
		v, ok := d.verbAt(i)
		if !ok || v.class != vSay && v.class != vAdd || v.imperf || !d.compAt(i+1, b) || !agrees(v.gender, s) {
			continue
		}
		d.mention(s)
		return found{start: a, source: s, typ: Indirect, cue: [2]int{i, i + 1}, deny: v.deny}, true
	}
	return found{}, false
}

// compAt reports a complementiser at token i: "أن", or "إلى أن", "على أن".
func (d *doc) compAt(i, b int) bool {
	if i < b && (d.toks[i].key == "الي" || d.toks[i].key == "علي") {
		i++
	}
	return i < b && d.is(&d.toks[i], wComp)
}

func (d *doc) hasComma(i, j int) bool {
	for ; i < j; i++ {
		if d.toks[i].kind == tPunct && isComma(d.toks[i].key) {
			return true
		}
	}
	return false
}

// wholeQuote reports whether tokens [i, b) are one quotation, closed at
// the end or never closed.
func (d *doc) wholeQuote(i, b int) bool {
	if i >= b || d.toks[i].kind != tPunct || !isQuote(d.toks[i].key) {
		return false
	}
	depth := 0
	for k := i; k < b; k++ {
		depth += int(d.roles[k])
		if depth == 0 && d.roles[k] == -1 && k < b-1 {
			// Closed before the end: only punctuation may follow.
			for _, t := range d.toks[k+1 : b] {
				if t.kind != tPunct {
					return false
				}
			}
			return true
		}
	}
	return true
}

// arTheseWords reads a sentence pointing back at the quotation before it
// to name its speaker: "بهذه الكلمات رد وزير الخارجية على ...", "بهذه
// العبارة علّق الرئيس". It returns the speaker and the cue's tokens.
func (d *doc) arTheseWords(s sentence) (src, [2]int, bool) {
	i := s.a
	switch d.toks[i].key {
	case "بهذه", "بهذا", "وبهذه", "وبهذا":
	default:
		return src{}, [2]int{}, false
	}
	i++
	if i < s.b {
		switch d.toks[i].key {
		case "الكلمات", "الكلمه", "العبارات", "العباره", "الجمله", "الكلام", "التصريح", "التصريحات":
			i++
		}
	}
	if i >= s.b {
		return src{}, [2]int{}, false
	}
	if !theseWordsVerb(d.toks[i].key) && !theseWordsVerb(strings.TrimPrefix(d.toks[i].key, "و")) {
		return src{}, [2]int{}, false
	}
	sr, _, ok := d.arNP(i+1, s.b, true)
	if !ok || !sr.ok() || sr.anaphor && sr.entry == nil {
		return src{}, [2]int{}, false
	}
	return sr, [2]int{s.a, i + 1}, true
}

// theseWordsVerb reports the verbs of arTheseWords: replied, commented,
// described, summed up, ended, began, spoke.
func theseWordsVerb(k string) bool {
	switch k {
	case "رد", "ردت", "علق", "علقت", "وصف", "وصفت", "لخص", "لخصت", "اختتم", "اختتمت", "استهل", "استهلت", "ختم", "ختمت",
		"عبر", "عبرت", "اجاب", "اجابت", "قال", "قالت", "تحدث", "تحدثت", "خاطب", "خاطبت", "توجه", "توجهت":
		return true
	}
	return false
}

// cameIn reports whether the according-to marker at i is "جاء في" or
// "ورد في": only opening a sentence does it name a document's author.
func (d *doc) cameIn(i int) bool {
	k := strings.TrimPrefix(strings.TrimPrefix(d.toks[i].key, "و"), "ف")
	return (k == "جا" || k == "ورد" || d.toks[i].key == "ورد") && i+1 < len(d.toks) && d.toks[i+1].key == "في" // جاء folds to جا
}

// chainMarker reports whether the according-to marker at i names the
// chain behind a source rather than the source: "نقلا عن", "على لسان".
func (d *doc) chainMarker(i int) bool {
	k := strings.TrimPrefix(d.toks[i].key, "و")
	return k == "نقلا" || k == "علي" && i+1 < len(d.toks) && d.toks[i+1].key == "لسان"
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
	if t.flags&(fAcc|fLooked) == fLooked || !lex.accFirst[k] {
		return 0, 0, false
	}
	for _, key := range []string{k, strings.TrimPrefix(strings.TrimPrefix(k, "و"), "ف")} {
		if lex.according[key] == 1 {
			j := i + 1
			// "حسبما أفادت": the ما is glued on, the verb follows.
			if strings.HasSuffix(key, "ما") && j < b {
				if _, ok := d.verbAt(j); ok {
					j++
					if j < b && (d.toks[j].key == "به" || d.toks[j].key == "بها") {
						j++
					}
					return i, j, true
				}
			}
			// "بحسب ما ذكرت", "وفقا لما أوردته": the verb is part of the
			// marker.
			if j < b && (d.toks[j].key == "ما" || d.toks[j].key == "لما") {
				j++
				if j < b {
					if _, ok := d.verbAt(j); ok {
						j++
						if j < b && (d.toks[j].key == "به" || d.toks[j].key == "بها") {
							j++ // "بحسب ما أفادت به"
						}
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
	initial := i == first || i == first+1 && d.is(&d.toks[first], wConjunctions)
	// "«...»، قال X": the quoted content comes first.
	cf := !initial && d.quoteBefore(a, i)
	if !initial && !cf {
		// "وكانت وكالة بلومبرغ قد ذكرت": the subject comes first, read by
		// arSubjectFirst.
		if d.toks[i-1].key == "قد" && i-1 > first && isKana(d.toks[first].key) {
			return found{}, false
		}
		// Mid-sentence verbs count after a clause break only.
		p := d.toks[i-1]
		if !(p.kind == tPunct && (isComma(p.key) || isColon(p.key) || isDash(p.key) || p.key == ")" || d.roles[i-1] == -1)) && !lex.conjunctions[p.key] {
			return found{}, false
		}
	}
	// "وقال لوكالة فرانس برس مصدر أمني إن": the conduit may come first.
	subj := i + 1
	var lead *src
	if subj < b && strings.HasPrefix(d.toks[subj].key, "ل") && !strings.HasPrefix(d.toks[subj].key, "لل") {
		if c, end, ok := d.arNP(subj, b, true); ok && c.isMedia() && !c.anaphor && end < b {
			if s2, _, ok2 := d.arNP(end, b, true); ok2 && !s2.isMedia() {
				lead, subj = ptr(c), end
			}
		}
	}
	d.contentFirst = cf
	s, end, ok := d.arNP(subj, b, true)
	d.contentFirst = false
	if ok && lead != nil {
		f.conduit = lead
		d.mention(*lead)
	}
	if ok && lead == nil {
		// "وفي تصريح للجزيرة، قال X": the conduit opens the sentence.
		if c, ok := d.leadConduit(a, i); ok {
			f.conduit = ptr(c)
			d.mention(c)
		}
	}
	// "يطالب الحوثيين بالكف": a verb of demanding or accusing with its
	// object in the oblique case (-ين) after it; the subject is unsaid.
	if ok && strings.HasSuffix(d.toks[subj].key, "ين") && demandVerb(d.toks[i].key) && !lex.isWord(d.toks[subj].key) {
		return found{}, false
	}
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
			_, part := lex.participles[nk]
			_, say := d.verbAt(j)
			if d.toks[j].kind == tWord && !lex.comp[nk] && !lex.stopAfterSub[nk] && !strings.HasPrefix(nk, "ل") && d.timeEnd(j, b) == j &&
				!part && !say && nk != "بالقول" {
				return found{}, false // "وأضاف قائلا", "ومضى يقول", "وختم بالقول" go on
			}
		}
		// "ويعتقد أن", "ويقال إن": a masculine imperfect with no subject
		// is the impersonal passive (يُعتقد), no one's claim.
		if v.imperf && v.gender == 'm' {
			return found{}, false
		}
		prev, ok := d.previous(v.gender)
		if !ok {
			return found{}, false
		}
		f.source = prev
		f.typ = Continuation // even before a quote: the pro-drop ties it
		d.arTail(&f, i+1, b, v.class)
		return f, true
	}
	f.source = s
	d.mention(s)
	if s.anaphor {
		f.typ = Anaphora
	}
	cs, direct, comp := d.arTail(&f, end, b, v.class)
	if comp && d.wholeQuote(cs, b) && !d.hasComma(end, cs) {
		direct = true // إن "...": the words themselves
	}
	if cf {
		direct = true
	}
	switch {
	case v.class == vAnnounce && !comp && !direct:
		return found{}, false
	case (v.class == vBelieve || v.class == vCarry) && !comp && !direct && len(f.via) == 0:
		return found{}, false
	case s.entry == nil && s.head == "" && s.noun == "" && !s.anaphor && !comp && !direct:
		return found{}, false
	}
	if direct && f.typ == Indirect && s.kind != outlet.Anonymous {
		f.typ = Direct
	}
	return f, true
}

// issuedBy reports a verb with an object pronoun that ties a document to
// its issuer: "بيانات نشرها البنك", "تقرير أعدته المنظمة".
func issuedBy(k string) bool {
	switch k {
	case "نشرها", "نشرته", "اصدرها", "اصدرته", "اعدها", "اعدته", "جمعها", "جمعته", "كشفها", "كشفته", "اوردها", "اوردته", "وزعها", "وزعته",
		"وجهها", "وجهته", "بعثها", "بعثته", "ارسلها", "ارسلته", "كتبها", "كتبته", "القاها", "القاه":
		return true
	}
	return false
}

// demandVerb reports a verb whose object often follows it directly:
// طالب، حث، دعا، ناشد، اتهم، حذر.
func demandVerb(k string) bool {
	k = strings.TrimPrefix(strings.TrimPrefix(k, "و"), "ف")
	for _, stem := range []string{"طالب", "حث", "دعا", "دعو", "ناشد", "اتهم", "حذر"} {
		for _, p := range []string{"", "ي", "ت"} {
			if strings.HasPrefix(k, p+stem) {
				return true
			}
		}
	}
	return false
}

// quoteBefore reports a quotation from the sentence start up to the verb
// at i, a comma and "هكذا" allowed between: "«...»، قال X", "\"...\"،
// هكذا قال X".
func (d *doc) quoteBefore(a, i int) bool {
	k := i - 1
	for k >= a && (d.toks[k].key == "هكذا" || d.toks[k].key == "كما") {
		k--
	}
	for k >= a && d.toks[k].kind == tPunct && (isComma(d.toks[k].key) || isDash(d.toks[k].key)) {
		k--
	}
	return k > a && d.roles[k] == -1 && d.quoteFromStart(k, a)
}

// leadConduit reads "في تصريح لـX" or "في مقابلة مع X" between the
// sentence start and the verb at i: the outlet that carried the words.
func (d *doc) leadConduit(a, i int) (src, bool) {
	for k := a; k+1 < i; k++ {
		w := strings.TrimPrefix(d.toks[k].key, "و")
		if !d.a.lex.venues[w] && !d.a.lex.venues[strings.TrimPrefix(w, "ب")] {
			continue
		}
		j := k + 1
		for j < i && d.toks[j].kind == tWord && d.a.lex.nisba(d.toks[j].key) {
			j++ // "في مقابلة تلفزيونية مع"
		}
		if j < i && (d.toks[j].key == "مع" || d.toks[j].key == "ل") {
			j++
		}
		if j >= i {
			continue
		}
		if c, _, ok := d.arNP(j, i, true); ok && c.isMedia() && !c.anaphor {
			return c, true
		}
	}
	return src{}, false
}

// arTail reads what follows a clause's subject up to its content: a chain
// ("عن مسؤولين"), a conduit ("لرويترز"), a complementiser or a quote. It
// returns the index where the content starts, whether the content is a
// direct quote, and whether a complementiser introduced it.
func (d *doc) arTail(f *found, i, b int, class verbClass) (int, bool, bool) {
	lex := d.a.lex
	chainCtx := class == vCarry
	for n := 0; i < b && n < 30; i, n = i+1, n+1 {
		t := d.toks[i]
		switch {
		case t.kind == tPunct && isColon(t.key):
			return i + 1, true, false
		case t.kind == tPunct && isQuote(t.key) && d.roles[i] == 1 && n == 0:
			return i, true, false
		case t.kind == tPunct:
			continue
		}
		k := t.key
		if lex.comp[k] {
			return i + 1, false, true
		}
		if k == "الي" || k == "علي" {
			if i+1 < b && d.is(&d.toks[i+1], wComp) {
				return i + 2, false, true
			}
		}
		if anonymityClause(k) {
			// "طلب عدم نشر اسمه": skip to its end, past the verbs in it.
			for e := i + 1; e < b && e <= i+6; e++ {
				if w := d.toks[e].key; strings.HasPrefix(w, "اسم") || strings.HasPrefix(w, "هويت") {
					i = e
					break
				}
			}
			continue
		}
		if _, ok := d.verbAt(i); ok && n > 0 {
			return i, false, false
		}
		if lex.venues[k] || k == "لها" || k == "له" {
			chainCtx = true // "في تقرير لها عن مسؤولين"
		}
		// A chain: "عن مسؤولين", "نقلا عن مصادر", "على لسان المتحدث".
		j := -1
		switch {
		case k == "عن" && chainCtx:
			j = i + 1
		case k == "الي" && chainCtx && strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(d.toks[f.cue[0]].key, "وا"), "ت"), "نسب"):
			j = i + 1 // "نسبت الصحيفة إلى مسؤول قوله": with قوله only
		case (k == "نقلا" || k == "ونقلا") && i+1 < b && d.toks[i+1].key == "عن":
			j = i + 2
		case k == "علي" && i+1 < b && d.toks[i+1].key == "لسان":
			j = i + 2
		}
		if j >= 0 {
			if v, end, ok := d.viaNP(j, b); ok && (k != "الي" || d.is(&d.toks[end-1], wQuoteSuffix)) {
				f.via = append(f.via, v)
				d.mention(v)
				i = end - 1
				continue
			}
		}
		// A conduit: "لرويترز", "لوكالة الأناضول", "في مقابلة مع سي إن إن",
		// "في بيان نشرته وكالة أعماق".
		j = -1
		switch {
		case class == vTell && n == 0:
			j = i // "أبلغ مسؤول رويترز": the object is whom he told
		case k == "استطلعت" || k == "استطلع":
			j = i + 1 // "محللون استطلعت رويترز آراءهم": Reuters' poll
		case k == "مع":
			j = i + 1
		case k == "الي" && i > 0 && (strings.HasPrefix(d.toks[i-1].key, "متحدث") || strings.HasPrefix(d.toks[i-1].key, "حديث") || strings.HasPrefix(d.toks[i-1].key, "تحدث")):
			j = i + 1 // "متحدثا إلى وكالة الأناضول", "مصادر تحدثت إلى رويترز"
		case k == "اجرتها" || k == "اجراها" || k == "اجرته":
			// "في مقابلة أجرتها معه قناة العربية".
			j = i + 1
			if j < b && (d.toks[j].key == "معه" || d.toks[j].key == "معها" || d.toks[j].key == "معهم") {
				j++
			}
		case k == "نشرته" || k == "نشرتها" || k == "بثته" || k == "بثتها" || k == "اوردته" || k == "اوردتها" || k == "نقلته" || k == "نقلتها":
			j = i + 1
		case k == "ل": // "لـ\"العربي الجديد\"": the ل stands alone
			j = i + 1
			for j < b && transparent(d.toks[j]) {
				j++
			}
		case strings.HasPrefix(k, "ل") && len(k) > len("ل"):
			j = i
		}
		if j >= 0 && j < b && f.conduit == nil {
			if s, end, ok := d.arNP(j, b, true); ok && s.isMedia() && !f.source.same(s) && !s.anaphor {
				f.conduit = ptr(s)
				d.mention(s)
				i = end - 1
				continue
			}
		}
	}
	return i, false, false
}

// viaNP reads the source behind a chain marker: a source phrase, else any
// words up to a comma, a complementiser or "قوله".
func (d *doc) viaNP(j, b int) (src, int, bool) {
	if s, end, ok := d.arNP(j, b, false); ok && strongSrc(s) {
		return s, d.skipQuoteSuffix(end, b), true
	}
	end := j
	for end < b && end-j < 8 {
		t := d.toks[end]
		if t.kind == tPunct && !transparent(t) || d.is(&t, wComp) || d.is(&t, wQuoteSuffix) {
			break
		}
		if _, ok := d.verbAt(end); ok {
			break
		}
		end++
	}
	for end > j && d.toks[end-1].kind == tPunct {
		end--
	}
	if end == j {
		return src{}, j, false
	}
	if s, ok := d.partialPerson(j, end); ok {
		return s, d.skipQuoteSuffix(end, b), true
	}
	return src{name: d.text(j, end), kind: outlet.Anonymous, gender: 'p'}, d.skipQuoteSuffix(end, b), true
}

func (d *doc) skipQuoteSuffix(i, b int) int {
	if i < b && d.is(&d.toks[i], wQuoteSuffix) {
		return i + 1
	}
	return i
}

// partialPerson resolves one or two words to a person mentioned earlier
// by a fuller name: "كيم" after "كيم جونغ أون".
func (d *doc) partialPerson(i, j int) (src, bool) {
	if j-i > 2 || j <= i {
		return src{}, false
	}
	for m := len(d.mentions) - 1; m >= 0; m-- {
		e := d.mentions[m].entry
		if e == nil && d.mentions[m].kind == outlet.Person && j-i == 1 {
			// "Attaf added" after "Ahmed Attaf said": an unregistered
			// person by the last word of the name.
			words := strings.Fields(fold.LooseString(d.mentions[m].name))
			if len(words) >= 2 && d.toks[i].key == words[len(words)-1] {
				return d.mentions[m], true
			}
			continue
		}
		if e == nil || e.Kind != outlet.Person {
			continue
		}
		for _, name := range e.Names() {
			words := strings.Fields(fold.LooseString(name))
			if len(words) < 2 {
				continue
			}
			k := d.toks[i].key
			if j-i == 1 && (k == words[0] || k == words[len(words)-1]) {
				return d.mentions[m], true
			}
		}
	}
	return src{}, false
}

// arNP reads a source noun phrase at token i: a registry name, a role, a
// type noun with a name ("صحيفة الغد"), an anaphor ("الوكالة", "البيان"),
// a phrase headed by a source noun ("مسؤولون أميركيون"), or, after a verb
// and before a complementiser, an unknown name. It skips commas, quotes and
// time words before the phrase.
func (d *doc) arNP(i, b int, afterVerb bool) (src, int, bool) {
	lex := d.a.lex
	for n := 0; i < b && n < 5; n++ {
		t := d.toks[i]
		if t.kind == tPunct && (isComma(t.key) || isQuote(t.key) || t.key == "(") {
			i++
			continue
		}
		if e := d.timeEnd(i, b); e > i {
			i = e
			continue
		}
		break
	}
	if i >= b || d.toks[i].kind != tWord {
		return src{}, i, false
	}
	if d.is(&d.toks[i], wComp) || d.is(&d.toks[i], wStopAfterSub) {
		return src{}, i, false
	}
	start := i
	k := d.toks[i].key
	bare := d.bareKey(k)
	if _, ok := lex.participles[bare]; ok {
		return src{}, i, false // "واستطرد قائلا إن": a participle, not a name
	}
	// "التقرير الذي نشرته منظمة العفو": the issuer named.
	if lex.docNouns[bare] && i+2 < b && (d.toks[i+1].key == "الذي" || d.toks[i+1].key == "التي") && issuedBy(d.toks[i+2].key) {
		if s, end, ok := d.arNP(i+2+1, b, false); ok && strongSrc(s) {
			return s, end, true
		}
	}
	// A document standing for whoever issued it: "وذكر البيان".
	if lex.docNouns[bare] {
		if s, ok := d.issuer(); ok {
			s.anaphor = true
			end := i + 1
			for end < b && d.toks[end].kind == tWord && lex.nisba(d.toks[end].key) {
				end++
			}
			return s, end, true
		}
	}
	// A registry name or a role.
	if val, end := d.match(i, true); val != nil {
		s, ok := d.resolve(val, start, end)
		if ok && val.entry == nil {
			// "وزير الخارجية الإيراني عباس عراقجي": a name after the role
			// says who held it, whatever the registry's dates say.
			if p, pend, ok := d.namedHolder(end, b); ok {
				if p.org == nil {
					_, p.org = d.a.reg.Holder(val.role, time.Time{})
				}
				return p, pend, true
			}
		}
		if ok && (val.entry == nil || !val.entry.RequiresCue || afterVerb || d.typeNounBefore(start)) && d.fits(val.entry, start, end, b) {
			return s, d.apposition(s, end, b), true
		}
	}
	lcut := false // the name as written starts after a glued ل
	if bare == k && strings.HasPrefix(bare, "ل") && !strings.HasPrefix(bare, "لل") {
		if lex.isWord(bare[len("ل"):]) {
			bare, lcut = bare[len("ل"):], true // "لبيان", "لصحيفة"
		}
	} else if strings.HasPrefix(bare, "لل") {
		if _, ok := lex.typeNouns[bare[len("لل"):]]; ok {
			bare, lcut = "ال"+bare[len("لل"):], true
		}
	}
	// name is the phrase [start, end) as written, without that ل:
	// "لشركة الأبحاث كاونتربوينت" is "شركة الأبحاث كاونتربوينت".
	name := func(end int) string {
		t := d.text(start, end)
		if !lcut {
			return t
		}
		r, ok := strings.CutPrefix(t, "ل")
		if !ok {
			return t
		}
		r = strings.TrimLeft(r, "ـ")
		if strings.HasPrefix(bare, "ال") && strings.HasPrefix(r, "ل") {
			r = "ا" + r // "للجيش" → "الجيش"
		}
		return r
	}
	// Numbers before a source noun: "ثلاثة مسؤولين".
	if lex.quantity[bare] && i+1 < b {
		if _, ok := lex.sourceNouns[d.toks[i+1].key]; ok {
			i++
			bare = d.toks[i].key
		}
	}
	// "تقرير “وول ستريت جورنال”", "تقديرات رئيس الحكومة", "بيان للجيش".
	if lex.dataNouns[bare] {
		j := i + 1
		// "بيانات رسمية نشرها البنك المركزي": the issuer after the verb
		// of a relative clause.
		k := j
		for k < b && d.toks[k].kind == tWord && (lex.nisba("ال"+d.toks[k].key) || lex.nisba(d.toks[k].key)) {
			k++
		}
		if k < b && issuedBy(d.toks[k].key) {
			if s, end, ok := d.arNP(k+1, b, false); ok && strongSrc(s) {
				return s, end, true
			}
		}
		// "بيان صادر عن الجيش".
		if j+1 < b && strings.HasSuffix(strings.TrimPrefix(d.toks[j].key, "ال"), "صادر") || j+1 < b && strings.TrimPrefix(d.toks[j].key, "ال") == "صادره" {
			if d.toks[j+1].key == "عن" {
				j += 2
			}
		}
		// A source noun ("مصادر مطلعة") is read as one below, its
		// adjective with it: "مصادر دبلوماسية" are not "دبلوماسية", a
		// diplomat.
		_, person := lex.sourceNouns[bare]
		if _, adj := lex.sourceNouns[d.toks[min(j, b-1)].key]; !(person && adj && j < b) {
			if s, end, ok := d.arNP(j, b, false); ok && (s.entry != nil || s.head != "" || s.noun != "") {
				return s, end, true
			}
		}
		// "وفق بيانات بورصة لندن": a name the registry lacks, up to the
		// end of the clause, when no adjective follows the noun ("بيانات
		// رسمية" names no one).
		if !person && j < b && d.toks[j].kind == tWord && !strings.HasPrefix(d.toks[j].key, "ال") && !strings.HasSuffix(d.toks[j].key, "يه") &&
			!strings.HasSuffix(d.toks[j].key, "ي") && !d.is(&d.toks[j], wStopAfterSub) && d.timeEnd(j, b) == j {
			end := j
			for end < b && end-j < 4 && d.toks[end].kind == tWord && !d.is(&d.toks[end], wStopAfterSub) && !d.is(&d.toks[end], wComp) {
				end++
			}
			if end == b || d.toks[end].kind == tPunct && (isComma(d.toks[end].key) || isTerminator(d.toks[end].key)) {
				return src{name: d.text(j, end), kind: outlet.Organization, gender: 'f', noun: bare}, end, true
			}
		}
	}
	// A type noun: "صحيفة X", or "الوكالة" for an earlier source.
	if tn, ok := lex.typeNouns[bare]; ok {
		j := i + 1
		for j < b && transparent(d.toks[j]) {
			j++
		}
		if val, end := d.match(j, false); val != nil && val.entry != nil && d.fits(val.entry, j, end, b) {
			s := d.a.m.src(val.entry)
			return s, d.apposition(s, end, b), true
		}
		// "صحيفة النيويورك تايمز": an article the name lacks.
		if val, end := d.a.m.matchArticled(d.toks, j); val != nil && val.entry != nil && end > j+1 && d.fits(val.entry, j, end, b) {
			s := d.a.m.src(val.entry)
			return s, d.apposition(s, end, b), true
		}
		if e, end := d.matchFuzzy(j, bare); e != nil && d.fits(e, j, end, b) {
			return d.a.m.src(e), end, true
		}
		if e, end := d.matchFuzzy(i, bare); e != nil && end > j && d.fits(e, i, end, b) {
			// "مكتب رئيس الوزراء" for "مكتب رئيس الوزراء الإسرائيلي".
			return d.a.m.src(e), end, true
		}
		if tn.kinds[0] != "official" && tn.kinds[0] != "organization" {
			if e, end := d.matchFuzzy(j, ""); e != nil && d.fits(e, j, end, b) {
				return d.a.m.src(e), end, true
			}
		}
		end := d.npEnd(j, b)
		if end > j {
			if s, ok := d.inside(i, end); ok {
				return s, end, true
			}
			s := src{name: name(end), kind: kindOf(tn), gender: 'f', head: bare}
			return s, end, true
		}
	}
	if strings.HasPrefix(bare, "ال") {
		h := strings.TrimPrefix(bare, "ال")
		if _, ok := lex.typeNouns[h]; ok || len(d.a.m.heads[h]) > 0 {
			if s, ok := d.anaphor(h); ok {
				s.anaphor = true
				end := i + 1
				for end < b && d.toks[end].kind == tWord && lex.nisba(d.toks[end].key) {
					end++
				}
				return s, end, true
			}
			// "البنك المركزي المصري": a definite body not in the registry;
			// alone before what it denies: "ونفت الحكومة وجود".
			if end := d.npEnd(i+1, b); end > i+1 || end < b && d.is(&d.toks[end], wObjects) {
				if s, ok := d.inside(i, end); ok {
					return s, end, true
				}
				tn := lex.typeNouns[h]
				return src{name: name(end), kind: kindOf(tn), gender: 'm', head: h}, end, true
			}
		}
	}
	// "مراسل الجزيرة": a correspondent speaks for the outlet.
	if strings.HasPrefix(strings.TrimPrefix(bare, "ال"), "مراسل") && i+1 < b {
		if val, end := d.match(i+1, false); val != nil && val.entry != nil {
			if s := d.a.m.src(val.entry); s.isMedia() {
				return s, end, true
			}
		}
	}
	// A source noun: "مسؤولون أميركيون", "المتحدث باسم الخارجية".
	if sn, ok := lex.sourceNouns[bare]; ok {
		end := d.npEnd(i+1, b)
		// "مسؤولة الإغاثة في الأمم المتحدة كليمنتين نكويتا سلامي": the
		// body, then the name of the one speaking for it.
		// "الأمين العام لحزب الله حسن نصر الله": the body glued to ل,
		// then the name (ل and an outlet would be a conduit).
		bs, glued := -1, false
		switch {
		case end+1 < b && d.toks[end].key == "في":
			bs = end + 1
		case end < b && strings.HasPrefix(d.toks[end].key, "ل"):
			bs, glued = end, true
		}
		if bs >= 0 {
			if val, bend := d.match(bs, glued); val != nil && val.entry != nil && val.entry.Kind != outlet.Person && !(val.entry.RequiresCue && !d.typeNounBefore(bs)) &&
				!(glued && d.a.m.src(val.entry).isMedia()) {
				n := bend
				for n < b && n-bend < 4 && d.toks[n].kind == tWord && (!strings.HasPrefix(d.toks[n].key, "ال") || d.toks[n].key == "الله" && n > bend) && !d.is(&d.toks[n], wStopAfterSub) && !d.is(&d.toks[n], wComp) && !d.conduitAt(n) {
					if _, v := d.verbAt(n); v {
						break
					}
					n++
				}
				if n-bend >= 2 {
					end = n
				}
			}
		}
		// A registered person or body named inside the phrase.
		if s, ok := d.inside(i, end); ok {
			return s, end, true
		}
		// "مسؤول في البنتاغون", "مصادر في وكالة رويترز": unnamed people
		// in a body, not the body speaking, as English's "an official at
		// the Pentagon".
		if s, send, ok := d.arMemberOf(start, end, b, sn); ok {
			return s, send, true
		}
		// "رئيس الهيئة، أسامة ربيع،": a registered person named right
		// after the role says who speaks.
		if p, pend, ok := d.namedHolder(end, b); ok {
			return p, pend, true
		}
		if bare == "التقارير" && end == i+1 {
			return src{}, i, false // "وتشير التقارير إلى أن": reports of no one
		}
		if strings.HasPrefix(bare, "ال") && end == i+1 {
			// Alone before its content ("وأضاف الوزير أن"), not before a
			// phrase that names someone else ("القيادي في حركة حماس ...").
			alone := end >= b || d.toks[end].kind == tPunct || d.is(&d.toks[end], wComp) || d.timeEnd(end, b) > end
			if s, ok := d.anaphorNoun(bare, alone); ok {
				s.anaphor = true
				return s, end, true
			}
		}
		if p, ok := d.roleName(i+1, end); ok && sn.gender != 'p' {
			// "وزير المالية المصري أحمد كجوك": the man, by his name; "الوزير"
			// later finds him by his role.
			return src{name: d.text(p, end), kind: outlet.Person, gender: sn.gender, noun: strings.TrimPrefix(bare, "ال")}, end, true
		}
		// "سكان في شمال قطاع غزة", "مسعفون من الدفاع المدني", "مصادر
		// مطلعة على سير المحادثات": unnamed people go by where they are,
		// not by the venue ("في مؤتمر صحفي") or the time they spoke.
		nend := end
		if sn.kind == "anonymous" && end+1 < b && !d.conduitAt(end+1) {
			switch d.toks[end].key {
			case "في", "من", "علي":
				if k := d.toks[end+1].key; !lex.venues[k] && !lex.venues[strings.TrimPrefix(k, "ال")] && d.timeEnd(end, b) == end && d.timeEnd(end+1, b) == end+1 && k != "وقت" {
					if e := d.npEnd(end+1, b); e > end+1 {
						nend = e
					}
				}
			}
		}
		return src{name: name(nend), kind: outlet.Kind(sn.kind), gender: sn.gender, noun: strings.TrimPrefix(bare, "ال")}, end, true
	}
	// "قالت الصين إن": a definite name, one to three words, right before
	// its complementiser.
	if afterVerb && strings.HasPrefix(k, "ال") && !lex.notSource[k] && !lex.isWord(k) {
		j := i + 1
		for j < b && j-i < 3 && d.toks[j].kind == tWord && !d.is(&d.toks[j], wComp) && !d.is(&d.toks[j], wStopAfterSub) && d.timeEnd(j, b) == j && !d.conduitAt(j) {
			j++
		}
		// "قال الدفاع المدني في غزة إن": a place or a venue may come
		// before the content.
		if _, isVerb := d.verbAt(i); !isVerb && d.nameEnds(j, b) {
			return src{name: d.text(i, j), kind: outlet.Organization, gender: 'f'}, j, true
		}
		// "وقالت المقررة الأممية فرانشيسكا ألبانيزي إن": a role the
		// lexicon lacks, then a name.
		for e := j + 1; e < b && e-i <= 7; e++ {
			if d.toks[e-1].kind != tWord || d.is(&d.toks[e-1], wComp) || d.conduitAt(e-1) {
				break
			}
			if _, isVerb := d.verbAt(e - 1); isVerb {
				break
			}
			if p, ok := d.roleName(i+1, e); ok && d.nameEnds(e, b) {
				g := byte('m')
				if strings.HasSuffix(k, "ه") {
					g = 'f'
				}
				return src{name: d.text(p, e), kind: outlet.Person, gender: g, noun: strings.TrimPrefix(k, "ال")}, e, true
			}
		}
	}
	if afterVerb && !strings.HasPrefix(k, "ال") && !strings.HasPrefix(k, "لل") {
		// An unknown proper name needs a verb before and a complementiser
		// right after: "قال جون سميث إن".
		j := i
		for j < b && j-i < 4 && d.toks[j].kind == tWord && !d.is(&d.toks[j], wComp) && !d.is(&d.toks[j], wStopAfterSub) && d.timeEnd(j, b) == j && !(j > i && d.conduitAt(j)) {
			j++
		}
		if _, isVerb := d.verbAt(i); j > i && !isVerb && d.nameEnds(j, b) {
			if s, ok := d.partialPerson(i, j); ok {
				return s, j, true
			}
			return src{name: d.text(i, j), kind: outlet.Person, gender: 'm'}, j, true
		}
	}
	return src{}, i, false
}

// arMemberOf reads "في X" (or "من X", "لدى X") after the unnamed source
// toks[start:end] whose noun is sn: when X is a registered body, with its
// type noun or without ("في صحيفة الرياض", "في البنتاغون"), the source is
// the phrase as written, of that body. A name that is also a word or a
// place needs its type noun: "مسؤول في الرياض" is in the city.
func (d *doc) arMemberOf(start, end, b int, sn sourceNoun) (src, int, bool) {
	if sn.kind != "anonymous" || end+1 >= b {
		return src{}, 0, false
	}
	switch d.toks[end].key {
	case "في", "من", "لدي":
	default:
		return src{}, 0, false
	}
	j := end + 1
	if _, ok := d.a.lex.typeNouns[d.toks[j].key]; ok && j+1 < b {
		j++
	}
	val, bend := d.match(j, false)
	if val == nil || val.entry == nil || val.entry.Kind == outlet.Person || val.entry.RequiresCue && !d.typeNounBefore(j) {
		// "مسؤول في وكالة" alone, or "في صحيفة X" for an X the registry
		// lacks: the type noun's own reading, if any, is not this.
		return src{}, 0, false
	}
	return src{name: d.text(start, bend), kind: outlet.Kind(sn.kind), gender: sn.gender, noun: strings.TrimPrefix(d.toks[start].key, "ال"), org: val.entry}, bend, true
}

// nameEnds reports whether an unknown name may end before token j: its
// content follows (a complementiser or a colon), perhaps after a short
// venue or conduit ("قال جون سميث في بيان إن", "لرويترز إن") or an
// apposition ("، وهو صاحب متجر:"); or the content came first ("«...»،
// تقول أم محمد، وهي نازحة").
func (d *doc) nameEnds(j, b int) bool {
	if d.contentFirst && (j >= b || isComma(d.toks[j].key) || d.toks[j].kind == tPunct && isTerminator(d.toks[j].key) || d.conduitAt(j)) {
		return true
	}
	k2 := j
	for k2 < b && (isComma(d.toks[k2].key) || d.timeEnd(k2, b) > k2) {
		k2 = max(k2+1, d.timeEnd(k2, b))
	}
	if k2 < b && (d.is(&d.toks[k2], wComp) || isColon(d.toks[k2].key)) {
		return true
	}
	// A short venue or conduit, or an apposition after a comma, then the
	// content.
	venue := k2 < b && (d.toks[k2].key == "في" || d.toks[k2].key == "خلال" || d.toks[k2].key == "عبر" || strings.HasPrefix(d.toks[k2].key, "ل"))
	app := j < b && isComma(d.toks[j].key)
	if !venue && !app {
		return false
	}
	limit := 10
	if app {
		limit = 12
	}
	for n := k2 + 1; n < b && n <= k2+limit; n++ {
		if _, v := d.verbAt(n); v || isTerminator(d.toks[n].key) {
			return false
		}
		if d.is(&d.toks[n], wComp) || isColon(d.toks[n].key) {
			return true
		}
	}
	return false
}

// conduitAfter reads the outlet a source spoke to at token j, "لرويترز",
// "لـ\"العربي الجديد\"", and returns it with the index past it.
func (d *doc) conduitAfter(j, b int) (src, int, bool) {
	if j >= b || !d.conduitAt(j) {
		return src{}, j, false
	}
	if d.toks[j].key == "ل" {
		j++
		for j < b && transparent(d.toks[j]) {
			j++
		}
	}
	if c, end, ok := d.arNP(j, b, true); ok && c.isMedia() {
		return c, end, true
	}
	return src{}, j, false
}

// conduitAt reports an outlet after ل at token j: "لرويترز", "لوكالة
// الأناضول", "لـ\"العربي الجديد\"".
func (d *doc) conduitAt(j int) bool {
	k := d.toks[j].key
	if !strings.HasPrefix(k, "ل") || strings.HasPrefix(k, "لل") {
		return false
	}
	if k == "ل" {
		return true
	}
	if val, _ := d.match(j, true); val != nil && val.entry != nil && d.a.m.src(val.entry).isMedia() {
		return true
	}
	tn, ok := d.a.lex.typeNouns[k[len("ل"):]]
	return ok && tn.kinds[0] != "official" && tn.kinds[0] != "organization"
}

// bareKey strips a conjunction و / ف from k when what is left is a word
// of the lexicon or a definite noun: وصحيفة → صحيفه, but وكاله stays.
func (d *doc) bareKey(k string) string {
	if !strings.HasPrefix(k, "و") && !strings.HasPrefix(k, "ف") || len(k) <= 2*len("و") {
		return k
	}
	r := k[len("و"):]
	lex := d.a.lex
	if strings.HasPrefix(r, "ال") && !lex.isWord(k) {
		return r
	}
	if lex.isWord(r) && !lex.isWord(k) {
		return r
	}
	return k
}

// typeNounBefore reports a type noun right before token i ("صحيفة
// البيان"), the cue an ordinary-word name needs.
func (d *doc) typeNounBefore(i int) bool {
	j := i - 1
	for j >= 0 && transparent(d.toks[j]) {
		j--
	}
	if j < 0 {
		return false
	}
	k := strings.TrimPrefix(d.toks[j].key, "و")
	k = strings.TrimPrefix(k, "ل")
	_, ok := d.a.lex.typeNouns[k]
	return ok
}

// issuer returns the latest body or outlet mentioned, for "البيان" and
// "التقرير": a statement is its issuer's.
func (d *doc) issuer() (src, bool) {
	if d.issuerSrc != nil {
		return *d.issuerSrc, true
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.kind != outlet.Person && m.kind != outlet.Anonymous && (m.entry != nil || m.head != "") {
			return m, true
		}
	}
	return src{}, false
}

// resolve turns a registry match into a source: a role becomes the
// person who held it on the article's date.
func (d *doc) resolve(val *nameVal, i, j int) (src, bool) {
	if val.entry != nil {
		s := d.a.m.src(val.entry)
		if val.entry.Kind == outlet.Person {
			// The body the person speaks for on the article's date.
			for _, r := range val.entry.Roles {
				if r.Org != "" && (d.date().IsZero() && r.To.IsZero() || !d.date().IsZero() && r.Held(d.date())) {
					s.org = d.a.reg.Lookup(r.Org)
					break
				}
			}
		}
		return s, true
	}
	p, org := d.a.reg.Holder(val.role, d.date())
	if p == nil {
		return src{name: d.text(i, j), kind: outlet.Official, gender: 'm'}, true
	}
	s := d.a.m.src(p)
	s.org = org
	return s, true
}

// fits reports whether the registry name of e at tokens [i, end) is e
// and not a namesake: "صحيفة الوطن السورية" is not Egypt's al-Watan (the
// adjective names another country), and "البيان الختامي" is a statement,
// not the newspaper al-Bayan (an ordinary-word name with an adjective of
// its own).
func (d *doc) fits(e *outlet.Entry, i, end, b int) bool {
	if e == nil {
		return true
	}
	k := end
	for k < b && transparent(d.toks[k]) {
		k++
	}
	if k >= b || d.toks[k].kind != tWord {
		return true
	}
	w := d.toks[k].key
	if c, ok := d.a.lex.countryNisba[w]; ok {
		return e.Country == "" || e.Country == c
	}
	if e.RequiresCue && strings.HasPrefix(w, "ال") && !d.typeNounBefore(i) {
		return false
	}
	return true
}

// namedHolder reads a registered person named right after a role, a
// comma allowed between.
func (d *doc) namedHolder(i, b int) (src, int, bool) {
	for i < b && (isComma(d.toks[i].key) || transparent(d.toks[i])) {
		i++
	}
	val, end := d.match(i, false)
	if val == nil || val.entry == nil || val.entry.Kind != outlet.Person {
		return src{}, i, false
	}
	s, _ := d.resolve(val, i, end)
	return s, end, true
}

// apposition skips ", ينس ستولتنبرغ," after a role that names the same
// person, or a nisba adjective after an outlet ("الأميركية").
func (d *doc) apposition(s src, end, b int) int {
	j := end
	for j < b && (isComma(d.toks[j].key) || transparent(d.toks[j])) {
		j++
	}
	if val, e := d.match(j, false); val != nil && val.entry != nil && s.entry != nil && val.entry == s.entry {
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
		if d.is(&t, wComp) || d.is(&t, wStopAfterSub) || d.is(&t, wObjects) || d.timeEnd(j, b) > j {
			break
		}
		if _, ok := d.verbAt(j); ok {
			break
		}
		if tn, ok := lex.typeNouns[t.key]; ok && j > i && tn.kinds[0] != "official" && tn.kinds[0] != "organization" && d.toks[j-1].key != "باسم" {
			// "أبلغ مسؤول خليجي وكالة رويترز": the outlet he told.
			if val, _ := d.match(j+1, false); val != nil && val.entry != nil && d.a.m.src(val.entry).isMedia() {
				break
			}
		}
		if j > i && !strings.HasPrefix(t.key, "ب") && d.toks[j-1].key != "باسم" && t.flags&fName != 0 {
			// "أبلغ مسؤول أوروبي رويترز أن": an outlet after the phrase is
			// whom it spoke to.
			if val, _ := d.match(j, false); val != nil && val.entry != nil && !val.entry.RequiresCue && d.a.m.src(val.entry).isMedia() {
				break
			}
		}
		if strings.HasPrefix(t.key, "ل") {
			// A conduit: "مسؤول أميركي لرويترز", "شهود لصحيفة الشروق". Right
			// after the head only an outlet counts: "رئيس لبنان" is one
			// phrase.
			if val, _ := d.match(j, true); val != nil && (j > i || val.entry != nil && d.a.m.src(val.entry).isMedia()) {
				break
			}
			if tn, ok := lex.typeNouns[t.key[len("ل"):]]; ok && tn.kinds[0] != "official" && tn.kinds[0] != "organization" {
				break // لوكالة سانا
			}
		}
		if d.is(&t, wQuoteSuffix) || t.key == "ل" {
			break
		}
		if j > i && unnamedConduit(t.key) {
			break // "مارسيل كولر للصحفيين": whom he spoke to
		}
		if j > i && anonymityClause(t.key) {
			break // "مسؤول أمريكي طلب عدم نشر اسمه"
		}
		if j > i && strings.HasPrefix(t.key, "بال") && t.key != "باللغه" && !lex.isWord(t.key) {
			// "رحبت وزارة الخارجية بالقرار": what it spoke of; but
			// "المتحدث باللغة العربية" is still the role.
			break
		}
		j++
	}
	for j > i && d.toks[j-1].kind == tPunct {
		if d.roles[j-1] == -1 && slices.Contains(d.roles[max(i-1, 0):j-1], 1) {
			break // the closing mark of a quoted name: منظمة "أنقذوا الأطفال"
		}
		j--
	}
	return j
}

// inside looks for a registered person, or a body after "باسم", within
// tokens [i, j). A body followed by a name is the named spokesperson, an
// unregistered person: "المتحدث باسم البنتاغون الجنرال باتريك رايدر".
func (d *doc) inside(i, j int) (src, bool) {
	var body *src
	bodyEnd := 0
	for k := i + 1; k < j; k++ {
		val, end := d.match(k, true)
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
		// "مسؤول في الرياض" is in the city, not at the paper al-Riyadh:
		// a name that is also a word or a place needs its type noun.
		if s.entry != nil && body == nil && (d.toks[k-1].key == "باسم" || strings.HasPrefix(d.toks[k].key, "ب") || strings.HasPrefix(d.toks[k].key, "ل") && !s.isMedia() || d.toks[k-1].key == "في") &&
			!(s.entry.RequiresCue && !d.typeNounBefore(k)) {
			b := s
			body, bodyEnd = &b, end
		}
		k = end - 1
	}
	if body == nil {
		// "متحدثا باسمه": the body named earlier in the sentence.
		for k := i + 1; k < j; k++ {
			if w := d.toks[k].key; w == "باسمه" || w == "باسمها" || w == "باسمهم" {
				if s, ok := d.bodyBefore(i); ok {
					return s, true
				}
			}
		}
		return src{}, false
	}
	// Words after the body that are not adjectives nor titles: a name.
	n := bodyEnd
	for n < j && (d.a.lex.nisba(d.toks[n].key) || strings.HasPrefix(d.toks[n].key, "ال")) {
		n++
	}
	if j-n >= 2 {
		p := src{name: d.text(n, j), kind: outlet.Person, gender: 'm', org: body.entry}
		if q, ok := d.partialPerson(n, j); ok {
			return q, true
		}
		return p, true
	}
	if d.toks[i].key != "" && d.a.lex.sourceNouns[d.toks[i].key].kind == "anonymous" {
		// "مسؤول في البنتاغون": an unnamed official in the body.
		return src{name: d.text(i, j), kind: outlet.Anonymous, gender: 'm', org: body.entry, noun: strings.TrimPrefix(d.toks[i].key, "ال")}, true
	}
	s := *body
	// "المتحدث باسم الأونروا" speaks for the agency, but "وأضاف" after
	// him is his: the speaker's gender, not the body's.
	if sn, ok := d.a.lex.sourceNouns[d.bareKey(d.toks[i].key)]; ok && sn.gender != 0 {
		s.gender = sn.gender
	}
	return s, true
}

// unnamedConduit reports "للصحفيين", "لوسائل الإعلام": the people or
// media unnamed whom a source spoke to.
func unnamedConduit(k string) bool {
	switch k {
	case "للصحفيين", "للصحافيين", "للصحافه", "للاعلام", "لوسائل", "للتلفزيون", "للمراسلين", "لمراسلين", "لصحفيين", "لصحافيين":
		return true
	}
	return false
}

// anonymityClause reports a word opening the clause of a source that
// would not be named: "طلب عدم نشر اسمه", "شريطة عدم الكشف عن هويته".
func anonymityClause(k string) bool {
	switch k {
	case "طلب", "طلبت", "طلبوا", "طالبا", "اشترط", "اشترطت", "مشترطا", "شريطه", "شرط", "مفضلا", "فضل", "رفض", "رفضت", "رافضا":
		return true
	}
	return false
}

// roleName finds the unregistered name that closes a role phrase ending
// at end: two to four words after a definite one, the first of them not
// definite and none a word of the lexicon ("وزير المالية المصري أحمد
// كجوك", "المتحدث باسم الجيش العميد نبيل عبد الله"). It returns where the
// name starts.
func (d *doc) roleName(a, end int) (int, bool) {
	for p := max(a, end-4); p+1 < end; p++ {
		if prev := d.toks[max(p-1, 0)].key; p == 0 || d.toks[p-1].kind != tWord || !strings.HasPrefix(prev, "ال") && !strings.HasPrefix(prev, "لل") || strings.HasPrefix(d.toks[p].key, "ال") {
			continue
		}
		switch d.toks[p].key {
		case "بن", "بنت", "ابن":
			continue // inside a name: "عبد العزيز بن تركي"
		}
		if p >= 2 && (d.toks[p-2].key == "عبد" || d.toks[p-2].key == "ابو") {
			continue // "عبد العزيز" is a name's first part
		}
		ok := true
		for k := p; k < end && ok; k++ {
			t := &d.toks[k]
			// A family name may look like an adjective: "سهيل المزروعي".
			ok = t.kind == tWord && !d.a.lex.isWord(t.key) && !d.is(t, wComp) && !d.is(t, wStopAfterSub) && (k > p || !d.a.lex.nisba(t.key)) &&
				(k > p || !strings.HasPrefix(t.key, "ل") && !strings.HasPrefix(t.key, "ب"))
		}
		if ok {
			return p, true
		}
	}
	return 0, false
}

// bodyBefore finds the nearest registered body named before token i in
// the block, else the latest body mentioned.
func (d *doc) bodyBefore(i int) (src, bool) {
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		if val, _ := d.match(k, true); val != nil && val.entry != nil && val.entry.Kind != outlet.Person {
			return d.a.m.src(val.entry), true
		}
	}
	return d.issuer()
}

// anaphor finds the latest source whose type noun is head ("وكاله").
func (d *doc) anaphor(head string) (src, bool) {
	// The source of a recent claim first: "وقالت الوكالة" goes on with the
	// agency that was speaking, not one named inside its claim.
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		m := d.csrc[i]
		if m.head == head || m.entry != nil && d.a.m.hasHead(m.entry, head) {
			return m, true
		}
		// "وقالت المنظمة" after its director spoke: the body the person
		// speaks for.
		if m.org != nil && d.a.m.hasHead(m.org, head) {
			return d.a.m.src(m.org), true
		}
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.head == head || m.entry != nil && d.a.m.hasHead(m.entry, head) {
			return m, true
		}
	}
	// A media type noun may also stand for a kind: "الصحيفة" for a
	// newspaper whose head noun is "جريدة". Not a body: "السلطات" is no
	// one in particular.
	if tn, ok := d.a.lex.typeNouns[head]; ok && tn.kinds[0] != "official" && tn.kinds[0] != "organization" {
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
func (d *doc) anaphorNoun(k string, alone bool) (src, bool) {
	n := strings.TrimPrefix(k, "ال")
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.noun == n {
			return m, true
		}
	}
	// "وأضاف الوزير" after "قال وزير الخارجية ...": a title goes on with
	// the person who just spoke.
	if alone && d.a.lex.sourceNouns[k].kind == "official" {
		return d.recentSpeaker(n, false)
	}
	return src{}, false
}

// recentSpeaker returns the source of one of the last few claims headed
// by noun ("the witnesses" after "Witnesses said"), else, for a single
// title, of one of the last two that is a person or an unnamed official.
func (d *doc) recentSpeaker(noun string, plural bool) (src, bool) {
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		if s := d.csrc[i]; s.noun == noun {
			return s, true
		}
	}
	if plural {
		return src{}, false
	}
	// A registered person whose office the noun names: "the minister"
	// for the defence minister.
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 3; i, n = i-1, n+1 {
		if s := d.csrc[i]; s.entry != nil && s.entry.Kind == outlet.Person && d.a.m.titled(s.entry, noun) {
			return s, true
		}
	}
	for i, n := len(d.csrc)-1, 0; i >= 0 && n < 2; i, n = i-1, n+1 {
		s := d.csrc[i]
		if s.noun != "" && s.noun != noun && s.head == "" {
			continue // a title of its own: "Hamas official Osama Hamdan"
		}
		if s.entry != nil && s.entry.Kind == outlet.Person && len(s.entry.Roles) > 0 {
			continue // his titles were asked above: "the mayor" is not Blinken
		}
		if s.kind == outlet.Person || s.entry == nil && (s.kind == outlet.Official || s.kind == outlet.Anonymous) && s.gender != 'p' {
			return s, true
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
	// "وكان مكتب رئيس الوزراء قد نفى", "أما المتحدث ... فقال".
	if k := d.toks[first].key; isKana(k) || k == "اما" || k == "واما" {
		first++
	}
	if first >= b {
		return found{}, false
	}
	s, end, ok := d.arNP(first, b, false)
	if !ok || !strongSrc(s) {
		// "أحمد عبد الله، وهو تاجر في السوق، قال إن": an unknown name, an
		// apposition, then the verb.
		e := first
		for e < b && e-first < 4 && d.toks[e].kind == tWord && (!strings.HasPrefix(d.toks[e].key, "ال") || e > first && nameLink(d.toks[e-1].key)) && !d.is(&d.toks[e], wStopAfterSub) && !d.is(&d.toks[e], wConjunctions) {
			if _, v := d.verbAt(e); v {
				return found{}, false
			}
			e++
		}
		if e == first || e-first < 2 || e >= b || !isComma(d.toks[e].key) {
			return found{}, false
		}
		if ae := d.appositionEnd(e, b); ae > e {
			s, end = src{name: d.text(first, e), kind: outlet.Person, gender: 'm'}, ae
		} else {
			return found{}, false
		}
	} else if ae := d.appositionEnd(end, b); ae > end {
		end = ae // "الكرملين، على لسان المتحدث باسمه، قال"
	}
	for j := end; j < b && j < end+4; j++ {
		if d.toks[j].kind == tPunct && !isComma(d.toks[j].key) {
			break
		}
		if d.toks[j].key == "قد" {
			continue
		}
		v, ok := d.verbAt(j)
		if !ok {
			continue
		}
		if v.class == vMedium && !s.isMedia() {
			return found{}, false
		}
		f := found{start: a, source: s, typ: Indirect, cue: [2]int{j, j + 1}, deny: v.deny}
		_, direct, comp := d.arTail(&f, j+1, b, v.class)
		if !comp && !direct && s.entry == nil && s.noun == "" && s.head == "" {
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

// nameLink reports the first part of a compound name whose second part
// is definite: عبد الله, أبو الغيط, بن سلمان, نور الدين.
func nameLink(k string) bool {
	switch k {
	case "عبد", "ابو", "ابي", "بن", "ابن", "نور", "سيف", "عز", "صلاح", "شمس", "بدر":
		return true
	}
	return false
}

// appositionEnd returns the index past an apposition between commas at
// i ("، وهو تاجر في السوق،"), when a reporting verb follows it; else i.
func (d *doc) appositionEnd(i, b int) int {
	if i >= b || !isComma(d.toks[i].key) {
		return i
	}
	for k := i + 1; k < b && k <= i+14; k++ {
		t := d.toks[k]
		if t.kind == tPunct && (isTerminator(t.key) || isColon(t.key)) {
			return i
		}
		if _, v := d.verbAt(k); v && !isComma(d.toks[k-1].key) {
			return i
		}
		if isComma(t.key) {
			n := k + 1
			if n < b && d.toks[n].key == "قد" {
				n++
			}
			if _, v := d.verbAt(n); v {
				return k + 1
			}
			return i
		}
	}
	return i
}

// isKana reports a form of كان opening a clause: "وكانت X قد ذكرت".
func isKana(k string) bool {
	switch k {
	case "كان", "وكان", "كانت", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا":
		return true
	}
	return false
}

// datelineAt reads a dateline credit at the start of a block: "القاهرة
// (رويترز) -", "(أ ف ب) -", "موسكو - رويترز -".
func (d *doc) datelineAt(a, b int) (src, int, bool) {
	for i := a; i < b && i < a+9; i++ {
		t := d.toks[i]
		if t.key != "(" {
			continue
		}
		val, end := d.match(i+1, false)
		if val == nil || val.entry == nil || end >= b || d.toks[end].key != ")" {
			return src{}, 0, false
		}
		j := end + 1
		if j >= b || !isDash(d.toks[j].key) {
			return src{}, 0, false // "وكالة الأنباء السورية (سانا)" is a name, not a credit
		}
		for j < b && isDash(d.toks[j].key) {
			j++ // "-", "--", "—"
		}
		for k := a; k < i; k++ {
			if _, ok := d.verbAt(k); ok {
				return src{}, 0, false
			}
		}
		s := d.a.m.src(val.entry)
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
	// "عاجل | الجيش الإسرائيلي: ...": a breaking-news kicker first.
	if first+2 < b && (d.toks[first].key == "عاجل" || d.toks[first].key == "خاص") && d.toks[first+1].kind == tPunct {
		if k := d.toks[first+1].key; k == "|" || isDash(k) || isColon(k) {
			first += 2
		}
	}
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
	heading := d.block.Kind == Heading || d.block.Kind == Title || d.firstBlock
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
	// "نتنياهو لرويترز:", "مصادر لـ\"العربي الجديد\":": the outlet the
	// source spoke to.
	for end < colon && transparent(d.toks[end]) {
		end++
	}
	if c, cend, ok := d.conduitAfter(end, colon); ok {
		f.conduit = ptr(c)
		end = cend
	}
	// "بلومبيرغ عن تقييمات عسكرية غربية:" — a chain.
	if end < colon && d.toks[end].key == "عن" {
		if v, vend, ok := d.arNP(end+1, colon, false); ok && vend == colon {
			f.via = append(f.via, v)
			end = vend
		}
	}
	for end < colon && (d.toks[end].kind == tWord && d.a.lex.nisba(d.toks[end].key) || transparent(d.toks[end])) {
		end++
	}
	// "بلينكن في القاهرة:": where the source spoke, a place of a word
	// or two, in a heading only.
	if heading && s.entry != nil && end+1 < colon && colon-end <= 3 && d.toks[end].key == "في" {
		place := true
		for k := end + 1; k < colon; k++ {
			place = place && d.toks[k].kind == tWord && !d.is(&d.toks[k], wComp)
		}
		if place {
			end = colon
		}
	}
	if end != colon {
		return found{}, false
	}
	d.mention(s)
	return f, true
}
