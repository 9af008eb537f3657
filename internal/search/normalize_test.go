package search

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Table is testdata/normalize.json, the cases the Go index and the
// browser's script must both pass.
type Table struct {
	Samples []string `json:"samples"`
	Words   []struct {
		Text  string   `json:"text"`
		Words []string `json:"words"`
	} `json:"words"`
	Keys []struct {
		Word  string   `json:"word"`
		Keys  []string `json:"keys"`
		Query []string `json:"query"`
	} `json:"keys"`
	Stems []struct {
		Word string `json:"word"`
		Stem string `json:"stem"`
	} `json:"stems"`
	Matches []struct {
		Query string `json:"query"`
		Text  string `json:"text"`
		Match bool   `json:"match"`
	} `json:"matches"`
}

// LoadTable reads the shared table.
func LoadTable(t testing.TB, file string) *Table {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var tab Table
	if err := json.Unmarshal(b, &tab); err != nil {
		t.Fatal(err)
	}
	return &tab
}

// TestNormalizeTable runs the Go side of the shared table.
func TestNormalizeTable(t *testing.T) {
	tab := LoadTable(t, "testdata/normalize.json")
	for _, c := range tab.Words {
		if diff := cmp.Diff(c.Words, Words(c.Text), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Words(%q) (-want +got):\n%s", c.Text, diff)
		}
	}
	for _, c := range tab.Keys {
		if diff := cmp.Diff(c.Keys, Keys(c.Word)); diff != "" {
			t.Errorf("Keys(%q) (-want +got):\n%s", c.Word, diff)
		}
		if diff := cmp.Diff(c.Query, QueryKeys(c.Word)); diff != "" {
			t.Errorf("QueryKeys(%q) (-want +got):\n%s", c.Word, diff)
		}
	}
	for _, c := range tab.Stems {
		if got := EnglishStem(c.Word); got != c.Stem {
			t.Errorf("EnglishStem(%q) = %q, want %q", c.Word, got, c.Stem)
		}
	}
	for _, c := range tab.Matches {
		if got := MatchesText(c.Query, c.Text); got != c.Match {
			t.Errorf("query %q in text %q: match %v, want %v", c.Query, c.Text, got, c.Match)
		}
	}
}
