package feed

import (
	"bytes"
	"time"
	"unicode/utf8"
)

// writer builds an XML document in a buffer.
type writer struct {
	bytes.Buffer
}

// text writes s escaped for XML text and attribute values.
func (w *writer) text(s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			// Invalid UTF-8 cannot be in an XML document.
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '&':
			w.WriteString("&amp;")
		case r == '"':
			w.WriteString("&quot;")
		case !allowed(r):
		default:
			w.WriteString(s[i : i+n])
		}
		i += n
	}
}

// allowed reports whether XML 1.0 allows r in a document.
func allowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD ||
		0x10000 <= r && r <= 0x10FFFF
}

// elem writes <name>text</name> on a line of its own.
func (w *writer) elem(indent, name, text string) {
	w.WriteString(indent)
	w.WriteString("<" + name + ">")
	w.text(text)
	w.WriteString("</" + name + ">\n")
}

// attrs writes name="value" pairs, skipping empty values.
func (w *writer) attrs(kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		w.WriteString(" " + kv[i] + `="`)
		w.text(kv[i+1])
		w.WriteByte('"')
	}
}

// empty writes <name a="b"/> on a line of its own.
func (w *writer) empty(indent, name string, kv ...string) {
	w.WriteString(indent + "<" + name)
	w.attrs(kv...)
	w.WriteString("/>\n")
}

// rfc3339 formats t in UTC, as Atom's date constructs want.
func rfc3339(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
