// Package corpus generates synthetic news briefings for benchmarks: two
// thirds Arabic, one third English, 4-8 KB of Markdown each, with attributed
// claims in every paragraph, headings, lists, block quotes, the occasional
// table and fenced code block, and YAML front matter that both isnad and
// Hugo read. The same seed always gives the same corpus.
//
// The text mixes what real briefings hold: outlets and agencies reporting
// (with a date, a chain or a conduit), named officials, continuations
// ("وأضافت", "he added"), "according to" markers, headline quotes, the odd
// sentence of background with no source, emphasis and links, and now and
// then the author's own citation markup ("[@reuters]"). Front matter has a
// title, a date, sometimes a lastmod, a byline, tags, a summary and, for
// some articles, the URLs of the reports cited.
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
	g.article(date, target)
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

// official stands for a person quoted by role, for continuations: they
// agree in the masculine.
var official = source{}

type gen struct {
	r     *rand.Rand
	b     *strings.Builder
	lang  string
	words *lexicon
	// last is the outlet of the previous sentence, for continuations.
	last *source
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) article(date time.Time, target int) {
	w := g.words
	topic := g.pick(w.topics)
	place := g.pick(w.places)
	title := fmt.Sprintf(g.pick(w.titles), topic, place)
	tags := []string{topic, place}
	if g.r.IntN(2) == 0 {
		tags = append(tags, g.pick(w.topics))
	}
	fmt.Fprintf(g.b, "---\ntitle: %q\ndate: %s\n", title, date.Format(time.RFC3339))
	if g.r.IntN(4) == 0 {
		fmt.Fprintf(g.b, "lastmod: %s\n", date.Add(time.Duration(1+g.r.IntN(48))*time.Hour).Format(time.RFC3339))
	}
	fmt.Fprintf(g.b, "lang: %s\nauthors: [%q]\ntags: [%s]\nsummary: %q\n",
		g.lang, g.pick(w.writers), quoteList(dedupe(tags)), g.fill(g.pick(w.claims), place, topic))
	if g.r.IntN(3) == 0 {
		s := &w.sources[g.r.IntN(len(w.sources))]
		fmt.Fprintf(g.b, "sources:\n  %s: https://%s/news/%d\n", s.id, s.host, 100000+g.r.IntN(900000))
	}
	g.b.WriteString("---\n\n")
	section := 0
	for g.b.Len() < target {
		switch k := g.r.IntN(12); {
		case k < 7 || section == 0:
			if g.r.IntN(4) == 0 || section == 0 {
				section++
				h := g.pick(w.headings)
				if strings.Contains(h, "%s") {
					h = fmt.Sprintf(h, g.pick(w.places))
				}
				fmt.Fprintf(g.b, "## %s\n\n", h)
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

// paragraph writes two to five sentences: an attributed one first, then
// more claims, continuations of the same source, or background.
func (g *gen) paragraph(place, topic string) {
	n := 2 + g.r.IntN(4)
	g.last = nil
	for j := range n {
		if j > 0 {
			g.b.WriteByte(' ')
		}
		switch k := g.r.IntN(10); {
		case k < 2 && g.last != nil:
			cont := g.words.contM
			if g.last.fem {
				cont = g.words.contF
			}
			g.b.WriteString(capitalize(g.fill(g.pick(cont), place, topic)))
			g.last = nil
		case j > 0 && k < 3:
			g.b.WriteString(capitalize(g.fill(g.pick(g.words.background), place, topic)))
			g.last = nil // a continuation must follow its source
		default:
			g.b.WriteString(g.sentence(place, topic))
		}
	}
	g.b.WriteString("\n\n")
}

// sentence writes one attributed sentence: an outlet's report, an
// official's words, or, now and then, a claim the author marked.
func (g *gen) sentence(place, topic string) string {
	return capitalize(g.claim(place, topic))
}

func (g *gen) claim(place, topic string) string {
	w := g.words
	switch k := g.r.IntN(20); {
	case k < 3:
		g.last = &official
		return g.fill(g.pick(w.people), place, topic)
	case k < 4:
		s := &w.sources[g.r.IntN(len(w.sources))]
		g.last = s
		return strings.TrimSuffix(g.fill("{fact}", place, topic), ".") + " [@" + s.id + "]."
	}
	return g.fill(g.pick(w.claims), place, topic)
}

// fill replaces the placeholders of a template.
func (g *gen) fill(tmpl, place, topic string) string {
	w := g.words
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		b.WriteString(tmpl[:i])
		switch tmpl[i+1 : i+j] {
		case "src":
			s := &w.sources[g.r.IntN(len(w.sources))]
			g.last = s
			if g.r.IntN(8) == 0 {
				// Now and then the outlet's name links to its site.
				fmt.Fprintf(&b, "[%s](https://%s/)", s.name, s.host)
			} else {
				b.WriteString(s.name)
			}
		case "place":
			b.WriteString(place)
		case "topic":
			b.WriteString(topic)
		case "day":
			b.WriteString(g.pick(w.days))
		case "num":
			fmt.Fprint(&b, 2+g.r.IntN(900))
		case "fact", "fact2":
			f := g.pick(w.facts)
			if g.r.IntN(10) == 0 {
				f = "**" + f + "**"
			}
			b.WriteString(f)
		case "him":
			b.WriteString(g.pick(w.officials))
			g.last = &official
		default:
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
	return b.String()
}

// capitalize upper-cases the first letter of an English sentence, past any
// opening markup.
func capitalize(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r != '[' && r != '*' && r != '"' && r != '“' })
	if i >= 0 && s[i] >= 'a' && s[i] <= 'z' {
		return s[:i] + string(s[i]-'a'+'A') + s[i+1:]
	}
	return s
}

func (g *gen) quoteLine() string {
	return capitalize(g.fill(g.pick(g.words.quotes), "", ""))
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
	s := &g.words.sources[g.r.IntN(len(g.words.sources))]
	fmt.Fprintf(g.b, "```json\n{\"source\": %q, \"claims\": %d, \"verified\": %t}\n```\n\n",
		s.id, 1+g.r.IntN(20), g.r.IntN(2) == 0)
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
