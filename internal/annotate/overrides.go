package annotate

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/isnad/isnad/internal/diag"
)

// ParseOverrides reads the front matter field "claims" (as decoded from
// YAML or TOML) into overrides. v maps a claim id ("c-3f9a1e") or a
// fragment of a claim's text to "-" (not a claim), a source ("@wsj",
// "wsj", "=name"), or a table {source: ..., url: ...}. src is the file, so
// each override can be reported at its key; file names it.
func ParseOverrides(v any, src []byte, file string) ([]Override, diag.List) {
	var diags diag.List
	f := diag.NewFile(file, src)
	m, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			diags.Addf(f.Pos(keyOffset(src, "claims")), "claims must map claim ids or text fragments to \"-\" or a source")
		}
		return nil, diags
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Override
	for _, k := range keys {
		at := keyOffset(src, k)
		o := Override{Key: k, At: at}
		switch val := m[k].(type) {
		case string:
			if !o.set(val) {
				diags.Addf(f.Pos(at), "claims: %q: want \"-\", \"@source\" or \"=name\", got %q", k, val)
				continue
			}
		case map[string]any:
			s, _ := val["source"].(string)
			u, _ := val["url"].(string)
			if s != "" && !o.set(s) {
				diags.Addf(f.Pos(at), "claims: %q: bad source %q", k, s)
				continue
			}
			if off, _ := val["off"].(bool); off {
				o.Off = true
			}
			o.URL = u
		default:
			diags.Addf(f.Pos(at), "claims: %q: want a string or a table, got %s", k, fmt.Sprintf("%T", val))
			continue
		}
		out = append(out, o)
	}
	return out, diags
}

func (o *Override) set(s string) bool {
	s = strings.TrimSpace(s)
	switch {
	case s == "-":
		o.Off = true
	case strings.HasPrefix(s, "@"):
		o.Source = s[1:]
	case s != "":
		o.Source = s
	default:
		return false
	}
	return true
}

// keyOffset finds where key is written in the front matter, for
// diagnostics; 0 if it cannot tell.
func keyOffset(src []byte, key string) int {
	for _, q := range []string{key + ":", "\"" + key + "\"", "'" + key + "'", key + " =", key} {
		if i := bytes.Index(src, []byte(q)); i >= 0 {
			return i
		}
	}
	return 0
}
