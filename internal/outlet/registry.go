package outlet

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/fold"
)

//go:embed defaults.yaml
var defaultsYAML []byte

// DefaultsName is the file name diagnostics give for the embedded defaults.
const DefaultsName = "internal/outlet/defaults.yaml"

// A Registry is a merged, validated set of entries. It is immutable once
// built and safe for concurrent use.
type Registry struct {
	entries []*Entry // sorted by id
	byID    map[string]*Entry
	byName  map[string]*Entry // Loose key of every name and alias
	where   map[string]Where
	roles   map[string][]roleRef // Loose key of every role title and alias
}

type roleRef struct {
	person *Entry
	role   int
}

// Default returns the registry embedded in the binary, alone. Problems in
// it are reported with DefaultsName as the file.
func Default() (*Registry, diag.List) {
	ps, diags := parse(DefaultsName, defaultsYAML)
	r, more := build(ps, nil)
	diags.Append(more)
	diags.Sort()
	return r, diags
}

// Load reads the site registry name from fsys and merges it over the
// embedded defaults: an entry of the site replaces the default entry with
// the same id. A missing file is not an error; the defaults are used alone.
func Load(fsys fs.FS, name string) (*Registry, diag.List) {
	defs, diags := parse(DefaultsName, defaultsYAML)
	src, err := fs.ReadFile(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		r, more := build(defs, nil)
		diags.Append(more)
		diags.Sort()
		return r, diags
	case err != nil:
		diags.Addf(diag.Pos{File: name}, "reading outlet registry: %v", err)
		r, more := build(defs, nil)
		diags.Append(more)
		diags.Sort()
		return r, diags
	}
	site, more := parse(name, src)
	diags.Append(more)
	r, more := build(defs, site)
	diags.Append(more)
	diags.Sort()
	return r, diags
}

// New builds a registry from entries, as if they were one file; it is for
// tests and for callers that assemble entries in code.
func New(entries ...*Entry) (*Registry, diag.List) {
	ps := make([]parsed, len(entries))
	for i, e := range entries {
		ps[i] = parsed{e: e, where: Where{Aliases: map[string]diag.Pos{}}}
	}
	return build(nil, ps)
}

// build merges site over defs and checks what only the whole registry can
// tell: aliases shared by two entries and roles naming unknown orgs.
func build(defs, site []parsed) (*Registry, diag.List) {
	var diags diag.List
	byID := map[string]parsed{}
	for _, p := range defs {
		byID[p.e.ID] = p
	}
	for _, p := range site {
		byID[p.e.ID] = p // the site wins
	}
	r := &Registry{
		byID:   make(map[string]*Entry, len(byID)),
		byName: map[string]*Entry{},
		where:  make(map[string]Where, len(byID)),
		roles:  map[string][]roleRef{},
	}
	for id, p := range byID {
		r.entries = append(r.entries, p.e)
		r.byID[id] = p.e
		r.where[id] = p.where
	}
	sort.Slice(r.entries, func(i, j int) bool { return r.entries[i].ID < r.entries[j].ID })
	// Clashes are reported on the site's entries, which the user can
	// change, so the defaults claim their names first; within a file, the
	// first entry does.
	ordered := make([]*Entry, 0, len(r.entries))
	for _, list := range [][]parsed{defs, site} {
		for _, p := range list {
			if r.byID[p.e.ID] == p.e {
				ordered = append(ordered, p.e)
			}
		}
	}
	// Names and aliases must tell entries apart after folding.
	type named struct {
		e   *Entry
		pos diag.Pos
	}
	seen := map[string]named{}
	for _, e := range ordered {
		w := r.where[e.ID]
		for _, name := range e.Names() {
			key := fold.LooseString(name)
			if key == "" {
				continue
			}
			pos := aliasPos(w, name, w.Entry)
			first, taken := seen[key]
			switch {
			case !taken:
				seen[key] = named{e, pos}
				r.byName[key] = e
			case first.e != e:
				diags.Addf(pos, "alias %q of %q is also a name of %q (%s)", name, e.ID, first.e.ID, first.pos)
			}
		}
	}
	// Role titles may be shared by the successive holders of an office,
	// never by two people at once.
	for _, e := range ordered {
		w := r.where[e.ID]
		for i, role := range e.Roles {
			pos := w.Entry
			if i < len(w.RoleOrg) {
				pos = w.RoleOrg[i]
			}
			if role.Org != "" {
				if _, ok := r.byID[role.Org]; !ok {
					msg := fmt.Sprintf("role org %q is not in the registry", role.Org)
					if s := r.Suggest(role.Org); s != "" {
						msg += fmt.Sprintf("; did you mean %q?", s)
					}
					diags.Addf(pos, "%s", msg)
				}
			}
			for _, t := range role.Names() {
				key := fold.LooseString(t)
				if key == "" {
					continue
				}
				for _, ref := range r.roles[key] {
					if ref.person == e && ref.role == i {
						goto next
					}
					if o := ref.person.Roles[ref.role]; overlap(o, role) {
						diags.Addf(pos, "role %q of %q overlaps the same role of %q", t, e.ID, ref.person.ID)
						goto next
					}
				}
				r.roles[key] = append(r.roles[key], roleRef{e, i})
			next:
			}
		}
	}
	return r, diags
}

