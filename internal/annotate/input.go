package annotate

import "time"

// BlockKind is the role of a block of text in an article.
type BlockKind int

const (
	Paragraph  BlockKind = iota
	Heading              // a Markdown heading, or a short quoted line in a plain-text article
	Title                // the article's title, when it is part of the text (headline colons)
	Byline               // "بواسطة نجيم", "By Jane Doe": never a claim
	ListItem             // a paragraph inside a list item
	BlockQuote           // a paragraph inside a block quote
	TableCell
)

// A Seg ties a run of a block's Text to the same bytes in the file:
// Text[Text:Text+Len] == Src[Src:Src+Len]. Bytes of Text outside every Seg
// are synthetic (a space standing for a soft line break); they map to the
// start of the next Seg.
type Seg struct {
	Text, Src, Len int
}

// A Block is a unit of running text: a paragraph, a heading, a list item.
// Sentences never cross blocks.
type Block struct {
	Kind BlockKind
	Text string
	Segs []Seg
}

// A Mark is a claim the author marked by hand with the citation syntax
// (see the package documentation). Start and End are byte offsets into the
// file of the marked text; for a citation that attaches the sentence
// around it, Sentence is set and the annotator finds the sentence holding
// At (or ending just before it). SourceID is a registry id, a registered
// name or alias, or "=name" for a source outside the registry; it is
// checked against the registry.
type Mark struct {
	Start, End int
	Sentence   bool
	At         int // where the citation is written, for diagnostics
	SourceID   string
	URL        string
	Via        []string // the chain behind the source, as written
	Conduit    string
	// Off says the text is not a claim at all: the editor overrides a
	// detection ("{-}").
	Off bool
	// Err is a syntax error in the markup, reported at At.
	Err string
}

// An Override is an editor's correction kept out of the text, in front
// matter: the claim whose id is Key (or whose text contains the fragment
// Key) is not a claim (Off), or has the source Source.
type Override struct {
	Key    string
	Source string
	URL    string
	Off    bool
	At     int // offset of the override in the file, for diagnostics
}

// An Input is one article, ready to annotate.
type Input struct {
	File   string    // path shown in results and diagnostics
	Src    []byte    // the file as it is on disk
	Lang   string    // "ar", "en", ...
	Date   time.Time // the article's date; resolves roles to people
	Blocks []Block
	Marks  []Mark
	// Sources maps registry ids to the URL of the specific report the
	// article cites (front matter "sources").
	Sources map[string]string
	// Overrides are the editor's corrections from front matter "claims".
	Overrides []Override
}
