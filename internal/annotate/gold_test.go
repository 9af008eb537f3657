package annotate

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/outlet"
)

// goldInput builds the annotator's input for a gold article the way the
// pipeline does: front matter split off, Markdown parsed by goldmark with
// the citation extension, plain text split into line blocks.
func goldInput(a goldArticle) *Input {
	in := &Input{File: a.File, Src: a.Src, Lang: a.Lang, Date: a.Date}
	if a.Name == "article.md" {
		split, _ := content.SplitFrontMatter(a.Src)
		body := a.Src[split.BodyStart:]
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, Extension{}))
		doc := md.Parser().Parse(text.NewReader(body))
		in.Blocks, in.Marks = FromAST(doc, body, split.BodyStart)
		return in
	}
	in.Blocks = FromText(a.Src, textLines(a.Src))
	return in
}

// score counts, for a group of gold claims, how the annotator did.
type score struct {
	gold, pred, matched  int
	exact                int // matched with the very same span
	viaOK, viaN          int // matched claims whose chain is right, of those with one
	conduitOK, conduitN  int
	nameOK, nameN        int // matched claims of unregistered sources whose name is the gold's, folded
	typeOK               int
	forbidden, forbidHit int // unattributed statements, and those reported as claims
}

func (s *score) add(o score) {
	s.gold += o.gold
	s.pred += o.pred
	s.matched += o.matched
	s.exact += o.exact
	s.viaOK += o.viaOK
	s.viaN += o.viaN
	s.conduitOK += o.conduitOK
	s.conduitN += o.conduitN
	s.nameOK += o.nameOK
	s.nameN += o.nameN
	s.typeOK += o.typeOK
	s.forbidden += o.forbidden
	s.forbidHit += o.forbidHit
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) P() float64 { return ratio(s.matched, s.pred) }
func (s score) R() float64 { return ratio(s.matched, s.gold) }
func (s score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s score) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (gold %d, predicted %d, matched %d)", s.P(), s.R(), s.F1(), s.gold, s.pred, s.matched)
}

func refOf(s Source) goldRef {
	if s.ID != "" {
		return goldRef{ID: s.ID}
	}
	return goldRef{Name: s.Name}
}

// sameSource is the scoring rule: the same registry id, or both
// unregistered.
func sameSource(g goldRef, p Source) bool {
	if g.Registered() {
		return g.ID == p.ID
	}
	return p.ID == ""
}

func overlap(a0, a1, b0, b1 int) bool {
	o := min(a1, b1) - max(a0, b0)
	return o > 0 && 2*o >= min(a1-a0, b1-b0)
}

func chainKey(refs []goldRef) string {
	var k []string
	for _, r := range refs {
		if r.Registered() {
			k = append(k, r.ID)
		} else {
			k = append(k, "=")
		}
	}
	return strings.Join(k, ",")
}

// scoreArticle matches predictions to gold claims and returns the score
// per pattern ("" for predictions matching no gold claim) and the
// mistakes, for the log.
func scoreArticle(a goldArticle, res *Result) (map[string]*score, []string) {
	by := map[string]*score{}
	get := func(p string) *score {
		if by[p] == nil {
			by[p] = &score{}
		}
		return by[p]
	}
	used := make([]bool, len(res.Claims))
	var notes []string
	for _, g := range a.Claims {
		s := get(g.Pattern)
		s.gold++
		best := -1
		for i, p := range res.Claims {
			if used[i] || !overlap(g.Start, g.End, p.Start, p.End) || !sameSource(g.Source, p.Source) {
				continue
			}
			if best < 0 || min(p.End, g.End)-max(p.Start, g.Start) > min(res.Claims[best].End, g.End)-max(res.Claims[best].Start, g.Start) {
				best = i
			}
		}
		if best < 0 {
			why := "missed"
			for _, p := range res.Claims {
				if overlap(g.Start, g.End, p.Start, p.End) {
					why = fmt.Sprintf("wrong source %s (%s)", refOf(p.Source), p.Source.Name)
				}
			}
			notes = append(notes, fmt.Sprintf("%s:%d: %s: want %s [%s] %q", a.File, g.Line, why, g.Source, g.Pattern, abbrev(g.Text)))
			continue
		}
		used[best] = true
		p := res.Claims[best]
		s.matched++
		s.pred++
		if p.Start == g.Start && p.End == g.End {
			s.exact++
		} else {
			notes = append(notes, fmt.Sprintf("%s:%d: span: got %q", a.File, g.Line, abbrev(p.Text)))
		}
		// Unregistered sources match on being unregistered; their
		// names, which the editor adds to the registry from, are
		// counted apart.
		if !g.Source.Registered() {
			s.nameN++
			if fold.LooseString(g.Source.Name) == fold.LooseString(p.Source.Name) {
				s.nameOK++
			} else {
				notes = append(notes, fmt.Sprintf("%s:%d: unregistered source named %q, want %q", a.File, g.Line, p.Source.Name, g.Source.Name))
			}
		}
		if p.Type == g.Type {
			s.typeOK++
		} else {
			notes = append(notes, fmt.Sprintf("%s:%d: type %s, want %s", a.File, g.Line, p.Type, g.Type))
		}
		var pv []goldRef
		for _, v := range p.Via {
			pv = append(pv, refOf(v))
		}
		if len(g.Via) > 0 || len(pv) > 0 {
			s.viaN++
			if chainKey(g.Via) == chainKey(pv) {
				s.viaOK++
			} else {
				notes = append(notes, fmt.Sprintf("%s:%d: via %v, want %v", a.File, g.Line, pv, g.Via))
			}
		}
		var pc goldRef
		if p.Conduit != nil {
			pc = refOf(*p.Conduit)
		}
		if !g.Conduit.IsZero() || !pc.IsZero() {
			s.conduitN++
			if chainKey([]goldRef{g.Conduit}) == chainKey([]goldRef{pc}) && g.Conduit.IsZero() == pc.IsZero() {
				s.conduitOK++
			} else {
				notes = append(notes, fmt.Sprintf("%s:%d: conduit %v, want %v", a.File, g.Line, pc, g.Conduit))
			}
		}
	}
	// Predictions that matched nothing count against the pattern of the
	// gold claim they overlap, else against the article's traps.
	for i, p := range res.Claims {
		if used[i] {
			continue
		}
		pat := ""
		for _, g := range a.Claims {
			if overlap(g.Start, g.End, p.Start, p.End) {
				pat = g.Pattern
				break
			}
		}
		if pat == "" {
			for _, t := range a.Patterns {
				if strings.HasPrefix(t, "trap-") {
					pat = t
					break
				}
			}
		}
		get(pat).pred++
		notes = append(notes, fmt.Sprintf("%s: spurious claim %s [%s] %q", a.File, refOf(p.Source), p.Type, abbrev(p.Text)))
	}
	for _, u := range a.Unattributed {
		s := get("")
		s.forbidden++
		for _, p := range res.Claims {
			if p.Start < u.End && u.Start < p.End {
				s.forbidHit++
				notes = append(notes, fmt.Sprintf("%s:%d: unattributed statement reported as a claim: %q", a.File, u.Line, abbrev(u.Text)))
				break
			}
		}
	}
	return by, notes
}

