package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnnotateSeedJSON runs "isnad annotate" on the seed article: the JSON
// contract of DESIGN.md, offsets into the file as on disk.
func TestAnnotateSeedJSON(t *testing.T) {
	file := filepath.Join("..", "..", "content", "2024", "putin-pyongyang.txt")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"annotate", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	var res struct {
		File   string
		Lang   string
		Claims []struct {
			ID         string
			Start, End int
			Text       string
			Source     struct{ ID *string }
			Via        []any
			Conduit    any
			Type       string
			Origin     string
		}
		Unattributed []struct{ Start, End int }
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout.String())
	}
	if res.File != file || res.Lang != "ar" || len(res.Claims) != 9 || len(res.Unattributed) != 2 {
		t.Fatalf("file %q lang %q: %d claims, %d unattributed", res.File, res.Lang, len(res.Claims), len(res.Unattributed))
	}
	for _, c := range res.Claims {
		if string(src[c.Start:c.End]) != c.Text {
			t.Errorf("claim %s: text is not the file's bytes %d:%d", c.ID, c.Start, c.End)
		}
		if c.Via == nil || c.Source.ID == nil || !strings.HasPrefix(c.ID, "c-") || c.Origin != "detected" {
			t.Errorf("claim %s: %+v", c.ID, c)
		}
	}
}

// TestAnnotateSeveralFiles: several files give a JSON array; a file that
// cannot be read is a diagnostic and exit status 1, the others still
// print.
func TestAnnotateSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("---\ntitle: A\nlang: en\n---\n\nReuters reported that talks stalled [@reutres].\n"), 0o644)
	os.WriteFile(b, []byte("قالت وكالة رويترز إن المحادثات توقفت.\n"), 0o644)
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), []string{"annotate", a, b, filepath.Join(dir, "missing.md")}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var res []struct{ File string }
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || len(res) != 2 {
		t.Fatalf("want a JSON array of 2: %v\n%s", err, stdout.String())
	}
	for _, want := range []string{"missing.md: cannot read", `a.md:6:38: unknown source "reutres"; did you mean "reuters"?`} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestAnnotateText: the editor's format shows source, type and cue.
func TestAnnotateText(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("وقال مسؤول إسرائيلي لرويترز إن الجيش سيواصل عملياته.\nوارتفعت الأسعار.\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"annotate", "--format", "text", f}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"1 claims, 1 unattributed", "1:1 c-", "indirect", "=مسؤول إسرائيلي", "to reuters", `cue "قال"`, "2:1  وارتفعت الأسعار"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
