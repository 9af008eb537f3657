package feed

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is right, run go test ./internal/feed -update:\n%s", file, diff)
	}
}

// Check reads an XML document and reports whether it is well formed, its
// root element is root in namespace ns, and every element named in dates
// holds an RFC 3339 date. It returns the text of every element by local
// name, for further checks.
func Check(t *testing.T, doc []byte, ns, root string, dates ...string) map[string][]string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	texts := map[string][]string{}
	var stack []xml.Name
	var text strings.Builder
	first := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if first && (tok.Name.Space != ns || tok.Name.Local != root) {
				t.Fatalf("root element {%s}%s, want {%s}%s", tok.Name.Space, tok.Name.Local, ns, root)
			}
			first = false
			stack = append(stack, tok.Name)
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			texts[tok.Name.Local] = append(texts[tok.Name.Local], text.String())
			text.Reset()
		}
	}
	if len(stack) != 0 || first {
		t.Fatalf("unbalanced or empty document")
	}
	for _, name := range dates {
		for _, v := range texts[name] {
			if _, err := time.Parse(time.RFC3339, v); err != nil {
				t.Errorf("<%s>%s</%s> is not an RFC 3339 date", name, v, name)
			}
		}
	}
	return texts
}

func TestAtom(t *testing.T) {
	date := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	f := &Atom{
		Lang: "ar", Title: "إسناد", Subtitle: "موجزات <إخبارية> & مصادرها",
		ID: "https://user.github.io/repo/", Self: "https://user.github.io/repo/feed.ar.xml",
		Alternate: "https://user.github.io/repo/", Author: "إسناد", Generator: "isnad",
		Entries: []Entry{{
			ID: "https://user.github.io/repo/2024/putin/", Link: "https://user.github.io/repo/2024/putin/",
			Title: "بوتين وكيم \x01يوقّعان", Lang: "ar",
			Published: date, Updated: date.Add(26 * time.Hour),
			Authors: []string{"نجيم"}, Categories: []string{"روسيا", "الناتو"},
			Summary:      `أول زيارة "منذ" ربع قرن`,
			Content:      `<p>قالت <a href="https://user.github.io/repo/outlets/kcna/">الوكالة</a> إن ...</p>`,
			Translations: []Alternate{{Lang: "en", URL: "https://user.github.io/repo/2024/treaty/"}},
		}, {
			ID: "https://user.github.io/repo/2024/en/", Link: "https://user.github.io/repo/2024/en/",
			Title: "An English briefing", Lang: "en", Published: date.Add(-48 * time.Hour),
		}},
	}
	out := f.Bytes()
	golden(t, "atom.xml", out)
	texts := Check(t, out, Namespace, "feed", "updated", "published")
	if got := texts["updated"][0]; got != "2024-06-21T02:00:00Z" {
		t.Errorf("feed updated %s, want the latest entry's", got)
	}
	if got := texts["title"][1]; got != "بوتين وكيم يوقّعان" {
		t.Errorf("entry title %q: a control character must be dropped, the rest kept", got)
	}
	if got := texts["content"][0]; !strings.HasPrefix(got, `<p>قالت <a href="https://`) {
		t.Errorf("content %q: want the HTML back as text", got)
	}
	if !bytes.Contains(out, []byte(`<entry xml:lang="en">`)) || bytes.Contains(out, []byte(`<entry xml:lang="ar">`)) {
		t.Errorf("xml:lang goes on entries only when it differs from the feed's:\n%s", out)
	}
}

func TestEmptyAtomIsValid(t *testing.T) {
	f := &Atom{Title: "x", ID: "https://x.org/", Self: "https://x.org/feed.xml", Alternate: "https://x.org/"}
	texts := Check(t, f.Bytes(), Namespace, "feed", "updated")
	if texts["updated"][0] != "1970-01-01T00:00:00Z" {
		t.Errorf("updated %q", texts["updated"])
	}
}

func TestSitemap(t *testing.T) {
	s := &Sitemap{URLs: []URL{
		{Loc: "https://user.github.io/repo/"},
		{Loc: "https://user.github.io/repo/2024/putin/", Lastmod: time.Date(2024, 6, 20, 10, 30, 0, 0, time.FixedZone("", 3*3600)),
			Alternates: []Alternate{
				{Lang: "ar", URL: "https://user.github.io/repo/2024/putin/"},
				{Lang: "en", URL: "https://user.github.io/repo/2024/treaty/"},
			}},
		{Loc: "https://user.github.io/repo/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/?a=1&b=2"},
	}}
	out := s.Bytes()
	golden(t, "sitemap.xml", out)
	texts := Check(t, out, SitemapNamespace, "urlset", "lastmod")
	if texts["lastmod"][0] != "2024-06-20T07:30:00Z" {
		t.Errorf("lastmod %q, want UTC", texts["lastmod"])
	}
	if !bytes.Contains(out, []byte(`<xhtml:link rel="alternate" hreflang="en" href="https://user.github.io/repo/2024/treaty/"/>`)) {
		t.Errorf("no hreflang alternate:\n%s", out)
	}
	// The xhtml prefix must resolve to the XHTML namespace.
	dec := xml.NewDecoder(bytes.NewReader(out))
	found := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "link" {
			found = se.Name.Space == XHTMLNamespace
		}
	}
	if !found {
		t.Error("xhtml:link is not in the XHTML namespace")
	}
}

// FuzzAtom: whatever text an article holds, the feed is well-formed XML
// that gives it back (less what XML cannot hold).
func FuzzAtom(f *testing.F) {
	f.Add("بوتين <وكيم>", "<p>a &amp; b</p>\x00\uFFFE", "روسيا")
	f.Add("\xff\xfe", "]]>", "\"'")
	f.Fuzz(func(t *testing.T, title, content, cat string) {
		a := &Atom{Title: title, ID: "https://x/", Self: "https://x/f.xml", Alternate: "https://x/",
			Entries: []Entry{{ID: "https://x/a/", Link: "https://x/a/", Title: title, Content: content, Categories: []string{cat}}}}
		dec := xml.NewDecoder(bytes.NewReader(a.Bytes()))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed: %v", err)
			}
		}
	})
}
