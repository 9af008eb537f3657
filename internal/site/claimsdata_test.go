package site

import (
	"bytes"
	"testing"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/claims"
	"github.com/isnad/isnad/internal/render"
)

// TestClaimsArrayIsWhatEncodingJSONWrites puts the site's claims.json
// together from the articles' files, and compares it with encoding the
// whole list at once, for no article, one, and many.
func TestClaimsArrayIsWhatEncodingJSONWrites(t *testing.T) {
	b := &builder{cfg: Config{Source: corpusSite(12), Defaults: isnad.Defaults, Out: discard{}}, res: &Result{}}
	docs, err := b.prepare(t.Context())
	if err != nil || b.r == nil {
		t.Fatalf("prepare: %v %v", err, b.res.Diags.Err())
	}
	articles := b.articles(docs)
	if err := b.renderBodies(t.Context(), articles); err != nil {
		t.Fatal(err)
	}
	parts, err := b.encodeClaims(t.Context(), articles, func(*render.Article) []byte { return nil })
	if err != nil {
		t.Fatal(err)
	}
	var all []claims.Data
	for _, a := range articles {
		all = append(all, a.Claims.Data(b.articleURL(a)))
	}
	for _, n := range []int{0, 1, len(all)} {
		want, err := claims.MarshalJSON(append([]claims.Data{}, all[:n]...))
		if err != nil {
			t.Fatal(err)
		}
		if got := claimsArray(parts[:n]); !bytes.Equal(got, want) {
			t.Errorf("%d articles: claimsArray gives\n%.500s\nwant\n%.500s", n, got, want)
		}
		var buf bytes.Buffer
		if err := writeClaimsArray(&buf, n, func(i int) []byte { return parts[i] }); err != nil {
			t.Fatal(err)
		}
		if got := buf.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("%d articles: writeClaimsArray writes\n%.500s\nwant\n%.500s", n, got, want)
		}
	}
}
