package annotate

import (
	"strings"
	"testing"
	"time"
)

// TestOverrides: front matter "claims" turns a detected claim off by id,
// gives another its source by a fragment of its text, and warns about an
// override that matches nothing.
func TestOverrides(t *testing.T) {
	a := defaultAnnotator(t)
	body := "قالت وكالة رويترز إن المطر هطل.\nوذكرت مصادر أن الرياح هبت.\n"
	mk := func(ov []Override) *Input {
		src := []byte("---\nclaims: ...\n---\n" + body)
		return &Input{File: "a.md", Src: src, Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
			Blocks: FromText(src, textLines(src)[3:]), Overrides: ov}
	}
	before, _ := a.Annotate(t.Context(), mk(nil))
	if len(before.Claims) != 2 {
		t.Fatalf("want 2 detected claims, got %d", len(before.Claims))
	}
	fm := []byte("---\nclaims:\n  " + before.Claims[0].ID + ": \"-\"\n  \"الرياح هبت\": \"@afp\"\n  c-000000: \"@wsj\"\n---\n")
	ov, diags := ParseOverrides(map[string]any{
		before.Claims[0].ID: "-",
		"الرياح هبت":        "@afp",
		"c-000000":          "@wsj",
	}, fm, "a.md")
	if len(diags) > 0 || len(ov) != 3 {
		t.Fatalf("ParseOverrides: %v %v", ov, diags)
	}
	res, diags := a.Annotate(t.Context(), mk(ov))
	if len(res.Claims) != 1 || res.Claims[0].Source.ID != "afp" || res.Claims[0].Origin != Marked {
		t.Errorf("claims = %+v", res.Claims)
	}
	if len(res.Unattributed) != 1 || res.Unattributed[0].Start != before.Claims[0].Start {
		t.Errorf("the claim turned off is not reported unattributed: %v", res.Unattributed)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), `override "c-000000" matches no claim`) {
		t.Errorf("diags = %v", diags)
	}
	if _, bad := ParseOverrides(map[string]any{"x": 3}, fm, "a.md"); len(bad) != 1 {
		t.Errorf("a number is not an override: %v", bad)
	}
}
