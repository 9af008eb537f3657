package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/i18n"
)

// LoadCatalog reads every translations file dir/LANG.toml of fsys into c,
// replacing the messages c already has key by key, so a site's file need
// only hold the strings it changes. A missing dir is not an error.
//
// A translations file maps keys to strings. Tables nest keys with dots,
// and a table whose keys are all CLDR plural categories (zero, one, two,
// few, many, other) is one message with plural forms, where "{n}" stands
// for the count:
//
//	"nav.home" = "الرئيسية"
//	[month]
//	6 = "يونيو"
//	[briefings]
//	zero = "لا موجزات"
//	one = "موجز واحد"
//	two = "موجزان"
//	few = "{n} موجزات"
//	other = "{n} موجزًا"
func LoadCatalog(fsys fs.FS, dir string, c i18n.Catalog) diag.List {
	var diags diag.List
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		diags.Addf(diag.Pos{File: dir}, "cannot read: %v", err)
		return diags
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".toml" {
			continue
		}
		name := path.Join(dir, e.Name())
		lang := strings.TrimSuffix(e.Name(), ".toml")
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			diags.Addf(diag.Pos{File: name}, "cannot read: %v", err)
			continue
		}
		var raw map[string]any
		if err := toml.NewDecoder(bytes.NewReader(src)).Decode(&raw); err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				line, col := de.Position()
				diags.Addf(diag.Pos{File: name, Line: line, Col: col}, "%s", strings.TrimPrefix(de.Error(), "toml: "))
			} else {
				diags.Addf(diag.Pos{File: name, Line: 1, Col: 1}, "%v", err)
			}
			continue
		}
		addMessages(c, lang, "", raw, name, src, &diags)
	}
	return diags
}

// addMessages adds the messages of the decoded table t under prefix.
func addMessages(c i18n.Catalog, lang, prefix string, t map[string]any, name string, src []byte, diags *diag.List) {
	if len(t) > 0 && prefix != "" && allPlural(t) {
		var m i18n.Message
		bad := false
		for _, k := range slices.Sorted(maps.Keys(t)) {
			s, ok := t[k].(string)
			if !ok {
				diags.Addf(keyPos(name, src, k), "%s.%s: want a string, found %s", prefix, k, typeName(t[k]))
				bad = true
				continue
			}
			p, _ := i18n.ParsePlural(k)
			m.SetForm(p, s)
		}
		if m.Other == "" && !bad {
			diags.Addf(tablePos(name, src, prefix), "%s: a plural message needs an \"other\" form", prefix)
		}
		c.Set(lang, prefix, m)
		return
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch v := t[k].(type) {
		case string:
			c.Set(lang, key, i18n.Message{Other: v})
		case map[string]any:
			addMessages(c, lang, key, v, name, src, diags)
		default:
			diags.Addf(keyPos(name, src, k), "%s: want a string or a table, found %s", key, typeName(v))
		}
	}
}

// tablePos finds the header line of the table key, "[key]", else the
// start of the file.
func tablePos(name string, src []byte, key string) diag.Pos {
	for n, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if t == "["+key+"]" || t == "[\""+key+"\"]" {
			return diag.Pos{File: name, Line: n + 1, Col: 1}
		}
	}
	return diag.Pos{File: name, Line: 1, Col: 1}
}

func allPlural(t map[string]any) bool {
	for k := range t {
		if _, ok := i18n.ParsePlural(k); !ok {
			return false
		}
	}
	return true
}

func typeName(v any) string {
	switch v.(type) {
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("%T", v)
}
