package outlet

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/fold"
)

// Kinds lists the kinds a registry entry may have, in the order the
// documentation gives them.
var kinds = []Kind{Agency, Newspaper, Magazine, Broadcaster, Website, Official, Organization, Person}

// ValidKind reports whether k may appear in a registry file.
func ValidKind(k Kind) bool {
	for _, v := range kinds {
		if v == k {
			return true
		}
	}
	return false
}

// entryFields are the keys an entry may have; others draw a warning, so a
// typo ("alias:") does not silently lose data.
var entryFields = map[string]bool{
	"id": true, "kind": true, "name": true, "short": true, "aliases": true, "head": true,
	"gender": true, "country": true, "homepage": true, "domains": true, "requires_cue": true,
	"state": true, "roles": true, "notes": true, "wikidata": true,
}

var roleFields = map[string]bool{"title": true, "aliases": true, "org": true, "from": true, "to": true}

// rawEntry is an entry as written, before dates are checked.
type rawEntry struct {
	ID          string    `yaml:"id"`
	Kind        Kind      `yaml:"kind"`
	Name        Text      `yaml:"name"`
	Short       Text      `yaml:"short"`
	Aliases     []string  `yaml:"aliases"`
	Head        Head      `yaml:"head"`
	Gender      string    `yaml:"gender"`
	Country     string    `yaml:"country"`
	Homepage    string    `yaml:"homepage"`
	Domains     []string  `yaml:"domains"`
	RequiresCue bool      `yaml:"requires_cue"`
	State       bool      `yaml:"state"`
	Roles       []rawRole `yaml:"roles"`
}

type rawRole struct {
	Title   Text     `yaml:"title"`
	Aliases []string `yaml:"aliases"`
	Org     string   `yaml:"org"`
	From    string   `yaml:"from"`
	To      string   `yaml:"to"`
}

// Where records the positions of an entry's parts in its file, for
// diagnostics found after parsing (an alias clashing with another file's,
// a role naming an org defined elsewhere).
type Where struct {
	Entry   diag.Pos            // the entry's "- " item
	ID      diag.Pos            // the id value
	Aliases map[string]diag.Pos // each name and alias as written
	RoleOrg []diag.Pos          // the org of each role
}

// A parsed entry and where it came from.
type parsed struct {
	e     *Entry
	where Where
}

// Parse decodes a registry file. name is the file name used in diagnostics.
// Every problem is reported, with its position; entries with errors in
// their id or kind are left out, others are kept.
func Parse(name string, src []byte) ([]*Entry, diag.List) {
	ps, diags := parse(name, src)
	out := make([]*Entry, len(ps))
	for i, p := range ps {
		out[i] = p.e
	}
	return out, diags
}

func parse(name string, src []byte) ([]parsed, diag.List) {
	var diags diag.List
	pf := posFinder{file: diag.NewFile(name, src), src: src}
	if len(strings.TrimSpace(string(src))) == 0 {
		return nil, nil
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		diags.Addf(pf.errPos(err), "%s", yamlMessage(err))
		return nil, diags
	}
	var out []parsed
	ids := map[string]diag.Pos{}
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		// Entries are decoded one by one, so that one bad entry does not
		// hide the others; anchors shared between entries ("aliases:
		// &nato-sg [...]" then "aliases: *nato-sg") are resolved first.
		doc.Body = resolveAliases(&pf, doc.Body, map[string]ast.Node{}, &diags, 0)
		seq, ok := unwrap(doc.Body).(*ast.SequenceNode)
		if !ok {
			diags.Addf(pf.node(doc.Body), "a registry file is a list of entries (\"- id: ...\")")
			continue
		}
		for _, item := range seq.Values {
			p, ok := parseEntry(&pf, item, &diags)
			if !ok {
				continue
			}
			if first, dup := ids[p.e.ID]; dup {
				diags.Addf(p.where.ID, "duplicate id %q (first defined at %s)", p.e.ID, first)
				continue
			}
			ids[p.e.ID] = p.where.ID
			out = append(out, p)
		}
	}
	return out, diags
}

// unwrap looks through anchors and tags.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

