// Package corpus generates synthetic news briefings for benchmarks: two
// thirds Arabic, one third English, 4-8 KB of Markdown each, with attributed
// claims in every paragraph, headings, lists, block quotes, the occasional
// table and fenced code block, and YAML front matter that both isnad and
// Hugo read. The same seed always gives the same corpus.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// An Article is one generated file.
type Article struct {
	Path string // slash path under content/, e.g. "2024/03/ar-00042.md"
	Data []byte
}

// Generate returns n articles for seed. It is deterministic: the same
// (seed, n) gives the same bytes, and the first k articles of a larger
// corpus are the k articles of a smaller one.
func Generate(seed uint64, n int) []Article {
	out := make([]Article, n)
	for i := range out {
		out[i] = Make(seed, i)
	}
	return out
}

// Make returns article i of the corpus for seed.
func Make(seed uint64, i int) Article {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	lang := "ar"
	if i%3 == 2 {
		lang = "en"
	}
	g := &gen{r: r, b: &strings.Builder{}, lang: lang}
	if lang == "ar" {
		g.words = arabic
	} else {
		g.words = english
	}
	date := time.Date(2020, 1, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(i)*97*time.Minute + time.Duration(r.IntN(60))*time.Minute)
	target := 4300 + r.IntN(2900)
	g.article(i, date, target)
	data := g.b.String()
	// The last block may overshoot 8 KB; cut back to the block before it.
	for len(data) > 8192 {
		data = data[:strings.LastIndex(strings.TrimSuffix(data, "\n\n"), "\n\n")+2]
	}
	return Article{
		Path: fmt.Sprintf("%04d/%02d/%s-%05d.md", date.Year(), int(date.Month()), lang, i),
		Data: []byte(data),
	}
}

type gen struct {
	r     *rand.Rand
	b     *strings.Builder
	lang  string
	words *lexicon
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) article(i int, date time.Time, target int) {
	w := g.words
	topic := g.pick(w.topics)
	place := g.pick(w.places)
	title := fmt.Sprintf(g.pick(w.titles), topic, place)
	tags := []string{topic, place}
	if g.r.IntN(2) == 0 {
		tags = append(tags, g.pick(w.topics))
	}
	fmt.Fprintf(g.b, "---\ntitle: %q\ndate: %s\nlang: %s\ntags: [%s]\nsummary: %q\n---\n\n",
		title, date.Format(time.RFC3339), g.lang, quoteList(dedupe(tags)), g.sentence(place, topic))
	section := 0
	for g.b.Len() < target {
		switch k := g.r.IntN(12); {
		case k < 7 || section == 0:
			if g.r.IntN(4) == 0 || section == 0 {
				section++
				fmt.Fprintf(g.b, "## %s\n\n", fmt.Sprintf(g.pick(w.headings), g.pick(w.places)))
			}
			g.paragraph(place, topic)
		case k < 9:
			g.list(place, topic)
		case k < 10:
			fmt.Fprintf(g.b, "> %s\n\n", g.quoteLine())
		case k < 11:
			g.table()
		default:
			g.code()
		}
	}
}

// paragraph writes two to four sentences, each attributed.
func (g *gen) paragraph(place, topic string) {
	n := 2 + g.r.IntN(3)
	for j := range n {
		if j > 0 {
			g.b.WriteByte(' ')
		}
		g.b.WriteString(g.sentence(place, topic))
	}
	g.b.WriteString("\n\n")
}

func (g *gen) sentence(place, topic string) string {
	w := g.words
	tmpl := g.pick(w.claims)
	s := strings.NewReplacer(
		"{src}", g.pick(w.sources),
		"{place}", place,
		"{topic}", topic,
		"{day}", g.pick(w.days),
		"{num}", fmt.Sprint(2+g.r.IntN(900)),
		"{fact}", g.pick(w.facts),
		"{fact2}", g.pick(w.facts),
	).Replace(tmpl)
	return s
}

func (g *gen) quoteLine() string {
	w := g.words
	return strings.NewReplacer("{fact}", g.pick(w.facts), "{src}", g.pick(w.sources)).Replace(g.pick(w.quotes))
}

func (g *gen) list(place, topic string) {
	n := 3 + g.r.IntN(3)
	for range n {
		fmt.Fprintf(g.b, "- %s\n", g.sentence(place, topic))
	}
	g.b.WriteByte('\n')
}

func (g *gen) table() {
	w := g.words
	fmt.Fprintf(g.b, "| %s | %s |\n|---|---:|\n", w.tableHead[0], w.tableHead[1])
	for range 3 + g.r.IntN(3) {
		fmt.Fprintf(g.b, "| %s | %d |\n", g.pick(w.places), 10+g.r.IntN(9000))
	}
	g.b.WriteByte('\n')
}

func (g *gen) code() {
	fmt.Fprintf(g.b, "```json\n{\"source\": %q, \"claims\": %d, \"verified\": %t}\n```\n\n",
		g.pick(g.words.sources), 1+g.r.IntN(20), g.r.IntN(2) == 0)
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
