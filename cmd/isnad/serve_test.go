package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeMovesOffATakenPortAndStopsOnInterrupt runs "isnad serve" on a
// taken port under a base URL with a path, fetches a page from the URL it
// prints, then cancels its context as Ctrl-C does and expects a clean
// exit. (Issue 5, point 1.)
func TestServeMovesOffATakenPortAndStopsOnInterrupt(t *testing.T) {
	dir := t.TempDir()
	article := "---\ntitle: Hello\ndate: 2024-01-02\n---\n\nReuters said hello.\n"
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "hello.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "--src", dir, "--port", strconv.Itoa(port), "--base-url", "https://user.github.io/repo/"}, &stdout, &stderr)
	}()
	urlRE := regexp.MustCompile(`at (http://127\.0\.0\.1:(\d+)/repo/) `)
	var url string
	for deadline := time.Now().Add(20 * time.Second); url == ""; {
		if m := urlRE.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			if m[2] == strconv.Itoa(port) {
				t.Errorf("served on the taken port %d", port)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), "port "+strconv.Itoa(port)+" is taken") {
		t.Errorf("stderr does not say the port was taken:\n%s", stderr.String())
	}
	var body string
	for deadline := time.Now().Add(20 * time.Second); ; {
		resp, err := http.Get(url + "hello/")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				body = string(b)
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %shello/ never succeeded: %v", url, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(body, "Reuters said hello.") || !strings.Contains(body, `<link rel="canonical" href="`+url+`hello/">`) {
		t.Errorf("page at %shello/:\n%.800s", url, body)
	}

	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit code %d after interrupt; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10s of the interrupt")
	}
	if !strings.Contains(stdout.String(), "stopped") {
		t.Errorf("stdout: %s", stdout.String())
	}
}
