package devserver

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request line as written, with no client in between to
// clean the path, and returns the status and body.
func rawGet(t *testing.T, base, target string) (int, string, http.Header) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: "+u.Host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// TestNothingOutsideTheSiteIsServed sends requests that try to leave the
// built site and checks they get 400 or 404, never a file from elsewhere;
// unknown paths get the site's own 404 page. The site is served under a
// GitHub Pages project path. (Issue 5, points 1 and 6.)
func TestNothingOutsideTheSiteIsServed(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := startServer(t, "https://user.github.io/repo/", func(dir string) {
		// A link to a folder out of the tree, which the build must not
		// follow, and a file the build never reads.
		if err := os.Symlink(filepath.Dir(secret), filepath.Join(dir, "content", "outside")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(secret, filepath.Join(dir, "secret.txt")); err != nil {
			t.Fatal(err)
		}
	})
	if !strings.HasSuffix(h.base, "/repo/") {
		t.Fatalf("base %q", h.base)
	}
	u, _ := url.Parse(h.base)
	notFound := "" // the site's 404 page, as served for a plain miss
	tests := []struct {
		target string
		status int
	}{
		{"/repo/", 200},
		{"/repo/index.html", 200},
		{"/repo/2024/sea/", 200},
		{"/repo/assets/isnad.css", 200},
		{"/repo/2024/sea", 302},
		{"/", 302},
		{"/repo", 302},
		{"/repo/no/such/page/", 404},
		{"/2024/sea/", 404}, // outside the base path
		{"/repo/../secret.txt", 400},
		{"/repo/../../../../etc/passwd", 400},
		{"/repo/2024/../../secret.txt", 400},
		{"/repo/2024/./sea/", 400},
		{"/repo/..%2F..%2Fsecret.txt", 400},
		{"/repo/..%2f..%2fetc%2fpasswd", 400},
		{"/repo/2024%2Fsea/", 400},
		{"/repo/..%5C..%5Csecret.txt", 400},
		{"/repo/..\\secret.txt", 400},
		{"/repo//etc/passwd", 400},
		{"/repo/%2e%2e/secret.txt", 400},
		{"/repo/outside/secret.txt", 404},
		{"/repo/secret.txt", 404},
		{"/secret.txt", 404},
		{"//etc/passwd", 404},
		{"/repo/%00", 400},
		{"/repo/__isnad/nothing", 404},
	}
	for _, tt := range tests {
		code, body, hdr := rawGet(t, h.base, tt.target)
		if code != tt.status {
			t.Errorf("GET %s = %d, want %d", tt.target, code, tt.status)
		}
		if strings.Contains(body, "TOP SECRET") || strings.Contains(body, "root:") {
			t.Errorf("GET %s leaked a file from outside the site", tt.target)
		}
		if code == 404 {
			if !strings.Contains(body, `<html lang="ar" dir="rtl">`) || !strings.Contains(body, "/repo/__isnad/live.js") {
				t.Errorf("GET %s: 404 is not the site's 404 page with the live script:\n%.300s", tt.target, body)
			}
			if notFound == "" {
				notFound = body
			}
		}
		if code == 302 {
			if loc := hdr.Get("Location"); !strings.HasPrefix(loc, "/repo/") {
				t.Errorf("GET %s redirects to %q, want under /repo/", tt.target, loc)
			}
		}
	}
	// The 404 page's links start from the base path, since it is served
	// at any depth.
	if !strings.Contains(notFound, `href="/repo/index.html"`) {
		t.Errorf("the 404 page does not link home under /repo/:\n%s", notFound)
	}
	// Pages link to each other relatively, and the injected script and
	// event stream live under the base path.
	_, home, _ := rawGet(t, h.base, "/repo/")
	if !strings.Contains(home, `<script src="/repo/__isnad/live.js" data-base="/repo/" data-page="index.html"`) {
		t.Errorf("home page script tag:\n%.600s", home)
	}
	if !strings.Contains(home, `href="2024/sea/index.html"`) {
		t.Error("home page does not link to the article relatively")
	}
	_ = u
}

// TestServeHeaders checks content types, conditional requests and that
// the live-reload script goes only into HTML pages.
func TestServeHeaders(t *testing.T) {
	h := startServer(t, "", nil)
	c := &http.Client{}
	resp, err := c.Get(h.base + "assets/isnad.css")
	if err != nil {
		t.Fatal(err)
	}
	css, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("CSS Content-Type %q", ct)
	}
	if bytes.Contains(css, []byte("__isnad")) {
		t.Error("the script was injected into a stylesheet")
	}
	etag := resp.Header.Get("ETag")
	req, _ := http.NewRequest("GET", h.base+"assets/isnad.css", nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if etag == "" || resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET with ETag %q = %d, want 304", etag, resp.StatusCode)
	}
	resp, err = c.Get(h.base + "__isnad/live.js")
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") || !bytes.Contains(js, []byte("EventSource")) {
		t.Errorf("live.js: %q, %d bytes", ct, len(js))
	}
	resp, err = c.Post(h.base, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST = %d, want 405", resp.StatusCode)
	}
}

