package links

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func urls(ls []Link) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Tag+" "+l.Attr+" "+l.URL)
	}
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		links   []string
		anchors []string
		base    string
	}{
		{"attributes in every quoting",
			`<a href="a.html">x</a><A HREF='b.html'>y</A><a href=c.html>z</a><a href = "d.html#x">`,
			[]string{"a href a.html", "a href b.html", "a href c.html", "a href d.html#x"}, nil, ""},
		{"entities are decoded",
			`<a href="x.html?a=1&amp;b=2">` + `<a href="%D8%A3/index.html">`,
			[]string{"a href x.html?a=1&b=2", "a href %D8%A3/index.html"}, nil, ""},
		{"ids and names",
			`<h2 id="زواج-مصلحة">x</h2><a name="old"></a><p name="not-an-anchor" ID="up">`,
			nil, []string{"زواج-مصلحة", "old", "up"}, ""},
		{"only link attributes count",
			`<img src="i.png" alt="a.html"><div href="no"><link rel=stylesheet href="s.css"><script src="j.js"></script><meta content="https://x">`,
			[]string{"img src i.png", "link href s.css", "script src j.js"}, nil, ""},
		{"srcset", `<img srcset="a.png 1x, b%20c.png 2x,d.png">`,
			[]string{"img srcset a.png", "img srcset b%20c.png", "img srcset d.png"}, nil, ""},
		{"comments, scripts and text are skipped",
			`<!-- <a href="no.html"> --><script>var s = '<a href="no2.html">';</script><title><a href="no3"></title><p>a < b and <a href="yes.html">`,
			[]string{"a href yes.html"}, nil, ""},
		{"style element and attribute",
			`<style>@font-face{src:url("f.woff2")} /* url(no) */ @import "i.css";</style><div style="background:url(bg.png)">`,
			[]string{"style url f.woff2", "style import i.css", "div url bg.png"}, nil, ""},
		{"base", `<head><base href="/repo/"><link href="assets/x.css" rel=stylesheet>`,
			[]string{"link href assets/x.css"}, nil, "/repo/"},
		{"boolean attributes and self-closing tags",
			`<input disabled src=x.png/><br/><img src="y.png"/>`,
			[]string{"input src x.png/", "img src y.png"}, nil, ""},
		{"unterminated markup gives what it can",
			`<a href="ok.html"></a><a href="never`,
			[]string{"a href ok.html"}, nil, ""},
	}
	for _, tt := range tests {
		p := Scan([]byte(tt.src))
		var anchors []string
		for _, a := range p.Anchors {
			anchors = append(anchors, a.ID)
		}
		if diff := cmp.Diff(tt.links, urls(p.Links)); diff != "" {
			t.Errorf("%s: links (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.anchors, anchors); diff != "" {
			t.Errorf("%s: anchors (-want +got):\n%s", tt.name, diff)
		}
		if p.Base != tt.base {
			t.Errorf("%s: base %q, want %q", tt.name, p.Base, tt.base)
		}
	}
}

func TestCSS(t *testing.T) {
	src := `@import url(reset.css);
@font-face { font-family: X; src: url('fonts/a.woff2') format("woff2"), URL( "b.woff" ); }
.a { background-image: url(data:image/png;base64,AAA) } .b::after { content: "url(no)" }
`
	want := []string{" url reset.css", " url fonts/a.woff2", " url b.woff", " url data:image/png;base64,AAA"}
	if diff := cmp.Diff(want, urls(CSS([]byte(src)))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRewrite(t *testing.T) {
	src := `<p><a href="../x/index.html#a">x</a> <img src="i.png" srcset="i.png 1x, j.png 2x"> <a href="https://e.org/">e</a></p>`
	got := Rewrite([]byte(src), func(l Link) string {
		if strings.Contains(l.URL, "://") {
			return l.URL
		}
		return "https://h/a&b/" + l.URL
	})
	want := `<p><a href="https://h/a&amp;b/../x/index.html#a">x</a> <img src="https://h/a&amp;b/i.png" srcset="https://h/a&amp;b/i.png 1x, https://h/a&amp;b/j.png 2x"> <a href="https://e.org/">e</a></p>`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if same := Rewrite([]byte(src), func(l Link) string { return l.URL }); string(same) != src {
		t.Errorf("keeping every link changed the document: %s", same)
	}
}

// FuzzScan: any input scans without panicking, and every link and anchor
// lies inside the source, on UTF-8 boundaries when the source is valid.
func FuzzScan(f *testing.F) {
	f.Add(`<a href="x.html#y" id=z>`)
	f.Add(`<style>@import "a.css"; b{c:url(d)}</style><img srcset=" , a 1x,,b">`)
	f.Add(`<!--`)
	f.Add(`<a href='`)
	f.Add(`<x y= `)
	f.Fuzz(func(t *testing.T, src string) {
		p := Scan([]byte(src))
		for _, l := range p.Links {
			if l.Start < 0 || l.End > len(src) || l.Start > l.End {
				t.Fatalf("link %+v outside the source of %d bytes", l, len(src))
			}
			if utf8.ValidString(src) && (!utf8.ValidString(src[:l.Start]) || !utf8.ValidString(src[l.End:])) {
				t.Fatalf("link %+v cuts a rune", l)
			}
		}
		for _, a := range p.Anchors {
			if a.Start < 0 || a.Start > len(src) {
				t.Fatalf("anchor %+v outside the source", a)
			}
		}
		Rewrite([]byte(src), func(l Link) string { return "x" + l.URL })
	})
}
