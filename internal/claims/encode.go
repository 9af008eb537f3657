package claims

import (
	"strconv"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/annotate"
)

// AppendJSON appends to dst what MarshalJSON(d) gives, byte for byte,
// without reflection: a site writes one such file per article, and every
// article's again in the site's claims.json.
func (d Data) AppendJSON(dst []byte) []byte {
	dst = append(dst, "{\n"...)
	if r := d.Result; r != nil {
		dst = appendKey(dst, 1, "file")
		dst = appendString(dst, r.File)
		dst = append(dst, ",\n"...)
		dst = appendKey(dst, 1, "lang")
		dst = appendString(dst, r.Lang)
		dst = append(dst, ",\n"...)
		dst = appendKey(dst, 1, "claims")
		switch {
		case r.Claims == nil:
			dst = append(dst, "null"...)
		case len(r.Claims) == 0:
			dst = append(dst, "[]"...)
		default:
			dst = append(dst, "[\n"...)
			for i := range r.Claims {
				if i > 0 {
					dst = append(dst, ",\n"...)
				}
				dst = appendClaim(dst, 2, &r.Claims[i])
			}
			dst = append(dst, '\n')
			dst = appendIndent(dst, 1)
			dst = append(dst, ']')
		}
		dst = append(dst, ",\n"...)
		dst = appendKey(dst, 1, "unattributed")
		switch {
		case r.Unattributed == nil:
			dst = append(dst, "null"...)
		case len(r.Unattributed) == 0:
			dst = append(dst, "[]"...)
		default:
			dst = append(dst, "[\n"...)
			for i, s := range r.Unattributed {
				if i > 0 {
					dst = append(dst, ",\n"...)
				}
				dst = appendIndent(dst, 2)
				dst = append(dst, "{\n"...)
				dst = appendKey(dst, 3, "start")
				dst = strconv.AppendInt(dst, int64(s.Start), 10)
				dst = append(dst, ",\n"...)
				dst = appendKey(dst, 3, "end")
				dst = strconv.AppendInt(dst, int64(s.End), 10)
				dst = append(dst, '\n')
				dst = appendIndent(dst, 2)
				dst = append(dst, '}')
			}
			dst = append(dst, '\n')
			dst = appendIndent(dst, 1)
			dst = append(dst, ']')
		}
		dst = append(dst, ",\n"...)
	}
	dst = appendKey(dst, 1, "url")
	dst = appendString(dst, d.URL)
	return append(dst, "\n}\n"...)
}

// appendClaim appends c as an object at the indentation level n.
func appendClaim(dst []byte, n int, c *annotate.Claim) []byte {
	dst = appendIndent(dst, n)
	dst = append(dst, "{\n"...)
	n++
	field := func(k string) {
		dst = appendKey(dst, n, k)
	}
	str := func(k, v string) {
		field(k)
		dst = appendString(dst, v)
		dst = append(dst, ",\n"...)
	}
	num := func(k string, v int) {
		field(k)
		dst = strconv.AppendInt(dst, int64(v), 10)
		dst = append(dst, ",\n"...)
	}
	str("id", c.ID)
	num("start", c.Start)
	num("end", c.End)
	str("text", c.Text)
	str("cue", c.Cue)
	field("source")
	dst = appendSource(dst, n, c.Source)
	dst = append(dst, ",\n"...)
	field("via")
	switch {
	case c.Via == nil:
		dst = append(dst, "null"...)
	case len(c.Via) == 0:
		dst = append(dst, "[]"...)
	default:
		dst = append(dst, "[\n"...)
		for i, v := range c.Via {
			if i > 0 {
				dst = append(dst, ",\n"...)
			}
			dst = appendIndent(dst, n+1)
			dst = appendSource(dst, n+1, v)
		}
		dst = append(dst, '\n')
		dst = appendIndent(dst, n)
		dst = append(dst, ']')
	}
	dst = append(dst, ",\n"...)
	field("conduit")
	if c.Conduit == nil {
		dst = append(dst, "null"...)
	} else {
		dst = appendSource(dst, n, *c.Conduit)
	}
	dst = append(dst, ",\n"...)
	if c.Org != nil {
		field("org")
		dst = appendSource(dst, n, *c.Org)
		dst = append(dst, ",\n"...)
	}
	str("type", string(c.Type))
	field("origin")
	dst = appendString(dst, string(c.Origin))
	if c.URL != "" {
		dst = append(dst, ",\n"...)
		field("url")
		dst = appendString(dst, c.URL)
	}
	if c.Polarity != "" {
		dst = append(dst, ",\n"...)
		field("polarity")
		dst = appendString(dst, c.Polarity)
	}
	dst = append(dst, '\n')
	dst = appendIndent(dst, n-1)
	return append(dst, '}')
}

// appendSource appends s as annotate.Source's MarshalJSON gives it, as an
// object whose fields are at the indentation level n+1. That method uses
// json.Marshal, which escapes <, > and & too.
func appendSource(dst []byte, n int, s annotate.Source) []byte {
	dst = append(dst, "{\n"...)
	dst = appendKey(dst, n+1, "id")
	if s.ID == "" {
		dst = append(dst, "null"...)
	} else {
		dst = appendQuoted(dst, s.ID, true)
	}
	dst = append(dst, ",\n"...)
	dst = appendKey(dst, n+1, "name")
	dst = appendQuoted(dst, s.Name, true)
	dst = append(dst, ",\n"...)
	dst = appendKey(dst, n+1, "kind")
	dst = appendQuoted(dst, string(s.Kind), true)
	dst = append(dst, '\n')
	dst = appendIndent(dst, n)
	return append(dst, '}')
}

func appendIndent(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, "  "...)
	}
	return dst
}

// appendKey appends an object's key, known to need no escaping, at the
// indentation level n.
func appendKey(dst []byte, n int, k string) []byte {
	dst = appendIndent(dst, n)
	dst = append(dst, '"')
	dst = append(dst, k...)
	return append(dst, `": `...)
}

const hex = "0123456789abcdef"

// appendString appends s quoted as encoding/json does without HTML
// escaping: quotes, backslashes and control characters escaped, invalid
// UTF-8 as \ufffd, and U+2028 and U+2029 escaped for JavaScript.
func appendString(dst []byte, s string) []byte { return appendQuoted(dst, s, false) }

// appendQuoted is appendString, escaping <, > and & as well when html is
// set.
func appendQuoted(dst []byte, s string, html bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && !(html && (b == '<' || b == '>' || b == '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
