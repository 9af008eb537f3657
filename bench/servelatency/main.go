// Command servelatency measures how long a preview server takes to serve
// an edited page: it appends a line with a fresh marker to an article,
// then fetches the article's page every millisecond until the marker is
// in it. With several targets it takes turns, one edit each, so that the
// servers measured share the machine's ups and downs alike.
//
//	servelatency -runs 20 \
//		-target isnad=http://127.0.0.1:1313/2024/03/ar-00042/,/tmp/site/content/2024/03/ar-00042.md \
//		-target hugo=http://127.0.0.1:1314/2024/03/ar-00042/,/tmp/hugo/content/2024/03/ar-00042.md
//
// It prints each time, then the median, the spread and the slowest, per
// target. Each article is restored at the end.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"
)

type target struct {
	name, url, file string
	orig            []byte
	times           []time.Duration
}

type targets []*target

func (ts *targets) String() string { return "" }

func (ts *targets) Set(s string) error {
	name, rest, ok := strings.Cut(s, "=")
	url, file, ok2 := strings.Cut(rest, ",")
	if !ok || !ok2 {
		return errors.New("want NAME=URL,FILE")
	}
	*ts = append(*ts, &target{name: name, url: url, file: file})
	return nil
}

func main() {
	var ts targets
	flag.Var(&ts, "target", "a server to measure, as `NAME=URL,FILE`: the page's URL and the article it is made from (repeatable)")
	runs := flag.Int("runs", 20, "edits per target")
	timeout := flag.Duration("timeout", 60*time.Second, "how long to wait for one edit to show")
	settle := flag.Duration("settle", 700*time.Millisecond, "pause between edits, so that each is a separate save")
	flag.Parse()
	if len(ts) == 0 {
		flag.Usage()
		os.Exit(2)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for _, t := range ts {
		b, err := os.ReadFile(t.file)
		if err != nil {
			fail(err)
		}
		t.orig = b
		if _, err := fetch(client, t.url); err != nil {
			fail(fmt.Errorf("%s: %w", t.name, err))
		}
	}
	defer func() {
		for _, t := range ts {
			os.WriteFile(t.file, t.orig, 0o644)
		}
	}()
	for i := range *runs {
		for _, t := range ts {
			d, err := one(client, t, i, *timeout)
			if err != nil {
				for _, t := range ts {
					os.WriteFile(t.file, t.orig, 0o644)
				}
				fail(fmt.Errorf("%s, edit %d: %w", t.name, i+1, err))
			}
			t.times = append(t.times, d)
			fmt.Printf("%s edit %d: %.1f ms\n", t.name, i+1, ms(d))
			time.Sleep(*settle)
		}
	}
	fmt.Println()
	fmt.Printf("%-8s %8s %8s %8s %8s   (ms from save to the new page served, %d edits)\n", "server", "median", "p10", "p90", "max", *runs)
	for _, t := range ts {
		s := slices.Clone(t.times)
		slices.Sort(s)
		fmt.Printf("%-8s %8.1f %8.1f %8.1f %8.1f\n", t.name, ms(pct(s, 50)), ms(pct(s, 10)), ms(pct(s, 90)), ms(s[len(s)-1]))
	}
}

// one edits t's article and waits until its page shows the edit.
func one(client *http.Client, t *target, i int, timeout time.Duration) (time.Duration, error) {
	marker := fmt.Sprintf("servelatency%d%d", i, time.Now().UnixNano())
	body := append(append([]byte{}, t.orig...), []byte("\n\nReuters said "+marker+" was the word.\n")...)
	start := time.Now()
	if err := os.WriteFile(t.file, body, 0o644); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for ctx.Err() == nil {
		page, err := fetch(client, t.url)
		if err == nil && strings.Contains(page, marker) {
			return time.Since(start), nil
		}
		time.Sleep(time.Millisecond)
	}
	return 0, fmt.Errorf("the edit did not show within %v", timeout)
}

func fetch(client *http.Client, url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(b), err
}

func pct(sorted []time.Duration, p int) time.Duration {
	return sorted[(len(sorted)-1)*p/100]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "servelatency:", err)
	os.Exit(1)
}
