package feed

import (
	"slices"
	"time"
)

// Atom is an Atom feed. Every URL in it is absolute.
type Atom struct {
	// Lang is the feed's language (xml:lang), "" for a feed of several.
	Lang string
	// Title and Subtitle describe the feed.
	Title, Subtitle string
	// ID identifies the feed for ever; the URL of the page it follows
	// does.
	ID string
	// Self is the feed's own URL and Alternate the web page it follows.
	Self, Alternate string
	// Author stands for entries that name none, as Atom requires one.
	Author string
	// Generator names the program, with its URI and version if known.
	Generator, GeneratorURI string
	// Updated is when the feed last changed. Zero means the latest
	// Updated of its entries.
	Updated time.Time
	Entries []Entry
}

// An Entry is one article in a feed.
type Entry struct {
	// ID identifies the article for ever: its URL.
	ID string
	// Link is the article's URL.
	Link  string
	Title string
	// Lang is the article's language, when the feed's differs.
	Lang string
	// Published is the article's date; Updated its last change, the
	// published date when zero.
	Published, Updated time.Time
	Authors            []string
	// Categories are the article's tags.
	Categories []string
	// Summary is plain text.
	Summary string
	// Content is the whole article in HTML, with absolute links.
	Content string
	// Translations link to the same article in other languages.
	Translations []Alternate
}

// An Alternate is a version of a page in another language.
type Alternate struct {
	Lang, URL string
}

// Namespace is Atom's XML namespace.
const Namespace = "http://www.w3.org/2005/Atom"

// Bytes encodes the feed.
func (f *Atom) Bytes() []byte {
	updated := f.Updated
	if updated.IsZero() {
		for _, e := range f.Entries {
			updated = latest(updated, e.updated())
		}
	}
	if updated.IsZero() {
		// An empty feed of a site with no dated articles: the epoch is
		// honest and stable from build to build.
		updated = time.Unix(0, 0)
	}
	var w writer
	w.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	w.WriteString(`<feed xmlns="` + Namespace + `"`)
	w.attrs("xml:lang", f.Lang)
	w.WriteString(">\n")
	w.elem("  ", "title", f.Title)
	if f.Subtitle != "" {
		w.elem("  ", "subtitle", f.Subtitle)
	}
	w.empty("  ", "link", "rel", "self", "type", "application/atom+xml", "href", f.Self)
	w.empty("  ", "link", "rel", "alternate", "type", "text/html", "href", f.Alternate)
	w.elem("  ", "id", f.ID)
	w.elem("  ", "updated", rfc3339(updated))
	if f.Author != "" {
		w.WriteString("  <author>\n")
		w.elem("    ", "name", f.Author)
		w.WriteString("  </author>\n")
	}
	if f.Generator != "" {
		w.WriteString("  <generator")
		w.attrs("uri", f.GeneratorURI)
		w.WriteString(">")
		w.text(f.Generator)
		w.WriteString("</generator>\n")
	}
	for _, e := range f.Entries {
		e.write(&w, f.Lang)
	}
	w.WriteString("</feed>\n")
	return w.Bytes()
}

func (e *Entry) updated() time.Time {
	if e.Updated.After(e.Published) {
		return e.Updated
	}
	return e.Published
}

func (e *Entry) write(w *writer, feedLang string) {
	w.WriteString("  <entry")
	if e.Lang != feedLang {
		w.attrs("xml:lang", e.Lang)
	}
	w.WriteString(">\n")
	w.elem("    ", "title", e.Title)
	w.empty("    ", "link", "rel", "alternate", "type", "text/html", "hreflang", e.Lang, "href", e.Link)
	for _, t := range e.Translations {
		w.empty("    ", "link", "rel", "alternate", "type", "text/html", "hreflang", t.Lang, "href", t.URL)
	}
	w.elem("    ", "id", e.ID)
	if !e.Published.IsZero() {
		w.elem("    ", "published", rfc3339(e.Published))
	}
	w.elem("    ", "updated", rfc3339(e.updated()))
	for _, a := range e.Authors {
		w.WriteString("    <author>\n")
		w.elem("      ", "name", a)
		w.WriteString("    </author>\n")
	}
	for _, c := range e.Categories {
		w.empty("    ", "category", "term", c)
	}
	if e.Summary != "" {
		w.WriteString(`    <summary type="text">`)
		w.text(e.Summary)
		w.WriteString("</summary>\n")
	}
	if e.Content != "" {
		w.WriteString(`    <content type="html"`)
		w.attrs("xml:base", e.Link)
		w.WriteString(">")
		w.text(e.Content)
		w.WriteString("</content>\n")
	}
	w.WriteString("  </entry>\n")
}

func latest(a, b time.Time) time.Time {
	return slices.MaxFunc([]time.Time{a, b}, time.Time.Compare)
}
