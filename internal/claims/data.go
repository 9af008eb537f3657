package claims

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/isnad/isnad/internal/annotate"
)

// Data is an article's claims as data: the fields of "isnad annotate
// --format json" (DESIGN.md, Contracts) and the article's URL, absolute
// when the site has a base URL, else from the site root
// ("2024/putin-pyongyang/").
type Data struct {
	*annotate.Result
	URL string `json:"url"`
}

// Data returns the article's claims as data, with its URL.
func (a *Article) Data(url string) Data { return Data{Result: a.Result, URL: url} }

// MarshalJSON writes v (a Data or a list of them) indented, as
// "isnad annotate" does, without HTML escaping: the files are served as
// JSON, never inlined in HTML.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding claims: %w", err)
	}
	return buf.Bytes(), nil
}
