package search

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sizes of the index files.
const (
	// ShardSize is the size above which a shard of the dictionary is
	// split by a longer prefix.
	ShardSize = 48 << 10
	// MetaChunk articles share a file of titles and addresses, and
	// TextChunk a file of plain text.
	MetaChunk = 100
	TextChunk = 4
	// maxDepth is the longest shard prefix, in letters.
	maxDepth = 5
	minDepth = 2
)

// Dir is the folder of the index files in the site.
const Dir = "search/"

// A Doc is one article to index.
type Doc struct {
	// Path is the article's folder from the site root, "2024/x/".
	Path  string
	Title string
	// Text is the article's plain text.
	Text      string
	Lang, Dir string
	// Date is the article's date as "2024-06-20" ("" when it has none),
	// and DateText as readers see it, "20 يونيو 2024".
	Date, DateText string
	// Outlets are the registry ids of the sources the article cites.
	Outlets []string
}

// An Index is the search index of a site, ready to write.
type Index struct {
	docs    []Doc
	post    map[string][]posting // key → postings, doc order
	outlets map[string][]int     // outlet id → docs
}

type posting struct {
	doc, w int
}

// Build indexes docs, numbered in the order given.
func Build(ctx context.Context, docs []Doc) (*Index, error) {
	ix := &Index{docs: docs, outlets: map[string][]int{}}
	// Keys are numbered as they come, so that counting them per article
	// is indexing a slice rather than hashing strings.
	var (
		names   []string             // key number → key
		byName  = map[string]int{}   // key → number
		keysOf  = map[string][]int{} // folded word → its keys' numbers
		post    [][]posting          // key number → postings
		counts  []int                // key number → weight in this article
		touched []int                // keys counted in this article
	)
	add := func(text string, weight int) {
		for _, w := range Words(text) {
			ks, ok := keysOf[w]
			if !ok {
				for _, k := range Keys(w) {
					n, ok := byName[k]
					if !ok {
						n = len(names)
						byName[k] = n
						names = append(names, k)
						post = append(post, nil)
						counts = append(counts, 0)
					}
					ks = append(ks, n)
				}
				keysOf[w] = ks
			}
			for _, k := range ks {
				if counts[k] == 0 {
					touched = append(touched, k)
				}
				counts[k] += weight
			}
		}
	}
	for i, d := range docs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		add(d.Title, 3)
		add(d.Text, 1)
		for _, k := range touched {
			post[k] = append(post[k], posting{doc: i, w: min(7, bits.Len(uint(counts[k])))})
			counts[k] = 0
		}
		touched = touched[:0]
		for _, o := range d.Outlets {
			if l := ix.outlets[o]; len(l) == 0 || l[len(l)-1] != i {
				ix.outlets[o] = append(ix.outlets[o], i)
			}
		}
	}
	ix.post = make(map[string][]posting, len(names))
	for n, k := range names {
		ix.post[k] = post[n]
	}
	return ix, nil
}

// Keys returns the number of keys in the dictionary.
func (ix *Index) Keys() int { return len(ix.post) }

// Outlets returns, for each outlet id cited by an indexed article, the
// number of articles that cite it.
func (ix *Index) Outlets() map[string]int {
	out := make(map[string]int, len(ix.outlets))
	for id, docs := range ix.outlets {
		out[id] = len(docs)
	}
	return out
}

// A shard is a part of the dictionary: the keys whose body starts with
// prefix (and, when the shard was split, only those no longer shard has).
type shard struct {
	prefix string
	keys   []string
}

// shards cuts the dictionary into shards of at most about ShardSize bytes.
func (ix *Index) shards() []shard {
	all := slices.Sorted(maps.Keys(ix.post))
	var out []shard
	var split func(keys []string, depth int)
	split = func(keys []string, depth int) {
		// Group by the first depth letters of the body.
		groups := map[string][]string{}
		var order []string
		for _, k := range keys {
			p := runePrefix(k[1:], depth)
			if _, ok := groups[p]; !ok {
				order = append(order, p)
			}
			groups[p] = append(groups[p], k)
		}
		for _, p := range order {
			g := groups[p]
			if depth >= maxDepth || ix.size(g) <= ShardSize {
				out = append(out, shard{prefix: p, keys: g})
				continue
			}
			// Keys whose body is the prefix itself stay here; the
			// others go one letter deeper.
			var here, deeper []string
			for _, k := range g {
				if k[1:] == p {
					here = append(here, k)
				} else {
					deeper = append(deeper, k)
				}
			}
			if len(here) > 0 {
				out = append(out, shard{prefix: p, keys: here})
			}
			split(deeper, depth+1)
		}
	}
	split(all, minDepth)
	slices.SortFunc(out, func(a, b shard) int { return strings.Compare(a.prefix, b.prefix) })
	return out
}

