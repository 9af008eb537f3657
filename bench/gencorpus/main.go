// Command gencorpus writes a synthetic corpus of news briefings (see
// internal/corpus) into a content folder, for benchmarks against Hugo.
//
//	go run ./bench/gencorpus -n 10000 -seed 1 -out /tmp/corpus/content
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/isnad/isnad/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed; the same seed gives the same corpus")
	out := flag.String("out", "content", "folder to write the articles into")
	flag.Parse()
	var bytes int
	for i := range *n {
		a := corpus.Make(*seed, i)
		name := filepath.Join(*out, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(name, a.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		bytes += len(a.Data)
	}
	fmt.Printf("gencorpus: %d articles, %.1f MB in %s\n", *n, float64(bytes)/1e6, *out)
}
