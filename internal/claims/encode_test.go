package claims

import (
	"bytes"
	"testing"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/outlet"
)

// tricky are strings whose JSON needs every kind of escape encoding/json
// makes, and none that it does not (HTML characters stay as they are).
var tricky = []string{
	"", "plain", `قال "المتحدث" إن <b>&</b>`, "back\\slash", "tab\there\nnew\rline",
	"\b\f\x00\x01\x1f\x7f", "line\u2028para\u2029end", "bad \xff utf-8 \xc3", "emoji 🙂 and ﷽",
}

func dataCases() []Data {
	src := func(i int) annotate.Source {
		return annotate.Source{ID: tricky[i%len(tricky)], Name: tricky[(i+3)%len(tricky)], Kind: outlet.Kind(tricky[(i+5)%len(tricky)])}
	}
	var cs []annotate.Claim
	for i := range 12 {
		c := annotate.Claim{
			ID: tricky[i%len(tricky)], Start: i * 7, End: i*7 + 100 - i*i, Text: tricky[(i+1)%len(tricky)],
			Cue: tricky[(i+2)%len(tricky)], Source: src(i), Type: annotate.Type(tricky[(i+4)%len(tricky)]),
			Origin: annotate.Origin(tricky[(i+6)%len(tricky)]), URL: tricky[(i+7)%len(tricky)],
			Polarity: tricky[(i+8)%len(tricky)], Plain: "not encoded",
		}
		switch i % 3 {
		case 0:
			c.Via = []annotate.Source{}
		case 1:
			c.Via = []annotate.Source{src(i + 1), src(i + 2)}
		}
		if i%2 == 0 {
			s := src(i + 3)
			c.Conduit = &s
		}
		if i%4 == 1 {
			s := src(i + 4)
			c.Org = &s
		}
		cs = append(cs, c)
	}
	return []Data{
		{URL: "no result"},
		{Result: &annotate.Result{}, URL: ""},
		{Result: &annotate.Result{File: "content/x.md", Lang: "ar", Claims: []annotate.Claim{}, Unattributed: []annotate.Span{}}, URL: "2024/x/"},
		{Result: &annotate.Result{File: tricky[2], Lang: tricky[3], Claims: cs[:1], Unattributed: []annotate.Span{{Start: 1, End: 2}}}, URL: tricky[4]},
		{Result: &annotate.Result{File: "content/y.md", Lang: "en", Claims: cs, Unattributed: []annotate.Span{{Start: 1, End: 2}, {Start: 30, End: 4000}}}, URL: "https://example.org/2024/y/"},
	}
}

func TestAppendJSONIsMarshalJSON(t *testing.T) {
	for i, d := range dataCases() {
		want, err := MarshalJSON(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("case %d: AppendJSON gives\n%s\nencoding/json\n%s", i, got, want)
		}
	}
}

func FuzzAppendJSON(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, s, 3)
	}
	f.Fuzz(func(t *testing.T, text, name string, n int) {
		c := annotate.Claim{ID: name, Text: text, Cue: text, Start: n, End: -n, Source: annotate.Source{ID: text, Name: name, Kind: outlet.Kind(name)}, URL: text}
		if n%2 == 0 {
			c.Via = []annotate.Source{{Name: text}}
		}
		d := Data{Result: &annotate.Result{File: name, Lang: text, Claims: []annotate.Claim{c}, Unattributed: []annotate.Span{{Start: n, End: n}}}, URL: text}
		want, err := MarshalJSON(d)
		if err != nil {
			t.Fatalf("encoding/json cannot write the claims: %v", err) // nothing in them is unencodable
		}
		if got := d.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("AppendJSON gives\n%q\nencoding/json\n%q", got, want)
		}
	})
}

func BenchmarkAppendJSON(b *testing.B) {
	d := dataCases()[4]
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf = d.AppendJSON(buf[:0])
	}
}

func BenchmarkMarshalJSON(b *testing.B) {
	d := dataCases()[4]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MarshalJSON(d); err != nil {
			b.Fatal(err)
		}
	}
}