// TestInject checks where the script goes.
func TestInject(t *testing.T) {
	tag := []byte("<script></script>")
	tests := []struct{ in, want string }{
		{"<!doctype html><html><head><title>x</title></head></html>", "<!doctype html><html><head><script></script><title>x</title></head></html>"},
		{"<HTML><HEAD lang=x>y", "<HTML><HEAD lang=x><script></script>y"},
		{"<html><header>no head</header></html>", "<html><header>no head</header></html>"},
		{"<p>a fragment</p>", "<p>a fragment</p>"},
		{"<head", "<head"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in), tag)); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBasePath checks how a base URL becomes the path the preview serves
// under.
func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"":                              "/",
		"/":                             "/",
		"https://example.org":           "/",
		"https://example.org/":          "/",
		"https://user.github.io/repo/":  "/repo/",
		"https://user.github.io/repo":   "/repo/",
		"https://x.org/a/b/?q=1#frag":   "/a/b/",
		"/docs":                         "/docs/",
		"http://127.0.0.1:1313/isnad/":  "/isnad/",
		"https://user.github.io//repo/": "/repo/",
	} {
		if got := BasePath(in); got != want {
			t.Errorf("BasePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestListenMovesToTheNextFreePort takes a port and checks that Listen
// says where it went instead. (Issue 5, point 1.)
func TestListenMovesToTheNextFreePort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	l, err := Listen("127.0.0.1", port, 20)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	got := l.Addr().(*net.TCPAddr).Port
	if got == port || got < port || got > port+20 {
		t.Errorf("Listen on taken port %d gave %d", port, got)
	}
	if _, err := Listen("127.0.0.1", port, 0); err == nil {
		t.Error("Listen with no tries on a taken port succeeded")
	}
}

// brokenOutletTemplate fails when an outlet page is made, on its line 3.
const brokenOutletTemplate = "{{template \"base.html\" .}}\n{{define \"main\"}}\n<p>{{index .Outlet.Source.Kind 99}}</p>\n{{end}}\n"

// TestPageTemplateFailureIsThePagesOwn checks that an outlet page whose
// template fails once the build is over (it is made on first use) is
// served with its problems for the overlay, apart from the build's, and
// that other pages carry none.
func TestPageTemplateFailureIsThePagesOwn(t *testing.T) {
	h := startServer(t, "", nil)
	h.write("templates/outlet.html", brokenOutletTemplate)
	if ev := h.one(); !ev.OK {
		t.Fatalf("the broken outlet template failed the build: %+v", ev)
	}
	_, body := h.get("outlets/reuters/")
	if ps := problemsOf(t, body); ps != nil {
		t.Errorf("build problems %v on a good build", ps)
	}
	ps := pageProblemsOf(t, body)
	if len(ps) != 1 || !strings.HasPrefix(ps[0].Pos, "templates/outlet.html:3:") || ps[0].Line != 3 || ps[0].Source != "<p>{{index .Outlet.Source.Kind 99}}</p>" {
		t.Errorf("page problems = %+v, want one at templates/outlet.html:3 with its line", ps)
	}
	if _, body := h.get("2024/grain/"); strings.Contains(body, "data-page-problems") {
		t.Error("an article page carries page problems")
	}
	h.remove("templates/outlet.html")
	if ev := h.one(); !ev.OK || !hasAll(ev.Changed, "outlets/reuters/index.html") {
		t.Fatalf("after the fix: %+v", ev)
	}
	if _, body := h.get("outlets/reuters/"); strings.Contains(body, "data-page-problems") || !strings.Contains(body, "رويترز") {
		t.Error("the fixed outlet page still carries problems, or is not the outlet's page")
	}
}
