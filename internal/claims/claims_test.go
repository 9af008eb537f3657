package claims

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/outlet"
)

const registryYAML = `
- id: kcna
  kind: agency
  name: {ar: وكالة الأنباء المركزية الكورية, en: Korean Central News Agency}
  short: {ar: الأنباء الكورية, en: KCNA}
  country: KP
- id: wsj
  kind: newspaper
  name: {ar: وول ستريت جورنال, en: The Wall Street Journal}
  short: {en: WSJ}
  country: US
  homepage: https://www.wsj.com
- id: reuters
  kind: agency
  name: {en: Reuters}
  homepage: https://www.reuters.com
- id: nato
  kind: official
  name: {ar: حلف شمال الأطلسي, en: NATO}
- id: jens-stoltenberg
  kind: person
  name: {ar: ينس ستولتنبرغ, en: Jens Stoltenberg}
  short: {ar: ستولتنبرغ, en: Stoltenberg}
  roles:
    - title: {ar: الأمين العام لحلف الناتو, en: NATO Secretary General}
      org: nato
      from: 2014-10-01
      to: 2024-10-01
`

func registry(t *testing.T) *outlet.Registry {
	t.Helper()
	entries, diags := outlet.Parse("outlets.yaml", []byte(registryYAML))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	reg, diags := outlet.New(entries...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return reg
}

func src(id, name string, kind outlet.Kind) annotate.Source {
	return annotate.Source{ID: id, Name: name, Kind: kind}
}

// seed is a result shaped like the seed article's: two outlets, a chain
// through unnamed officials, a person speaking for NATO.
func seed() *annotate.Result {
	nato := src("nato", "حلف شمال الأطلسي", outlet.Official)
	return &annotate.Result{File: "content/2024/seed.txt", Lang: "ar", Claims: []annotate.Claim{
		{ID: "c-000001", Start: 10, End: 20, Text: "ونقلت صحيفة ولستريت عن مسؤولين أن", Source: src("wsj", "وول ستريت جورنال", outlet.Newspaper),
			Via: []annotate.Source{src("", "مسؤولين أميركيين", outlet.Anonymous)}, Type: annotate.Indirect, Origin: annotate.Detected},
		{ID: "c-000002", Start: 30, End: 40, Text: "وذكرت الوكالة أن", Source: src("kcna", "وكالة الأنباء المركزية الكورية", outlet.Agency), Type: annotate.Indirect, Origin: annotate.Detected},
		{ID: "c-000003", Start: 50, End: 60, Text: "وقالت الوكالة إن", Source: src("kcna", "", outlet.Agency), Type: annotate.Anaphora, Origin: annotate.Marked, URL: "https://kcna.kp/x"},
		{ID: "c-000004", Start: 70, End: 80, Text: "وأوضح: “نحن متحالفون”", Source: src("jens-stoltenberg", "ينس ستولتنبرغ", outlet.Person), Org: &nato, Type: annotate.Direct, Origin: annotate.Detected},
		{ID: "c-000005", Start: 90, End: 99, Text: "وقالت مصادر لرويترز إن", Source: src("", "مصادر", outlet.Anonymous),
			Conduit: &annotate.Source{ID: "reuters", Name: "رويترز", Kind: outlet.Agency}, Type: annotate.Indirect, Origin: annotate.Detected},
	}, Unattributed: []annotate.Span{{Start: 0, End: 9}, {Start: 100, End: 120}}}
}

func TestNewArticle(t *testing.T) {
	a := NewArticle(seed(), Options{Registry: registry(t), Title: "بوتين", Lang: "ar", Dir: "rtl", Path: "2024/seed/",
		Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), Sources: map[string]string{"wsj": "https://www.wsj.com/r", "reuters": "https://reuters.com/r"}})

	type group struct {
		Key     string
		N       int
		Letters string
		Reports []string
	}
	var got []group
	for _, g := range a.Groups {
		var letters []string
		for _, c := range g.Claims {
			letters = append(letters, c.Letter)
		}
		got = append(got, group{g.Source.Key, g.N, strings.Join(letters, " "), g.Reports})
	}
	want := []group{
		{"wsj", 1, "أ", []string{"https://www.wsj.com/r"}},
		{"kcna", 2, "أ ب", []string{"https://kcna.kp/x"}},
		{"jens-stoltenberg", 3, "أ", nil},
		{"unlisted/مصادر", 4, "أ", nil},
		// Cited in front matter with no claim of its own.
		{"reuters", 5, "", []string{"https://reuters.com/r"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}

	c := a.Claim("c-000001")
	if c.Report != "https://www.wsj.com/r" || !c.Unnamed() || c.Marked() {
		t.Errorf("c-000001: report %q, unnamed %v, marked %v", c.Report, c.Unnamed(), c.Marked())
	}
	var chain []string
	for _, s := range c.Chain() {
		chain = append(chain, s.Label("ar").Text)
	}
	if diff := cmp.Diff([]string{"مسؤولين أميركيين", "WSJ"}, chain); diff != "" {
		t.Errorf("chain (-want +got):\n%s", diff)
	}
	if got := a.Claim("c-000003"); got.Report != "https://kcna.kp/x" || !got.Marked() {
		t.Errorf("c-000003: report %q, marked %v", got.Report, got.Marked())
	}
	s := a.Claim("c-000004")
	if r := s.Role(); r.Text != "الأمين العام لحلف الناتو" {
		t.Errorf("Stoltenberg's role = %q", r.Text)
	}
	if s.Org == nil || s.Org.Key != "nato" || s.Quote() != "نحن متحالفون" {
		t.Errorf("Stoltenberg: org %v, quote %q", s.Org, s.Quote())
	}
	if c := a.Claim("c-000005"); c.Conduit == nil || c.Conduit.Key != "reuters" || !c.Unnamed() {
		t.Errorf("c-000005: conduit %v, unnamed %v", c.Conduit, c.Unnamed())
	}

	st := a.Strip
	if st.Claims != 5 || st.Sources != 4 || st.Statements != 7 || st.Unattributed != 2 || st.Share != 29 || st.Unnamed != 2 {
		t.Errorf("strip = %+v", st)
	}
	if diff := cmp.Diff([]KindCount{{outlet.Agency, 2}, {outlet.Newspaper, 1}, {outlet.Person, 1}, {outlet.Anonymous, 1}}, st.Kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	if st.Outlets[0].Source.Key != "kcna" || st.Outlets[1].Source.Key != "wsj" {
		t.Errorf("strip outlets: most claims first, ties in the text's order: %v, %v", st.Outlets[0].Source.Key, st.Outlets[1].Source.Key)
	}
}

func TestShare(t *testing.T) {
	for _, tt := range []struct{ claims, unattributed, want int }{
		{0, 0, 0}, {1, 0, 0}, {0, 3, 100}, {2, 1, 33}, {1, 1, 50}, {1, 2, 67}, {7, 1, 13},
	} {
		res := &annotate.Result{}
		for range tt.claims {
			res.Claims = append(res.Claims, annotate.Claim{ID: "c", Source: src("", "x", outlet.Anonymous)})
		}
		for range tt.unattributed {
			res.Unattributed = append(res.Unattributed, annotate.Span{})
		}
		if got := NewArticle(res, Options{Lang: "en"}).Strip.Share; got != tt.want {
			t.Errorf("%d claims, %d unattributed: share %d%%, want %d%%", tt.claims, tt.unattributed, got, tt.want)
		}
	}
}

func TestSourceNames(t *testing.T) {
	reg := registry(t)
	for _, tt := range []struct {
		src         annotate.Source
		lang        string
		label, name Name
		names       int
		key         string
	}{
		{src("kcna", "", outlet.Agency), "ar", Name{"الأنباء الكورية", "ar"}, Name{"وكالة الأنباء المركزية الكورية", "ar"}, 2, "kcna"},
		{src("kcna", "", outlet.Agency), "en", Name{"KCNA", "en"}, Name{"Korean Central News Agency", "en"}, 2, "kcna"},
		// No Arabic short name: the English one, marked as English.
		{src("wsj", "", outlet.Newspaper), "ar", Name{"WSJ", "en"}, Name{"وول ستريت جورنال", "ar"}, 2, "wsj"},
		// No Arabic name at all.
		{src("reuters", "", outlet.Agency), "ar", Name{"Reuters", "en"}, Name{"Reuters", "en"}, 1, "reuters"},
		// Outside the registry: the name as written, in the article's language.
		{src("", "مسؤولون أميركيون", outlet.Anonymous), "ar", Name{"مسؤولون أميركيون", "ar"}, Name{"مسؤولون أميركيون", "ar"}, 1, "unlisted/مسؤولون-اميركيون"},
		// An id the registry lacks is kept as a name.
		{src("gone", "", outlet.Agency), "en", Name{"gone", "en"}, Name{"gone", "en"}, 1, "unlisted/gone"},
	} {
		s := resolve(reg, tt.src, tt.lang)
		if s.Label(tt.lang) != tt.label || s.Name(tt.lang) != tt.name || len(s.Names(tt.lang)) != tt.names || s.Key != tt.key {
			t.Errorf("%v in %s: label %v, name %v, %d names, key %q; want %v, %v, %d, %q",
				tt.src, tt.lang, s.Label(tt.lang), s.Name(tt.lang), len(s.Names(tt.lang)), s.Key, tt.label, tt.name, tt.names, tt.key)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Russian state media", "russian-state-media"},
		{"وسائل إعلام مصرية", "وسائل-اعلام-مصريه"},
		// Spelt with diacritics, tatweel or another alef: the same source.
		{"وَسائل إعلام مصريّة", "وسائل-اعلام-مصريه"},
		{"وسائل اعلام مصـرية", "وسائل-اعلام-مصريه"},
		{"  U.S. officials, ", "u-s-officials"},
		{"رئيس الهيئة", "رئيس-الهيئه"},
	} {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if a, b := Slug("«»"), Slug("…"); !strings.HasPrefix(a, "source-") || a == b {
		t.Errorf("names without letters: %q, %q; want distinct source-… slugs", a, b)
	}
}

func TestSuggestedID(t *testing.T) {
	reg := registry(t)
	for _, tt := range []struct {
		src  annotate.Source
		want string
	}{
		{src("", "Russian state media", outlet.Organization), "russian-state-media"},
		{src("", "وسائل إعلام مصرية", outlet.Anonymous), ""},
		{src("kcna", "", outlet.Agency), "kcna"},
	} {
		if got := resolve(reg, tt.src, "en").SuggestedID(); got != tt.want {
			t.Errorf("%v: SuggestedID = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestIndex(t *testing.T) {
	reg := registry(t)
	newer := NewArticle(seed(), Options{Registry: reg, Lang: "ar", Path: "2024/newer/", Date: time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)})
	older := NewArticle(&annotate.Result{Lang: "en", Claims: []annotate.Claim{
		{ID: "c-1", Start: 5, Text: "KCNA said", Source: src("kcna", "KCNA", outlet.Agency)},
		{ID: "c-2", Start: 1, Text: "WSJ reported", Source: src("wsj", "WSJ", outlet.Newspaper)},
		{ID: "c-3", Start: 9, Text: "Reuters reported", Source: src("reuters", "Reuters", outlet.Agency)},
	}}, Options{Registry: reg, Lang: "en", Path: "2024/older/", Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	x := NewIndex([]*Article{older, newer}, "ar")

	var order []string
	for _, o := range x.Outlets {
		order = append(order, o.Source.Key)
	}
	// kcna 3; reuters 2 (one by, one to); wsj 2; then the rest. Ties by
	// Arabic collation of the names in Arabic: "Reuters" has no Arabic
	// name and Latin sorts after Arabic on an Arabic page.
	want := []string{"kcna", "wsj", "reuters", "nato", "jens-stoltenberg"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("outlets (-want +got):\n%s", diff)
	}
	kcna := x.Lookup("kcna")
	var ids []string
	for _, c := range kcna.By {
		ids = append(ids, c.ID)
	}
	if diff := cmp.Diff([]string{"c-000002", "c-000003", "c-1"}, ids); diff != "" {
		t.Errorf("KCNA's claims, newest first (-want +got):\n%s", diff)
	}
	if r := x.Lookup("reuters"); len(r.By) != 1 || len(r.To) != 1 {
		t.Errorf("Reuters: %d by, %d to; want 1 and 1", len(r.By), len(r.To))
	}
	if n := x.Lookup("nato"); len(n.For) != 1 || len(n.By) != 0 {
		t.Errorf("NATO: %d for, %d by; want 1 and 0", len(n.For), len(n.By))
	}
	if u := x.Lookup("unlisted/مسؤولين-اميركيين"); u == nil || len(u.Via) != 1 {
		t.Errorf("the unnamed officials behind the WSJ: %+v", u)
	}
	if len(x.Unlisted) != 2 {
		t.Errorf("%d unlisted sources, want 2", len(x.Unlisted))
	}
	if got := kcna.Articles(); got != 2 {
		t.Errorf("KCNA is in %d articles, want 2", got)
	}
	if l := kcna.By[0].Link(); l != "2024/newer/index.html#c-000002" {
		t.Errorf("link = %q", l)
	}
}

func TestJSONLD(t *testing.T) {
	res := seed()
	res.Claims[1].Text = `</script><script>alert("x")</script> & more`
	a := NewArticle(res, Options{Registry: registry(t), Lang: "ar", Path: "2024/seed/", Sources: map[string]string{"wsj": "https://www.wsj.com/r"}})
	b, err := a.JSONLD(Page{URL: "https://example.org/2024/seed/", Base: "https://example.org/", Headline: "بوتين",
		Published: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), Authors: []string{"نجيم"}, Publisher: "إسناد"})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, "<") || strings.Contains(s, ">") || strings.Contains(s, "&") {
		t.Errorf("JSON-LD not safe inside <script>: %s", s)
	}
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, b)
	}
	if doc.Context != "https://schema.org" {
		t.Errorf("@context = %q", doc.Context)
	}
	types := map[string]int{}
	for _, n := range doc.Graph {
		types[n["@type"].(string)]++
	}
	if diff := cmp.Diff(map[string]int{"NewsArticle": 1, "Claim": 5, "Quotation": 1}, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	article := doc.Graph[0]
	cites, _ := article["citation"].([]any)
	var got []string
	for _, c := range cites {
		m := c.(map[string]any)
		if m["@type"] == "CreativeWork" {
			got = append(got, "report "+m["url"].(string))
		} else {
			got = append(got, m["@type"].(string)+" "+m["name"].(string))
		}
	}
	want := []string{
		"report https://www.wsj.com/r",
		"report https://kcna.kp/x",
		"Person ينس ستولتنبرغ",
		"Organization مصادر",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("citations (-want +got):\n%s", diff)
	}
	for _, n := range doc.Graph[1:] {
		if n["@type"] == "Claim" {
			if app := n["appearance"].(map[string]any); app["@id"] != "https://example.org/2024/seed/" {
				t.Errorf("claim appearance = %v", app)
			}
			if n["author"] == nil {
				t.Errorf("claim %v has no author", n["@id"])
			}
		}
		if n["@type"] == "Quotation" {
			who := n["spokenByCharacter"].(map[string]any)
			if who["name"] != "ينس ستولتنبرغ" || who["affiliation"].(map[string]any)["name"] != "حلف شمال الأطلسي" || n["text"] != "نحن متحالفون" {
				t.Errorf("quotation = %v", n)
			}
		}
	}
	if strings.Contains(string(b), "ClaimReview") {
		t.Error("JSON-LD rates claims (ClaimReview); isnad only attributes them")
	}
}

func TestData(t *testing.T) {
	a := NewArticle(seed(), Options{Lang: "ar"})
	b, err := MarshalJSON(a.Data("2024/seed/"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "lang", "claims", "unattributed", "url"} {
		if _, ok := v[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	// The same claims as "isnad annotate --format json".
	var want strings.Builder
	if err := annotate.WriteJSON(&want, []*annotate.Result{seed()}); err != nil {
		t.Fatal(err)
	}
	var w map[string]any
	json.Unmarshal([]byte(want.String()), &w)
	if diff := cmp.Diff(w["claims"], v["claims"]); diff != "" {
		t.Errorf("claims differ from isnad annotate's (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(b), `"id": null`) {
		t.Error("an unregistered source's id is not null")
	}
}

func TestOutletPages(t *testing.T) {
	c := func(n int) []*Claim {
		out := make([]*Claim, n)
		for i := range out {
			out[i] = &Claim{}
		}
		return out
	}
	o := &Outlet{By: c(5), To: c(2), Via: c(1)}
	type sec struct {
		Name            string
		N, Total, Start int
	}
	describe := func(pages [][]Section) [][]sec {
		var out [][]sec
		for _, p := range pages {
			var ps []sec
			for _, s := range p {
				ps = append(ps, sec{s.Name, len(s.Claims), s.Total, s.Start})
			}
			out = append(out, ps)
		}
		return out
	}
	for _, tt := range []struct {
		size int
		want [][]sec
	}{
		{0, [][]sec{{{"by", 5, 5, 1}, {"to", 2, 2, 1}, {"via", 1, 1, 1}}}},
		{25, [][]sec{{{"by", 5, 5, 1}, {"to", 2, 2, 1}, {"via", 1, 1, 1}}}},
		{3, [][]sec{{{"by", 3, 5, 1}}, {{"by", 2, 5, 4}, {"to", 1, 2, 1}}, {{"to", 1, 2, 2}, {"via", 1, 1, 1}}}},
		{8, [][]sec{{{"by", 5, 5, 1}, {"to", 2, 2, 1}, {"via", 1, 1, 1}}}},
	} {
		if diff := cmp.Diff(tt.want, describe(o.Pages(tt.size))); diff != "" {
			t.Errorf("pages of %d (-want +got):\n%s", tt.size, diff)
		}
		var one [][]Section
		for i := range len(tt.want) {
			p, n := o.Page(tt.size, i)
			if n != len(tt.want) {
				t.Errorf("Page(%d, %d) counts %d pages, want %d", tt.size, i, n, len(tt.want))
			}
			one = append(one, p)
		}
		if diff := cmp.Diff(tt.want, describe(one)); diff != "" {
			t.Errorf("Page of %d, one at a time (-want +got):\n%s", tt.size, diff)
		}
		if p, _ := o.Page(tt.size, len(tt.want)); p != nil {
			t.Errorf("Page(%d, %d) past the last page = %v, want nil", tt.size, len(tt.want), p)
		}
	}
	if got := (&Outlet{}).Pages(10); len(got) != 1 || len(got[0]) != 0 {
		t.Errorf("an outlet with no claims: %v, want one empty page", got)
	}
	if got, n := (&Outlet{}).Page(10, 0); n != 1 || len(got) != 0 {
		t.Errorf("page 1 of an outlet with no claims: %v of %d, want one empty page", got, n)
	}
}
