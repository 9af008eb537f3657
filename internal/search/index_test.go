package search

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// files builds an index of docs and returns its files by name.
func files(t *testing.T, docs []Doc) map[string]string {
	t.Helper()
	ix, err := Build(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	if err := ix.Write(context.Background(), func(name string, data []byte) error {
		if _, dup := out[name]; dup {
			t.Errorf("%s written twice", name)
		}
		out[name] = string(data)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

var callRE = regexp.MustCompile(`(?s)^isnadSearch\.(\w+)\((.*)\);\n$`)

// call reads a file of the index: the function it calls and its JSON
// arguments.
func call(t *testing.T, name, src string) (string, []json.RawMessage) {
	t.Helper()
	m := callRE.FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("%s is not one isnadSearch call: %.100s", name, src)
	}
	var args []json.RawMessage
	if err := json.Unmarshal([]byte("["+m[2]+"]"), &args); err != nil {
		t.Fatalf("%s: arguments are not JSON: %v", name, err)
	}
	return m[1], args
}

// TestIndexFiles indexes three articles and reads the files back as the
// browser's script does: the entry, the shards, the titles and the text.
func TestIndexFiles(t *testing.T) {
	docs := []Doc{
		{Path: "2024/ar/", Title: "بوتين في بيونغ يانغ", Text: "وقّع الزعيمان اتفاقية، والناتو يحذّر.\nبوتين وكيم.", Lang: "ar", Dir: "rtl", Date: "2024-06-20", DateText: "20 يونيو 2024", Outlets: []string{"kcna", "nato"}},
		{Path: "2024/en/", Title: "Treaty signed", Text: "The treaties were signed </script> in Pyongyang\u2028.", Lang: "en", Dir: "ltr", Outlets: []string{"reuters"}},
		{Path: "2023/x/", Title: "الناتو", Text: "للناتو بيان.", Lang: "ar", Dir: "rtl", Outlets: []string{"nato"}},
	}
	fs := files(t, docs)
	fn, args := call(t, "search/index.js", fs["search/index.js"])
	var entry struct {
		V, Docs, Meta, Text int
		Shards              []string
		Outlets             []string
	}
	if err := json.Unmarshal(args[0], &entry); fn != "init" || err != nil {
		t.Fatalf("entry: %s %v", fn, err)
	}
	if entry.Docs != 3 || entry.Meta != MetaChunk || entry.Text != TextChunk {
		t.Errorf("entry %+v", entry)
	}
	if fmt.Sprint(entry.Outlets) != "[kcna nato reuters]" {
		t.Errorf("outlets %v", entry.Outlets)
	}
	for id, want := range map[string]string{"kcna": "[0]", "nato": "[0 2]", "reuters": "[1]"} {
		name := "search/o/" + ShardName(id) + ".js"
		fn, args := call(t, name, fs[name])
		var got []int
		json.Unmarshal(args[1], &got)
		if fn != "outlet" || fmt.Sprint(got) != want {
			t.Errorf("%s: %s %v, want the article numbers %s, each after the one before", name, fn, got, want)
		}
	}
	// Every key is in the shard its body's prefix names; postings decode
	// to the articles that hold the word.
	postings := map[string][]int{}
	for _, h := range entry.Shards {
		name := "search/t/" + h + ".js"
		fn, args := call(t, name, fs[name])
		var id string
		var keys map[string][]int
		json.Unmarshal(args[0], &id)
		if err := json.Unmarshal(args[1], &keys); fn != "shard" || id != h || err != nil {
			t.Fatalf("%s: %s(%q) %v", name, fn, id, err)
		}
		for k, ps := range keys {
			if !strings.HasPrefix(k[1:], unhex(t, h)) {
				t.Errorf("key %q is in shard %q", k, unhex(t, h))
			}
			doc := 0
			for _, p := range ps {
				doc += p >> 3
				if w := p & 7; w < 1 || w > 7 {
					t.Errorf("key %q: weight %d", k, w)
				}
				postings[k] = append(postings[k], doc)
			}
		}
	}
	for key, want := range map[string]string{
		"=بوتين":   "[0]",
		"~ناتو":    "[0 2]", // والناتو, الناتو, للناتو
		"^ناتو":    "[0 2]",
		"=اتفاقيه": "[0]",
		"~treaty":  "[1]",
		"~sign":    "[1]",
		"=script":  "[1]",
	} {
		if got := fmt.Sprint(postings[key]); got != want {
			t.Errorf("postings of %s = %s, want %s", key, got, want)
		}
	}
	fn, args = call(t, "search/m/0.js", fs["search/m/0.js"])
	var rows [][]string
	json.Unmarshal(args[1], &rows)
	if fn != "meta" || len(rows) != 3 || strings.Join(rows[0], "|") != "2024/ar/|بوتين في بيونغ يانغ|2024-06-20|20 يونيو 2024|ar|rtl" {
		t.Errorf("meta: %s %q", fn, rows)
	}
	text := fs["search/x/0.js"]
	if strings.Contains(text, "</script>") || strings.Contains(text, "\u2028") {
		t.Error("the text file holds </script> or U+2028 as is")
	}
	fn, args = call(t, "search/x/0.js", text)
	var texts []string
	json.Unmarshal(args[1], &texts)
	if fn != "text" || len(texts) != 3 || texts[1] != docs[1].Text {
		t.Errorf("text: %s %q", fn, texts)
	}
}

func unhex(t *testing.T, h string) string {
	var b []byte
	for i := 0; i+1 < len(h); i += 2 {
		var c byte
		fmt.Sscanf(h[i:i+2], "%02x", &c)
		b = append(b, c)
	}
	return string(b)
}

// TestShardsSplit: a dictionary too large for one shard per two-letter
// prefix is split by longer prefixes, every shard under ShardSize but for
// keys that cannot be split further.
func TestShardsSplit(t *testing.T) {
	var docs []Doc
	for i := range 400 {
		var b strings.Builder
		for j := range 60 {
			fmt.Fprintf(&b, "الكلمة%d%d بالكلمة%d ", i, j, j*7+i)
		}
		docs = append(docs, Doc{Path: fmt.Sprint(i), Title: "عنوان", Text: b.String()})
	}
	ix, err := Build(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	shards := ix.shards()
	deep, seen, all := 0, map[string]bool{}, map[string]bool{}
	for _, s := range shards {
		all[s.prefix] = true
	}
	for _, s := range shards {
		if len([]rune(s.prefix)) > minDepth {
			deep++
		}
		if seen[s.prefix] {
			t.Errorf("two shards for %q", s.prefix)
		}
		seen[s.prefix] = true
		if size := ix.size(s.keys); size > ShardSize && len([]rune(s.prefix)) < maxDepth {
			t.Errorf("shard %q is %d bytes", s.prefix, size)
		}
		for _, k := range s.keys {
			// The browser looks a key up in the shard of its body's
			// longest prefix that has one.
			body := []rune(k[1:])
			var found string
			for n := min(len(body), maxDepth); n >= minDepth; n-- {
				if all[string(body[:n])] {
					found = string(body[:n])
					break
				}
			}
			if found != s.prefix {
				t.Fatalf("key %q is in shard %q but would be looked up in %q", k, s.prefix, found)
			}
		}
	}
	if deep == 0 {
		t.Errorf("no shard was split among %d", len(shards))
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range LoadTable(f, "testdata/normalize.json").Samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range Words(text) {
			if len([]rune(w)) < 2 || w != strings.TrimSpace(w) {
				t.Fatalf("word %q", w)
			}
			for _, k := range Keys(w) {
				if len(k) < 2 {
					t.Fatalf("key %q of %q", k, w)
				}
			}
			if !Matches(w, w) {
				t.Fatalf("%q does not match itself", w)
			}
		}
	})
}
