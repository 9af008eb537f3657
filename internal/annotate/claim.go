package annotate

import (
	"encoding/json"

	"github.com/isnad/isnad/internal/outlet"
)

// Type is how a claim is attributed.
type Type string

const (
	Direct       Type = "direct"       // words in quotation marks
	Indirect     Type = "indirect"     // reported speech: "ذكرت الوكالة أن ...", "X said that ..."
	AccordingTo  Type = "according_to" // "بحسب X", "according to X", "وفق الصحيفة"
	Continuation Type = "continuation" // "وأوضح ...", "مضيفا ...": the previous source goes on
	Anaphora     Type = "anaphora"     // "وقالت الوكالة ...": a type noun points back to a source
	Headline     Type = "headline"     // "وول ستريت جورنال: ..."
	Dateline     Type = "dateline"     // "(رويترز) -"
)

// Origin tells claims the author marked from claims the annotator found.
type Origin string

const (
	Marked   Origin = "marked"
	Detected Origin = "detected"
)

// A Source is who a claim is attributed to. ID is the registry id, or ""
// when the source is not in the registry; Name is then the source as
// written in the text, so unknown outlets still show up.
type Source struct {
	ID   string      `json:"id"`
	Name string      `json:"name"`
	Kind outlet.Kind `json:"kind"`
}

// MarshalJSON writes an empty ID as null, as the annotate JSON contract
// says.
func (s Source) MarshalJSON() ([]byte, error) {
	var id *string
	if s.ID != "" {
		id = &s.ID
	}
	return json.Marshal(struct {
		ID   *string     `json:"id"`
		Name string      `json:"name"`
		Kind outlet.Kind `json:"kind"`
	}{id, s.Name, s.Kind})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Source) UnmarshalJSON(b []byte) error {
	var v struct {
		ID   *string     `json:"id"`
		Name string      `json:"name"`
		Kind outlet.Kind `json:"kind"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Source{Name: v.Name, Kind: v.Kind}
	if v.ID != nil {
		s.ID = *v.ID
	}
	return nil
}

// A Span is a half-open range of byte offsets into the file as it is on
// disk (front matter included), on UTF-8 boundaries.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// A Claim is one attributed statement. Start and End are byte offsets into
// the file as it is on disk; Text is exactly those bytes.
type Claim struct {
	ID      string   `json:"id"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Cue     string   `json:"cue"`
	Source  Source   `json:"source"`
	Via     []Source `json:"via"`
	Conduit *Source  `json:"conduit"`
	// Org is the body a person speaks for, resolved from their role on the
	// article's date ("أمين عام الناتو" → Stoltenberg, for NATO).
	Org    *Source `json:"org,omitempty"`
	Type   Type    `json:"type"`
	Origin Origin  `json:"origin"`
	// URL is the specific report the claim comes from, when the author gave
	// one (in the citation or in front matter "sources").
	URL string `json:"url,omitempty"`
	// Polarity is "deny" for denials ("نفى", "denied"), else empty.
	Polarity string `json:"polarity,omitempty"`
	// Plain is Text as a reader sees it, without its Markdown (see
	// PlainText), when the caller filled it in; pages quote it.
	Plain string `json:"-"`
}

// A Result is what the annotator found in one file.
type Result struct {
	File         string  `json:"file"`
	Lang         string  `json:"lang"`
	Claims       []Claim `json:"claims"`
	Unattributed []Span  `json:"unattributed"`
}
