package devserver

import (
	"bytes"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/isnad/isnad/internal/site"
)

// internalDir is where, under the base path, the server answers for
// itself: the event stream and the live-reload script. Content files
// whose names start with "_" are never built, so no page can take it.
const internalDir = "__isnad/"

//go:embed live.js
var liveJS []byte

// ServeHTTP serves the last good build of the site from memory, under
// BasePath, with the live-reload script in every HTML page.
//
// Nothing but the built files can be served: a path with ".." or empty
// segments, an encoded slash or backslash, a backslash or a NUL gets 400;
// a path outside the base path or not in the build gets the site's
// 404.html with status 404. The build itself is read from the source
// through an os.Root, so a symbolic link out of the site folder is never
// followed into it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state.Load()
	if st == nil {
		st = &state{}
	}
	p := r.URL.Path
	esc := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") || strings.ContainsAny(p, "\\\x00") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	base := s.BasePath
	if !strings.HasPrefix(p, base) {
		if p+"/" == base || p == "/" {
			redirect(w, r, base)
			return
		}
		s.notFound(w, r, st, "")
		return
	}
	rest := p[len(base):]
	if strings.HasPrefix(rest, internalDir) {
		s.serveInternal(w, r, st, rest[len(internalDir):])
		return
	}
	name := rest
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if st.snap == nil {
		s.serveHTML(w, r, st, name, nil, http.StatusServiceUnavailable)
		return
	}
	f, ok := st.snap.File(name)
	if !ok {
		if _, ok := st.snap.File(name + "/index.html"); ok {
			redirect(w, r, p+"/")
			return
		}
		s.notFound(w, r, st, name)
		return
	}
	if path.Ext(name) == ".html" {
		s.serveHTML(w, r, st, name, f, http.StatusOK)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+hex.EncodeToString(f.Hash[:12])+`"`)
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		h.Set("Content-Type", ct)
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.Data()))
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusFound)
}

// notFound serves the site's 404.html with status 404. name is the file
// the request asked for, so that the page reloads by itself if the file
// comes to exist.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state, name string) {
	var f *site.File
	if st.snap != nil {
		f, _ = st.snap.File("404.html")
	}
	if f == nil {
		f = site.NewFile([]byte("<!doctype html><html lang=en dir=ltr><head><meta charset=utf-8><title>404 not found</title></head><body><h1>404 not found</h1></body></html>"))
	}
	s.writeHTML(w, r, st, name, "", f.Data(), nil, http.StatusNotFound)
}

// serveHTML serves a page of the build, or, before the first good build
// (f nil), a placeholder, with the live-reload script.
func (s *Server) serveHTML(w http.ResponseWriter, r *http.Request, st *state, name string, f *site.File, status int) {
	if f == nil {
		msg := "Building the site…"
		if st.problems != nil {
			msg = "The site has not built yet."
		}
		f = site.NewFile([]byte("<!doctype html><html lang=en dir=ltr><head><meta charset=utf-8><title>isnad</title></head><body><p>" + msg + "</p></body></html>"))
		s.writeHTML(w, r, st, name, "", f.Data(), nil, status)
		return
	}
	data := f.Data()
	s.writeHTML(w, r, st, name, hex.EncodeToString(f.Hash[:12]), data, s.toProblems(f.Problems().Errors()), status)
}

// writeHTML sends a page with the live-reload script injected. hash is the
// page's hash in the build, "" when the page is not in it; problems are
// the page's own, when making it failed (see site.File.Problems).
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, st *state, name, hash string, page []byte, problems []Problem, status int) {
	// The page is sent in three parts, as inject would put them
	// together, rather than copied: large pages, fetched often.
	tag := s.script(st, name, hash, problems)
	i := headEnd(page)
	if i < 0 {
		tag, i = nil, len(page)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(page)+len(tag)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page[:i])
		w.Write(tag)
		w.Write(page[i:])
	}
}

