package site

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/isnad/isnad"
)

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// synthSite makes a site of n articles, alternating Markdown and plain
// text, Arabic and English, built from the sample briefings so the text is
// real. It is the same on every call.
func synthSite(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	seed, err := os.ReadFile(repoRoot + "/content/2024/putin-pyongyang.txt")
	if err != nil {
		tb.Fatal(err)
	}
	md, err := os.ReadFile(repoRoot + "/content/2024/red-sea-shipping.md")
	if err != nil {
		tb.Fatal(err)
	}
	en, err := os.ReadFile(repoRoot + "/content/2024/russia-north-korea-treaty.md")
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for i := range n {
		dir := fmt.Sprintf("content/%d/%02d", 2000+i%25, i%12+1)
		switch i % 3 {
		case 0:
			fsys[fmt.Sprintf("%s/seed-%d.txt", dir, i)] = &fstest.MapFile{Data: seed}
			fsys[fmt.Sprintf("%s/seed-%d.yaml", dir, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"title: موجز رقم %d\ndate: %d-%02d-%02d\ntags: [روسيا, وسم %d]\n", i, 2000+i%25, i%12+1, i%28+1, i%40))}
		case 1:
			fsys[fmt.Sprintf("%s/md-%d.md", dir, i)] = &fstest.MapFile{Data: []byte(strings.Replace(string(md), "date = 2024-03-10", fmt.Sprintf("date = %d-%02d-%02d", 2000+i%25, i%12+1, i%28+1), 1))}
		default:
			fsys[fmt.Sprintf("%s/en-%d.md", dir, i)] = &fstest.MapFile{Data: []byte(strings.Replace(string(en), "translationKey: putin-pyongyang-2024", fmt.Sprintf("translationKey: k%d", i), 1))}
		}
	}
	return fsys
}

// BenchmarkBuild builds a 300-article site in memory: load, render, write.
func BenchmarkBuild(b *testing.B) {
	src := synthSite(b, 300)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Build(b.Context(), Config{Source: src, Defaults: isnad.Defaults, Out: discard{}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Articles != 300 {
			b.Fatalf("built %d articles", res.Articles)
		}
	}
}
