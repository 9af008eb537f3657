package annotate

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time the process has used: on a shared
// machine it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since t0, as "cpu-ms/op".
func reportCPU(b *testing.B, t0 time.Duration, n int) {
	b.ReportMetric(float64(cpuTime()-t0)/float64(n)/1e6, "cpu-ms/op")
}

// BenchmarkTokenize times folding the blocks of articles and splitting
// them into tokens, the annotator's first pass over each article.
func BenchmarkTokenize(b *testing.B) {
	arts, size := benchCorpus(b, 100)
	an := defaultAnnotator(b)
	md := Markdown()
	var blocks [][]Block
	for _, a := range arts {
		_, bl, _ := ParseMarkdown(md, a.src, a.bodyStart)
		blocks = append(blocks, bl)
	}
	tz := tokenizer{words: an.words}
	b.Run("fold", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		t0, n := cpuTime(), 0
		for b.Loop() {
			n++
			for _, bl := range blocks {
				tz.foldBlocks(bl)
			}
		}
		reportCPU(b, t0, n)
	})
	b.Run("split", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		t0, n := cpuTime(), 0
		for b.Loop() {
			n++
			for _, bl := range blocks {
				tz.foldBlocks(bl)
				for i := range bl {
					key, pad, off := tz.blockKey(i)
					tz.split(bl[i].Text, pad, len(key), off)
				}
			}
		}
		reportCPU(b, t0, n)
	})
}
