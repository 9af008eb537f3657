package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildCommand runs "isnad build" on a folder that has only content/:
// the embedded templates and assets must do.
func TestBuildCommand(t *testing.T) {
	src := t.TempDir()
	writeBuildFile(t, filepath.Join(src, "content", "2024", "a.txt"), "بواسطة نجيم\nقالت وكالة رويترز إن الاتفاق وقع.\n")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "--src", src}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "built 1 articles into ") || strings.Count(stdout.String(), "\n") != 1 {
		t.Errorf("stdout = %q, want a one-line summary", stdout.String())
	}
	page, err := os.ReadFile(filepath.Join(src, "site", "2024", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<html lang="ar" dir="rtl">`)) {
		t.Errorf("the page is not an Arabic page:\n%.300s", page)
	}
	if _, err := os.Stat(filepath.Join(src, "site", "assets", "isnad.css")); err != nil {
		t.Errorf("no embedded stylesheet: %v", err)
	}
}

// TestBuildCommandReportsProblems checks the exit code and that diagnostics
// name the file as seen from the current folder.
func TestBuildCommandReportsProblems(t *testing.T) {
	src := t.TempDir()
	writeBuildFile(t, filepath.Join(src, "content", "a.md"), "---\ntitle: [\n---\n")
	writeBuildFile(t, filepath.Join(src, "content", "b.md"), "+++\ndate = 'x'\n+++\n")
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "--src", src, "--out", out}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		filepath.Join(src, "content", "a.md") + ":2:8: ",
		filepath.Join(src, "content", "b.md") + ":2:1: date: cannot read \"x\" as a date",
		"failed with 2 error(s)",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout = %q, want nothing on failure", stdout.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed first build created the output folder")
	}
}

func TestBuildCommandFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "extra"}, &stdout, &stderr); code != 2 {
		t.Errorf("an extra argument: exit %d, want 2", code)
	}
	if code := run(context.Background(), []string{"build", "-h"}, &stdout, &stderr); code != 0 {
		t.Errorf("-h: exit %d, want 0", code)
	}
	if !strings.Contains(stderr.String(), "--base-url") && !strings.Contains(stderr.String(), "-base-url") {
		t.Errorf("usage lacks the flags:\n%s", stderr.String())
	}
}

func writeBuildFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
