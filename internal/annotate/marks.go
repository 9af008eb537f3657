package annotate

import (
	"strings"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/fold"
	"github.com/isnad/isnad/internal/outlet"
)

// applyMarks merges the author's marks into the detected claims. A mark
// on a sentence or a span replaces the detected claims it overlaps; an
// "off" mark removes them.
func (d *doc) applyMarks(claims []Claim, diags *diag.List) []Claim {
	if len(d.in.Marks) == 0 {
		return claims
	}
	for _, m := range d.in.Marks {
		if m.Err != "" {
			diags.Addf(d.pos(m.At), "citation: %s", m.Err)
			continue
		}
		start, end := m.Start, m.End
		if m.Sentence {
			start, end = d.sentenceAt(m.Start)
			if start >= end {
				diags.Addf(d.pos(m.At), "citation is not in a sentence")
				continue
			}
		}
		if start < 0 || end > len(d.in.Src) || start >= end {
			continue
		}
		// The detected claim on the same text, if any, keeps its cue and
		// type; everything else comes from the mark.
		var base *Claim
		kept := claims[:0]
		for i := range claims {
			c := claims[i]
			if c.Start < end && start < c.End {
				if base == nil && c.Origin == Detected {
					cc := c
					base = &cc
				}
				continue
			}
			kept = append(kept, c)
		}
		claims = kept
		if m.Off {
			d.unattr = append(d.unattr, Span{start, end}) // the editor's word: a plain statement
			continue
		}
		c := Claim{Start: start, End: end, Text: d.srcText(start, end), Via: []Source{}, Type: Indirect, Origin: Marked, URL: m.URL}
		if base != nil && base.Start == start && base.End == end {
			c.Cue, c.Type, c.Via, c.Conduit, c.Polarity = base.Cue, base.Type, base.Via, base.Conduit, base.Polarity
		} else if base != nil {
			c.Cue, c.Type = base.Cue, base.Type
		} else if q := strings.TrimSpace(c.Text); q != "" && isQuote(firstRune(q)) {
			c.Type = Direct
		}
		if m.SourceID == "" && base != nil {
			c.Source = base.Source
			c.Org = base.Org
		} else {
			c.Source, c.Org = d.markSource(m.SourceID, m.At, diags)
		}
		if len(m.Via) > 0 {
			c.Via = []Source{}
			for _, v := range m.Via {
				s, _ := d.markSource(v, m.At, nil)
				c.Via = append(c.Via, s)
			}
		}
		if m.Conduit != "" {
			s, _ := d.markSource(m.Conduit, m.At, diags)
			c.Conduit = &s
		}
		if c.URL == "" && c.Source.ID != "" && d.in.Sources != nil {
			c.URL = d.in.Sources[c.Source.ID]
		}
		claims = append(claims, c)
	}
	return claims
}

// pos returns the position of file offset at, for a diagnostic. The
// file's lines are indexed only when one is reported.
func (d *doc) pos(at int) diag.Pos {
	if d.file == nil {
		d.file = diag.NewFile(d.in.File, d.in.Src)
	}
	return d.file.Pos(at)
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// markSource resolves the source an author wrote: a registry id ("wsj"),
// a name or alias ("رويترز"), or "=name" for a source outside the
// registry. An unknown id is an error with a suggestion.
func (d *doc) markSource(id string, at int, diags *diag.List) (Source, *Source) {
	id = strings.TrimSpace(id)
	if strings.HasPrefix(id, "=") {
		return Source{Name: strings.TrimSpace(id[1:]), Kind: outlet.Anonymous}, nil
	}
	reg := d.a.reg
	e := reg.Lookup(id)
	if e == nil {
		e = reg.Find(id)
	}
	if e == nil {
		if diags != nil {
			msg := "unknown source " + quote(id)
			if s := reg.Suggest(id); s != "" {
				msg += "; did you mean " + quote(s) + "?"
			} else {
				msg += " (add it to content/outlets.yaml, or write =" + id + " for a source outside the registry)"
			}
			diags.Addf(d.pos(at), "%s", msg)
		}
		return Source{Name: id, Kind: outlet.Anonymous}, nil
	}
	s := Source{ID: e.ID, Name: e.Name.In(d.lang()), Kind: e.Kind}
	if e.Kind == outlet.Person {
		for _, r := range e.Roles {
			if r.Org != "" && (d.in.Date.IsZero() || r.Held(d.in.Date)) {
				if o := reg.Lookup(r.Org); o != nil {
					org := Source{ID: o.ID, Name: o.Name.In(d.lang()), Kind: o.Kind}
					return s, &org
				}
			}
		}
	}
	return s, nil
}

func quote(s string) string { return "\"" + s + "\"" }

// sentenceAt returns the file span of the sentence holding offset at, or
// of the sentence just before it in the same block (a citation after the
// full stop: "... sentence. [@wsj]").
func (d *doc) sentenceAt(at int) (int, int) {
	for bi := range d.in.Blocks {
		b := &d.in.Blocks[bi]
		if len(b.Segs) == 0 {
			continue
		}
		first, last := b.Segs[0], b.Segs[len(b.Segs)-1]
		if at < first.Src || at > last.Src+last.Len+1 {
			continue
		}
		// The sentences of the block, as read when finding claims.
		bestS, bestE := -1, -1
		for _, ss := range d.sentSpans {
			if ss.b == b && ss.start <= at {
				bestS, bestE = ss.start, ss.end
			}
		}
		if bestS >= 0 {
			return bestS, bestE
		}
		d.prepare(bi)
		for _, s := range d.sents {
			s = trimSentence(d.toks, s)
			if s.a >= s.b {
				continue
			}
			start, end := d.span(s.a, s.b)
			if start <= at {
				bestS, bestE = start, end
			}
		}
		if bestS >= 0 {
			return bestS, bestE
		}
	}
	return 0, 0
}

// applyOverrides applies the editor's front matter overrides, keyed by
// claim id or by a fragment of the claim's text.
func (d *doc) applyOverrides(claims []Claim, diags *diag.List) []Claim {
	if len(d.in.Overrides) == 0 {
		return claims
	}
	// Ids are needed to match: compute them as they will be.
	tmp := make([]Claim, len(claims))
	copy(tmp, claims)
	assignIDs(d.in.Src, tmp, &d.keys, &d.idk)
	for _, o := range d.in.Overrides {
		hit := -1
		for i, c := range tmp {
			if o.Key == c.ID || !strings.HasPrefix(o.Key, "c-") && strings.Contains(fold.LooseString(c.Text), fold.LooseString(o.Key)) {
				hit = i
				break
			}
		}
		if hit < 0 {
			diags.Warnf(d.pos(o.At), "override %s matches no claim", quote(o.Key))
			continue
		}
		c := &claims[hit]
		if o.Off {
			d.unattr = append(d.unattr, Span{c.Start, c.End})
			claims = append(claims[:hit], claims[hit+1:]...)
			tmp = append(tmp[:hit], tmp[hit+1:]...)
			continue
		}
		c.Source, c.Org = d.markSource(o.Source, o.At, diags)
		c.Origin = Marked
		if o.URL != "" {
			c.URL = o.URL
		}
	}
	return claims
}
