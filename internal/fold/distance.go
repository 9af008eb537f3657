package fold

import (
	"slices"
	"unicode/utf8"
)

// Distance returns the edit distance between a and b counted in runes —
// insertions, deletions, substitutions and transpositions of two adjacent
// runes (optimal string alignment) — or max+1 as soon as it is sure to
// exceed max. Keys of very different lengths are rejected without work.
func Distance(a, b string, max int) int {
	if a == b {
		return 0
	}
	var ra, rb [64]rune
	return DistanceRunes(toRunes(ra[:0], a), toRunes(rb[:0], b), max)
}

// DistanceRunes is Distance for strings already decoded into runes, for
// callers comparing one key with many.
func DistanceRunes(x, y []rune, max int) int {
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > max {
		return max + 1
	}
	if len(y) == 0 {
		return len(x)
	}
	if slices.Equal(x, y) {
		return 0
	}
	// Three rows: two back (for transpositions), one back, current. Only
	// the band |i-j| <= max is computed: an alignment of cost max or less
	// never leaves it. Cells just outside hold inf, which stands for
	// "more than max".
	inf := max + 1
	var buf [3 * 65]int
	var rows []int
	if n := 3 * (len(y) + 1); n <= len(buf) {
		rows = buf[:n]
	} else {
		rows = make([]int, n)
	}
	w := len(y) + 1
	pp, prev, cur := rows[:w], rows[w:2*w], rows[2*w:]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	prevBest := 0
	for i := 1; i <= len(x); i++ {
		lo, hi := 1, min(len(y), i+max)
		if i-max > 1 {
			lo = i - max
		}
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		if hi < len(y) {
			cur[hi+1] = inf
		}
		best := inf
		if lo == 1 {
			best = cur[0]
		}
		xi := x[i-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if xi == y[j-1] {
				cost = 0
			}
			v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && xi == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, pp[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		// A transposition can still reach back to the previous row.
		if best > max && prevBest+1 > max {
			return max + 1
		}
		prevBest = best
		pp, prev, cur = prev, cur, pp
	}
	if d := prev[len(y)]; d <= max {
		return d
	}
	return max + 1
}

func toRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, r)
		i += n
	}
	return dst
}
