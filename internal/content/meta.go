package content

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"

	"github.com/isnad/isnad/internal/diag"
)

// Meta is an article's front matter, typed. Zero values mean "not given".
type Meta struct {
	Title   string
	Date    time.Time
	Lastmod time.Time
	// Authors are the article's writers: front matter "byline", "author"
	// or "authors", else a plain-text article's byline line.
	Authors        []string
	Lang           string
	Dir            string
	Tags           []string
	Summary        string
	Slug           string
	Draft          bool
	TranslationKey string
	// Sources maps outlet ids to the URL of the specific report the
	// article cites.
	Sources map[string]string
	// Params holds every other field as decoded, for templates.
	Params map[string]any
}

// Terms returns the terms of the taxonomy whose front matter field is
// plural: Tags for "tags", else the strings in Params[plural].
func (m *Meta) Terms(plural string) []string {
	if plural == "tags" {
		return m.Tags
	}
	v, ok := m.Params[plural]
	if !ok {
		return nil
	}
	s, _ := stringList(v)
	return s
}

// decodeMeta decodes the front matter src[start:end] of the given format,
// as found in file name, into m. Problems are reported at their position
// in the file.
func decodeMeta(name string, src []byte, start, end int, f Format, m *Meta, diags *diag.List) {
	fm := src[start:end]
	file := diag.NewFile(name, src)
	base := file.Pos(start) // line of the front matter's first byte
	var raw map[string]any
	switch f {
	case YAML:
		if len(bytes.TrimSpace(fm)) == 0 {
			return
		}
		if err := yaml.Unmarshal(fm, &raw); err != nil {
			var ye yaml.Error
			if errors.As(err, &ye) && ye.GetToken() != nil {
				p := ye.GetToken().Position
				diags.Addf(yamlPos(file, base.Line, fm, p.Line, p.Column), "%s", ye.GetMessage())
			} else {
				diags.Addf(base, "%v", err)
			}
			return
		}
	case TOML:
		if err := toml.Unmarshal(fm, &raw); err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				line, col := de.Position()
				diags.Addf(diag.Pos{File: name, Line: base.Line + line - 1, Col: col}, "%s", strings.TrimPrefix(de.Error(), "toml: "))
			} else {
				diags.Addf(base, "%v", err)
			}
			return
		}
	}
	d := metaDecoder{name: name, src: src, start: start, end: end, file: file, diags: diags}
	d.decode(raw, m)
}

// yamlPos turns goccy/go-yaml's position (1-based line within the front
// matter, 1-based column in runes) into a file position with a byte column.
func yamlPos(file *diag.File, firstLine int, fm []byte, line, col int) diag.Pos {
	lines := bytes.Split(fm, []byte("\n"))
	p := diag.Pos{File: file.Name(), Line: firstLine + line - 1, Col: col}
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		b := 0
		for i := 1; i < col && b < len(l); i++ {
			_, n := utf8.DecodeRune(l[b:])
			b += n
		}
		p.Col = b + 1
	}
	return p
}

type metaDecoder struct {
	name       string
	src        []byte
	start, end int
	file       *diag.File
	diags      *diag.List
}

// pos returns the position of the line in the front matter that sets key,
// else the front matter's first line.
func (d *metaDecoder) pos(key string) diag.Pos {
	for i := d.start; i < d.end; {
		l, next := line(d.src, i)
		t := bytes.TrimLeft(l, " \t")
		t = bytes.TrimLeft(t, `"'`)
		if rest, ok := bytes.CutPrefix(t, []byte(key)); ok {
			rest = bytes.TrimLeft(rest, `"' `+"\t")
			if bytes.HasPrefix(rest, []byte(":")) || bytes.HasPrefix(rest, []byte("=")) {
				return d.file.Pos(i + len(l) - len(t))
			}
		}
		i = next
	}
	return d.file.Pos(d.start)
}

func (d *metaDecoder) errorf(key, format string, args ...any) {
	d.diags.Addf(d.pos(key), "%s: %s", key, fmt.Sprintf(format, args...))
}

