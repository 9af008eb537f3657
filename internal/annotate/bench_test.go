package annotate

import (
	"bytes"
	"testing"

	"github.com/isnad/isnad/internal/content"
	"github.com/isnad/isnad/internal/corpus"
)

// benchArticles are the inputs of the benchmarks: synthetic briefings (two
// thirds Arabic), parsed once.
type benchArticle struct {
	src       []byte
	bodyStart int
	lang      string
}

func benchCorpus(b *testing.B, n int) ([]benchArticle, int64) {
	b.Helper()
	var out []benchArticle
	var size int64
	for _, a := range corpus.Generate(1, n) {
		split, _ := content.SplitFrontMatter(a.Data)
		lang := "en"
		if bytes.Contains(a.Data[:split.BodyStart], []byte("lang: ar")) {
			lang = "ar"
		}
		out = append(out, benchArticle{a.Data, split.BodyStart, lang})
		size += int64(len(a.Data))
	}
	return out, size
}

// BenchmarkAnnotate times annotation alone, on blocks already built: the
// cost annotation adds to a build.
func BenchmarkAnnotate(b *testing.B) {
	arts, size := benchCorpus(b, 100)
	an := defaultAnnotator(b)
	md := Markdown()
	inputs := make([]*Input, len(arts))
	for i, a := range arts {
		_, blocks, marks := ParseMarkdown(md, a.src, a.bodyStart)
		inputs[i] = &Input{File: "a.md", Src: a.src, Lang: a.lang, Blocks: blocks, Marks: marks}
	}
	claims := 0
	b.SetBytes(size)
	b.ReportAllocs()
	t0, n := cpuTime(), 0
	for b.Loop() {
		n++
		claims = 0
		for _, in := range inputs {
			res, _ := an.Annotate(b.Context(), in)
			claims += len(res.Claims)
		}
	}
	reportCPU(b, t0, n)
	b.ReportMetric(float64(claims)/float64(len(inputs)), "claims/article")
}

// BenchmarkParseRender times goldmark parsing and rendering the same
// articles to HTML, without templates: the yardstick issue 3 §7 compares
// annotation with (it must cost less than a sixth of it).
func BenchmarkParseRender(b *testing.B) {
	arts, size := benchCorpus(b, 100)
	md := Markdown()
	var buf bytes.Buffer
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			buf.Reset()
			if err := md.Convert(a.src[a.bodyStart:], &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBlocks times building the annotator's input from the AST, the
// glue a build pays besides annotation.
func BenchmarkBlocks(b *testing.B) {
	arts, size := benchCorpus(b, 100)
	md := Markdown()
	docs := make([]struct {
		a   benchArticle
		doc interface{}
	}, 0)
	_ = docs
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			ParseMarkdown(md, a.src, a.bodyStart)
		}
	}
}

// BenchmarkNew times compiling the default registry into an annotator,
// paid once per build.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		defaultAnnotator(b)
	}
}
