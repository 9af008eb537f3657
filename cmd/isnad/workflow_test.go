package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPagesWorkflow reads .github/workflows/pages.yml: it must deploy
// with the official Pages actions and run "isnad check" before "isnad
// build". Its isnad commands are then run here as written, with the
// address configure-pages gives a project site, and must succeed.
func TestPagesWorkflow(t *testing.T) {
	root := filepath.Join("..", "..")
	wf, err := os.ReadFile(filepath.Join(root, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(wf)
	order := []string{"actions/checkout@", "actions/setup-go@", "actions/configure-pages@", "isnad check", "isnad build", "actions/upload-pages-artifact@", "actions/deploy-pages@"}
	last := -1
	for _, step := range order {
		i := strings.Index(text, step)
		if i < 0 {
			t.Fatalf("the workflow has no %s", step)
		}
		if i < last {
			t.Errorf("the workflow runs %s out of order", step)
		}
		last = i
	}
	for _, perm := range []string{"pages: write", "id-token: write"} {
		if !strings.Contains(text, perm) {
			t.Errorf("the workflow lacks the permission %q", perm)
		}
	}
	cmds := regexp.MustCompile(`run: go run \./cmd/isnad (.*)`).FindAllStringSubmatch(text, -1)
	if len(cmds) != 2 {
		t.Fatalf("found %d isnad commands, want check and build", len(cmds))
	}
	t.Chdir(root)
	out := t.TempDir()
	for _, m := range cmds {
		line := strings.ReplaceAll(m[1], `"${{ steps.pages.outputs.base_url }}/"`, "https://user.github.io/repo/")
		line = strings.ReplaceAll(line, "--out site", "--out "+filepath.Join(out, "site"))
		if strings.Contains(line, "${{") {
			t.Fatalf("unexpected expression in %q", m[1])
		}
		var stdout, stderr bytes.Buffer
		if code := run(t.Context(), strings.Fields(line), &stdout, &stderr); code != 0 {
			t.Errorf("isnad %s: exit %d\n%s%s", line, code, stdout.String(), stderr.String())
		}
	}
	for _, f := range []string{".nojekyll", "404.html", "feed.xml", "sitemap.xml", "index.html"} {
		if _, err := os.Stat(filepath.Join(out, "site", f)); err != nil {
			t.Errorf("the workflow's build wrote no %s", f)
		}
	}
}