func parseEntry(pf *posFinder, item ast.Node, diags *diag.List) (parsed, bool) {
	item = unwrap(item)
	m, ok := item.(*ast.MappingNode)
	if !ok {
		diags.Addf(pf.node(item), "an entry is a mapping with an id, a kind and names")
		return parsed{}, false
	}
	var raw rawEntry
	if err := yaml.NodeToValue(m, &raw); err != nil {
		diags.Addf(pf.errPos(err), "%s", yamlMessage(err))
		return parsed{}, false
	}
	fields := map[string]*ast.MappingValueNode{}
	for _, mv := range m.Values {
		k := mv.Key.String()
		fields[k] = mv
		if !entryFields[k] {
			diags.Warnf(pf.node(mv.Key), "unknown field %q", k)
		}
	}
	w := Where{Entry: pf.node(m), Aliases: map[string]diag.Pos{}}
	if len(m.Values) > 0 {
		w.Entry = pf.node(m.Values[0].Key)
	}
	at := func(key string) diag.Pos {
		if mv, ok := fields[key]; ok {
			return pf.node(mv.Value)
		}
		return w.Entry
	}
	w.ID = at("id")
	e := &Entry{
		ID: raw.ID, Kind: raw.Kind, Name: raw.Name, Short: raw.Short, Aliases: raw.Aliases,
		Head: raw.Head, Gender: raw.Gender, Country: raw.Country, Homepage: raw.Homepage,
		Domains: raw.Domains, RequiresCue: raw.RequiresCue, State: raw.State,
	}
	ok = true
	switch {
	case e.ID == "":
		diags.Addf(w.ID, "entry has no id")
		ok = false
	case !validID(e.ID):
		diags.Addf(w.ID, "id %q must be lower-case ASCII letters, digits and hyphens", e.ID)
		ok = false
	}
	switch {
	case e.Kind == "":
		diags.Addf(at("kind"), "entry %q has no kind (one of %s)", e.ID, kindList())
		ok = false
	case !ValidKind(e.Kind):
		msg := fmt.Sprintf("unknown kind %q (one of %s)", e.Kind, kindList())
		if s := closest(string(e.Kind), kindStrings()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		diags.Addf(at("kind"), "%s", msg)
		ok = false
	}
	if e.Name.Ar == "" && e.Name.En == "" {
		diags.Addf(at("name"), "entry %q has no name (name: {ar: ..., en: ...})", e.ID)
	}
	if e.Homepage != "" {
		if u, err := url.Parse(e.Homepage); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			diags.Addf(at("homepage"), "homepage %q is not an http or https URL", e.Homepage)
		}
	}
	if g := e.Head.Gender; g != "" && g != "m" && g != "f" {
		diags.Addf(at("head"), "head gender %q must be m or f", g)
	}
	if g := e.Gender; g != "" && g != "m" && g != "f" {
		diags.Addf(at("gender"), "gender %q must be m or f", g)
	}
	if len(raw.Roles) > 0 && e.Kind != Person && ok {
		diags.Addf(at("roles"), "only a person has roles; %q is a %s", e.ID, e.Kind)
	}

	// Names and aliases, with the position of each as written.
	addName := func(s string, p diag.Pos) {
		if s == "" {
			return
		}
		if _, seen := w.Aliases[s]; !seen {
			w.Aliases[s] = p
		}
	}
	for _, key := range []string{"name", "short"} {
		if mv, found := fields[key]; found {
			if sub, isMap := unwrap(mv.Value).(*ast.MappingNode); isMap {
				for _, kv := range sub.Values {
					if k := kv.Key.String(); k == "ar" || k == "en" {
						addName(scalar(kv.Value), pf.node(kv.Value))
					}
				}
			}
		}
	}
	if mv, found := fields["aliases"]; found {
		if s, isSeq := unwrap(mv.Value).(*ast.SequenceNode); isSeq {
			for _, v := range s.Values {
				addName(scalar(v), pf.node(v))
			}
		}
	}
	for i, a := range e.Aliases {
		if strings.TrimSpace(a) == "" || fold.LooseString(a) == "" {
			diags.Addf(aliasPos(w, a, at("aliases")), "alias %d of %q is empty", i+1, e.ID)
		}
	}

	// Roles.
	var roleNodes []ast.Node
	if mv, found := fields["roles"]; found {
		if s, isSeq := unwrap(mv.Value).(*ast.SequenceNode); isSeq {
			roleNodes = s.Values
		}
	}
	for i, rr := range raw.Roles {
		rp := at("roles")
		rfields := map[string]*ast.MappingValueNode{}
		if i < len(roleNodes) {
			rp = pf.node(roleNodes[i])
			if rm, isMap := unwrap(roleNodes[i]).(*ast.MappingNode); isMap {
				for _, mv := range rm.Values {
					k := mv.Key.String()
					rfields[k] = mv
					if !roleFields[k] {
						diags.Warnf(pf.node(mv.Key), "unknown role field %q", k)
					}
				}
			}
		}
		rat := func(key string) diag.Pos {
			if mv, found := rfields[key]; found {
				return pf.node(mv.Value)
			}
			return rp
		}
		role := Role{Title: rr.Title, Aliases: rr.Aliases, Org: rr.Org}
		if role.Title.Ar == "" && role.Title.En == "" {
			diags.Addf(rat("title"), "role %d of %q has no title", i+1, e.ID)
		}
		var err error
		if rr.From != "" {
			if role.From, err = time.Parse(time.DateOnly, rr.From); err != nil {
				diags.Addf(rat("from"), "role start %q is not a date (YYYY-MM-DD)", rr.From)
			}
		}
		if rr.To != "" {
			if role.To, err = time.Parse(time.DateOnly, rr.To); err != nil {
				diags.Addf(rat("to"), "role end %q is not a date (YYYY-MM-DD)", rr.To)
			}
		}
		if !role.From.IsZero() && !role.To.IsZero() && !role.From.Before(role.To) {
			diags.Addf(rat("to"), "role ends (%s) before it starts (%s)", rr.To, rr.From)
		}
		if role.Org != "" && !validID(role.Org) {
			diags.Addf(rat("org"), "role org %q is not an id", role.Org)
		}
		w.RoleOrg = append(w.RoleOrg, rat("org"))
		e.Roles = append(e.Roles, role)
	}
	return parsed{e: e, where: w}, ok
}