func overlap(a, b Role) bool {
	aEnd, bEnd := a.To, b.To
	if aEnd.IsZero() {
		aEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if bEnd.IsZero() {
		bEnd = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return a.From.Before(bEnd) && b.From.Before(aEnd)
}

// Lookup returns the entry with the given id, or nil.
func (r *Registry) Lookup(id string) *Entry {
	if r == nil {
		return nil
	}
	return r.byID[id]
}

// Entries returns every entry, sorted by id. The slice is shared: do not
// modify it.
func (r *Registry) Entries() []*Entry {
	if r == nil {
		return nil
	}
	return r.entries
}

// Where returns where the entry with the given id was defined.
func (r *Registry) Where(id string) (Where, bool) {
	w, ok := r.where[id]
	return w, ok
}

// Find returns the entry one of whose names or aliases folds to the same
// key as name, or nil. It is exact: use the annotator for text.
func (r *Registry) Find(name string) *Entry {
	if r == nil {
		return nil
	}
	return r.byName[fold.LooseString(name)]
}

// Suggest returns the id of the entry nearest to id — by id, or by a name
// or alias when id is written as a name — for "did you mean" messages, or
// "" when nothing is close.
func (r *Registry) Suggest(id string) string {
	if r == nil || id == "" {
		return ""
	}
	if e := r.Find(id); e != nil {
		return e.ID
	}
	key := fold.LooseString(id)
	best, bestD := "", maxSuggest(key)+1
	for _, e := range r.entries {
		d := fold.Distance(key, e.ID, bestD-1)
		for _, name := range e.Names() {
			d = min(d, fold.Distance(key, fold.LooseString(name), bestD-1))
		}
		if d < bestD {
			best, bestD = e.ID, d
		}
	}
	if best == "" && len(key) >= 4 {
		// A part of an id is a fair guess too: "stoltenberg" for
		// "jens-stoltenberg".
		for _, e := range r.entries {
			if strings.Contains(e.ID, key) {
				return e.ID
			}
		}
	}
	return best
}

func maxSuggest(key string) int {
	switch n := len([]rune(key)); {
	case n <= 3:
		return 1
	case n <= 8:
		return 2
	default:
		return 3
	}
}

// Holder returns the person who held the role named title (a role title
// or alias, in any language) on date, and the body the role belongs to.
// A zero date picks the current holder, else the latest one. It returns
// nil when no one matches.
func (r *Registry) Holder(title string, date time.Time) (person, org *Entry) {
	if r == nil {
		return nil, nil
	}
	refs := r.roles[fold.LooseString(title)]
	var best *roleRef
	for i := range refs {
		ref := &refs[i]
		role := ref.person.Roles[ref.role]
		if !date.IsZero() {
			if role.Held(date) {
				best = ref
				break
			}
			continue
		}
		if best == nil || role.From.After(best.person.Roles[best.role].From) {
			best = ref
		}
	}
	if best == nil {
		return nil, nil
	}
	return best.person, r.byID[best.person.Roles[best.role].Org]
}

// RoleTitles returns every role title and alias in the registry, as
// written, each once, sorted; the annotator compiles them.
func (r *Registry) RoleTitles() []string {
	if r == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range r.entries {
		for _, role := range e.Roles {
			for _, t := range role.Names() {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
