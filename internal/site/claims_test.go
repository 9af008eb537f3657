package site

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/diag"
	"github.com/isnad/isnad/internal/outlet"
)

var jsonLDRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestClaimsData checks what the sample site says of its claims as data:
// JSON-LD on each article, claims.json beside it with what "isnad
// annotate" finds, and claims.json for the whole site.
func TestClaimsData(t *testing.T) {
	out := buildMem(t, Config{Source: os.DirFS(repoRoot), BaseURL: "https://example.org/briefs/"})

	page := file(t, out, "2024/putin-pyongyang/index.html")
	m := jsonLDRE.FindSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD on the seed page")
	}
	var ld struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("the seed's JSON-LD does not parse: %v\n%s", err, m[1])
	}
	types := map[string]int{}
	for _, n := range ld.Graph {
		types[n["@type"].(string)]++
	}
	if types["NewsArticle"] != 1 || types["Claim"] != 9 || types["ClaimReview"] != 0 {
		t.Errorf("JSON-LD types %v, want a NewsArticle and 9 Claims", types)
	}
	article := ld.Graph[0]
	if article["@id"] != "https://example.org/briefs/2024/putin-pyongyang/" || article["inLanguage"] != "ar" {
		t.Errorf("NewsArticle = %v", article)
	}
	if c, _ := article["citation"].([]any); len(c) < 4 {
		t.Errorf("the NewsArticle cites %d sources, want the seed's four", len(c))
	}

	// The seed's claims.json holds what "isnad annotate" finds in it.
	var data struct {
		annotate.Result
		URL string `json:"url"`
	}
	if err := json.Unmarshal(file(t, out, "2024/putin-pyongyang/claims.json"), &data); err != nil {
		t.Fatal(err)
	}
	if data.URL != "https://example.org/briefs/2024/putin-pyongyang/" || data.File != "content/2024/putin-pyongyang.txt" || data.Lang != "ar" {
		t.Errorf("claims.json: url %q, file %q, lang %q", data.URL, data.File, data.Lang)
	}
	want := annotateFile(t, "content/2024/putin-pyongyang.txt")
	if diff := cmp.Diff(want.Claims, data.Claims); diff != "" {
		t.Errorf("claims.json differs from the annotator's claims (-want +got):\n%s", diff)
	}

	// The site parses Markdown with more extensions (the typographer,
	// footnotes); the claims are the same.
	for _, name := range []string{"2024/russia-north-korea-treaty", "2024/red-sea-shipping"} {
		var got annotate.Result
		if err := json.Unmarshal(file(t, out, name+"/claims.json"), &got); err != nil {
			t.Fatal(err)
		}
		want := annotateFile(t, "content/"+name+".md")
		if diff := cmp.Diff(want.Claims, got.Claims); diff != "" {
			t.Errorf("%s: claims.json differs from isnad annotate's (-want +got):\n%s", name, diff)
		}
	}

	var all []struct {
		File   string
		URL    string
		Claims []json.RawMessage
	}
	if err := json.Unmarshal(file(t, out, "claims.json"), &all); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, a := range all {
		urls = append(urls, a.URL)
	}
	if len(all) < 3 || !slices.Contains(urls, "https://example.org/briefs/2024/russia-north-korea-treaty/") {
		t.Errorf("site claims.json lists %q", urls)
	}
}