func aliasPos(w Where, a string, fallback diag.Pos) diag.Pos {
	if p, ok := w.Aliases[a]; ok {
		return p
	}
	return fallback
}

func scalar(n ast.Node) string {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value
	case nil:
		return ""
	default:
		return v.String()
	}
}

// validID reports whether id is a lower-case slug: a-z, 0-9 and inner
// hyphens.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func kindStrings() []string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return s
}

func kindList() string { return strings.Join(kindStrings(), ", ") }

// closest returns the candidate nearest to s within a small edit distance,
// or "".
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	if n := utf8.RuneCountInString(s); n <= 4 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := fold.Distance(s, c, bestD-1); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// posFinder turns goccy/go-yaml token positions, which count runes, into
// diag positions, which count bytes.
type posFinder struct {
	file *diag.File
	src  []byte
}

func (pf *posFinder) node(n ast.Node) diag.Pos {
	if n == nil || n.GetToken() == nil {
		return diag.Pos{File: pf.file.Name()}
	}
	p := n.GetToken().Position
	return pf.at(p.Line, p.Column)
}

// at converts a 1-based line and rune column.
func (pf *posFinder) at(line, col int) diag.Pos {
	if line < 1 {
		return diag.Pos{File: pf.file.Name()}
	}
	off := 0
	for l := 1; l < line && off < len(pf.src); l++ {
		i := bytes.IndexByte(pf.src[off:], '\n')
		if i < 0 {
			off = len(pf.src)
			break
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(pf.src) && pf.src[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(pf.src[off:])
		off += n
	}
	return pf.file.Pos(off)
}

func (pf *posFinder) errPos(err error) diag.Pos {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return pf.at(p.Line, p.Column)
	}
	return diag.Pos{File: pf.file.Name()}
}

// yamlMessage is the library's message without its own position prefix.
func yamlMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

// resolveAliases replaces every alias node under n by the node its anchor
// names, in document order, so entries can be decoded on their own.
func resolveAliases(pf *posFinder, n ast.Node, anchors map[string]ast.Node, diags *diag.List, depth int) ast.Node {
	if depth > 64 {
		return n
	}
	switch v := n.(type) {
	case *ast.AnchorNode:
		v.Value = resolveAliases(pf, v.Value, anchors, diags, depth+1)
		if v.Name != nil {
			anchors[v.Name.GetToken().Value] = v.Value
		}
		return v.Value
	case *ast.AliasNode:
		name := ""
		if v.Value != nil {
			name = v.Value.GetToken().Value
		}
		if target, ok := anchors[name]; ok {
			return target
		}
		diags.Addf(pf.node(v), "unknown anchor %q", name)
		return ast.Null(v.Start)
	case *ast.MappingNode:
		for _, mv := range v.Values {
			mv.Value = resolveAliases(pf, mv.Value, anchors, diags, depth+1)
		}
	case *ast.MappingValueNode:
		v.Value = resolveAliases(pf, v.Value, anchors, diags, depth+1)
	case *ast.SequenceNode:
		for i, item := range v.Values {
			v.Values[i] = resolveAliases(pf, item, anchors, diags, depth+1)
		}
	case *ast.TagNode:
		v.Value = resolveAliases(pf, v.Value, anchors, diags, depth+1)
	}
	return n
}