// runePrefix returns the first n runes of s, or s.
func runePrefix(s string, n int) string {
	i := 0
	for range n {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// size estimates the bytes keys take in a shard file.
func (ix *Index) size(keys []string) int {
	n := 0
	for _, k := range keys {
		n += len(k) + 6 + 4*len(ix.post[k])
	}
	return n
}

// ShardName returns the file name of the shard for prefix: its UTF-8
// bytes in hex, which any server and file system take.
func ShardName(prefix string) string { return hex.EncodeToString([]byte(prefix)) }

// Write writes every file of the index, with names from the site root
// ("search/index.js"), to write.
func (ix *Index) Write(ctx context.Context, write func(name string, data []byte) error) error {
	shards := ix.shards()
	var buf bytes.Buffer
	names := make([]string, len(shards))
	for i, s := range shards {
		if err := ctx.Err(); err != nil {
			return err
		}
		names[i] = ShardName(s.prefix)
		buf.Reset()
		fmt.Fprintf(&buf, "isnadSearch.shard(%q,{", names[i])
		for j, k := range s.keys {
			if j > 0 {
				buf.WriteByte(',')
			}
			writeJSON(&buf, k)
			buf.WriteString(":[")
			prev := 0
			for n, p := range ix.post[k] {
				if n > 0 {
					buf.WriteByte(',')
				}
				writeInt(&buf, (p.doc-prev)<<3|p.w)
				prev = p.doc
			}
			buf.WriteByte(']')
		}
		buf.WriteString("});\n")
		if err := write(Dir+"t/"+names[i]+".js", bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}

	for start := 0; start < len(ix.docs); start += MetaChunk {
		buf.Reset()
		fmt.Fprintf(&buf, "isnadSearch.meta(%d,[", start/MetaChunk)
		for i, d := range ix.docs[start:min(start+MetaChunk, len(ix.docs))] {
			if i > 0 {
				buf.WriteString(",\n")
			}
			buf.WriteByte('[')
			for j, s := range []string{d.Path, d.Title, d.Date, d.DateText, d.Lang, d.Dir} {
				if j > 0 {
					buf.WriteByte(',')
				}
				writeJSON(&buf, s)
			}
			buf.WriteByte(']')
		}
		buf.WriteString("]);\n")
		if err := write(fmt.Sprintf("%sm/%d.js", Dir, start/MetaChunk), bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}

	for start := 0; start < len(ix.docs); start += TextChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf.Reset()
		fmt.Fprintf(&buf, "isnadSearch.text(%d,[", start/TextChunk)
		for i, d := range ix.docs[start:min(start+TextChunk, len(ix.docs))] {
			if i > 0 {
				buf.WriteString(",\n")
			}
			writeJSON(&buf, d.Text)
		}
		buf.WriteString("]);\n")
		if err := write(fmt.Sprintf("%sx/%d.js", Dir, start/TextChunk), bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}

	buf.Reset()
	fmt.Fprintf(&buf, "isnadSearch.init({\"v\":1,\"docs\":%d,\"meta\":%d,\"text\":%d,\"shards\":[", len(ix.docs), MetaChunk, TextChunk)
	for i, n := range names {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`"` + n + `"`)
	}
	buf.WriteString("],\"outlets\":[")
	for i, id := range slices.Sorted(maps.Keys(ix.outlets)) {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeJSON(&buf, id)
	}
	buf.WriteString("]});\n")
	if err := write(Dir+"index.js", bytes.Clone(buf.Bytes())); err != nil {
		return err
	}

	// The articles citing each outlet, loaded when the filter is used.
	for _, id := range slices.Sorted(maps.Keys(ix.outlets)) {
		buf.Reset()
		buf.WriteString("isnadSearch.outlet(")
		writeJSON(&buf, id)
		buf.WriteString(",[")
		prev := 0
		for n, d := range ix.outlets[id] {
			if n > 0 {
				buf.WriteByte(',')
			}
			writeInt(&buf, d-prev)
			prev = d
		}
		buf.WriteString("]);\n")
		if err := write(Dir+"o/"+ShardName(id)+".js", bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON writes s as a JSON string, safe inside a script file: no
// "</script>" can close anything, and U+2028/U+2029 are escaped.
func writeJSON(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s)
	buf.Write(b)
}

func writeInt(buf *bytes.Buffer, n int) {
	var b [20]byte
	buf.Write(strconv.AppendInt(b[:0], int64(n), 10))
}