// annotateFile annotates a file of the sample site as "isnad annotate"
// does: Markdown through annotate's own parser, not the site's.
func annotateFile(t *testing.T, name string) *annotate.Result {
	t.Helper()
	docs, _, err := content.Load(context.Background(), os.DirFS(repoRoot), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(docs, func(d *content.Doc) bool { return d.Path == name })
	if i < 0 {
		t.Fatalf("no %s", name)
	}
	d := docs[i]
	reg, _ := outlet.Load(os.DirFS(repoRoot), RegistryFile)
	in := &annotate.Input{File: d.Path, Src: d.Src, Lang: d.Lang, Date: d.Meta.Date, Sources: d.Meta.Sources}
	var lines []annotate.Line
	for _, b := range d.Blocks {
		k := annotate.Paragraph
		switch b.Kind {
		case content.Heading:
			k = annotate.Heading
		case content.Byline:
			k = annotate.Byline
		}
		lines = append(lines, annotate.Line{Kind: k, Start: b.Start, End: b.End})
	}
	if d.Kind == content.Markdown {
		_, in.Blocks, in.Marks = annotate.ParseMarkdown(annotate.Markdown(), d.Src, d.BodyStart)
	} else {
		in.Blocks = annotate.FromText(d.Src, lines)
	}
	res, _ := annotate.New(reg).Annotate(context.Background(), in)
	return res
}

// TestOutletPages checks the outlet pages of the sample site: KCNA's
// lists its claims from both languages, linking to their spans; the index
// puts the sources with the most claims first; a source outside the
// registry has a page that says so.
func TestOutletPages(t *testing.T) {
	out := buildMem(t, Config{Source: os.DirFS(repoRoot)})
	kcna := string(file(t, out, "outlets/kcna/index.html"))
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		"وكالة الأنباء المركزية الكورية", `lang="en" dir="ltr">Korean Central News Agency`,
		`href="../../2024/putin-pyongyang/index.html#c-`,
		`href="../../2024/russia-north-korea-treaty/index.html#c-`,
		`<blockquote class="claim-quote" lang="en" dir="ltr">`,
		"كوريا الشمالية",
	} {
		if !strings.Contains(kcna, want) {
			t.Errorf("the KCNA page lacks %s", want)
		}
	}
	// Claims are quoted as the article shows them, not as Markdown.
	quote := regexp.MustCompile(`(?s)<blockquote class="claim-quote"[^>]*><p>(.*?)</p>`)
	for _, name := range out.Names() {
		if !strings.HasPrefix(name, "outlets/") {
			continue
		}
		for _, m := range quote.FindAllStringSubmatch(string(file(t, out, name)), -1) {
			if strings.Contains(m[1], "**") || strings.Contains(m[1], "](") || strings.Contains(m[1], "[@") {
				t.Errorf("%s quotes a claim with its Markdown: %s", name, m[1])
			}
		}
	}
	if kremlin := string(file(t, out, "outlets/kremlin/index.html")); !strings.Contains(kremlin, "<p>The Kremlin said Putin had invited Kim to visit Moscow</p>") {
		t.Error("the Kremlin's page does not quote its claim as the article shows it")
	}
	// Newest first: the seed and the English briefing share a date, so
	// the order within it is by path, then by place in the text.
	links := regexp.MustCompile(`href="\.\./\.\./(2024/[^"#]+)#(c-[0-9a-f]+)"`).FindAllStringSubmatch(kcna, -1)
	if len(links) < 4 {
		t.Fatalf("the KCNA page links %d claims", len(links))
	}

	index := string(file(t, out, "outlets/index.html"))
	counts := regexp.MustCompile(`<span class="count">([^<]+)</span>`).FindAllStringSubmatch(index, -1)
	// KCNA: three claims in the seed, three in the English briefing
	// ("KCNA reported on Thursday", "The agency said", "Kim called it an
	// \"alliance\", KCNA reported").
	if len(counts) < 5 || !strings.Contains(counts[0][1], "6") {
		t.Errorf("the index's first source has %v claims, want KCNA's 6", counts[0])
	}
	if i, j := strings.Index(index, "outlets/kcna/"), strings.Index(index, "outlets/cnn/"); i < 0 || j < 0 || i > j {
		t.Errorf("KCNA (6 claims) is not before CNN (1)")
	}

	var unlisted []string
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "outlets/unlisted/") {
			unlisted = append(unlisted, name)
		}
	}
	if len(unlisted) == 0 {
		t.Fatal("no page for a source outside the registry")
	}
	page := file(t, out, unlisted[0])
	if !bytes.Contains(page, []byte("ليس في سجل المصادر")) || !bytes.Contains(page, []byte("content/outlets.yaml")) {
		t.Errorf("%s does not say the source is not in the registry, nor where to add it", unlisted[0])
	}
}