// TestGold scores the annotator on the gold set, claim → source, per
// language and per pattern, with the held-out part apart, and fails below
// precision 0.95 or recall 0.90 per language (issue 3 §6). Run with -v to
// see the tables; the mistakes on tune/ are logged, never those on
// heldout/.
func TestGold(t *testing.T) {
	gold := loadGold(t)
	reg, diags := outlet.Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	an := New(reg)
	type key struct{ split, lang, pattern string }
	table := map[key]*score{}
	var mistakes []string
	for _, a := range gold {
		res, _ := an.Annotate(t.Context(), goldInput(a))
		by, notes := scoreArticle(a, res)
		for p, s := range by {
			for _, k := range []key{{a.Split, a.Lang, p}, {"all", a.Lang, p}} {
				if table[k] == nil {
					table[k] = &score{}
				}
				table[k].add(*s)
			}
		}
		if a.Split == "tune" {
			mistakes = append(mistakes, notes...)
		}
	}
	total := func(split, lang string) score {
		var s score
		for k, v := range table {
			if k.split == split && k.lang == lang {
				s.add(*v)
			}
		}
		return s
	}
	for _, split := range []string{"all", "tune", "heldout"} {
		for _, lang := range []string{"ar", "en"} {
			s := total(split, lang)
			if s.gold == 0 && s.pred == 0 {
				continue
			}
			t.Logf("%-7s %s  %s", split, lang, s)
			t.Logf("            exact spans %.3f, via %.3f (%d), conduit %.3f (%d), type %.3f, unregistered names %.3f (%d), unattributed kept %d/%d",
				ratio(s.exact, s.matched), ratio(s.viaOK, s.viaN), s.viaN, ratio(s.conduitOK, s.conduitN), s.conduitN,
				ratio(s.typeOK, s.matched), ratio(s.nameOK, s.nameN), s.nameN, s.forbidden-s.forbidHit, s.forbidden)
		}
	}
	var keys []key
	for k := range table {
		if k.split == "all" && k.pattern != "" {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].lang != keys[j].lang {
			return keys[i].lang < keys[j].lang
		}
		return keys[i].pattern < keys[j].pattern
	})
	t.Logf("per pattern (tune and held-out):")
	for _, k := range keys {
		t.Logf("  %s %-22s %s", k.lang, k.pattern, *table[k])
	}
	t.Logf("per pattern, held-out only:")
	for _, k := range keys {
		if s := table[key{"heldout", k.lang, k.pattern}]; s != nil {
			t.Logf("  %s %-22s %s", k.lang, k.pattern, *s)
		}
	}
	for _, m := range mistakes {
		t.Logf("tune: %s", m)
	}
	// The bar holds on the whole set, tune and held-out together, as issue
	// 3 §6 asks; the held-out score alone is reported above, never its
	// mistakes.
	for _, lang := range []string{"ar", "en"} {
		s := total("all", lang)
		if s.gold == 0 {
			continue
		}
		if s.P() < 0.95 || s.R() < 0.90 {
			t.Errorf("%s: precision %.3f, recall %.3f over the whole gold set; want at least 0.95 and 0.90", lang, s.P(), s.R())
		}
	}
}
