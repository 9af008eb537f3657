// Package links finds the links and the link targets (ids) in HTML pages
// and stylesheets, and rewrites links. The site checker follows what it
// finds; the feeds use it to make the links in an article absolute.
//
// It is a scanner, not a full HTML parser: it reads tags and their
// attributes, quoted or not, skips comments, and treats the contents of
// script, textarea and title as text and those of style as CSS. That is
// all link checking needs, and it never fails: malformed markup yields
// whatever links can be read from it.
package links

import (
	"bytes"
	"html"
	"strings"
)

// A Link is one reference to another resource.
type Link struct {
	// URL is the reference as the browser reads it: entities decoded,
	// surrounding space trimmed.
	URL string
	// Tag and Attr say where it was found: "a" and "href", "img" and
	// "srcset", "style" and "url" for CSS.
	Tag, Attr string
	// Start and End are the byte offsets of the raw value in the source,
	// for positions in diagnostics and for Rewrite.
	Start, End int
}

// An Anchor is a fragment target: an element's id, or the name of an <a>.
type Anchor struct {
	ID    string
	Start int // offset of the value in the source
}

// Page is what Scan found in one HTML document.
type Page struct {
	Links   []Link
	Anchors []Anchor
	// Base is the href of the document's <base> element, "" when none.
	Base string
}

// linkAttrs lists, for each attribute that holds a URL, the elements it
// is a link on ("" for every element).
var linkAttrs = map[string]string{
	"href":   "a area link base",
	"src":    "img script iframe source audio video track embed input",
	"srcset": "img source",
	"poster": "video",
	"data":   "object",
	"action": "form",
}

// IsLinkAttr reports whether attribute attr of element tag holds a URL
// that a browser loads or follows.
func IsLinkAttr(tag, attr string) bool {
	tags, ok := linkAttrs[attr]
	return ok && (tags == "" || strings.Contains(" "+tags+" ", " "+tag+" "))
}

// Scan reads every link and anchor of an HTML document.
func Scan(src []byte) Page {
	var p Page
	walk(src, func(tag, attr string, start, end int) {
		raw := src[start:end]
		switch {
		case attr == "id" || (attr == "name" && tag == "a"):
			p.Anchors = append(p.Anchors, Anchor{ID: html.UnescapeString(string(raw)), Start: start})
		case attr == "srcset" && IsLinkAttr(tag, attr):
			p.Links = append(p.Links, srcset(raw, start, tag)...)
		case IsLinkAttr(tag, attr):
			u := strings.TrimSpace(html.UnescapeString(string(raw)))
			if tag == "base" && attr == "href" && p.Base == "" {
				p.Base = u
				return
			}
			p.Links = append(p.Links, Link{URL: u, Tag: tag, Attr: attr, Start: start, End: end})
		case attr == "style":
			for _, l := range CSS(raw) {
				l.Tag, l.Start, l.End = tag, l.Start+start, l.End+start
				p.Links = append(p.Links, l)
			}
		}
	}, func(start, end int) {
		for _, l := range CSS(src[start:end]) {
			l.Tag, l.Start, l.End = "style", l.Start+start, l.End+start
			p.Links = append(p.Links, l)
		}
	})
	return p
}

// srcset splits a srcset value into its URLs: "a.png 1x, b.png 2x".
func srcset(raw []byte, base int, tag string) []Link {
	var out []Link
	i := 0
	for i < len(raw) {
		for i < len(raw) && (isSpace(raw[i]) || raw[i] == ',') {
			i++
		}
		j := i
		for j < len(raw) && !isSpace(raw[j]) {
			j++
		}
		if j > i {
			end := j
			for end > i && raw[end-1] == ',' {
				end--
			}
			out = append(out, Link{URL: html.UnescapeString(string(raw[i:end])), Tag: tag, Attr: "srcset", Start: base + i, End: base + end})
		}
		// Skip the descriptor up to the next comma.
		for j < len(raw) && raw[j] != ',' {
			j++
		}
		i = j
	}
	return out
}

