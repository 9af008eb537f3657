package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/outlet"
)

var countsRE = regexp.MustCompile(`(\d+) pages, \d+ links`)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txt")

// TestFixtures checks each site of testdata/*.txt and compares the text
// report with the fixture's "want" file; go test -update rewrites it.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(files) < 3 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want *txtar.File
			var site txtar.Archive
			for i := range a.Files {
				if a.Files[i].Name == "want" {
					want = &a.Files[i]
				} else {
					site.Files = append(site.Files, a.Files[i])
				}
			}
			if want == nil {
				t.Fatal("no want file")
			}
			fsys, err := txtar.FS(&site)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Run(t.Context(), Options{Source: fsys, Defaults: isnad.Defaults, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := rep.WriteText(&got); err != nil {
				t.Fatal(err)
			}
			// The number of pages and links depends on the built-in
			// templates, which others change; the fixtures do not
			// count them.
			report := countsRE.ReplaceAllString(got.String(), "# pages, # links")
			if *update {
				want.Data = []byte(report)
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(want.Data), report); diff != "" {
				t.Errorf("report (-want +got); if the change is right, run go test ./internal/check -update:\n%s", diff)
			}
			if rep.OK() != strings.Contains(got.String(), " 0 error(s)") {
				t.Errorf("OK() = %v disagrees with the report", rep.OK())
			}
		})
	}
}

// TestSuggestionsParse: the registry entries a check suggests are valid
// registry entries as they are.
func TestSuggestionsParse(t *testing.T) {
	for _, u := range []Unresolved{
		{Name: "صحيفة الفجر الجديد", Kind: "newspaper", Lang: "ar"},
		{Name: "South Korea's national security adviser", Kind: "official", Lang: "en"},
		{Name: "The Daily: News, {Views} & #Tags", Kind: "", Lang: "en"},
		{Name: "موقع «النبأ»", Kind: "website", Lang: "ar"},
	} {
		entries, diags := outlet.Parse("suggestion.yaml", []byte(u.Suggestion()))
		if len(diags) > 0 || len(entries) != 1 {
			t.Errorf("%q: suggestion\n%s\ngives %d entries, %v", u.Name, u.Suggestion(), len(entries), diags)
			continue
		}
		e := entries[0]
		if e.ID == "" || e.Name.Ar == "" && e.Name.En == "" {
			t.Errorf("%q: entry %+v", u.Name, e)
		}
	}
}

// TestMalformedXML: a feed that is not well-formed XML is an error at
// its line.
func TestMalformedXML(t *testing.T) {
	var r Report
	r.wellFormed("feed.xml", []byte("<?xml version=\"1.0\"?>\n<feed>\n<title>a & b</title>\n</feed>\n"))
	r.wellFormed("sitemap.xml", []byte("<urlset><url></url></urlset>"))
	if len(r.Diags) != 1 || !strings.HasPrefix(r.Diags[0].Error(), "site/feed.xml:3: not well-formed XML: ") {
		t.Errorf("diags %v", r.Diags)
	}
}
