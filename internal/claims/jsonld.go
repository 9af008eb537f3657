package claims

import (
	"encoding/json"
	"time"

	"github.com/isnad/isnad/internal/annotate"
	"github.com/isnad/isnad/internal/outlet"
)

// Page is what JSON-LD says of an article's page besides its claims.
type Page struct {
	// URL is the page's absolute URL, or "" when the site has no base
	// URL; Base is the site's base URL ("https://example.org/briefs/") or
	// "".
	URL, Base   string
	Headline    string
	Description string
	Published   time.Time
	Modified    time.Time
	Authors     []string
	// Publisher is the site's title.
	Publisher string
}

// JSONLD returns the schema.org description of the article: a
// NewsArticle whose citation lists the reports it cites (a CreativeWork
// per report URL, else the outlet itself), a Claim for each claim (its
// appearance the article, its author the source), and a Quotation for
// each direct quote. There is no ClaimReview: isnad attributes, it does
// not rate. The JSON escapes <, > and & so it is safe inside <script>.
func (a *Article) JSONLD(p Page) ([]byte, error) {
	id := p.URL
	if id == "" {
		id = "#article"
	}
	article := map[string]any{
		"@type":      "NewsArticle",
		"@id":        id,
		"headline":   p.Headline,
		"inLanguage": a.Lang,
	}
	if p.URL != "" {
		article["url"] = p.URL
		article["mainEntityOfPage"] = p.URL
	}
	if p.Description != "" {
		article["description"] = p.Description
	}
	if !p.Published.IsZero() {
		article["datePublished"] = p.Published.Format(time.RFC3339)
	}
	if !p.Modified.IsZero() {
		article["dateModified"] = p.Modified.Format(time.RFC3339)
	}
	if len(p.Authors) > 0 {
		var authors []any
		for _, name := range p.Authors {
			authors = append(authors, map[string]any{"@type": "Person", "name": name})
		}
		article["author"] = authors
	}
	if p.Publisher != "" {
		article["publisher"] = map[string]any{"@type": "Organization", "name": p.Publisher}
	}
	var citations []any
	for _, g := range a.Groups {
		org := a.entity(g.Source, p.Base)
		if len(g.Reports) == 0 {
			citations = append(citations, org)
			continue
		}
		for _, u := range g.Reports {
			citations = append(citations, map[string]any{"@type": "CreativeWork", "url": u, "publisher": org})
		}
	}
	if len(citations) > 0 {
		article["citation"] = citations
	}
	graph := []any{article}
	ref := map[string]any{"@id": id}
	for _, c := range a.Claims {
		author := a.speaker(c, p.Base)
		claimID := p.URL + "#" + c.ID
		claim := map[string]any{
			"@type":      "Claim",
			"@id":        claimID,
			"text":       c.Display(),
			"appearance": ref,
			"author":     author,
		}
		if c.Report != "" {
			claim["isBasedOn"] = c.Report
		}
		graph = append(graph, claim)
		if c.Type == annotate.Direct {
			q := map[string]any{
				"@type":             "Quotation",
				"@id":               claimID + "-quote",
				"text":              c.Quote(),
				"spokenByCharacter": author,
				"isPartOf":          ref,
				"about":             map[string]any{"@id": claimID},
			}
			if c.Source.Kind == outlet.Person {
				q["creator"] = author
			}
			graph = append(graph, q)
		}
	}
	return json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": graph})
}

// entity describes a source as a schema.org Person or Organization.
func (a *Article) entity(s Source, base string) map[string]any {
	typ := "Organization"
	if s.Kind == outlet.Person {
		typ = "Person"
	}
	names := s.Names(a.Lang)
	e := map[string]any{"@type": typ, "name": names[0].Text}
	if len(names) > 1 {
		e["alternateName"] = names[1].Text
	}
	if u := s.Homepage(); u != "" {
		e["url"] = u
	}
	if base != "" {
		e["@id"] = base + s.Path()
	}
	return e
}

// speaker is the entity a claim is attributed to, with the body a person
// speaks for.
func (a *Article) speaker(c *Claim, base string) map[string]any {
	e := a.entity(c.Source, base)
	if c.Org != nil && c.Source.Kind == outlet.Person {
		e["affiliation"] = a.entity(*c.Org, base)
		if r := c.Role(); r.Text != "" {
			e["jobTitle"] = r.Text
		}
	}
	return e
}
