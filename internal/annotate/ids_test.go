package annotate

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestIDsFromBlockKeys: the ids of claims whose folded text and context
// were cut from their block's key are those folding them afresh gives,
// wherever the context's 32 bytes end, even between ئ and the و that
// makes it fold to و.
func TestIDsFromBlockKeys(t *testing.T) {
	a := defaultAnnotator(t)
	var texts []string
	for pad := range 40 {
		after := strings.Repeat("ب", pad/2) + strings.Repeat(" ", pad%2)
		texts = append(texts,
			"وقال مسؤول أمريكي لوكالة رويترز إن المحادثات فشلت. "+after+"وأضاف مسئول إن الوفد غادر.",
			"وقال مسؤول أمريكي لوكالة رويترز إن المحادثات فشلت. "+after+"وأضاف ان شئون الوفد ئُو.",
			"بدأت الهيئة "+after+"ئ. وقالت وكالة رويترز إن المحادثات فشلت.")
	}
	for _, text := range texts {
		src := []byte(text + "\n")
		in := &Input{File: "f.txt", Src: src, Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
			Blocks: FromText(src, textLines(src))}
		res, _ := a.Annotate(t.Context(), in)
		if len(res.Claims) == 0 {
			t.Fatalf("%q: no claim", text)
		}
		fresh := slices.Clone(res.Claims)
		assignIDs(src, fresh, nil, nil)
		for i := range fresh {
			if fresh[i].ID != res.Claims[i].ID {
				t.Errorf("%q: claim %q has id %s, folding afresh gives %s", text, fresh[i].Text, res.Claims[i].ID, fresh[i].ID)
			}
		}
	}
}

// TestFNV2: hashing two strings in turn gives each its own FNV-1a hash,
// whichever is longer.
func TestFNV2(t *testing.T) {
	for _, p := range [][2]string{{"", ""}, {"a", ""}, {"", "مسؤول"}, {"قال\x00الوزير\x00إن", "said\x00x"}, {"abc", "abd"}} {
		for _, q := range [][2]string{p, {p[1], p[0]}} {
			ha, hb := fnv2([]byte(q[0]), []byte(q[1]))
			if wa, wb := fnvAdd(2166136261, q[0]), fnvAdd(2166136261, q[1]); ha != wa || hb != wb {
				t.Errorf("fnv2(%q, %q) = %08x, %08x; want %08x, %08x", q[0], q[1], ha, hb, wa, wb)
			}
		}
	}
}
