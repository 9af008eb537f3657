package devserver

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

const (
	seaPage    = "2024/sea/index.html"
	grainPage  = "2024/grain/index.html"
	summitPage = "2024/summit/index.html"
)

// TestEditsGiveOneEventEach edits, renames, deletes and creates sources the
// way editors and people do, and checks that each gives exactly one build
// event naming the right pages, and that the server then serves the new
// pages. (Issue 5, points 2 to 4 and 7.)
func TestEditsGiveOneEventEach(t *testing.T) {
	h := startServer(t, "", nil)
	if code, body := h.get("2024/sea/"); code != 200 || !strings.Contains(body, "تراجعت بنحو النصف") {
		t.Fatalf("first build: GET 2024/sea/ = %d", code)
	}

	steps := []struct {
		name string
		do   func()
		// changed must be among the event's changed files; exact, when
		// set, says they must be all of them.
		changed []string
		exact   bool
		// get: path → text the page must (or, with a "!" prefix, must
		// not) hold; "404" for a page that must be gone.
		get map[string]string
	}{{
		name:    "edit in place",
		do:      func() { h.replace("content/2024/sea.md", "بنحو النصف", "بنحو الثلث") },
		changed: []string{seaPage, "index.html"},
		get:     map[string]string{"2024/sea/": "بنحو الثلث", "": "بنحو الثلث"},
	}, {
		name: "save to a temporary file, then rename it over the article",
		do: func() {
			s := strings.Replace(h.read("content/2024/sea.md"), "انخفض", "انخفض كثيرًا", 1)
			h.write("content/2024/.sea.md.tmp1234", s)
			h.rename("content/2024/.sea.md.tmp1234", "content/2024/sea.md")
		},
		changed: []string{seaPage},
		get:     map[string]string{"2024/sea/": "انخفض كثيرًا"},
	}, {
		name: "vim: probe file, backup by rename, write, delete backup",
		do: func() {
			s := strings.Replace(h.read("content/2024/sea.md"), "## الأرقام", "## الأرقام الرسمية", 1)
			h.write("content/2024/4913", "")
			h.remove("content/2024/4913")
			h.rename("content/2024/sea.md", "content/2024/sea.md~")
			h.write("content/2024/sea.md", s)
			h.remove("content/2024/sea.md~")
		},
		changed: []string{seaPage},
		get:     map[string]string{"2024/sea/": "الأرقام الرسمية"},
	}, {
		name: "delete and re-create",
		do: func() {
			s := strings.Replace(h.read("content/2024/grain.md"), "rose", "soared", 1)
			h.remove("content/2024/grain.md")
			h.write("content/2024/grain.md", s)
		},
		changed: []string{grainPage},
		get:     map[string]string{"2024/grain/": "grain exports soared"},
	}, {
		name: "a burst of writes",
		do: func() {
			s := h.read("content/2024/grain.md")
			for i := range 5 {
				h.write("content/2024/grain.md", fmt.Sprintf("%s\nZebra%d\n", s, i+1))
				time.Sleep(3 * time.Millisecond)
			}
		},
		changed: []string{grainPage},
		get:     map[string]string{"2024/grain/": "Zebra5"},
	}, {
		name: "JetBrains safe write",
		do: func() {
			s := strings.Replace(h.read("content/2024/grain.md"), "soared", "climbed", 1)
			h.write("content/2024/grain.md___jb_tmp___", s)
			h.rename("content/2024/grain.md", "content/2024/grain.md___jb_old___")
			h.rename("content/2024/grain.md___jb_tmp___", "content/2024/grain.md")
			h.remove("content/2024/grain.md___jb_old___")
		},
		changed: []string{grainPage},
		get:     map[string]string{"2024/grain/": "grain exports climbed"},
	}, {
		name: "edit a plain-text article's sidecar front matter",
		do: func() {
			h.replace("content/2024/summit.yaml", "قمة الرياض", "قمة الرياض الطارئة")
		},
		changed: []string{summitPage, "index.html"},
		get:     map[string]string{"2024/summit/": "قمة الرياض الطارئة"},
	}, {
		name: "create an article in new folders",
		do: func() {
			h.write("content/2025/06/fresh.md", "---\ntitle: Fresh news\ndate: 2025-06-01\n---\n\nAFP said it was fresh.\n")
		},
		changed: []string{"2025/06/fresh/index.html", "index.html"},
		get:     map[string]string{"2025/06/fresh/": "AFP said it was fresh."},
	}, {
		name: "edit an article in a folder created after start",
		do:   func() { h.replace("content/2025/06/fresh.md", "fresh.", "very fresh.") },
		get:  map[string]string{"2025/06/fresh/": "AFP said it was very fresh."},
	}, {
		name:    "rename an article",
		do:      func() { h.rename("content/2025/06/fresh.md", "content/2025/06/renamed.md") },
		changed: []string{"2025/06/fresh/index.html", "2025/06/renamed/index.html"},
		get:     map[string]string{"2025/06/fresh/": "404", "2025/06/renamed/": "very fresh."},
	}, {
		name:    "delete an article",
		do:      func() { h.remove("content/2025/06/renamed.md") },
		changed: []string{"2025/06/renamed/index.html", "index.html"},
		get:     map[string]string{"2025/06/renamed/": "404", "": "!Fresh news"},
	}, {
		name:    "add a stylesheet of the site's own, in a new assets folder",
		do:      func() { h.write("assets/isnad.css", "body { color: rebeccapurple }\n") },
		changed: []string{"assets/isnad.css"},
		exact:   true,
		get:     map[string]string{"assets/isnad.css": "rebeccapurple"},
	}, {
		name:    "edit the stylesheet",
		do:      func() { h.write("assets/isnad.css", "body { color: teal }\n") },
		changed: []string{"assets/isnad.css"},
		exact:   true,
		get:     map[string]string{"assets/isnad.css": "teal"},
	}, {
		name:    "edit the configuration",
		do:      func() { h.replace("isnad.toml", `title = "إسناد"`, `title = "إسناد التجريبي"`) },
		changed: []string{"index.html", seaPage, "404.html"},
		get:     map[string]string{"": "إسناد التجريبي"},
	}, {
		name:    "save without a change",
		do:      func() { h.write("content/2024/grain.md", h.read("content/2024/grain.md")) },
		changed: []string{},
		exact:   true,
	}, {
		name: "override a template",
		do: func() {
			b, err := os.ReadFile("../../templates/404.html")
			if err != nil {
				t.Fatal(err)
			}
			h.write("templates/404.html", strings.Replace(string(b), `<div class="wrap not-found">`, `<div class="wrap not-found"><p>Lost at sea</p>`, 1))
		},
		changed: []string{"404.html"},
		exact:   true,
		get:     map[string]string{"no/such/page/": "Lost at sea"},
	}}
	for _, s := range steps {
		s.do()
		ev := h.one()
		if !ev.OK {
			t.Fatalf("%s: build failed: %v", s.name, ev.Problems)
		}
		if !hasAll(ev.Changed, s.changed...) || s.exact && len(eager(ev.Changed)) != len(s.changed) {
			t.Errorf("%s: changed %v, want %v (exact %v)", s.name, ev.Changed, s.changed, s.exact)
		}
		for p, want := range s.get {
			code, body := h.get(p)
			switch {
			case want == "404":
				if code != 404 {
					t.Errorf("%s: GET %q = %d, want 404", s.name, p, code)
				}
			case strings.HasPrefix(want, "!"):
				if code != 200 || strings.Contains(body, want[1:]) {
					t.Errorf("%s: GET %q = %d, holding %q", s.name, p, code, want[1:])
				}
			default:
				if (code != 200 && !strings.HasPrefix(p, "no/")) || !strings.Contains(body, want) {
					t.Errorf("%s: GET %q = %d, without %q", s.name, p, code, want)
				}
			}
		}
	}
}

