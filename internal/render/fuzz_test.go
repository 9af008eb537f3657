package render

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/outlet"
)

// FuzzBody renders any bytes as a Markdown and as a plain-text article in
// both directions: no panic, no error, valid UTF-8 out of valid UTF-8 in.
func FuzzBody(f *testing.F) {
	for _, s := range []string{
		"## زواج مصلحة\n\nشركة (Maersk)، و**هاباغ (Hapag-Lloyd)** ‎-46.8%\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~x~~ www.example.org [^1]\n\n[^1]: n\n",
		"```go\nfunc main() {}\n```\n\n<script>x</script> <b>y</b> &amp; \\*\n",
		"بواسطة نجيم\n“زواج مصلحة”\nوقالت شبكة “سي ان ان\r\n",
		"The pact (الاتفاق) was signed -- \"quoted\"...\n",
		"* a\n  * b\n> q\n\n    code\n",
	} {
		f.Add([]byte(s))
	}
	r, diags := New(Config{Site: config.Default(), Templates: defaultTemplates(f)})
	if r == nil {
		f.Fatal(diags)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"content/a.md", "content/a.txt"} {
			for _, lang := range []string{"ar", "en"} {
				docs, _, err := content.Load(context.Background(), fstest.MapFS{name: {Data: src}}, content.Options{DefaultLang: lang})
				if err != nil || len(docs) != 1 {
					t.Fatalf("load: %v", err)
				}
				d := docs[0]
				d.Dir = map[string]string{"ar": "rtl", "en": "ltr"}[lang]
				a := &Article{}
				if diags := r.Body(context.Background(), d, a); len(diags) > 0 {
					t.Fatalf("%s %s: %v", name, lang, diags)
				}
				if utf8.Valid(src) && !utf8.ValidString(string(a.Body)) {
					t.Fatalf("%s %s: invalid UTF-8 out of valid input", name, lang)
				}
			}
		}
	})
}

// FuzzAnnotatedBody renders any bytes with the annotator plugged in, as a
// Markdown and as a plain-text article: no panic, valid UTF-8 out of valid
// UTF-8 in, and every claim the annotator found on the page, once, with
// its chip.
func FuzzAnnotatedBody(f *testing.F) {
	for _, s := range []string{
		"وذكرت وكالة الأنباء المركزية الكورية، الخميس، أن الاتفاق وقع.\n\nوقالت الوكالة إن البلدين اتفقا\n",
		"Russia is expanding cooperation [@wsj]. قال مسؤول إن [روسيا توسع التعاون]{@wsj url=https://wsj.com/x}.\n",
		"KCNA said *the pact* was [signed](https://x.org) on Thursday, Reuters reported.\n\n| a | Reuters said b |\n|-|-|\n",
		"## Reuters said `code` here\n\n> The agency said it was done.\n\n- CNN reported that x.\n",
		"وقال ستولتنبرغ: “نحن متحالفون” [@nosuchid].\n",
		"According to The Wall Street Journal, `the deal` was signed.[^1]\n\n[^1]: Reuters said so.\n",
	} {
		f.Add([]byte(s))
	}
	reg, _ := outlet.Default()
	r, diags := New(Config{Site: config.Default(), Templates: defaultTemplates(f), Annotator: annotate.New(reg)})
	if r == nil {
		f.Fatal(diags)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"content/a.md", "content/a.txt"} {
			docs, _, err := content.Load(context.Background(), fstest.MapFS{name: {Data: src}}, content.Options{})
			if err != nil || len(docs) != 1 {
				t.Fatalf("load: %v", err)
			}
			a := &Article{Path: "2024/a/"}
			r.Body(context.Background(), docs[0], a)
			body := string(a.Body)
			if utf8.Valid(src) && !utf8.ValidString(body) {
				t.Fatalf("%s: invalid UTF-8 out of valid input", name)
			}
			if a.Claims == nil {
				t.Fatalf("%s: no claims data", name)
			}
			for _, c := range a.Claims.Claims {
				if n := strings.Count(body, ` id="`+c.ID+`"`); n != 1 {
					t.Errorf("%s: claim %s %q is on the page %d times:\n%s", name, c.ID, c.Text, n, body)
				}
				if !strings.Contains(body, `href="#card-`+c.ID+`"`) && !strings.Contains(body, `<span class="chip"`) {
					t.Errorf("%s: claim %s has no chip:\n%s", name, c.ID, body)
				}
			}
		}
	})
}
