package outlet

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/load/*.txtar")

// TestLoad loads each testdata/load/*.txtar's outlets.yaml over the
// defaults and compares the diagnostics with its want section.
func TestLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/load/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			wantIdx := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantIdx = i
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if wantIdx < 0 {
				t.Fatal("no want section")
			}
			_, diags := Load(fsys, "outlets.yaml")
			var got strings.Builder
			for _, d := range diags {
				got.WriteString(d.Error())
				got.WriteByte('\n')
			}
			if *update {
				ar.Files[wantIdx].Data = []byte(got.String())
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got.String() != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}

// TestDefaultsAreValid: the embedded registry loads without a single
// diagnostic, and holds the ids the annotator's fixtures rely on.
func TestDefaultsAreValid(t *testing.T) {
	r, diags := Default()
	for _, d := range diags {
		t.Errorf("%s", d)
	}
	for _, id := range []string{"wsj", "kcna", "cnn", "reuters", "afp", "ap"} {
		if r.Lookup(id) == nil {
			t.Errorf("default registry has no %q", id)
		}
	}
}

func TestSiteWins(t *testing.T) {
	fsys := fstest.MapFS{"outlets.yaml": {Data: []byte(`
- id: reuters
  kind: agency
  name: {ar: رويترز, en: Reuters (site)}
`)}}
	r, diags := Load(fsys, "outlets.yaml")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := r.Lookup("reuters").Name.En; got != "Reuters (site)" {
		t.Errorf("reuters name = %q, want the site's", got)
	}
	if r.Lookup("afp") == nil {
		t.Error("defaults lost")
	}
}

func TestMissingSiteFile(t *testing.T) {
	r, diags := Load(fstest.MapFS{}, "outlets.yaml")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(r.Entries()) == 0 {
		t.Fatal("no entries")
	}
}

func testRegistry(t *testing.T) *Registry {
	t.Helper()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	title := Text{Ar: "الأمين العام لحلف الناتو", En: "NATO Secretary General"}
	aliases := []string{"أمين عام الناتو", "NATO chief"}
	r, diags := New(
		&Entry{ID: "nato", Kind: Official, Name: Text{Ar: "حلف شمال الأطلسي", En: "NATO"}, Aliases: []string{"الناتو"}},
		&Entry{ID: "wsj", Kind: Newspaper, Name: Text{Ar: "وول ستريت جورنال", En: "The Wall Street Journal"}, Aliases: []string{"WSJ"}},
		&Entry{ID: "jens-stoltenberg", Kind: Person, Name: Text{Ar: "ينس ستولتنبرغ", En: "Jens Stoltenberg"},
			Roles: []Role{{Title: title, Aliases: aliases, Org: "nato", From: day("2014-10-01"), To: day("2024-10-01")}}},
		&Entry{ID: "mark-rutte", Kind: Person, Name: Text{Ar: "مارك روته", En: "Mark Rutte"},
			Roles: []Role{{Title: title, Aliases: aliases, Org: "nato", From: day("2024-10-01")}}},
	)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return r
}

func TestHolder(t *testing.T) {
	r := testRegistry(t)
	tests := []struct {
		title, date, want string
	}{
		{"أمين عام الناتو", "2024-06-20", "jens-stoltenberg"},
		{"امين عام الناتو", "2024-06-20", "jens-stoltenberg"},
		{"NATO chief", "2024-10-01", "mark-rutte"},
		{"NATO Secretary General", "2025-01-01", "mark-rutte"},
		{"الأمين العام لحلف الناتو", "2010-01-01", ""},
		{"NATO chief", "", "mark-rutte"},
		{"chief", "2024-06-20", ""},
	}
	for _, tt := range tests {
		var date time.Time
		if tt.date != "" {
			date, _ = time.Parse(time.DateOnly, tt.date)
		}
		p, org := r.Holder(tt.title, date)
		got := ""
		if p != nil {
			got = p.ID
			if org == nil || org.ID != "nato" {
				t.Errorf("Holder(%q, %s): org = %v, want nato", tt.title, tt.date, org)
			}
		}
		if got != tt.want {
			t.Errorf("Holder(%q, %s) = %q, want %q", tt.title, tt.date, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	r := testRegistry(t)
	tests := []struct{ in, want string }{
		{"wsj", "wsj"},
		{"wjs", "wsj"},
		{"nat", "nato"},
		{"الناتو", "nato"},
		{"وول ستريت جورنل", "wsj"},
		{"stoltenberg", "jens-stoltenberg"},
		{"jens-stoltenbreg", "jens-stoltenberg"},
		{"bbc", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := r.Suggest(tt.in); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	r := testRegistry(t)
	for in, want := range map[string]string{
		"وَوْل سْتْرِيت جُورْنَال": "wsj",
		"wsj":                     "wsj",
		"The Wall Street Journal": "wsj",
		"الناتو":                  "nato",
		"nothing":                 "",
	} {
		got := ""
		if e := r.Find(in); e != nil {
			got = e.ID
		}
		if got != want {
			t.Errorf("Find(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/load/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if af.Name == "outlets.yaml" {
				f.Add(af.Data)
			}
		}
	}
	f.Add(defaultsYAML)
	f.Fuzz(func(t *testing.T, src []byte) {
		entries, diags := Parse("f.yaml", src)
		for _, d := range diags {
			if d.Pos.File != "f.yaml" {
				t.Fatalf("diagnostic without the file: %v", d)
			}
			if d.Pos.Line > 0 && d.Pos.Line > strings.Count(string(src), "\n")+1 {
				t.Fatalf("diagnostic past the end: %v", d)
			}
		}
		for _, e := range entries {
			if !validID(e.ID) || !ValidKind(e.Kind) {
				t.Fatalf("bad entry kept: %+v", e)
			}
		}
		_, _ = build(nil, func() []parsed {
			ps, _ := parse("f.yaml", src)
			return ps
		}())
	})
}