// eager drops from a list of changed files those made on first use
// (outlet pages, claims.json, the search index), which count as changed
// when anything they are made from changed, templates included.
func eager(changed []string) []string {
	var out []string
	for _, n := range changed {
		if !strings.HasPrefix(n, "outlets/") && !strings.HasPrefix(n, "search/") && n != "claims.json" {
			out = append(out, n)
		}
	}
	return out
}

// TestIgnoredFilesStartNoBuild makes the side files of editors and tools
// and hidden files, and checks that no build follows. (Issue 5, point 2.)
func TestIgnoredFilesStartNoBuild(t *testing.T) {
	h := startServer(t, "", nil)
	for _, name := range []string{
		".hidden.md", "sea.md~", "#sea.md#", ".#sea.md", "sea.md.swp", ".sea.md.swx",
		"4913", "sea.md___jb_tmp___", ".goutputstream-ABC123", "sedX1b2c3",
	} {
		h.write("content/2024/"+name, "---\ntitle: x\n---\n")
		h.remove("content/2024/" + name)
	}
	h.write("content/.git/HEAD", "ref: x\n")
	h.write("site/index.html", "not a source\n")
	h.write("notes.md", "not a source\n")
	h.none(settle)
}

// TestBrokenFrontMatterShowsAndRecovers breaks an article's front matter,
// sees the problem in the event and on every page while the last good site
// stays served, fixes it and sees the site come back; then the same with a
// template. (Issue 5, point 5.)
func TestBrokenFrontMatterShowsAndRecovers(t *testing.T) {
	h := startServer(t, "", nil)
	good := h.read("content/2024/sea.md")

	h.replace("content/2024/sea.md", "date: 2024-03-10", "date: next tuesday")
	ev := h.one()
	if ev.OK || len(ev.Problems) == 0 {
		t.Fatalf("broken front matter: event %+v, want a failure", ev)
	}
	p := ev.Problems[0]
	if !strings.HasPrefix(p.Pos, "content/2024/sea.md:3:") || p.Line != 3 || p.Source != "date: next tuesday" || p.Msg == "" {
		t.Errorf("problem = %+v, want content/2024/sea.md:3:… with its source line", p)
	}
	if !strings.HasPrefix(p.String(), "content/2024/sea.md:3:") {
		t.Errorf("problem text %q", p.String())
	}
	// Every page, the broken article's included, is the last good one,
	// with the problems for the overlay.
	for _, path := range []string{"2024/sea/", "2024/grain/", "", "no/such/"} {
		code, body := h.get(path)
		if path != "no/such/" && code != 200 {
			t.Errorf("GET %q = %d while broken", path, code)
		}
		if ps := problemsOf(t, body); len(ps) == 0 || ps[0].Pos != p.Pos {
			t.Errorf("GET %q while broken: problems %v, want %s", path, ps, p.Pos)
		}
	}
	if _, body := h.get("2024/sea/"); !strings.Contains(body, "تراجعت بنحو النصف") {
		t.Error("the last good page is not served while broken")
	}
	// A browser that connects now learns of the failure at once.
	h2 := &harness{t: t, base: h.base, events: make(chan sseEvent, 10)}
	h2.follow(t.Context())
	if !strings.Contains(string(h2.hello.data), `"ok":false`) || !strings.Contains(string(h2.hello.data), "content/2024/sea.md:3:") {
		t.Errorf("hello while broken = %s", h2.hello.data)
	}

	h.write("content/2024/sea.md", good)
	if ev := h.one(); !ev.OK || len(ev.Problems) != 0 {
		t.Fatalf("after the fix: event %+v, want success", ev)
	}
	if _, body := h.get("2024/sea/"); problemsOf(t, body) != nil {
		t.Error("the page still carries problems after the fix")
	}

	// A template that does not parse.
	h.write("templates/article.html", "{{template \"base.html\" .}}\n{{define \"main\"}}{{.Nope}\n{{end}}\n")
	ev = h.one()
	if ev.OK || len(ev.Problems) == 0 || !strings.HasPrefix(ev.Problems[0].Pos, "templates/article.html:2") {
		t.Fatalf("broken template: event %+v", ev)
	}
	h.remove("templates/article.html")
	// The site is back to the last good build, byte for byte.
	if ev := h.one(); !ev.OK || len(ev.Changed) != 0 {
		t.Fatalf("after removing the template: event %+v, want success with no change", ev)
	}
}
