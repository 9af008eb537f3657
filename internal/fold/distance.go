package fold

import "unicode/utf8"

// Distance returns the Levenshtein distance between a and b counted in
// runes, or max+1 as soon as it is sure to exceed max. Keys of very
// different lengths are rejected without any work.
func Distance(a, b string, max int) int {
	if a == b {
		return 0
	}
	var ra, rb [64]rune
	x := toRunes(ra[:0], a)
	y := toRunes(rb[:0], b)
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > max {
		return max + 1
	}
	if len(y) == 0 {
		return len(x)
	}
	var rowBuf [65]int
	var row []int
	if len(y)+1 <= len(rowBuf) {
		row = rowBuf[:len(y)+1]
	} else {
		row = make([]int, len(y)+1)
	}
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(x); i++ {
		prev := row[0]
		row[0] = i
		best := row[0]
		for j := 1; j <= len(y); j++ {
			cur := row[j]
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := prev + cost
			if row[j]+1 < v {
				v = row[j] + 1
			}
			if row[j-1]+1 < v {
				v = row[j-1] + 1
			}
			row[j] = v
			prev = cur
			if v < best {
				best = v
			}
		}
		if best > max {
			return max + 1
		}
	}
	if d := row[len(y)]; d <= max {
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