// TestCitationErrors builds a site whose citation markup names unknown
// sources: each is an error at its file:line:col, all in one run.
func TestCitationErrors(t *testing.T) {
	res, err := Build(t.Context(), Config{Source: txtarSite(t, "claims.txt"), Defaults: isnad.Defaults, Out: &Mem{}})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	// The wording is the annotator's; where and about what is the build's.
	want := []struct{ pos, about string }{
		{"content/2024/a.md:6:34", `"nosuchid"`},
		{"content/2024/a.md:8:27", `"notaurl"`},
		{"content/2024/a.md:10:21", `"reutrs"`},
	}
	if len(res.Diags) != len(want) {
		t.Fatalf("diagnostics %v, want %d", res.Diags, len(want))
	}
	for i, d := range res.Diags {
		if !strings.HasPrefix(d.Error(), want[i].pos+": ") || !strings.Contains(d.Error(), want[i].about) || d.Severity != diag.Error {
			t.Errorf("diagnostic %d = %q, want an error at %s about %s", i, d, want[i].pos, want[i].about)
		}
	}
}

// TestOutletPagination cuts a long outlet page into pages of the
// configured size, linked both ways, numbering claims on from page to
// page.
func TestOutletPagination(t *testing.T) {
	src := synthSite(t, 10)
	src["isnad.toml"] = &fstest.MapFile{Data: []byte("paginate = 4\n")}
	out := buildMem(t, Config{Source: src})
	first := string(file(t, out, "outlets/kcna/index.html"))
	if !strings.Contains(first, `<a rel="next" href="../../outlets/kcna/page/2/index.html">`) {
		t.Errorf("the first KCNA page does not link the second")
	}
	if n := strings.Count(first, "<blockquote"); n != 4 {
		t.Errorf("the first KCNA page lists %d claims, want 4", n)
	}
	second := string(file(t, out, "outlets/kcna/page/2/index.html"))
	for _, want := range []string{`<a rel="prev" href="../../../../outlets/kcna/index.html">`, `<ol class="claim-list" start="5">`, "وكالة الأنباء المركزية الكورية"} {
		if !strings.Contains(second, want) {
			t.Errorf("the second KCNA page lacks %s", want)
		}
	}
}

// TestClaimsOfTypographerQuotes: a paragraph that opens or closes with a
// quotation mark, which the site's typographer turns into a String node
// of its own, keeps its claims: the build finds what "isnad annotate"
// finds (it lost the quotation and its claim).
func TestClaimsOfTypographerQuotes(t *testing.T) {
	src := "---\ntitle: \"اقتباس\"\nlang: ar\ndate: 2024-06-20\n---\n\n" +
		"\"نحن مستعدون للحوار\"، قال وزير الخارجية الإيراني.\n\n" +
		"\"الوضع كارثي\". بهذه الكلمات وصفت الأمم المتحدة الأوضاع في غزة.\n\n" +
		"وقال ماكرون: \"فرنسا تقف إلى جانب لبنان\".\n"
	var out Mem
	if _, err := Build(t.Context(), Config{Source: fstest.MapFS{"content/q.md": {Data: []byte(src)}}, Defaults: isnad.Defaults, Out: &out}); err != nil {
		t.Fatal(err)
	}
	var got annotate.Result
	if err := json.Unmarshal(file(t, &out, "q/claims.json"), &got); err != nil {
		t.Fatal(err)
	}
	reg, _ := outlet.Default()
	split, _ := content.SplitFrontMatter([]byte(src))
	in := &annotate.Input{File: "content/q.md", Src: []byte(src), Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)}
	_, in.Blocks, in.Marks = annotate.ParseMarkdown(annotate.Markdown(), in.Src, split.BodyStart)
	want, _ := annotate.New(reg).Annotate(t.Context(), in)
	if len(want.Claims) != 3 {
		t.Fatalf("isnad annotate finds %d claims, want 3", len(want.Claims))
	}
	if diff := cmp.Diff(want.Claims, got.Claims); diff != "" {
		t.Errorf("claims.json differs from isnad annotate's (-want +got):\n%s", diff)
	}
}
