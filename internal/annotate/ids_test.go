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
