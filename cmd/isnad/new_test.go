package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNewCommand: "isnad new" writes the article where asked, prints its
// path, guesses the language, takes flags after the title, and refuses
// to overwrite.
func TestNewCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args     []string
		file     string
		contains []string
	}{
		{[]string{"--dir", dir, "بوتين يزور بيونغ يانغ"}, "بوتين-يزور-بيونغ-يانغ.md",
			[]string{`title: "بوتين يزور بيونغ يانغ"`, "lang: ar\n", "dir: rtl\n", `slug: "بوتين-يزور-بيونغ-يانغ"`}},
		{[]string{"Putin", "visits", "Pyongyang", "--dir", dir, "--draft"}, "putin-visits-pyongyang.md",
			[]string{`title: "Putin visits Pyongyang"`, "lang: en\n", "dir: ltr\n", "draft: true\n"}},
		{[]string{"--lang", "ar", "--dir", dir, "NATO summit"}, "nato-summit.md",
			[]string{"lang: ar\n", "dir: rtl\n"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(t.Context(), append([]string{"new"}, tt.args...), &stdout, &stderr); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, stderr.String())
		}
		want := filepath.Join(dir, tt.file)
		if strings.TrimSpace(stdout.String()) != want {
			t.Errorf("%q: printed %q, want %q", tt.args, stdout.String(), want)
		}
		b, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tt.contains {
			if !strings.Contains(string(b), c) {
				t.Errorf("%s lacks %q:\n%s", tt.file, c, b)
			}
		}
		if !strings.Contains(string(b), "date: "+strconv.Itoa(time.Now().Year())) {
			t.Errorf("%s has no date of today:\n%s", tt.file, b)
		}
	}

	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"new", "--dir", dir, "Putin visits Pyongyang"}, &stdout, &stderr); code != 1 {
		t.Errorf("overwriting: exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "putin-visits-pyongyang.md already exists") {
		t.Errorf("stderr = %q", stderr.String())
	}
	if code := run(t.Context(), []string{"new"}, &stdout, &stderr); code != 2 {
		t.Errorf("no title: exit %d, want 2", code)
	}
}

// TestNewDefaultFolder writes into content/YEAR of the current folder.
func TestNewDefaultFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"new", "Red Sea shipping"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := filepath.Join("content", strconv.Itoa(time.Now().Year()), "red-sea-shipping.md")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("no %s: %v", want, err)
	}
}
