package annotate

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A Cite is the content of one piece of citation markup, parsed: "[@wsj
// url=https://...]", "{@wsj via=@un}", "{-}".
type Cite struct {
	// Source is the source as written after "@" (an id, a registered name
	// or alias), or after "=" for a source outside the registry ("=name"
	// is kept with its "=").
	Source  string
	Off     bool // "-": not a claim
	URL     string
	Via     []string // each an "@id", or a name as written
	Conduit string
}

// A CiteError is a problem in citation markup, at byte Off of the markup.
type CiteError struct {
	Off int
	Msg string
}

func (e *CiteError) Error() string { return e.Msg }

// parseCite parses the inside of citation markup, without its brackets:
// "@wsj url=https://x via=\"مسؤولون أميركيون\"", "-", "=صحيفة الغد".
func parseCite(s string) (Cite, error) {
	var c Cite
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == ';') {
			i++
		}
	}
	skip()
	switch {
	case i < len(s) && s[i] == '-' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t'):
		c.Off = true
		i++
	case i < len(s) && (s[i] == '@' || s[i] == '='):
		start := i
		i++
		v, n, err := value(s, i, true)
		if err != nil {
			return c, err
		}
		if v == "" || s[start] == '@' && strings.HasPrefix(v, "=") {
			return c, &CiteError{start, "a source after @ or =: [@wsj], [=صحيفة الغد]"}
		}
		i = n
		if s[start] == '=' {
			v = "=" + v
		}
		c.Source = v
	default:
		return c, &CiteError{i, "citation must start with @source, =name or -"}
	}
	for {
		skip()
		if i >= len(s) {
			break
		}
		start := i
		eq := strings.IndexByte(s[i:], '=')
		if eq <= 0 {
			return c, &CiteError{start, fmt.Sprintf("expected key=value, found %q", rest(s[i:]))}
		}
		key := s[i : i+eq]
		i += eq + 1
		v, n, err := value(s, i, false)
		if err != nil {
			return c, err
		}
		i = n
		switch key {
		case "url":
			if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
				return c, &CiteError{start, fmt.Sprintf("url %q is not an http or https URL", v)}
			}
			c.URL = v
		case "via":
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					c.Via = append(c.Via, p)
				}
			}
		case "conduit":
			c.Conduit = v
		default:
			return c, &CiteError{start, fmt.Sprintf("unknown key %q (want url, via or conduit)", key)}
		}
	}
	return c, nil
}

func rest(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// value reads a bare word, or a quoted string in "…", “…”, ”…” or «…», at
// i. A bare word ends at white space or ";", and at "," when comma is set.
func value(s string, i int, comma bool) (string, int, error) {
	if i >= len(s) {
		return "", i, nil
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	var closers string
	switch r {
	case '"':
		closers = "\""
	case '“', '”':
		closers = "”“"
	case '«':
		closers = "»"
	}
	if closers != "" {
		j := strings.IndexAny(s[i+n:], closers)
		if j < 0 {
			return "", i, &CiteError{i, "unclosed quotation mark"}
		}
		return s[i+n : i+n+j], i + n + j + len(string([]rune(s[i+n+j:])[0])), nil
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != ';' && !(comma && s[j] == ',') {
		j++
	}
	return s[i:j], j, nil
}