var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (d *metaDecoder) decode(raw map[string]any, m *Meta) {
	// Keys in a fixed order, so diagnostics come out the same every run.
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		v := raw[key]
		switch strings.ToLower(key) {
		case "title":
			m.Title = d.str(key, v)
		case "summary", "description":
			if m.Summary == "" {
				m.Summary = d.str(key, v)
			}
		case "slug":
			m.Slug = d.str(key, v)
			if strings.ContainsAny(m.Slug, "/\\?#") || m.Slug == "." || m.Slug == ".." {
				d.errorf(key, "%q must be a single path segment", m.Slug)
				m.Slug = ""
			}
		case "lang", "language":
			m.Lang = d.str(key, v)
			if m.Lang != "" && !langRE.MatchString(m.Lang) {
				d.errorf(key, "%q is not a language tag such as ar or en-GB", m.Lang)
				m.Lang = ""
			}
		case "dir":
			m.Dir = d.str(key, v)
			if m.Dir != "" && m.Dir != "rtl" && m.Dir != "ltr" {
				d.errorf(key, "%q must be rtl or ltr", m.Dir)
				m.Dir = ""
			}
		case "translationkey", "translation_key":
			m.TranslationKey = d.str(key, v)
		case "date":
			m.Date = d.date(key, v)
		case "lastmod", "updated", "modified":
			m.Lastmod = d.date(key, v)
		case "draft":
			b, ok := v.(bool)
			if !ok {
				d.errorf(key, "want true or false, found %s", describe(v))
			}
			m.Draft = b
		case "tags":
			m.Tags = d.list(key, v)
		case "byline", "author", "authors":
			m.Authors = append(m.Authors, d.list(key, v)...)
		case "sources":
			m.Sources = d.sources(key, v)
		default:
			if m.Params == nil {
				m.Params = make(map[string]any)
			}
			m.Params[key] = v
		}
	}
}

func (d *metaDecoder) str(key string, v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case int64, uint64, float64, int:
		// A number where text was meant (title: 1984) is fine.
		return fmt.Sprint(v)
	case nil:
		return ""
	}
	d.errorf(key, "want text, found %s", describe(v))
	return ""
}

func (d *metaDecoder) list(key string, v any) []string {
	if v == nil {
		return nil
	}
	s, ok := stringList(v)
	if !ok {
		d.errorf(key, "want text or a list of text, found %s", describe(v))
	}
	return s
}

// stringList accepts one string or a list of strings, dropping empty ones.
func stringList(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}, true
		}
		return nil, true
	case []any:
		var out []string
		ok := true
		for _, e := range v {
			switch e := e.(type) {
			case string:
				if s := strings.TrimSpace(e); s != "" {
					out = append(out, s)
				}
			case int64, uint64, float64:
				out = append(out, fmt.Sprint(e))
			default:
				ok = false
			}
		}
		return out, ok
	}
	return nil, false
}

// dateLayouts are the date forms accepted in text; TOML dates arrive typed.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
}

func (d *metaDecoder) date(key string, v any) time.Time {
	switch v := v.(type) {
	case time.Time:
		return v
	case toml.LocalDate:
		return v.AsTime(time.UTC)
	case toml.LocalDateTime:
		return v.AsTime(time.UTC)
	case string:
		s := strings.TrimSpace(v)
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t
			}
		}
		d.errorf(key, "cannot read %q as a date; write 2024-06-20 or 2024-06-20T10:30:00+03:00", s)
		return time.Time{}
	case nil:
		return time.Time{}
	}
	d.errorf(key, "want a date, found %s", describe(v))
	return time.Time{}
}

func (d *metaDecoder) sources(key string, v any) map[string]string {
	mv, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			d.errorf(key, "want a map of outlet ids to URLs, found %s", describe(v))
		}
		return nil
	}
	out := make(map[string]string, len(mv))
	for _, id := range slices.Sorted(maps.Keys(mv)) {
		s, ok := mv[id].(string)
		if !ok {
			d.diags.Addf(d.pos(id), "sources.%s: want a URL, found %s", id, describe(mv[id]))
			continue
		}
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			d.diags.Addf(d.pos(id), "sources.%s: %q is not an http or https URL", id, s)
			continue
		}
		out[id] = u.String()
	}
	return out
}

// describe names the type of a decoded value for messages.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("text %q", v)
	case bool:
		return fmt.Sprintf("%t", v)
	case int64, uint64, float64, int:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", v)
}