// walk calls attr for every attribute value of every start tag, with the
// lower-cased tag and attribute names and the value's raw offsets, and
// css for the contents of every style element.
func walk(src []byte, attr func(tag, name string, start, end int), css func(start, end int)) {
	i := 0
	for i < len(src) {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			return
		}
		i += lt
		rest := src[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return
			}
			i += 4 + end + 3
			continue
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("</")):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return
			}
			i += end + 1
			continue
		}
		if len(rest) < 2 || !isLetter(rest[1]) {
			i++
			continue
		}
		// A start tag: its name, then attributes up to > or />.
		j := i + 1
		for j < len(src) && !isSpace(src[j]) && src[j] != '>' && src[j] != '/' {
			j++
		}
		tag := strings.ToLower(string(src[i+1 : j]))
		for j < len(src) && src[j] != '>' {
			if isSpace(src[j]) || src[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(src) && !isSpace(src[k]) && src[k] != '>' && src[k] != '=' && !(src[k] == '/' && k+1 < len(src) && src[k+1] == '>') {
				k++
			}
			if k == j {
				// A stray "=": skip it.
				j++
				continue
			}
			name := strings.ToLower(string(src[j:k]))
			j = k
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if j >= len(src) || src[j] != '=' {
				continue // an attribute with no value
			}
			j++
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if j >= len(src) {
				return
			}
			var vs, ve int
			if q := src[j]; q == '"' || q == '\'' {
				end := bytes.IndexByte(src[j+1:], q)
				if end < 0 {
					return
				}
				vs, ve = j+1, j+1+end
				j = ve + 1
			} else {
				vs = j
				for j < len(src) && !isSpace(src[j]) && src[j] != '>' {
					j++
				}
				ve = j
			}
			attr(tag, name, vs, ve)
		}
		if j >= len(src) {
			return
		}
		i = j + 1
		// Raw text elements: their contents are not markup.
		switch tag {
		case "script", "style", "textarea", "title":
			end := indexFold(src[i:], "</"+tag)
			if end < 0 {
				end = len(src) - i
			}
			if tag == "style" {
				css(i, i+end)
			}
			i += end
		}
	}
}

// indexFold finds the ASCII string s in b, ignoring case.
func indexFold(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if bytes.EqualFold(b[i:i+len(s)], []byte(s)) {
			return i
		}
	}
	return -1
}

// CSS reads the url(...) references and @import strings of a stylesheet.
func CSS(src []byte) []Link {
	var out []Link
	i := 0
	for i < len(src) {
		switch {
		case bytes.HasPrefix(src[i:], []byte("/*")):
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += 2 + end + 2
		case src[i] == '"' || src[i] == '\'':
			// A string outside url(): only @import's counts.
			end := bytes.IndexByte(src[i+1:], src[i])
			if end < 0 {
				return out
			}
			if bytes.HasSuffix(bytes.TrimRight(src[:i], " \t\n"), []byte("@import")) {
				out = append(out, Link{URL: string(src[i+1 : i+1+end]), Attr: "import", Start: i + 1, End: i + 1 + end})
			}
			i += end + 2
		case (src[i] == 'u' || src[i] == 'U') && len(src)-i > 4 && bytes.EqualFold(src[i:i+4], []byte("url(")) && (i == 0 || !isIdent(src[i-1])):
			j := i + 4
			end := bytes.IndexByte(src[j:], ')')
			if end < 0 {
				return out
			}
			vs, ve := j, j+end
			for vs < ve && isSpace(src[vs]) {
				vs++
			}
			for ve > vs && isSpace(src[ve-1]) {
				ve--
			}
			if ve-vs >= 2 && (src[vs] == '"' || src[vs] == '\'') && src[ve-1] == src[vs] {
				vs, ve = vs+1, ve-1
			}
			out = append(out, Link{URL: string(src[vs:ve]), Attr: "url", Start: vs, End: ve})
			i = j + end + 1
		default:
			i++
		}
	}
	return out
}

// Rewrite returns a copy of the HTML document src with every link
// replaced by what fn returns for it; fn returns l.URL to keep a link.
// New values are escaped for an attribute.
func Rewrite(src []byte, fn func(l Link) string) []byte {
	p := Scan(src)
	var out []byte
	last := 0
	for _, l := range p.Links {
		u := fn(l)
		if u == l.URL || l.Start < last {
			continue
		}
		out = append(out, src[last:l.Start]...)
		if l.Attr == "url" || l.Attr == "import" {
			out = append(out, u...)
		} else {
			out = append(out, html.EscapeString(u)...)
		}
		last = l.End
	}
	if out == nil {
		return src
	}
	return append(out, src[last:]...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isIdent(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '-' || c == '_' }
