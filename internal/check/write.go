package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/isnad/isnad/internal/diag"
)

// WriteText writes the report for people: one diagnostic a line, the
// entries to add to the registry, and a summary.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Diags {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	if len(r.Unresolved) > 0 {
		fmt.Fprintf(&b, "\n# %d source(s) are not in the outlet registry. To tie their claims to an outlet page,\n# complete these entries and add them to %s:\n", len(r.Unresolved), RegistryFile)
		for _, u := range r.Unresolved {
			fmt.Fprintf(&b, "\n# cited by %d claim(s) in %s\n%s", u.Claims, strings.Join(u.Files, ", "), u.Suggestion())
		}
		b.WriteByte('\n')
	}
	errs := len(r.Diags.Errors())
	fmt.Fprintf(&b, "checked %d articles, %d pages, %d links: %d error(s), %d warning(s)\n",
		r.Articles, r.Pages, r.Links, errs, len(r.Diags)-errs)
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonReport is the report as JSON, for tools.
type jsonReport struct {
	OK          bool             `json:"ok"`
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Articles    int              `json:"articles"`
	Pages       int              `json:"pages"`
	Links       int              `json:"links"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Unresolved  []jsonUnresolved `json:"unresolved"`
}

type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonUnresolved struct {
	Unresolved
	Suggestion string `json:"suggestion"`
}

// WriteJSON writes the report as one JSON object:
//
//	{"ok": false, "errors": 1, "warnings": 2, "articles": 3, "pages": 18, "links": 240,
//	 "diagnostics": [{"file": "content/a.md", "line": 5, "col": 12,
//	                  "severity": "error", "message": "unknown source ..."}],
//	 "unresolved": [{"name": "صحيفة الغد", "kind": "newspaper", "lang": "ar",
//	                 "claims": 2, "files": ["content/a.md"], "suggestion": "- id: ...\n"}]}
func (r *Report) WriteJSON(w io.Writer) error {
	errs := len(r.Diags.Errors())
	out := jsonReport{
		OK: r.OK(), Errors: errs, Warnings: len(r.Diags) - errs,
		Articles: r.Articles, Pages: r.Pages, Links: r.Links,
		Diagnostics: []jsonDiagnostic{}, Unresolved: []jsonUnresolved{},
	}
	for _, d := range r.Diags {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: sev, Message: d.Msg})
	}
	for _, u := range r.Unresolved {
		out.Unresolved = append(out.Unresolved, jsonUnresolved{Unresolved: u, Suggestion: u.Suggestion()})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
