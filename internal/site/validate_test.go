package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSampleSiteValidates runs the Nu Html Checker (vnu.jar, as CI
// installs it from npm, named by ISNAD_VNU_JAR) over every page and
// stylesheet of the sample site, the outlet pages among them: no errors,
// no warnings.
func TestSampleSiteValidates(t *testing.T) {
	jar := os.Getenv("ISNAD_VNU_JAR")
	if jar == "" {
		if p, err := filepath.Abs("../../node_modules/vnu-jar/build/dist/vnu.jar"); err == nil {
			if _, err := os.Stat(p); err == nil {
				jar = p
			}
		}
	}
	java, err := exec.LookPath("java")
	if jar == "" || err != nil {
		t.Skip("no vnu.jar (ISNAD_VNU_JAR) or no java")
	}
	dir := buildSample(t)
	unlisted, _ := filepath.Glob(filepath.Join(dir, "outlets", "unlisted", "*", "index.html"))
	for _, p := range []string{"outlets/index.html", "outlets/kcna/index.html", "outlets/jens-stoltenberg/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("no %s to validate: %v", p, err)
		}
	}
	if len(unlisted) == 0 {
		t.Error("no page of a source outside the registry to validate")
	}
	css, _ := filepath.Glob(filepath.Join(dir, "assets", "*.css"))
	if len(css) == 0 {
		t.Fatal("no stylesheets in assets/")
	}
	for _, args := range [][]string{
		{"-jar", jar, "--skip-non-html", dir},
		append([]string{"-jar", jar, "--css"}, css...),
	} {
		cmd := exec.CommandContext(t.Context(), java, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil || out.Len() > 0 {
			t.Errorf("vnu %v: %v\n%s", args[2], err, out.String())
		}
	}
}
