package content

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// load loads the files of a test site, given as path → contents.
func load(t *testing.T, files map[string]string) ([]*Doc, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	docs, diags, err := Load(context.Background(), fsys, Options{DefaultLang: "ar"})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	diags.Sort()
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Error())
	}
	return docs, msgs
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		want      Split
		err       error
	}{
		{"none", "# Title\n", Split{}, nil},
		{"yaml", "---\ntitle: x\n---\nbody\n", Split{YAML, 4, 13, 17}, nil},
		{"toml", "+++\ntitle = 'x'\n+++\nbody", Split{TOML, 4, 16, 20}, nil},
		{"yaml closed by dots", "---\na: 1\n...\nbody", Split{YAML, 4, 9, 13}, nil},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody\r\n", Split{YAML, 5, 15, 20}, nil},
		{"bom", "\uFEFF---\ntitle: x\n---\n", Split{YAML, 7, 16, 20}, nil},
		{"bom without front matter", "\uFEFFbody", Split{BodyStart: 3}, nil},
		{"trailing spaces on delimiters", "---  \na: 1\n--- \nb", Split{YAML, 6, 11, 16}, nil},
		{"empty front matter", "---\n---\nbody", Split{YAML, 4, 4, 8}, nil},
		{"closing at end of file without newline", "---\na: 1\n---", Split{YAML, 4, 9, 12}, nil},
		{"unclosed", "---\ntitle: x\nbody\n", Split{}, ErrUnclosed},
		{"mixed delimiters do not close", "---\na: 1\n+++\n", Split{}, ErrUnclosed},
		{"thematic break later is not front matter", "body\n---\n", Split{}, nil},
		{"four dashes are not a delimiter", "----\na\n----\n", Split{}, nil},
		{"empty file", "", Split{}, nil},
	}
	for _, tt := range tests {
		got, err := SplitFrontMatter([]byte(tt.src))
		if err != tt.err {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
		}
		if got != tt.want {
			t.Errorf("%s: SplitFrontMatter(%q) = %+v, want %+v", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	day := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		src   string
		want  Meta
		diags []string
	}{
		{
			name: "yaml, every field",
			src: `---
title: بوتين في بيونغ يانغ
date: 2024-06-20
lastmod: 2024-06-21T10:30:00+03:00
byline: نجيم
lang: ar
tags: [روسيا, "كوريا الشمالية"]
summary: موجز
slug: putin
draft: true
translationKey: pp
sources:
  wsj: https://www.wsj.com/world/x
  kcna: http://kcna.kp/en
series: كوريا
---
body`,
			want: Meta{
				Title: "بوتين في بيونغ يانغ", Date: day,
				Lastmod: time.Date(2024, 6, 21, 10, 30, 0, 0, time.FixedZone("", 3*3600)),
				Authors: []string{"نجيم"}, Lang: "ar", Tags: []string{"روسيا", "كوريا الشمالية"},
				Summary: "موجز", Slug: "putin", Draft: true, TranslationKey: "pp",
				Sources: map[string]string{"wsj": "https://www.wsj.com/world/x", "kcna": "http://kcna.kp/en"},
				Params:  map[string]any{"series": "كوريا"},
			},
		},
		{
			name: "toml, typed dates",
			src: `+++
title = "Pact"
date = 2024-06-20
lastmod = 2024-06-21T08:00:00
authors = ["A", "B"]
tags = "Russia"
+++
body`,
			want: Meta{
				Title: "Pact", Date: day, Lastmod: time.Date(2024, 6, 21, 8, 0, 0, 0, time.UTC),
				Authors: []string{"A", "B"}, Tags: []string{"Russia"},
			},
		},
		{
			name: "yaml syntax error, line and byte column in the file",
			src:  "---\ntitle: ok\nتاغ: [\n---\nbody",
			want: Meta{},
			// goccy counts the column in runes; "تاغ: [" has "[" at rune 6, byte 9.
			diags: []string{"content/a.md:3:9: sequence end token ']' not found"},
		},
		{
			name:  "toml syntax error is shifted past the delimiter",
			src:   "+++\ntitle = \"x\"\ndate = 2024-13-45\n+++\n",
			diags: []string{"content/a.md:3:13: impossible date"},
		},
		{
			name: "wrong types are reported at their field, all of them",
			src: `---
title: [a, b]
date: next week
draft: maybe
tags: {a: b}
dir: up
lang: "not a tag"
slug: a/b
sources:
  wsj: not-a-url
  ap: 42
---
`,
			want: Meta{},
			diags: []string{
				`content/a.md:2:1: title: want text, found a list`,
				`content/a.md:3:1: date: cannot read "next week" as a date; write 2024-06-20 or 2024-06-20T10:30:00+03:00`,
				`content/a.md:4:1: draft: want true or false, found text "maybe"`,
				`content/a.md:5:1: tags: want text or a list of text, found a map`,
				`content/a.md:6:1: dir: "up" must be rtl or ltr`,
				`content/a.md:7:1: lang: "not a tag" is not a language tag such as ar or en-GB`,
				`content/a.md:8:1: slug: "a/b" must be a single path segment`,
				`content/a.md:10:3: sources.wsj: "not-a-url" is not an http or https URL`,
				`content/a.md:11:3: sources.ap: want a URL, found the number 42`,
			},
		},
		{
			name:  "duplicate key",
			src:   "---\ntitle: a\ntitle: b\n---\n",
			want:  Meta{},
			diags: []string{`content/a.md:3:1: mapping key "title" already defined at [1:1]`},
		},
		{
			name:  "unclosed front matter",
			src:   "---\ntitle: a\n\nbody\n",
			diags: []string{"content/a.md:1:1: front matter is not closed: no closing delimiter line"},
		},
		{
			name:  "front matter that is a list",
			src:   "---\n- a\n- b\n---\n",
			diags: []string{"content/a.md:2:1: sequence was used where mapping is expected"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, diags := load(t, map[string]string{"content/a.md": tt.src})
			if len(docs) != 1 {
				t.Fatalf("loaded %d docs, want 1", len(docs))
			}
			// With errors, the fields decoded are not under test.
			if tt.diags == nil {
				if diff := cmp.Diff(tt.want, docs[0].Meta); diff != "" {
					t.Errorf("Meta (-want +got):\n%s", diff)
				}
			}
			if len(diags) != len(tt.diags) {
				t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(tt.diags, "\n"))
			}
			for i := range diags {
				if !strings.HasPrefix(diags[i], tt.diags[i]) {
					t.Errorf("diagnostic %d:\n got %s\nwant %s…", i, diags[i], tt.diags[i])
				}
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	type block struct {
		Kind BlockKind
		Text string
	}
	tests := []struct {
		name   string
		src    string
		blocks []block
		start  int // BodyStart
	}{
		{
			name: "byline, paragraphs, quoted subheading, no final newline",
			src:  "بواسطة نجيم\nفقرة أولى.\n\n“زواج مصلحة”\nفقرة ثانية",
			blocks: []block{
				{Byline, "بواسطة نجيم"}, {Paragraph, "فقرة أولى."}, {Heading, "“زواج مصلحة”"}, {Paragraph, "فقرة ثانية"},
			},
		},
		{
			name:   "bom and crlf",
			src:    "\uFEFFBy Jane Doe\r\nFirst paragraph.\r\n\r\n\"A heading\"\r\nLast.\r\n",
			blocks: []block{{Byline, "By Jane Doe"}, {Paragraph, "First paragraph."}, {Heading, "\"A heading\""}, {Paragraph, "Last."}},
			start:  3,
		},
		{
			name: "unbalanced quotes stay paragraphs",
			src:  "“زواج مصلحة\nوقالت شبكة “سي ان ان الأميركية\nزواج مصلحة”\n«نص» و«نص»\n",
			blocks: []block{
				{Paragraph, "“زواج مصلحة"}, {Paragraph, "وقالت شبكة “سي ان ان الأميركية"}, {Paragraph, "زواج مصلحة”"}, {Paragraph, "«نص» و«نص»"},
			},
		},
		{
			name:   "guillemets and reversed curly quotes are headings",
			src:    "«الموقف الدولي»\n”زواج مصلحة“\n",
			blocks: []block{{Heading, "«الموقف الدولي»"}, {Heading, "”زواج مصلحة“"}},
		},
		{
			name:   "a long quoted line is a quotation, not a heading",
			src:    "“" + strings.Repeat("كلمة ", 20) + "”\n",
			blocks: []block{{Paragraph, "“" + strings.Repeat("كلمة ", 19) + "كلمة ”"}},
		},
		{
			name:   "byline only on the first line, and only a name",
			src:    "By the end of the week, talks had stalled.\nBy Jane Doe\n",
			blocks: []block{{Paragraph, "By the end of the week, talks had stalled."}, {Paragraph, "By Jane Doe"}},
		},
		{
			name:   "white space around lines is not part of the block",
			src:    "  \t\n\u00a0 فقرة \u200f\n   \n",
			blocks: []block{{Paragraph, "فقرة"}},
		},
		{
			name:   "empty file",
			src:    "",
			blocks: nil,
		},
		{
			name:   "words that start like a cue are not bylines",
			src:    "Byzantine\nكتبه التاريخ\n",
			blocks: []block{{Paragraph, "Byzantine"}, {Paragraph, "كتبه التاريخ"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, diags := load(t, map[string]string{"content/a.txt": tt.src})
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			d := docs[0]
			if d.Kind != Text {
				t.Fatalf("Kind = %v, want text", d.Kind)
			}
			if d.BodyStart != tt.start {
				t.Errorf("BodyStart = %d, want %d", d.BodyStart, tt.start)
			}
			var got []block
			for _, b := range d.Blocks {
				got = append(got, block{b.Kind, string(d.Src[b.Start:b.End])})
			}
			if diff := cmp.Diff(tt.blocks, got); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSidecarAndDefaults(t *testing.T) {
	docs, diags := load(t, map[string]string{
		"content/2024/seed.txt":  "بواسطة نجيم\nفي وقت يواجه فيه فلاديمير بوتين خطر الاعتقال في معظم أنحاء العالم بسبب مذكرة صادرة من المحكمة الجنائية الدولية، أجرى زيارة.\n",
		"content/2024/seed.yaml": "title: عنوان\ndate: 2024-06-20\ntags: [روسيا]\n",
		"content/2024/bare.txt":  "By Jane Doe\nRussia and North Korea signed a pact. It was the first visit in years.\n",
		"content/2024/two.txt":   "نص",
		"content/2024/two.yaml":  "title: a\n",
		"content/2024/two.toml":  "title = 'b'\n",
		"content/outlets.yaml":   "- id: wsj\n",
		"content/_drafts/x.md":   "skipped",
		"content/.hidden.md":     "skipped",
		"content/notes.html":     "<p>not an article</p>",
		"content/2024/bad.yaml":  "title: [\n", // no bad.txt: not a sidecar, never read
		"content/2024/code.md":   "# Code\n\n```go\nfunc main() { fmt.Println(\"hello world, this is English\") }\n```\n\nنص عربي قصير.\n",
		"content/2024/digits.md": "2024 — 06 — 20\n",
	})
	want := []string{"content/2024/two.toml: content/2024/two.txt already has front matter in content/2024/two.yaml; keep one"}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics = %q, want %q", diags, want)
	}
	byPath := map[string]*Doc{}
	var paths []string
	for _, d := range docs {
		byPath[d.Path] = d
		paths = append(paths, d.Path)
	}
	wantPaths := []string{"content/2024/bare.txt", "content/2024/code.md", "content/2024/digits.md", "content/2024/seed.txt", "content/2024/two.txt"}
	if !slices.Equal(paths, wantPaths) {
		t.Fatalf("loaded %q, want %q", paths, wantPaths)
	}
	seed := byPath["content/2024/seed.txt"]
	if seed.Meta.Title != "عنوان" || seed.MetaPath != "content/2024/seed.yaml" || seed.Lang != "ar" || seed.Dir != "rtl" {
		t.Errorf("seed: title %q, meta %q, lang %q, dir %q", seed.Meta.Title, seed.MetaPath, seed.Lang, seed.Dir)
	}
	if !slices.Equal(seed.Meta.Authors, []string{"نجيم"}) {
		t.Errorf("seed authors = %q, want the byline's name", seed.Meta.Authors)
	}
	bare := byPath["content/2024/bare.txt"]
	if bare.Meta.Title != "Russia and North Korea signed a pact" || bare.Lang != "en" || bare.Dir != "ltr" {
		t.Errorf("bare: title %q, lang %q, dir %q", bare.Meta.Title, bare.Lang, bare.Dir)
	}
	if got := byPath["content/2024/two.txt"].Meta.Title; got != "a" {
		t.Errorf("two sidecars: title %q, want the .yaml one's, which wins", got)
	}
	code := byPath["content/2024/code.md"]
	if code.Lang != "ar" || code.Meta.Title != "Code" {
		t.Errorf("code: lang %q (code blocks must not count), title %q", code.Lang, code.Meta.Title)
	}
	if d := byPath["content/2024/digits.md"]; d.Lang != "ar" || d.Meta.Title != "digits" {
		t.Errorf("no letters: lang %q, want the default; title %q, want the file name", d.Lang, d.Meta.Title)
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		src, lang, dir string
	}{
		{"---\nlang: en\n---\nنص عربي كامل", "en", "ltr"},
		{"---\nlang: ar\ndir: ltr\n---\nنص", "ar", "ltr"},
		{"قالت وكالة رويترز إن Jens Stoltenberg قال", "ar", "rtl"},
		{"Reuters said the pact (الاتفاق) was signed", "en", "ltr"},
		{"گزارش‌ها نشان می‌دهد که پوتین به کره شمالی سفر کرد", "fa", "rtl"},
		{"ראש הממשלה אמר", "he", "rtl"},
		{"---\nlang: ur\n---\nx", "ur", "rtl"},
	}
	for _, tt := range tests {
		docs, _ := load(t, map[string]string{"content/a.md": tt.src})
		if d := docs[0]; d.Lang != tt.lang || d.Dir != tt.dir {
			t.Errorf("%q: lang %q dir %q, want %q %q", tt.src, d.Lang, d.Dir, tt.lang, tt.dir)
		}
	}
}

func TestPositionsMapBackToTheFile(t *testing.T) {
	src := "\uFEFF---\r\ntitle: x\r\n---\r\nفقرة\r\n"
	docs, _ := load(t, map[string]string{"content/a.md": src})
	d := docs[0]
	if got := string(d.Body()); got != "فقرة\r\n" {
		t.Fatalf("Body = %q", got)
	}
	if p := d.Pos(d.BodyStart); p.Line != 4 || p.Col != 1 {
		t.Errorf("body starts at %v, want line 4 col 1", p)
	}
}

func TestLoadHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("x")}}
	if _, _, err := Load(ctx, fsys, Options{}); err == nil {
		t.Error("Load with a cancelled context succeeded")
	}
}

func TestMissingContentFolder(t *testing.T) {
	_, _, err := Load(context.Background(), fstest.MapFS{}, Options{})
	if err == nil {
		t.Error("Load of a site without content/ succeeded")
	}
}

// failFS fails to open one file, as a file without read permission does.
type failFS struct {
	fstest.MapFS
	bad string
}

func (f failFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(onlyOpen{f}, name) }

// onlyOpen hides every method but Open, so fs.ReadFile goes through it.
type onlyOpen struct{ fs.FS }

func TestUnreadableFiles(t *testing.T) {
	fsys := failFS{MapFS: fstest.MapFS{
		"content/a.md":   {Data: []byte("# A\n")},
		"content/b.md":   {Data: []byte("# B\n")},
		"content/c.txt":  {Data: []byte("نص\n")},
		"content/c.yaml": {Data: []byte("title: c\n")},
	}, bad: "content/b.md"}
	docs, diags, err := Load(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Errorf("loaded %d docs, want the 2 readable ones", len(docs))
	}
	if len(diags) != 1 || diags[0].Error() != "content/b.md: cannot read: permission denied" {
		t.Errorf("diagnostics = %v", diags)
	}
	fsys.bad = "content/c.yaml"
	docs, diags, _ = Load(context.Background(), fsys, Options{})
	if len(docs) != 3 || len(diags) != 1 || diags[0].Error() != "content/c.yaml: cannot read: permission denied" {
		t.Errorf("unreadable sidecar: %d docs, diagnostics %v", len(docs), diags)
	}
}
