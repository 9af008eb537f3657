package scaffold

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isnad/isnad/internal/content"
)

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"بوتين يزور بيونغ يانغ", "بوتين-يزور-بيونغ-يانغ"},
		{"بُوتِين وكيم يوقّعان اتفاقيةً", "بوتين-وكيم-يوقعان-اتفاقية"},
		{"الاقتصاد: نمو بنسبة ٣٫٥٪ في ٢٠٢٤", "الاقتصاد-نمو-بنسبة-3-5-في-2024"},
		{"بيـــونغ يانغ", "بيونغ-يانغ"},
		{"«الناتو» يحذّر من \u200cالتحالف", "الناتو-يحذر-من-التحالف"},
		{"Putin's visit to Pyongyang", "putins-visit-to-pyongyang"},
		{"  Crème brûlée — Café São Paulo!  ", "creme-brulee-cafe-sao-paulo"},
		{"ﻻ مفاوضات", "لا-مفاوضات"},
		{"Red Sea: 50% fewer ships (2024)", "red-sea-50-fewer-ships-2024"},
		{"C++ & Go/Rust", "c-go-rust"},
		{"!!!", ""},
		{"مؤتمر دولي حول مستقبل التجارة العالمية عبر البحر الأحمر وقناة السويس في ظل الهجمات", "مؤتمر-دولي-حول-مستقبل-التجارة-العالمية-عبر"},
		{strings.Repeat("a", 100), strings.Repeat("a", 80)},
		{strings.Repeat("ب", 60), strings.Repeat("ب", 40)},
	}
	for _, tt := range tests {
		got := Slug(tt.title)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if len(got) > MaxSlug {
			t.Errorf("Slug(%q) is %d bytes", tt.title, len(got))
		}
	}
}

func TestNewGuessesLanguage(t *testing.T) {
	now := time.Date(2025, 3, 4, 10, 30, 15, 999, time.FixedZone("", 3*3600))
	tests := []struct {
		title, lang, wantLang, wantDir, wantSlug string
	}{
		{"بوتين يزور بيونغ يانغ", "", "ar", "rtl", "بوتين-يزور-بيونغ-يانغ"},
		{"Putin visits Pyongyang", "", "en", "ltr", "putin-visits-pyongyang"},
		{"Putin visits Pyongyang", "fr", "fr", "ltr", "putin-visits-pyongyang"},
		{"گزارش تازه از تهران", "", "fa", "rtl", "گزارش-تازه-از-تهران"},
		{"2024", "", "ar", "rtl", "2024"},
		{"؟؟", "", "ar", "rtl", "2025-03-04-1030"},
	}
	for _, tt := range tests {
		a, err := New(tt.title, tt.lang, "ar", now)
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.wantLang || a.Dir != tt.wantDir || a.Slug != tt.wantSlug || !a.Date.Equal(now.Truncate(time.Second)) {
			t.Errorf("New(%q, %q) = %+v; want lang %s dir %s slug %s", tt.title, tt.lang, a, tt.wantLang, tt.wantDir, tt.wantSlug)
		}
	}
	if _, err := New(" \t", "", "ar", now); err == nil {
		t.Error("an empty title was accepted")
	}
}

// TestCreateLoads writes new articles and loads them back with the
// content loader: the front matter must say what was asked, with no
// diagnostics, whatever the title holds.
func TestCreateLoads(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content", "2025")
	now := time.Date(2025, 3, 4, 10, 30, 0, 0, time.FixedZone("", 3*3600))
	titles := []string{
		"بوتين يزور بيونغ يانغ",
		`He said "no": a \ backslash # and: colons`,
		"- starts like a list: [and] {braces} & *stars*",
		"تقرير: ‹الحوثيون› \"يصعّدون\"",
	}
	for i, title := range titles {
		a, err := New(title, "", "ar", now)
		if err != nil {
			t.Fatal(err)
		}
		a.Draft = i == 1
		name, err := Create(dir, a)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(name) != a.Slug+".md" {
			t.Errorf("file %s, want %s.md", name, a.Slug)
		}
	}
	docs, diags, err := content.Load(context.Background(), os.DirFS(root), content.Options{Dir: "content"})
	if err != nil || len(diags) > 0 {
		t.Fatalf("loading the new articles: %v %v", err, diags)
	}
	if len(docs) != len(titles) {
		t.Fatalf("loaded %d articles, want %d", len(docs), len(titles))
	}
	byTitle := map[string]*content.Doc{}
	for _, d := range docs {
		byTitle[d.Meta.Title] = d
	}
	for i, title := range titles {
		d := byTitle[title]
		if d == nil {
			t.Errorf("no article titled %q among the loaded ones", title)
			continue
		}
		want, _ := New(title, "", "ar", now)
		if !d.Meta.Date.Equal(now) || d.Meta.Lang != want.Lang || d.Meta.Dir != want.Dir || d.Meta.Slug != want.Slug || d.Meta.Draft != (i == 1) {
			t.Errorf("%q loaded as %+v", title, d.Meta)
		}
	}
}

func TestCreateNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	a, _ := New("بوتين يزور بيونغ يانغ", "", "ar", time.Now())
	name, err := Create(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(name, []byte("the editor's text"), 0o644)
	if _, err := Create(dir, a); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Create: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(name); string(b) != "the editor's text" {
		t.Errorf("the existing file was changed: %q", b)
	}
	// A plain-text article of the same name would have the same URL.
	b, _ := New("Red Sea", "", "ar", time.Now())
	os.WriteFile(filepath.Join(dir, "red-sea.txt"), []byte("x"), 0o644)
	if _, err := Create(dir, b); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Create beside red-sea.txt: %v, want fs.ErrExist", err)
	}
}

func FuzzSlug(f *testing.F) {
	f.Add("بوتين يزور بيونغ يانغ")
	f.Add("Crème brûlée — ٢٠٢٤")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, title string) {
		s := Slug(title)
		if len(s) > MaxSlug {
			t.Fatalf("slug of %d bytes", len(s))
		}
		if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("slug %q has stray dashes", s)
		}
		for _, r := range s {
			if r == '/' || r == '?' || r == '#' || r == '%' || r == ' ' || r == '.' {
				t.Fatalf("slug %q holds %q", s, r)
			}
		}
		if Slug(s) != s {
			t.Fatalf("Slug is not idempotent: %q → %q", s, Slug(s))
		}
	})
}
