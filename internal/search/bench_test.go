package search

import (
	"context"
	"testing"

	"github.com/isnad/isnad/internal/corpus"
)

// BenchmarkBuild indexes 1,000 synthetic briefings and writes the index
// to nowhere.
func BenchmarkBuild(b *testing.B) {
	var docs []Doc
	for _, a := range corpus.Generate(1, 1000) {
		docs = append(docs, Doc{Path: a.Path, Title: a.Path, Text: string(a.Data), Lang: "ar", Dir: "rtl"})
	}
	b.ReportAllocs()
	for b.Loop() {
		ix, err := Build(context.Background(), docs)
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.Write(context.Background(), func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWords folds and cuts one briefing into words.
func BenchmarkWords(b *testing.B) {
	text := string(corpus.Make(1, 0).Data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Words(text)
	}
}