// script returns the tag that loads the live-reload script, telling it the
// page it runs on, the page's hash, the problems of the build when it
// failed, so that a page loaded while the build is broken shows the
// overlay too, and the page's own problems.
func (s *Server) script(st *state, name, hash string, pageProblems []Problem) []byte {
	problems := []byte("null")
	if st.problems != nil {
		problems, _ = json.Marshal(st.problems)
	}
	var b bytes.Buffer
	b.WriteString(`<script src="`)
	b.WriteString(html.EscapeString(s.BasePath + internalDir + "live.js"))
	b.WriteString(`" data-base="`)
	b.WriteString(html.EscapeString(s.BasePath))
	b.WriteString(`" data-page="`)
	b.WriteString(html.EscapeString(name))
	b.WriteString(`" data-hash="`)
	b.WriteString(hash)
	b.WriteString(`" data-build="`)
	b.WriteString(strconv.Itoa(st.build))
	b.WriteString(`" data-problems="`)
	b.WriteString(html.EscapeString(string(problems)))
	if pageProblems != nil {
		data, _ := json.Marshal(pageProblems)
		b.WriteString(`" data-page-problems="`)
		b.WriteString(html.EscapeString(string(data)))
	}
	b.WriteString(`" defer></script>`)
	return b.Bytes()
}

// inject puts tag right after the page's <head> start tag. A document
// without one (a fragment, not a page) is left as it is.
func inject(page, tag []byte) []byte {
	i := headEnd(page)
	if i < 0 {
		return page
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// headEnd returns the offset just after the <head> start tag, or -1.
func headEnd(page []byte) int {
	for i := 0; ; {
		j := indexFold(page[i:], "<head")
		if j < 0 {
			return -1
		}
		j += i + len("<head")
		if j < len(page) && (page[j] == '>' || page[j] == ' ' || page[j] == '\t' || page[j] == '\n' || page[j] == '\r') {
			k := bytes.IndexByte(page[j:], '>')
			if k < 0 {
				return -1
			}
			return j + k + 1
		}
		i = j // "<header>", "<heading>": keep looking
	}
}

// indexFold is bytes.Index for an ASCII needle, ignoring case.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		if s[i] == '<' && strings.EqualFold(string(s[i:i+n]), needle) {
			return i
		}
	}
	return -1
}

// serveInternal answers the server's own paths.
func (s *Server) serveInternal(w http.ResponseWriter, r *http.Request, st *state, name string) {
	switch name {
	case "live.js":
		h := w.Header()
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "live.js", time.Time{}, bytes.NewReader(liveJS))
	case "events":
		s.events(w, r)
	default:
		s.notFound(w, r, st, "")
	}
}

// events streams a "build" event after every build, starting with a
// "hello" that tells the state now and, when the page the browser shows
// (the page and hash query parameters) changed since it was served,
// that it must reload: a build may have happened before the stream began.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	ch := s.hub.subscribe()
	defer s.hub.unsubscribe(ch)
	st := s.state.Load()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	hello := struct {
		Build    int       `json:"build"`
		OK       bool      `json:"ok"`
		Problems []Problem `json:"problems,omitempty"`
		Reload   bool      `json:"reload"`
	}{Build: st.build, OK: st.problems == nil, Problems: st.problems}
	if page := r.URL.Query().Get("page"); page != "" && st.snap != nil {
		hash := ""
		if f, ok := st.snap.File(page); ok {
			hash = hex.EncodeToString(f.Hash[:12])
		}
		hello.Reload = hash != r.URL.Query().Get("hash")
	}
	data, _ := json.Marshal(hello)
	rc := http.NewResponseController(w)
	if _, err := w.Write(append([]byte("retry: 500\n\n"), sse("hello", data)...)); err != nil {
		return
	}
	if rc.Flush() != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			if _, err := w.Write(msg); err != nil {
				return
			}
		case <-ping.C:
			if _, err := w.Write([]byte(": ping\n\n")); err != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}
