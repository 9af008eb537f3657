package config

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad/internal/i18n"
)

func TestDefaultsWhenAbsent(t *testing.T) {
	c, diags := Load(fstest.MapFS{}, FileName)
	if len(diags) > 0 {
		t.Fatalf("diagnostics for a missing file: %v", diags)
	}
	if diff := cmp.Diff(Default(), c); diff != "" {
		t.Errorf("(-default +loaded):\n%s", diff)
	}
	if got := c.Langs(); !cmp.Equal(got, []string{"ar", "en"}) {
		t.Errorf("Langs = %q", got)
	}
	if c.Digits("ar") != i18n.Latin || c.Title("en") != "isnad" || c.Title("ar-EG") != "إسناد" {
		t.Errorf("digits %q, titles %q %q", c.Digits("ar"), c.Title("en"), c.Title("ar-EG"))
	}
}

func TestLoad(t *testing.T) {
	src := `baseURL = "https://user.github.io/repo"
defaultLang = "en"
paginate = 0

[languages.en]
title = "Briefs"

[languages.ar]
digits = "arab"

[languages.fr]
title = "Dépêches"

[taxonomies]
tag = "tags"
topic = "topics"

[markup]
unsafe = true
[markup.highlight]
style = "monokailight"

[params]
twitter = "@isnad"
`
	c, diags := Load(fstest.MapFS{FileName: {Data: []byte(src)}}, FileName)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if c.BaseURL != "https://user.github.io/repo/" {
		t.Errorf("BaseURL = %q, want a trailing slash added", c.BaseURL)
	}
	if got := c.Langs(); !cmp.Equal(got, []string{"en", "ar", "fr"}) {
		t.Errorf("Langs = %q", got)
	}
	if c.Title("ar") != "إسناد" {
		t.Errorf("Arabic title %q: a language the defaults know keeps its title", c.Title("ar"))
	}
	if c.Digits("ar") != i18n.ArabicIndic || c.Digits("en") != i18n.Latin {
		t.Errorf("digits ar %q en %q", c.Digits("ar"), c.Digits("en"))
	}
	if !c.Markup.Unsafe || c.Markup.Highlight.Style != "monokailight" || c.Markup.Highlight.DarkStyle != "github-dark" {
		t.Errorf("markup = %+v", c.Markup)
	}
	if c.Paginate != 0 {
		t.Errorf("Paginate = %d, want the file's 0 over the default", c.Paginate)
	}
	if c.Taxonomies["topic"] != "topics" || c.Params["twitter"] != "@isnad" {
		t.Errorf("taxonomies %v params %v", c.Taxonomies, c.Params)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"syntax", "baseURL = \"x\nfoo = 1\n", []string{"isnad.toml:1:13: basic strings cannot have new lines"}},
		{"wrong type", "defaultLang = 3\n", []string{"isnad.toml:1:15: defaultLang: want text, found a TOML integer"}},
		{"unknown keys are warnings", "baseURL = \"https://x/\"\ntitel = \"x\"\n[markup]\nunsafe = true\nhighlite = 1\n", []string{
			`isnad.toml:2:1: warning: unknown setting "titel"`,
			`isnad.toml:5:1: warning: unknown setting "markup.highlite"`,
		}},
		{"wrong type in a table", "[markup]\nunsafe = \"yes\"\n", []string{"isnad.toml:2:10: markup.unsafe: want true or false, found a TOML string"}},
		{"negative paginate", "paginate = -1\n", []string{"isnad.toml:1:1: paginate: -1 must be 0 (no pages) or more"}},
		{"bad values", "baseURL = \"ftp://x\"\n[languages.ar]\ndigits = \"roman\"\n[taxonomies]\ntag = \"a/b\"\n", []string{
			`isnad.toml:1:1: baseURL "ftp://x/" must start with http://, https:// or /`,
			`isnad.toml:3:1: languages.ar.digits: "roman" is not one of latn, arab, arabext`,
			`isnad.toml:5:1: taxonomies.tag: "a/b" must be a single path segment`,
		}},
	}
	for _, tt := range tests {
		_, diags := Load(fstest.MapFS{FileName: {Data: []byte(tt.src)}}, FileName)
		diags.Sort()
		var got []string
		for _, d := range diags {
			got = append(got, d.Error())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestLoadCatalog(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/ar.toml": {Data: []byte(`"nav.home" = "الرئيسية"
[month]
6 = "يونيو"
[briefings]
zero = "لا موجزات"
one = "موجز واحد"
other = "{n} موجز"
`)},
		"i18n/en.toml":     {Data: []byte("[nav]\nhome = \"Home\"\n")},
		"i18n/bad.toml":    {Data: []byte("a = [1, 2]\n[plural]\none = 1\n[noother]\none = \"x\"\n")},
		"i18n/broken.toml": {Data: []byte("a = \n")},
		"i18n/README":      {Data: []byte("not a catalog")},
	}
	c := i18n.Catalog{}
	c.Set("ar", "nav.home", i18n.Message{Other: "old"})
	c.Set("ar", "nav.skip", i18n.Message{Other: "kept"})
	diags := LoadCatalog(fsys, "i18n", c)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	want := []string{
		`i18n/bad.toml:1:1: a: want a string or a table, found an array`,
		`i18n/bad.toml:3:1: plural.one: want a string, found the number 1`,
		`i18n/bad.toml:4:1: noother: a plural message needs an "other" form`,
		`i18n/broken.toml:1:5: unexpected character U+000A at start of value`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if c.T("ar", "nav.home") != "الرئيسية" || c.T("ar", "nav.skip") != "kept" || c.T("en", "nav.home") != "Home" {
		t.Errorf("catalog: %v", c)
	}
	if got := c.N("ar", "briefings", 0, i18n.Latin); got != "لا موجزات" {
		t.Errorf("plural zero = %q", got)
	}
	if got := c.N("ar", "briefings", 7, i18n.ArabicIndic); got != "٧ موجز" {
		t.Errorf("plural other = %q", got)
	}
	if !strings.Contains(c.FormatDate(mustDate(t), "ar", i18n.Latin), "يونيو") {
		t.Error("month names from the catalog are not used")
	}
}

func mustDate(t *testing.T) time.Time {
	t.Helper()
	return time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
}
