package config

import (
	"testing"
	"testing/fstest"

	"github.com/isnad/isnad/internal/i18n"
)

// FuzzLoad: any isnad.toml gives a configuration, and every problem in it
// is a diagnostic with the file and a line, never a panic.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"baseURL = \"https://user.github.io/repo\"\ndefaultLang = \"en\"\npaginate = 0\n[languages.ar]\ndigits = \"arab\"\n[taxonomies]\ntag = \"tags\"\n[markup.highlight]\nstyle = \"github\"\n",
		"baseURL = \"x\nfoo = 1\n",
		"[markup]\nunsafe = \"yes\"\n",
		"paginate = -1\n[feed]\nlimit = 3\n[params]\na = [1, {b = 2}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, diags := Load(fstest.MapFS{FileName: {Data: src}}, FileName)
		if c == nil {
			t.Fatal("no configuration")
		}
		for _, d := range diags {
			if d.Pos.File != FileName || d.Pos.Line < 1 {
				t.Errorf("diagnostic without a line: %v", d)
			}
		}
	})
}

// FuzzLoadCatalog: the same for a translation file.
func FuzzLoadCatalog(f *testing.F) {
	for _, s := range []string{
		"\"nav.home\" = \"الرئيسية\"\n[month]\n6 = \"يونيو\"\n[briefings]\nzero = \"لا موجزات\"\none = \"موجز واحد\"\nother = \"{n} موجز\"\n",
		"a = [1, 2]\n[plural]\none = 1\n[noother]\none = \"x\"\n",
		"a = \n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := LoadCatalog(fstest.MapFS{"i18n/ar.toml": {Data: src}}, "i18n", i18n.Catalog{})
		for _, d := range diags {
			if d.Pos.File != "i18n/ar.toml" || d.Pos.Line < 1 {
				t.Errorf("diagnostic without a line: %v", d)
			}
		}
	})
}
