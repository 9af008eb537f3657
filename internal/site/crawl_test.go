package site

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/isnad/isnad"
	"github.com/isnad/isnad/internal/links"
)

// serveSite serves the folder dir under prefix ("/repo/") with a plain
// static file server on a real socket, as GitHub Pages does: a missing
// file gets 404.html with status 404. It returns the server's URL.
func serveSite(t *testing.T, dir, prefix string) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) && r.URL.Path+"/" != prefix {
			http.NotFound(w, r)
			return
		}
		rel := strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(prefix, "/"))
		p := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rel)))
		if st, err := os.Stat(p); err != nil || st.IsDir() && fileMissing(filepath.Join(p, "index.html")) {
			page, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func fileMissing(p string) bool {
	_, err := os.Stat(p)
	return err != nil
}

// buildSampleAt builds the sample site with a base URL into a fresh
// folder.
func buildSampleAt(t *testing.T, baseURL string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := BuildDir(t.Context(), Config{Source: os.DirFS(repoRoot), Defaults: isnad.Defaults, BaseURL: baseURL}, dir); err != nil {
		t.Fatalf("building the sample site: %v", err)
	}
	return dir
}

// TestCrawlUnderProjectPath builds the sample site for
// https://user.github.io/repo/, serves it under /repo/ as GitHub Pages
// would, and follows every link from the home page, the feeds, the
// sitemap, robots.txt and 404.html — pages, stylesheets, fonts, scripts,
// feeds and the search index's entry — finding no 404 and no link out of
// /repo/ (issue 6, points 1, 2 and 9).
func TestCrawlUnderProjectPath(t *testing.T) {
	const public = "https://user.github.io/repo/"
	dir := buildSampleAt(t, public)
	srv := serveSite(t, dir, "/repo/")
	root := srv + "/repo/"

	seen := map[string]bool{}
	var queue []string
	from := map[string]string{}
	enqueue := func(u, src string) {
		if !seen[u] {
			seen[u] = true
			from[u] = src
			queue = append(queue, u)
		}
	}
	for _, start := range []string{"", "feed.xml", "feed.ar.xml", "feed.en.xml", "sitemap.xml", "robots.txt", "search/index.html", "search/index.js"} {
		enqueue(root+start, "(start)")
	}
	kinds := map[string]int{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d (linked from %s)", u, resp.StatusCode, from[u])
			continue
		}
		ct := resp.Header.Get("Content-Type")
		kinds[strings.Split(ct, ";")[0]]++
		base, _ := url.Parse(u)
		var refs []string
		switch {
		case strings.HasPrefix(ct, "text/html"):
			p := links.Scan(body)
			if p.Base != "" {
				b, err := url.Parse(p.Base)
				if err != nil {
					t.Fatalf("%s: bad <base>", u)
				}
				base = base.ResolveReference(b)
			}
			for _, l := range p.Links {
				refs = append(refs, l.URL)
			}
		case strings.HasPrefix(ct, "text/css"):
			for _, l := range links.CSS(body) {
				refs = append(refs, l.URL)
			}
		case strings.Contains(ct, "xml"):
			// Feeds and the sitemap: every href="..." and <loc>.
			for _, m := range xmlRefRE.FindAllSubmatch(body, -1) {
				refs = append(refs, string(bytes.TrimSpace(append(m[1], m[2]...))))
			}
		case strings.HasPrefix(ct, "text/plain"):
			for _, line := range strings.Split(string(body), "\n") {
				if v, ok := strings.CutPrefix(line, "Sitemap: "); ok {
					refs = append(refs, v)
				}
			}
		}
		for _, ref := range refs {
			ref = strings.ReplaceAll(ref, "&amp;", "&")
			r, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q", u, ref)
				continue
			}
			if r.Scheme == "data" || r.Scheme == "mailto" {
				continue
			}
			abs := base.ResolveReference(r)
			abs.Fragment = ""
			s := abs.String()
			if strings.HasPrefix(s, public) {
				s = root + strings.TrimPrefix(s, public) // the site's own address, served here
			} else if abs.Host != strings.TrimPrefix(srv, "http://") {
				continue // another site
			}
			if !strings.HasPrefix(s, root) {
				t.Errorf("%s: link %q leaves /repo/", u, ref)
				continue
			}
			enqueue(s, u)
		}
	}
	for _, want := range []string{"text/html", "text/css", "font/woff2", "text/javascript", "text/xml", "text/plain"} {
		if kinds[want] == 0 && !(want == "text/xml" && kinds["application/xml"] > 0) {
			t.Errorf("the crawl reached no %s file: %v", want, kinds)
		}
	}
	if len(seen) < 40 {
		t.Errorf("crawled only %d URLs", len(seen))
	}
	t.Logf("crawled %d URLs: %v", len(seen), kinds)

	// 404.html, served for a missing page at any depth, links only to
	// what exists, under /repo/.
	for _, missing := range []string{"nope", "missing/deep/path", "2024/putin-pyongyang/nope/x.html"} {
		u := root + missing
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || !bytes.Contains(body, []byte(`<h1>`)) {
			t.Fatalf("%s: status %d, want the 404 page", u, resp.StatusCode)
		}
		base, _ := url.Parse(u)
		p := links.Scan(body)
		if len(p.Links) < 5 {
			t.Fatalf("404.html has only %d links", len(p.Links))
		}
		for _, l := range p.Links {
			if strings.HasPrefix(l.URL, "#") {
				continue // this very page
			}
			r, _ := url.Parse(l.URL)
			abs := base.ResolveReference(r)
			if abs.Scheme == "https" && abs.Host != "user.github.io" {
				continue
			}
			if !strings.HasPrefix(abs.Path, "/repo/") {
				t.Errorf("404.html at %s: link %q goes to %s, out of /repo/", missing, l.URL, abs.Path)
				continue
			}
			resp, err := http.Get(srv + abs.Path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("404.html at %s: link %q gives %d", missing, l.URL, resp.StatusCode)
			}
		}
	}
}

var xmlRefRE = regexp.MustCompile(`href="([^"]*)"|<loc>([^<]*)</loc>`)
