package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand: the sample site passes, with warnings; a broken site
// fails with file:line:col errors named from the current folder, in text
// and in JSON.
func TestCheckCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"check", "--src", "../..", "--base-url", "https://user.github.io/repo/"}, &stdout, &stderr); code != 0 {
		t.Fatalf("the sample site: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), " 0 error(s)") {
		t.Errorf("sample site report:\n%s", stdout.String())
	}

	src := t.TempDir()
	writeBuildFile(t, filepath.Join(src, "content", "a.md"), "---\ntitle: A\ndate: 2024-06-20\nlang: en\n---\nReuters said talks stalled [@reutres]. See [b](../b/index.html#x).\n")
	writeBuildFile(t, filepath.Join(src, "content", "b.md"), "---\ntitle: B\ndate: x\n---\nب\n")
	stdout.Reset()
	if code := run(t.Context(), []string{"check", "--src", src}, &stdout, &stderr); code != 1 {
		t.Errorf("broken site: exit %d, want 1", code)
	}
	a := filepath.Join(src, "content", "a.md")
	for _, want := range []string{
		a + `:6:29: unknown source "reutres"; did you mean "reuters"?`,
		a + `:6:48: broken link "../b/index.html#x": b/index.html has no id "x"`,
		filepath.Join(src, "content", "b.md") + `:3:1: date: cannot read "x" as a date`,
		filepath.Join(src, "isnad.toml") + ": warning: baseURL is not a full address",
		"error(s)",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stdout.String())
		}
	}

	stdout.Reset()
	if code := run(t.Context(), []string{"check", "--src", src, "--format", "json"}, &stdout, &stderr); code != 1 {
		t.Errorf("json: exit %d, want 1", code)
	}
	var rep struct {
		OK          bool
		Errors      int
		Diagnostics []struct {
			File, Severity, Message string
			Line, Col               int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	if rep.OK || rep.Errors != 3 || len(rep.Diagnostics) < 4 {
		t.Errorf("json report: %+v", rep)
	}
	found := false
	for _, d := range rep.Diagnostics {
		if d.File == a && d.Line == 6 && d.Col == 29 && d.Severity == "error" && strings.HasPrefix(d.Message, "unknown source") {
			found = true
		}
	}
	if !found {
		t.Errorf("no positioned citation error in %+v", rep.Diagnostics)
	}
	if code := run(t.Context(), []string{"check", "--format", "xml"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	if _, err := os.Stat(filepath.Join(src, "site")); err == nil {
		t.Error("check wrote site/")
	}
}
