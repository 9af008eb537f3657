package annotate

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/outlet"
)

func defaultAnnotator(t testing.TB) *Annotator {
	t.Helper()
	reg, diags := outlet.Default()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return New(reg)
}

func seedInput(t testing.TB) *Input {
	t.Helper()
	src, err := os.ReadFile("../../content/2024/putin-pyongyang.txt")
	if err != nil {
		t.Fatal(err)
	}
	return &Input{
		File:   "content/2024/putin-pyongyang.txt",
		Src:    src,
		Lang:   "ar",
		Date:   time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
		Blocks: FromText(src, textLines(src)),
	}
}

// TestSeed checks the seed article exactly, as issue 3 §5 lists it: nine
// claims and no others, and the two unattributed paragraphs.
func TestSeed(t *testing.T) {
	a := defaultAnnotator(t)
	in := seedInput(t)
	res, diags := a.Annotate(t.Context(), in)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	type want struct {
		prefix string // the claim's text starts with this
		suffix string // and ends with this
		source string // registry id, or =name
		org    string
		via    []string
		typ    Type
	}
	wants := []want{
		{"ونقلت صحيفة ولستريت ” الأميركية", "بعد فترة طويلة من انتهاء الحرب الأوكرانية", "wsj", "", []string{"=مسؤولين بالدفاع والاستخبارات الأميركية"}, Indirect},
		{"وأشار محللون استخباراتيون أميركيون", "وفق الصحيفة", "wsj", "", []string{"=محللون استخباراتيون أميركيون"}, AccordingTo},
		{"وذكرت وكالة الأنباء المركزية الكورية، الخميس، أن", "بموجب اتفاق وقعه زعيما البلدين", "kcna", "", nil, Indirect},
		{"وقالت الوكالة إن", "بأمن وسيادة الدولة الأخرى", "kcna", "", nil, Anaphora},
		{"ونشرت الوكالة، الخميس،", "والأمن الغذائي والطاقة", "kcna", "", nil, Anaphora},
		{"وقالت شبكة “سي ان ان الأميركية", "لحلف شمال الأطلسي (الناتو)", "cnn", "", nil, Indirect},
		{"قال أمين عام الناتو، ينس ستولتنبرغ، الأربعاء، إن", "أهمية أن تشكل الديمقراطيات جبهة موحدة", "jens-stoltenberg", "nato", nil, Indirect},
		{"وأوضح في حلقة نقاشية", "بالحرية والديمقراطية”", "jens-stoltenberg", "", nil, Continuation},
		{"وأشار تقرير “وول ستريت جورنال” إلى أن", "موسكو إلى البحث عن مصادر جديدة للأسلحة", "wsj", "", nil, Indirect},
	}
	for i, c := range res.Claims {
		t.Logf("claim %d: %s %s via=%v type=%s cue=%q\n  %s", i, c.ID, c.Source.ID+"|"+c.Source.Name, c.Via, c.Type, c.Cue, c.Text)
	}
	if len(res.Claims) != len(wants) {
		t.Fatalf("got %d claims, want %d", len(res.Claims), len(wants))
	}
	srcName := func(s Source) string {
		if s.ID != "" {
			return s.ID
		}
		return "=" + s.Name
	}
	for i, w := range wants {
		c := res.Claims[i]
		if !strings.HasPrefix(c.Text, w.prefix) || !strings.HasSuffix(c.Text, w.suffix) {
			t.Errorf("claim %d text = %q\nwant %q … %q", i, c.Text, w.prefix, w.suffix)
		}
		if string(in.Src[c.Start:c.End]) != c.Text {
			t.Errorf("claim %d: text is not the file's bytes %d:%d", i, c.Start, c.End)
		}
		if got := srcName(c.Source); got != w.source {
			t.Errorf("claim %d source = %s, want %s", i, got, w.source)
		}
		if w.org != "" && (c.Org == nil || c.Org.ID != w.org) {
			t.Errorf("claim %d org = %v, want %s", i, c.Org, w.org)
		}
		var via []string
		for _, v := range c.Via {
			via = append(via, srcName(v))
		}
		if strings.Join(via, ",") != strings.Join(w.via, ",") {
			t.Errorf("claim %d via = %v, want %v", i, via, w.via)
		}
		if c.Type != w.typ {
			t.Errorf("claim %d type = %s, want %s", i, c.Type, w.typ)
		}
		if c.Origin != Detected {
			t.Errorf("claim %d origin = %s", i, c.Origin)
		}
	}
	// The framing paragraph and the talks in Pyongyang.
	var un []string
	for _, u := range res.Unattributed {
		un = append(un, string(in.Src[u.Start:u.End]))
	}
	if len(un) != 2 || !strings.HasPrefix(un[0], "في وقت يواجه فيه فلاديمير بوتين") || !strings.HasPrefix(un[1], "وأجرى الزعيم الكوري الشمالي") {
		t.Errorf("unattributed = %q", un)
	}
}

// textLines splits a plain-text article with the content loader.
func textLines(src []byte) []Line {
	var out []Line
	for _, b := range content.SplitText(src, 0) {
		k := Paragraph
		switch b.Kind {
		case content.Heading:
			k = Heading
		case content.Byline:
			k = Byline
		}
		out = append(out, Line{Kind: k, Start: b.Start, End: b.End})
	}
	return out
}

// TestConcurrent: one Annotator serves many goroutines at once, each
// getting what it would get alone (run with -race).
func TestConcurrent(t *testing.T) {
	a := defaultAnnotator(t)
	want, _ := a.Annotate(t.Context(), seedInput(t))
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 5 {
				got, _ := a.Annotate(t.Context(), seedInput(t))
				if len(got.Claims) != len(want.Claims) {
					errs <- fmt.Errorf("got %d claims, want %d", len(got.Claims), len(want.Claims))
					return
				}
				for i := range got.Claims {
					if got.Claims[i].ID != want.Claims[i].ID || got.Claims[i].Source != want.Claims[i].Source {
						errs <- fmt.Errorf("claim %d differs", i)
						return
					}
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
