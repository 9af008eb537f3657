package content

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestLoadFileMatchesLoad checks that loading articles one by one, as a
// rebuild after an edit does, gives exactly what Load gives.
func TestLoadFileMatchesLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":             {Data: []byte("---\ntitle: A\ndate: 2024-01-02\n---\n\nText.\n")},
		"content/2024/b.txt":       {Data: []byte("بواسطة نجيم\nقالت الوكالة إن الاتفاق وقع.\n")},
		"content/2024/b.yaml":      {Data: []byte("title: ب\ntags: [س]\n")},
		"content/2024/c.txt":       {Data: []byte("By Jane Doe\nReuters said so.\n")},
		"content/2024/c.toml":      {Data: []byte("title = \"C\"\n")},
		"content/2024/c.yml":       {Data: []byte("title: C again\n")},
		"content/bad.md":           {Data: []byte("---\ndate: never\n---\nx\n")},
		"content/_hidden/x.md":     {Data: []byte("x")},
		"content/.git/y.md":        {Data: []byte("y")},
		"content/outlets.yaml":     {Data: []byte("[]\n")},
		"content/notes/readme.rst": {Data: []byte("not an article")},
	}
	opt := Options{DefaultLang: "ar"}
	docs, diags, err := Load(t.Context(), fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	paths, _, err := Paths(t.Context(), fsys, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(docs) {
		t.Fatalf("Paths found %v, Load %d articles", paths, len(docs))
	}
	var all int
	for i, p := range paths {
		if !IsArticle(p, opt) {
			t.Errorf("IsArticle(%q) = false", p)
		}
		d, ds := LoadFile(fsys, p, opt)
		all += len(ds)
		if docs[i].Path != p || !reflect.DeepEqual(d, docs[i]) {
			t.Errorf("LoadFile(%q) differs from Load's", p)
		}
	}
	if all != len(diags) {
		t.Errorf("LoadFile reported %d problems, Load %d: %v", all, len(diags), diags)
	}
	for _, p := range []string{"content/_hidden/x.md", "content/.git/y.md", "content/outlets.yaml", "content/notes/readme.rst", "other/a.md", "content/../a.md"} {
		if IsArticle(p, opt) {
			t.Errorf("IsArticle(%q) = true", p)
		}
	}
	if got := SidecarOf("content/2024/b.yaml"); got != "content/2024/b.txt" {
		t.Errorf("SidecarOf = %q", got)
	}
	if got := SidecarOf("content/2024/b.md"); got != "" {
		t.Errorf("SidecarOf(.md) = %q", got)
	}
}
