package content

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"---\ntitle: x\n---\nbody\n",
	"+++\ntitle = 'x'\n+++\nbody\n",
	"\uFEFF---\r\ntitle: x\r\n---\r\nbody",
	"---\n---\n",
	"---\ntitle: [\n---\n",
	"+++\ndate = 2024-13-45\n+++\n",
	"---\nsources:\n  wsj: ftp://x\n  ap: [1]\ndate: 2024-06-20\ntags: {a: b}\n---\n",
	"بواسطة نجيم\nفقرة.\n“زواج مصلحة”\nوقالت شبكة “سي ان ان",
	"By Jane Doe\r\n\"Heading\"\r\n«x» y «z»\r\n",
	"\xff\xfe\x00garbage\n“\n”\n",
}

// FuzzSplitFrontMatter checks the splitter's promises on any input: the
// parts are in order and inside the file, and the body is a suffix of it.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sp, err := SplitFrontMatter(src)
		if sp.BodyStart < 0 || sp.BodyStart > len(src) {
			t.Fatalf("BodyStart %d outside [0, %d]", sp.BodyStart, len(src))
		}
		if err != nil || sp.Format == NoFrontMatter {
			if sp.MetaStart != 0 || sp.MetaEnd != 0 {
				t.Fatalf("no front matter but meta at [%d, %d)", sp.MetaStart, sp.MetaEnd)
			}
			if want := len(bom) * boolInt(bytes.HasPrefix(src, bom)); sp.BodyStart != want {
				t.Fatalf("no front matter: BodyStart %d, want %d", sp.BodyStart, want)
			}
			return
		}
		if !(0 < sp.MetaStart && sp.MetaStart <= sp.MetaEnd && sp.MetaEnd < sp.BodyStart) {
			t.Fatalf("parts out of order: %+v (len %d)", sp, len(src))
		}
		if sp.MetaStart > 0 && src[sp.MetaStart-1] != '\n' {
			t.Fatalf("front matter does not start a line: %+v", sp)
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzLoad loads any bytes as a Markdown and as a plain-text article, with
// a sidecar: it must never panic, and the blocks of the text article must
// be in order, inside the body, non-empty and free of line endings.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), []byte("title: x\ndate: 2024-06-20\n"))
	}
	f.Add([]byte("x"), []byte("title: [\n"))
	f.Add([]byte("x"), []byte("- a\n- b\n"))
	f.Fuzz(func(t *testing.T, src, sidecar []byte) {
		fsys := fstest.MapFS{
			"content/a.md":   {Data: src},
			"content/b.txt":  {Data: src},
			"content/b.yaml": {Data: sidecar},
		}
		docs, _, err := Load(context.Background(), fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 {
			t.Fatalf("loaded %d docs, want 2", len(docs))
		}
		for _, d := range docs {
			if d.BodyStart < 0 || d.BodyStart > len(d.Src) {
				t.Fatalf("%s: BodyStart %d outside the file", d.Path, d.BodyStart)
			}
			if d.Lang == "" || (d.Dir != "rtl" && d.Dir != "ltr") {
				t.Fatalf("%s: lang %q dir %q", d.Path, d.Lang, d.Dir)
			}
			if !utf8.ValidString(d.Meta.Title) && utf8.Valid(d.Src) {
				t.Fatalf("%s: title %q is not valid UTF-8", d.Path, d.Meta.Title)
			}
		}
		text := docs[1]
		prev := text.BodyStart
		for _, b := range text.Blocks {
			if b.Start < prev || b.End <= b.Start || b.End > len(text.Src) {
				t.Fatalf("block %+v out of order or bounds (prev end %d, len %d)", b, prev, len(text.Src))
			}
			if bytes.ContainsAny(text.Src[b.Start:b.End], "\n") {
				t.Fatalf("block %+v spans lines", b)
			}
			if b.Kind == Byline && !(b.Start <= b.NameStart && b.NameStart <= b.NameEnd && b.NameEnd <= b.End) {
				t.Fatalf("byline name %+v outside the line", b)
			}
			prev = b.End
		}
	})
}
