package render

import (
	"context"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/isnad/isnad/internal/config"
	"github.com/isnad/isnad/internal/content"
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
